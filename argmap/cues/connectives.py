"""Reasoning connectives: the words with which a text marks a step of its argument.

A connective also says on which side of it the conclusion stands:

* **forward** ("so", "therefore", "which means", "that is why", "as a result"): the words after
  it are the conclusion; the clause before it (or, at the start of a sentence, the sentence
  before) is the ground.
* **backward** ("because", "given that"): the words after it are the ground of the clause before.
* **openers** that sum up ("In conclusion,", "Overall,", "On balance,"): forward, but only as the
  first words of a sentence before a comma.

Left out on purpose: "since" and "as" (as often time or comparison as reason), "then" (time),
"so that" (purpose, not inference), and "so" anywhere but at the start of a sentence or after a
comma or semicolon ("so far", "do so", "so-called" carry no step). The *reasoning words* of
``argmap coverage`` (which lists the sentences no quote covers that have one) are the
connectives but "so" and "given that", with "in other words" and "so that".
"""

from __future__ import annotations

import re
from typing import NamedTuple

from argmap.cues.estimative import fold, word_pattern

FORWARD = (
    "which means", "this means", "that means", "which would mean", "this would mean",
    "that would mean", "that is why", "that's why", "this is why", "which is why", "therefore",
    "thus", "hence", "consequently", "as a result", "it follows that", "for this reason", "so",
)
BACKWARD = ("because", "given that")
# Summing-up openers: a step from what came before only as a sentence's first words, before a
# comma ("Overall, ..."); elsewhere "overall" is an adjective and "in short" a manner.
OPENERS = ("in conclusion", "to conclude", "overall", "in sum", "all in all", "in short",
           "on balance")
# Words that mark reasoning for the coverage report, where a false alarm only costs a look.
REASONING_WORDS = (
    "which means", "this means", "that means", "that is why", "that's why", "this is why",
    "therefore", "thus", "hence", "consequently", "as a result", "it follows", "for this reason",
    "because", "so that", "which is why", "in other words",
)

_DIRECTION = {**{word: "forward" for word in (*FORWARD, *OPENERS)},
              **{word: "backward" for word in BACKWARD}}
_PATTERN = word_pattern(_DIRECTION)
_REASONING = word_pattern(REASONING_WORDS)
# "so" counts only as the first word of a sentence or right after a comma or semicolon, and not
# in "so far", "so that", "so much", "so-called", "so many".
_SO_BEFORE = re.compile(r"(?:^|[,;:]\s*)$")
_SO_AFTER = re.compile(r"\s*(?:far|that|much|many|long|-)")


class Connective(NamedTuple):
    """One connective in a text: its words (lower case), as written, direction and place."""

    words: str
    written: str
    direction: str  # "forward" or "backward"
    start: int
    end: int


def find_connectives(text: str) -> list[Connective]:
    """The reasoning connectives of ``text`` in order, each with the side its conclusion is on."""
    folded = fold(text)
    found = []
    for match in _PATTERN.finditer(folded):
        words = " ".join(match.group().split())
        if words == "so" and not _is_step_so(folded, match.start(), match.end()):
            continue
        if words in OPENERS and (match.start() > 0 or folded[match.end():match.end() + 1] != ","):
            continue
        found.append(Connective(words, text[match.start():match.end()], _DIRECTION[words],
                                match.start(), match.end()))
    return found


def find_reasoning_words(text: str) -> list[tuple[str, int]]:
    """Every reasoning word of ``text`` as written, with where it starts (for coverage)."""
    return [(text[match.start():match.end()], match.start())
            for match in _REASONING.finditer(fold(text))]


def _is_step_so(folded: str, start: int, end: int) -> bool:
    before = folded[max(0, start - 3):start]
    return bool(_SO_BEFORE.search(before.rstrip() if start > 0 else "")) \
        and not _SO_AFTER.match(folded, end)
