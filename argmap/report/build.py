"""One valid map becomes one reader page: sources placed, lint run, diagram drawn, page filled.

Only an invalid map stops a report (its problems are the command's to print). Everything else
that goes wrong is shown on the page and returned as a notice: a source text that is missing,
changed since its checksum was recorded, or refused; quotes not found in their text; a diagram
the engine could not draw.
"""

from __future__ import annotations

import contextlib
import html
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from argmap._version import __version__
from argmap.analyse import ArgumentGraph
from argmap.analyse.evaluation import evaluate
from argmap.analyse.quotes import QuotePlace, place_quotes
from argmap.analyse.sources import SourceFailure, SourceReader, SourceText
from argmap.lint.config import LintConfig
from argmap.lint.engine import LintSettings, effective_vocabulary, lint_by_element
from argmap.model import LoadedMap
from argmap.model.elements import Source
from argmap.problems import ArgmapError, Problem
from argmap.read import DEFAULT_LIMITS, Limits
from argmap.render.style import basis_palette
from argmap.render.text import clean
from argmap.report.article import Coverage, article_html
from argmap.report.data import PageFacts, page_records, quote_looks
from argmap.report.page import fill, json_for_script
from argmap.report.svg import SvgError, inline_svg

if TYPE_CHECKING:
    from argmap.render.layouts import LayoutCache
    from argmap.render.pipeline import Drawing, SideBySide

FILTERS = (("fact", "facts"), ("claim", "claims"), ("judgment", "judgments"),
           ("assumption", "assumptions"), ("hypothesis", "hypotheses"), ("step", "steps"),
           ("quote", "quotes"))

VIEWS = (("overview", "Overview"), ("full", "Full map"))  # as the page shows them
# As they are laid out: the full view, the longest layout, first; the overview's DOT is built
# while it runs.
LAYOUT_ORDER = ("full", "overview")
VIEW_HINTS = {"overview": "the judgments and hypotheses, each with a summary of its basis",
              "full": "every element, down to the quotes"}


@dataclass(frozen=True)
class ReportOptions:
    config: LintConfig = field(default_factory=LintConfig)
    allow_outside_paths: bool = False
    engine: str | None = None  # None: $ARGMAP_ENGINE, else system dot, else graphviz-pure
    timeout: float = 300.0
    max_nodes: int | None = None
    limits: Limits = DEFAULT_LIMITS
    # Layouts kept between pages of one process (argmap watch): a view that did not change is
    # not laid out again.
    layouts: LayoutCache | None = field(default=None, compare=False)


@dataclass
class ReportPage:
    """The page, what it shows went wrong (for the command to mention on stderr), the stamped
    drawings of the views it shows and its lint findings by element (for a caller that writes
    the diagram and prints the problems too)."""

    html: str
    notices: list[str]
    drawings: dict[str, Drawing] = field(default_factory=dict)
    findings: Sequence[tuple[str | None, Problem]] = ()


def build_report(loaded: LoadedMap, options: ReportOptions,
                 findings: Sequence[tuple[str | None, Problem]] | None = None) -> ReportPage:
    """The page of ``loaded``; ``findings`` are its lint findings by element when the caller
    has already linted it with ``options.config`` (else the page lints it, while the diagrams
    are being laid out)."""
    views = _start_views(loaded, options)
    with contextlib.nullcontext() if isinstance(views, ArgmapError) else views:
        return _build(loaded, options, findings, views)


def _build(loaded: LoadedMap, options: ReportOptions,
           findings: Sequence[tuple[str | None, Problem]] | None,
           views: SideBySide | ArgmapError) -> ReportPage:
    model = loaded.model
    graph = ArgumentGraph.of(model)
    allow = options.allow_outside_paths or options.config.allow_outside_paths
    reader = SourceReader(loaded, allow_outside=allow, limits=options.limits)
    places = place_quotes(model.quotes, reader)
    if findings is None:
        findings = lint_by_element(loaded, LintSettings(options.config, allow, options.limits))
    by_element: dict[str | None, list[Problem]] = defaultdict(list)
    for element, problem in findings:
        by_element[element].append(problem)
    notices: list[str] = []
    # Each source's quotes and every quote's colour found once, not once per source: a map
    # has a source per couple of dozen quotes, so per-source scans grew with the square.
    mine: dict[str, list[QuotePlace]] = defaultdict(list)
    for place in places.values():
        mine[place.source].append(place)
    looks = quote_looks(model)
    articles = [_article(source, reader, mine[source.id], looks, notices)
                for source in model.sources]
    evaluation = evaluate(model)
    facts = PageFacts(loaded, graph, effective_vocabulary(loaded, options.config), places,
                      by_element, evaluation.labels, evaluation.reasons)
    records = page_records(facts)
    buttons, diagrams, drawings = _diagrams(views, set(_element_ids(loaded)), notices,
                                                options.layouts)
    parts = {
        "title": _text(model.map.title), "version": __version__,
        "meta": _meta(loaded, records),
        "filters": _filters(), "label_header": "<th>stands?</th>" if facts.labels else "",
        "article": "\n".join(articles) or '<p class="notice">The map names no source.</p>',
        "views": buttons, "diagram": diagrams,
        "overview": _overview(loaded, notices, by_element.get(None, [])),
        "data": json_for_script(records),
    }
    return ReportPage(fill(parts, _basis_colours()), notices, drawings, findings)


def _basis_colours() -> dict[str, str]:
    """Each class of basis in the diagram's colours (one table: ``argmap.render.style``)."""
    colours = {}
    for name, look in basis_palette().items():
        colours[f"basis-{name}"] = look["fill"]
        colours[f"basis-{name}-border"] = look["border"]
        colours["basis-ink"] = look["ink"]
    return colours


def _element_ids(loaded: LoadedMap) -> list[str]:
    model = loaded.model
    return [element.id for section in (model.quotes, model.propositions, model.inferences,
                                       model.attacks, model.questions) for element in section]


def _text(value: object) -> str:
    return html.escape(clean(str(value)), quote=True)


def _meta(loaded: LoadedMap, records: dict[str, object]) -> str:
    model = loaded.model
    counts = [(len(model.quotes), "quote"), (len(model.propositions), "proposition"),
              (len(model.inferences), "inference"), (len(model.attacks), "attack")]
    words = ", ".join(f"{count} {noun}{'' if count == 1 else 's'}" for count, noun in counts)
    who = f"; mapped by {model.map.analyst}" if model.map.analyst else ""
    return _text(f"{loaded.path.name}: {words}{who}")


def _filters() -> str:
    boxes = [f'<label class="k-{look}"><input type="checkbox" data-look="{look}" checked> '
             f"{words}</label>" for look, words in FILTERS]
    return "\n      ".join(boxes)


def _article(source: Source, reader: SourceReader, mine: list[QuotePlace],
             looks: dict[str, str], notices: list[str]) -> str:
    read = reader.read(source)
    heading = f'<div class="source-head"><h2>{_text(source.title)}</h2>'
    if isinstance(read, SourceFailure):
        notices.append(read.message)
        return (f'{heading}</div><div class="notice"><b>The text cannot be shown:</b> '
                f"{_text(read.message)}. {len(mine)} quotes from it are listed in the map but "
                "cannot be placed.</div>")
    body, coverage = article_html(read.text.original, mine, looks.__getitem__)
    warnings = _source_warnings(source, read, mine, notices)
    return (f'{heading}<p class="coverage">{_coverage(coverage)} &middot; <label>'
            '<input type="checkbox" class="gaps"> mark unquoted sentences</label></p></div>'
            f'{warnings}<div class="text" data-source="{_text(source.id)}">{body}</div>')


def _coverage(coverage: Coverage) -> str:
    return _text("Coverage: " + coverage.describe())


def _source_warnings(source: Source, read: SourceText, places: Sequence[QuotePlace],
                     notices: list[str]) -> str:
    parts = []
    if source.sha256 is not None and source.sha256 != read.sha256:
        message = (f"source `{source.id}` changed since the map recorded it: `{source.path}` "
                   f"now has sha256 {read.sha256}; its quotes are placed in the text as it is now")
        notices.append(message)
        parts.append(f'<div class="notice"><b>Changed source.</b> {_text(message)}.</div>')
    missing = [place for place in places if not place.found]
    if missing:
        notices.append(f"{len(missing)} quotes of source `{source.id}` not found in its text")
        items = "".join(f'<li><button type="button" class="ref k-quote" data-ref='
                        f'"{_text(place.quote)}">{_text(place.quote)}</button></li>'
                        for place in missing)
        parts.append(f'<div class="notice"><b>{len(missing)} quote'
                     f'{"s" if len(missing) != 1 else ""} not found in this text</b> '
                     f"(lint says why):<ul>{items}</ul></div>")
    return "".join(parts)


def _start_views(loaded: LoadedMap, options: ReportOptions) -> SideBySide | ArgmapError:
    """Every view's layout started (they run while the rest of the page is made)."""
    from argmap.render.dot import DrawOptions
    from argmap.render.engine import find_engine
    from argmap.render.pipeline import SideBySide

    try:
        engine = find_engine(options.engine)
    except ArgmapError as error:
        return error
    return SideBySide(loaded, [DrawOptions(view=view) for view in LAYOUT_ORDER], ("svg",),
                      engine, options.timeout, options.max_nodes, options.layouts)


def _diagrams(views: SideBySide | ArgmapError, elements: set[str], notices: list[str],
              layouts: LayoutCache | None) -> tuple[str, str, dict[str, Drawing]]:
    """The drawings (overview first: it fits a screen) and the buttons that switch them."""
    drawn, buttons, drawings = [], [], {}
    for view, words in VIEWS:
        drawing = views if isinstance(views, ArgmapError) else views.result(
            LAYOUT_ORDER.index(view))
        try:
            if isinstance(drawing, ArgmapError):
                raise drawing
            drawn.append(_inline(drawing, elements, view, layouts))
            drawings[view] = drawing
        except (ArgmapError, SvgError) as error:
            notices.append(f"the {words.lower()} could not be drawn: {error}")
            drawn.append(f'<div class="notice nomap"><b>The {_text(words.lower())} could not be '
                         f"drawn.</b> {_text(error)}</div>")
            continue
        buttons.append(f'<button type="button" data-view-button="{view}" aria-pressed="false" '
                       f'title="{_text(VIEW_HINTS[view])}">{_text(words)}</button>')
    return ("\n      ".join(buttons) if len(buttons) > 1 else ""), "\n".join(drawn), drawings


def _inline(drawing: Drawing, elements: set[str], view: str, layouts: LayoutCache | None
            ) -> str:
    """The drawing made fit for the page; once per layout while ``layouts`` keeps it (the
    stamp, the only part of an SVG that is not its layout, is not kept in the page)."""
    def make() -> str:
        return inline_svg(drawing.outputs["svg"], elements, view)

    if layouts is None or not drawing.layout:
        return make()
    return layouts.derive(drawing.layout, ("inline", view, frozenset(elements)), make)


def _overview(loaded: LoadedMap, notices: list[str], map_findings: list[Problem]) -> str:
    parts = ['<h2>Reading this page</h2><p>Click a node in the map or a highlighted passage '
             "in the text: the panel shows it, the map outlines what it rests on and the text "
             "scrolls to its words. The address bar keeps the selection, so a link can point "
             "at one judgment.</p>"]
    parts.append('<h2>Colours</h2>' + "".join(
        f'<div class="legend-row"><span class="sw k-{look}"></span>{_text(words)}</div>'
        for look, words in (("fact", "reported fact"), ("claim", "attributed claim"),
                            ("judgment", "author judgment"), ("assumption", "assumption"),
                            ("hypothesis", "hypothesis"), ("step", "words that state a step"),
                            ("unused", "quote that anchors nothing"))))
    parts.append('<h2>Basis</h2><p>Judgments and hypotheses are filled by what they rest on:'
                 '</p>' + "".join(
                     f'<div class="legend-row"><span class="basis-chip basis-{_text(name)}">'
                     f'{_text(look["words"])}</span></div>'
                     for name, look in basis_palette().items()))
    if notices:
        items = "".join(f"<li>{_text(notice)}</li>" for notice in notices)
        parts.append(f'<h2>Problems shown on this page</h2><div class="notice"><ul>{items}'
                     "</ul></div>")
    if map_findings:
        rows = "".join(f'<div class="finding {problem.level.value}"><code>{_text(problem.code)}'
                       f"</code>{_text(problem.message)} (line {problem.line})</div>"
                       for problem in map_findings)
        parts.append(f"<h2>Lint findings on the whole map</h2>{rows}")
    return "\n".join(parts)
