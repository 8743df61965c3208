"""Finding the words of a cue list in text: whole words, any case, the source's own offsets.

A list is compiled once (:func:`cue_finder`); matching runs on text :func:`fold` has folded, so
an offset into the folded text is an offset into the text itself and a match can be quoted as the
text wrote it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

from argmap.cues.estimative import fold, word_pattern


class CueMatch(NamedTuple):
    """One cue in a text: the listed words, the words as written, and where."""

    words: str
    written: str
    start: int
    end: int


CueFinder = Callable[[str], list[CueMatch]]


def cue_finder(words: Iterable[str]) -> CueFinder:
    """A function listing, in text order, the places ``words`` occur in a text (longest first
    where two overlap)."""
    listed = sorted(set(words), key=len, reverse=True)
    pattern = word_pattern(listed)

    def find(text: str) -> list[CueMatch]:
        return [CueMatch(" ".join(match.group().split()), text[match.start():match.end()],
                         match.start(), match.end())
                for match in pattern.finditer(fold(text))]
    return find
