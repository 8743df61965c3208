"""Helpers for the rules that read a quote's passage in its source (not a rule).

They answer: which words of the sentence give the quote to someone, whether the quote stands
inside quotation marks, where an actor is named, and how to show the source's words in a
finding (the few words around a cue, as the source wrote them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import NamedTuple

from argmap.analyse.passage import Passage
from argmap.cues.attribution import find_attributions
from argmap.cues.matching import CueMatch
from argmap.lint.context import RuleContext
from argmap.model import Actor, Proposition, Quote

# Between an attributing cue before a quote and the quote itself: words, names and commas, but
# no new clause (a relative "which", a "but", a semicolon) and not too many words.
_NEW_CLAUSE = re.compile(r";|\.\s|\b(?:which|but|while|whereas|because|however|although|"
                         r"so|and|then|means)\b", re.IGNORECASE)
# A speech verb after these is no one speaking: "were claimed by", "has not said".
_NOT_SPEAKING = re.compile(r"\b(?:not|never|no|was|were|is|are|been|be|being)\s+$", re.IGNORECASE)
_CLOSE = re.compile(r"[\s,\"'\u201d\u2019\u201c)\]]*")
_MAX_WORDS_BETWEEN = 6
_MAX_WORDS_AFTER = 5
_SHOWN = 90


class Attribution(NamedTuple):
    """A cue that gives the quote's words to someone, and where it stands (source offsets)."""

    cue: CueMatch  # offsets into the source text
    side: str  # "before" or "after" the quote


def governing_attribution(passage: Passage) -> Attribution | None:
    """The speech verb or attributing phrase of the quote's own clause: "X said (that) QUOTE",
    "According to X, QUOTE", "QUOTE, he had warned", "QUOTE, X told reporters"."""
    if _NEW_CLAUSE.match(passage.text, passage.start):  # the quote opens its own clause
        return None
    after = passage.after
    lead = _CLOSE.match(after)
    skipped = after[:lead.end()] if lead else ""
    head = after[len(skipped):]
    cues = find_attributions(head)
    if cues and (cues[0].start == 0 or any(mark in skipped for mark in ",\"\u201d'\u2019")):
        between = head[:cues[0].start]
        if len(between.split()) <= _MAX_WORDS_AFTER and not _NEW_CLAUSE.search(between) \
                and not _NOT_SPEAKING.search(head[:cues[0].start]):
            return Attribution(_shift(cues[0], passage.end + len(skipped)), "after")
    before = passage.before
    cues = find_attributions(before)
    if cues:
        cue = cues[-1]
        between = before[cue.end:]
        if len(between.split()) <= _MAX_WORDS_BETWEEN and not _NEW_CLAUSE.search(between) \
                and not _NOT_SPEAKING.search(before[:cue.start]):
            return Attribution(_shift(cue, passage.sentence[0]), "before")
    return None


def in_source(passage: Passage, cue: CueMatch) -> CueMatch:
    """A cue found in the quote's own text, moved to its place in the source (the quote may
    differ from the source in whitespace and quotation marks, so the words are looked up)."""
    words = r"\s+".join(map(re.escape, cue.written.split()))
    found = re.compile(words, re.IGNORECASE).search(passage.text, passage.start, passage.end)
    if found is None:
        return _shift(cue, passage.start)
    return cue._replace(written=found.group(), start=found.start(), end=found.end())


def _shift(cue: CueMatch, by: int) -> CueMatch:
    return cue._replace(start=cue.start + by, end=cue.end + by)


def in_quotation_marks(passage: Passage) -> bool:
    """Whether the sentence opens a quotation before the quote and has not closed it."""
    before = passage.before
    curly = before.count("\u201c") - before.count("\u201d")
    return curly > 0 or before.count('"') % 2 == 1


def words_around(text: str, start: int, end: int) -> str:
    """The source's words around ``[start, end)``, within the sentence, for a message."""
    if len(text) <= _SHOWN + _SHOWN // 3:
        return " ".join(text.split())
    left = max(0, start - (_SHOWN - (end - start)) // 2)
    right = min(len(text), end + (_SHOWN - (end - start)) // 2)
    if left > 0:  # whole words only
        left = min(start, text.find(" ", left) + 1 or start)
    if right < len(text):
        right = max(end, text.rfind(" ", end, right) if text.rfind(" ", end, right) > 0 else end)
    shown = " ".join(text[left:right].split())
    return ("…" if left > 0 else "") + shown + ("…" if right < len(text) else "")


def cue_in_sentence(passage: Passage, cue: CueMatch) -> str:
    """``"…, he had warned."``: the cue shown within its sentence (source offsets)."""
    first, last = passage.sentence
    text = passage.text[first:last]
    return '"' + words_around(text, cue.start - first, cue.end - first).replace('"', "'") + '"'


def actor_names(name: str) -> list[str]:
    """How a text may name an actor called ``name``: so, and a person by the surname (the last
    capitalised word of a name of two or more, four letters or longer: "Qaani", "al-Kadhimi")."""
    names = [name]
    words = name.split()
    if len(words) >= 2 and re.search(r"[A-Z]", words[-1]) and len(words[-1]) >= 4:
        names.append(words[-1])
    return names


@cache
def _name_pattern(name: str) -> re.Pattern[str]:
    names = actor_names(name)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")


def named_in(actor: Actor, text: str) -> re.Match[str] | None:
    """Where ``text`` names ``actor`` (case as written: names are capitalised)."""
    return _name_pattern(actor.name).search(text)


class ActorNames:
    """Every actor's names in one pattern, to find which actors a stretch of text names in one
    scan (not one scan per actor). Two actors with one name: the first in the map is meant."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        self._by_name: dict[str, Actor] = {}
        for actor in actors:
            for name in actor_names(actor.name):
                self._by_name.setdefault(name, actor)
        names = sorted(self._by_name, key=len, reverse=True)
        alternatives = "|".join(map(re.escape, names))
        self._pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])") if names else None

    def mentions(self, text: str) -> list[tuple[int, Actor]]:
        """``(offset, actor)`` for each name of an actor in ``text``, in order."""
        if self._pattern is None:
            return []
        return [(found.start(), self._by_name[found.group()])
                for found in self._pattern.finditer(text)]


def anchored_passages(ctx: RuleContext, proposition: Proposition
                      ) -> Iterator[tuple[int, Quote, Passage]]:
    """The proposition's anchoring quotes that are found in their source, with their passages."""
    for number, quote_id in enumerate(proposition.quotes):
        quote = ctx.index.quote(quote_id)
        passage = ctx.passage(quote) if quote is not None else None
        if quote is not None and passage is not None:
            yield number, quote, passage
