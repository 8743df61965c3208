"""What a rule is given: the map, its structure, its source texts, and the rule's options.

:class:`MapContext` holds what every rule of one map shares (computed once, lazily);
:class:`RuleContext` adds one rule's options and the :meth:`~RuleContext.at` helper that builds
findings at the most specific location.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from argmap.analyse import ArgumentGraph
from argmap.analyse.evidence import EvidenceFacts
from argmap.analyse.passage import Passage, SourceLayout
from argmap.analyse.quote_match import QuoteMatch, find_quote
from argmap.analyse.sources import SourceReader, SourceText
from argmap.lint.rule import Finding, OptionValue
from argmap.model import ArgumentMap, LoadedMap, MapIndex, Quote, Suppression

if TYPE_CHECKING:
    from argmap.analyse.evaluation import Evaluation


@dataclass(frozen=True)
class QuoteSearch:
    """Where a quote occurs verbatim in its source (up to three places)."""

    source: SourceText
    text: str
    found: list[QuoteMatch]

    def spans(self) -> str:
        """The occurrences' original offsets, ``"12-41, 80-109"``."""
        return ", ".join(f"{match.start}-{match.end}" for match in self.found)


class UnusedSuppression(NamedTuple):
    """A ``suppress:`` entry that silenced nothing, or that names no rule."""

    element: str
    position: int
    suppression: Suppression
    unknown_rule: bool


@dataclass
class MapContext:
    """Everything the rules of one map share."""

    loaded: LoadedMap
    graph: ArgumentGraph
    sources: SourceReader
    vocabulary: str
    unchecked: set[str] = field(default_factory=set)
    unused_suppressions: list[UnusedSuppression] = field(default_factory=list)
    _searches: dict[str, QuoteSearch | None] = field(default_factory=dict)
    _layouts: dict[str, SourceLayout] = field(default_factory=dict)

    @cached_property
    def evidence(self) -> EvidenceFacts:
        return EvidenceFacts(self.loaded.model, self.graph)

    @cached_property
    def evaluation(self) -> Evaluation:
        """The map's grounded evaluation, computed once for the rules that read it."""
        from argmap.analyse.evaluation import evaluate

        return evaluate(self.loaded.model)

    def search(self, quote: Quote) -> QuoteSearch | None:
        """The quote's occurrences in its source; None (and unchecked) if the source is unread."""
        if quote.id not in self._searches:
            source = self.sources.text_of(quote.source)
            if source is None:
                self.unchecked.add(quote.id)
                self._searches[quote.id] = None
            else:
                self._searches[quote.id] = QuoteSearch(source, quote.text,
                                                       find_quote(source.text, quote.text))
        return self._searches[quote.id]

    def passage(self, quote: Quote) -> Passage | None:
        """The quote's sentence and paragraph in its source (at its stated offsets when they
        hold one of its occurrences, else its first); None if it is not found there."""
        search = self.search(quote)
        if search is None or not search.found:
            return None
        match = next((found for found in search.found if found.start == quote.start),
                     search.found[0])
        return self.layout(quote.source, search.source).passage(match.start, match.end)

    def layout(self, source_id: str, source: SourceText) -> SourceLayout:
        """The sentences and paragraphs of a source's text, found once per map."""
        layout = self._layouts.get(source_id)
        if layout is None:
            layout = self._layouts[source_id] = SourceLayout(source.text.original)
        return layout


class RuleContext:
    """One rule's view: the shared map context plus the rule's options."""

    def __init__(self, shared: MapContext, options: Mapping[str, OptionValue]) -> None:
        self.shared = shared
        self.options = options

    @property
    def loaded(self) -> LoadedMap:
        return self.shared.loaded

    @property
    def model(self) -> ArgumentMap:
        return self.shared.loaded.model

    @property
    def index(self) -> MapIndex:
        return self.shared.loaded.index

    @property
    def graph(self) -> ArgumentGraph:
        return self.shared.graph

    @property
    def sources(self) -> SourceReader:
        return self.shared.sources

    @property
    def evidence(self) -> EvidenceFacts:
        return self.shared.evidence

    @property
    def vocabulary(self) -> str:
        return self.shared.vocabulary

    def search(self, quote: Quote) -> QuoteSearch | None:
        return self.shared.search(quote)

    def passage(self, quote: Quote) -> Passage | None:
        return self.shared.passage(quote)

    def layout(self, source_id: str, source: SourceText) -> SourceLayout:
        return self.shared.layout(source_id, source)

    def words(self, name: str) -> tuple[str, ...]:
        """A list-of-strings option (its type was checked when the configuration was read)."""
        value = self.options[name]
        if not isinstance(value, tuple):
            raise TypeError(f"option {name} is not a list")
        return value

    def number(self, name: str) -> float:
        value = self.options[name]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"option {name} is not a number")
        return value

    def flag(self, name: str) -> bool:
        return self.options[name] is True

    def at(self, element_id: str, *fields: str | int, message: str, key: bool = False
           ) -> Finding:
        """A finding about ``element_id``, pointing at one of its fields (or at the element)."""
        return Finding(element_id, self.index.loc_of(element_id, *fields), message, key)
