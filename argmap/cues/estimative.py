"""Estimative language: finding words of likelihood in text and mapping them to a band.

Three kinds of phrase are recognised, case-insensitively and only as whole words:

* **terms**: every phrase of both yardsticks (ICD 203 and PHIA), plus firm estimative words that
  are in neither ("probably", "almost certainly", "probably not", "in all likelihood"). A term
  names a probability, so a band can be checked against it.
* **hedges**: words that make a statement uncertain without saying how uncertain ("may", "might",
  "could", "perhaps", "possibly", "it seems", "apparently"). They are weaker evidence that the
  writer estimates (``could`` is also the past of ``can``), so rules that use them report less.
* **blocked** comparatives ("more likely", "less likely") that contain a term but estimate
  nothing by themselves.

ICD 203's bare ``remote`` is only recognised in a likelihood's own ``phrase`` (a "remote village"
is no estimate); in running text it must be "remote chance" or "remote possibility". A capitalised
``May`` that does not start a sentence is the month.

Each phrase has a probability (the midpoint of its band, or Sherman Kent's figure for words the
yardsticks lack); a phrase outside the map's vocabulary maps to the band whose midpoint is nearest.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from argmap.model.vocabulary import VOCABULARIES, Band

TERM = "term"
HEDGE = "hedge"
BLOCKED = "blocked"

# Words the yardsticks lack: (phrase, probability, strength). Probabilities follow Kent's
# "words of estimative probability" where he gave one, else the band the phrase is read as.
# A bare modal hedge ("may", "might", "could", "possibly") has none: it says "uncertain" without
# saying how uncertain (Kent found readers spread it over most of the scale), so no band is
# suggested for it; the analyst must decide. Certainty markers ("clearly", "it is clear") read
# as Kent's "certain"; "hardly" as a denial hedged.
_EXTRA: tuple[tuple[str, float | None, str], ...] = (
    ("almost certainly", 0.97, TERM),
    ("almost certainly not", 0.03, TERM),
    ("virtually certain", 0.97, TERM),
    ("in all likelihood", 0.85, TERM),
    ("probably", 0.75, TERM),
    ("probably not", 0.30, TERM),
    ("not likely", 0.30, TERM),
    ("more likely than not", 0.60, TERM),
    ("even chance", 0.50, TERM),
    ("chances about even", 0.50, TERM),
    ("fifty-fifty", 0.50, TERM),
    ("remote chance", 0.03, TERM),
    ("remote possibility", 0.03, TERM),
    ("most likely", 0.75, HEDGE),
    ("it seems", 0.60, HEDGE),
    ("seems", 0.60, HEDGE),
    ("seemingly", 0.60, HEDGE),
    ("apparently", 0.60, HEDGE),
    ("it appears", 0.60, HEDGE),
    ("appears to", 0.60, HEDGE),
    ("clearly", 0.97, HEDGE),
    ("it is clear", 0.97, HEDGE),
    ("it's clear", 0.97, HEDGE),
    ("obviously", 0.97, HEDGE),
    ("undoubtedly", 0.97, HEDGE),
    ("without doubt", 0.97, HEDGE),
    ("no doubt", 0.97, HEDGE),
    ("hardly", 0.10, HEDGE),
    ("perfectly plausible", 0.50, HEDGE),
    ("plausible", 0.50, HEDGE),
    ("plausibly", 0.50, HEDGE),
    ("perhaps", None, HEDGE),
    ("possibly", None, HEDGE),
    ("maybe", None, HEDGE),
    ("conceivably", None, HEDGE),
    ("it is possible", None, HEDGE),
    ("it's possible", None, HEDGE),
    ("may", None, HEDGE),
    ("might", None, HEDGE),
    ("could", None, HEDGE),
    ("more likely", 0.0, BLOCKED),
    ("less likely", 0.0, BLOCKED),
)
_BARE_ONLY_IN_PHRASE = frozenset({"remote"})


class Phrase(NamedTuple):
    """A recognised estimative phrase (lowercase, single-spaced)."""

    words: str
    probability: float | None  # None: a hedge that names no probability ("may")
    strength: str


class PhraseMatch(NamedTuple):
    """Where a phrase occurs in a text (offsets into that text)."""

    phrase: Phrase
    written: str
    start: int
    end: int


@cache
def phrases() -> dict[str, Phrase]:
    """Every phrase by its words: the yardsticks' own first, then the extra words."""
    table: dict[str, Phrase] = {}
    for vocabulary in VOCABULARIES.values():
        for band in vocabulary:
            for words in band.phrases:
                table.setdefault(words, Phrase(words, band_midpoint(band), TERM))
    for words, probability, strength in _EXTRA:
        table.setdefault(words, Phrase(words, probability, strength))
    return table


@cache
def _pattern(in_running_text: bool) -> re.Pattern[str]:
    words = [w for w in phrases() if not (in_running_text and w in _BARE_ONLY_IN_PHRASE)]
    words.sort(key=len, reverse=True)  # longest first: "highly unlikely" before "unlikely"
    return word_pattern(words)


def word_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """Any of ``words`` as whole words, in a text :func:`fold` has folded (so in any case).

    Matching folded text replaces ``re.IGNORECASE``, which made compiling a long list of words
    four times as slow: 5 ms of every ``argmap lint`` for each of the phrase patterns."""
    alternatives = "|".join(r"\s+".join(map(re.escape, word.lower().split())) for word in words)
    return re.compile(rf"\b(?:{alternatives})\b")


def fold(text: str) -> str:
    """``text`` in lower case with straight apostrophes, one character for one, so offsets into
    the folded text are offsets into ``text``."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is two characters (`İ`)
        lowered = text.translate(_ASCII_LOWER)
    return lowered.translate(_APOSTROPHES)


def find_phrases(text: str, *, running_text: bool = True) -> list[PhraseMatch]:
    """Estimative phrases in ``text``, in order; blocked comparatives and the month left out."""
    folded = fold(text)
    table = phrases()
    found = []
    for match in _pattern(running_text).finditer(folded):
        written = text[match.start():match.end()]
        phrase = table[" ".join(match.group().split())]
        if phrase.strength == BLOCKED or _is_month(folded, written, match.start()):
            continue
        found.append(PhraseMatch(phrase, written, match.start(), match.end()))
    return found


def phrase_of_likelihood(text: str) -> Phrase | None:
    """The phrase a likelihood's own ``phrase`` field names (its first term, else hedge)."""
    found = find_phrases(text, running_text=False)
    terms = [match.phrase for match in found if match.phrase.strength == TERM]
    candidates = terms or [match.phrase for match in found]
    return candidates[0] if candidates else None


def in_vocabulary(vocabulary: str, phrase: Phrase) -> Band | None:
    """The band of ``vocabulary`` that has ``phrase`` among its own phrases, if any."""
    return next((band for band in VOCABULARIES[vocabulary] if phrase.words in band.phrases), None)


def band_for(vocabulary: str, phrase: Phrase) -> Band:
    """The band a phrase means in ``vocabulary``: its own, else the nearest by midpoint."""
    found = hedge_band(vocabulary, phrase)
    if found is None:
        raise ValueError(f"\"{phrase.words}\" names no probability")
    return found


def hedge_band(vocabulary: str, phrase: Phrase) -> Band | None:
    """Like :func:`band_for`, but None for a hedge that names no probability."""
    if phrase.probability is None:
        return in_vocabulary(vocabulary, phrase)
    return in_vocabulary(vocabulary, phrase) or nearest_band(vocabulary, phrase.probability)


def nearest_band(vocabulary: str, probability: float) -> Band:
    return min(VOCABULARIES[vocabulary], key=lambda band: abs(band_midpoint(band) - probability))


def band_midpoint(band: Band) -> float:
    return (band.low + band.high) / 2


def describe_band(band: Band) -> str:
    return f"`{band.term}` ({band.percent})"


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})


_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def _is_month(text: str, written: str, start: int) -> bool:
    if written != "May":
        return False
    before = text[:start].rstrip()
    return bool(before) and before[-1] not in ".!?\"'"

