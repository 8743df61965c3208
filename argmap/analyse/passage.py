"""Where a quote stands in its source: its sentence, the sentence before, its paragraph.

Rules that compare a map with what the article says around a quote (who speaks, whether the words
are rumour, whether the quote stops before a "but") read the words just outside the quote. A
paragraph is a block between blank lines; a source with no blank line at all has one paragraph
per line (many texts copied from a web page do). Sentences are those of
:func:`argmap.analyse.quote_match.sentence_spans`. Offsets are the source's own.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from argmap.analyse.quote_match import Span, sentence_spans

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_LINE = re.compile(r"\n")


class Passage(NamedTuple):
    """A quote's ``[start, end)`` in ``text``, with its sentence and paragraph around it."""

    text: str
    start: int
    end: int
    sentence: Span
    paragraph: Span
    previous: Span | None  # the sentence before, when it is in the same paragraph
    prior: Span | None  # the sentence before, in any paragraph (a "he" may refer back to it)

    @property
    def before(self) -> str:
        """The words of the quote's sentence before the quote."""
        return self.text[self.sentence[0]:self.start]

    @property
    def after(self) -> str:
        """The words of the quote's sentence after the quote."""
        return self.text[self.end:self.sentence[1]]

    @property
    def sentence_text(self) -> str:
        return self.text[self.sentence[0]:self.sentence[1]]

    @property
    def paragraph_text(self) -> str:
        return self.text[self.paragraph[0]:self.paragraph[1]]

    @property
    def previous_text(self) -> str:
        return self.text[self.previous[0]:self.previous[1]] if self.previous else ""


class SourceLayout:
    """The sentences and paragraphs of one source text, found once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentences = sentence_spans(text)
        self._starts = [start for start, _ in self.sentences]
        breaks = _BLANK_LINE if _BLANK_LINE.search(text) else _LINE
        self._breaks = [match.start() for match in breaks.finditer(text)]

    def passage(self, start: int, end: int) -> Passage:
        """The passage of the span ``[start, end)`` (a span over several sentences keeps them)."""
        first = max(bisect.bisect_right(self._starts, start) - 1, 0)
        last = max(bisect.bisect_right(self._starts, max(end - 1, start)) - 1, first)
        sentence = (min(self.sentences[first][0], start), max(self.sentences[last][1], end)) \
            if self.sentences else (start, end)
        paragraph = self._paragraph(start, end)
        sentence = (max(sentence[0], min(paragraph[0], start)), min(sentence[1], paragraph[1]))
        prior = self.sentences[first - 1] if first > 0 else None
        previous = prior if prior is not None and prior[0] >= paragraph[0] else None
        return Passage(self.text, start, end, sentence, paragraph, previous, prior)

    def _paragraph(self, start: int, end: int) -> Span:
        at = bisect.bisect_right(self._breaks, start)
        begin = self._breaks[at - 1] + 1 if at > 0 else 0
        after = bisect.bisect_left(self._breaks, end)
        finish = self._breaks[after] if after < len(self._breaks) else len(self.text)
        return begin, max(finish, end)
