"""Which sentences of a source no quote covers, and which of those an analyst should read first.

A completeness check: a map may leave sentences out on purpose, but a left-out sentence that
estimates ("likely", "may"), attributes ("said", "according to") or reasons ("which means",
"that is why") is where a judgment, a claim or a step of the argument usually hides. Those are
listed first.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from argmap.analyse.quote_match import Span, sentence_spans

ESTIMATIVE = "estimative"
ATTRIBUTION = "attribution"
REASONING = "reasoning"

@dataclass(frozen=True)
class Sentence:
    """A sentence no quote touches, with the kinds of words that make it worth a look."""

    start: int
    end: int
    text: str
    marks: tuple[tuple[str, str], ...]  # (kind, the words as written)

    @property
    def marked(self) -> bool:
        return bool(self.marks)


@dataclass(frozen=True)
class Coverage:
    sentences: int
    uncovered: tuple[Sentence, ...]  # marked ones first, each group in text order

    @property
    def marked(self) -> int:
        return sum(1 for sentence in self.uncovered if sentence.marked)


def coverage(text: str, quoted: Iterable[Span]) -> Coverage:
    """Sentences of ``text`` that no span of ``quoted`` overlaps."""
    spans = sorted(quoted)
    starts = [start for start, _ in spans]
    furthest = _running_max_end(spans)
    sentences = sentence_spans(text)
    uncovered = [_describe(text, start, end) for start, end in sentences
                 if not _overlaps(starts, furthest, start, end)]
    ordered = [s for s in uncovered if s.marked] + [s for s in uncovered if not s.marked]
    return Coverage(len(sentences), tuple(ordered))


def _running_max_end(spans: list[Span]) -> list[int]:
    furthest, best = [], -1
    for _, end in spans:
        best = max(best, end)
        furthest.append(best)
    return furthest


def _overlaps(starts: list[int], furthest: list[int], start: int, end: int) -> bool:
    """Whether any span starting before ``end`` ends after ``start``."""
    before = bisect.bisect_left(starts, end)
    return before > 0 and furthest[before - 1] > start


def _describe(text: str, start: int, end: int) -> Sentence:
    from argmap.cues.connectives import find_reasoning_words
    from argmap.cues.estimative import find_phrases

    sentence = text[start:end]
    marks = [(ESTIMATIVE, match.written) for match in find_phrases(sentence)]
    marks += [(ATTRIBUTION, written) for written in _attributions(sentence)]
    marks += [(REASONING, written) for written, _ in find_reasoning_words(sentence)]
    return Sentence(start, end, " ".join(sentence.split()), tuple(marks))


def _attributions(sentence: str) -> list[str]:
    """Who-speaks words as the lint reads them (speech verbs, "according to", views) and the
    hearsay words that attribute to no one ("reportedly", "it is believed"), in text order."""
    from argmap.cues.attribution import find_attributions, find_views
    from argmap.cues.reliability import find_doubts

    found = [(match.start, match.written)
             for match in (*find_attributions(sentence), *find_views(sentence))]
    found += [(match.start, match.written) for family, match in find_doubts(sentence)
              if family == "hearsay"]
    return [written for _, written in sorted(set(found))]
