"""Comparing quotes with source texts: normalisation, search, offsets and the closest passage.

A quote is *verbatim* when it equals a span of the source once both are normalised: runs of
whitespace become one space and typographic quotes become straight ones (copying from a web page
or a PDF changes exactly these). Nothing else is forgiven: case, spelling, punctuation and dashes
must match, because a quote that was edited is no longer evidence of what the source says.
"""

from __future__ import annotations

import bisect
import difflib
import re
from dataclasses import dataclass, field
from functools import cached_property

_STRAIGHTEN = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
})
_WORD_RUN = re.compile(r"\S+")
_SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+|\n\s*")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
SUGGESTION_CHARS = 160
_ALIGNED = 3
# Bounds that keep suggestions cheap on hostile or huge input: a "sentence" longer than this is
# cut into pieces; a longer quote gets no suggestion; and each source answers suggestions only
# until it has compared this many (sentence x quote word) pairs (then lint still reports,
# without a passage).
_PIECE_CHARS = 1_000
_SUGGEST_MAX_QUOTE = 600
_SUGGEST_BUDGET = 10_000_000
# difflib's character alignment costs up to (quote length x window length) steps, many times
# that on text of few distinct characters (a 1,700-character quote took 13 s against a source of
# random words); each source answers suggestions until this many cells are spent.
_ALIGN_BUDGET = 30_000_000


def normalise(text: str) -> str:
    """Straighten typographic quotes and collapse whitespace (one character maps to one)."""
    return " ".join(text.translate(_STRAIGHTEN).split())


@dataclass
class NormalisedText:
    """A source text and its normalised form, with a map from normalised to original offsets."""

    original: str
    normalised: str = field(init=False)
    _budget: int = field(init=False, default=_SUGGEST_BUDGET, repr=False)
    _align_budget: int = field(init=False, default=_ALIGN_BUDGET, repr=False)

    def __post_init__(self) -> None:
        self.normalised = normalise(self.original)

    def find_all(self, needle: str, limit: int = 3) -> list[int]:
        """Normalised offsets of up to ``limit`` occurrences of an already normalised needle."""
        found: list[int] = []
        start = self.normalised.find(needle)
        while start >= 0 and len(found) < limit:
            found.append(start)
            start = self.normalised.find(needle, start + 1)
        return found

    def original_span(self, start: int, length: int) -> tuple[int, int]:
        """Original ``(start, end)`` offsets of the normalised span ``[start, start + length)``."""
        return self._to_original(start), self._to_original(start + length - 1) + 1

    def normalised_slice(self, start: int, end: int) -> str:
        return normalise(self.original[start:end])

    def one_paragraph(self, start: int, end: int) -> bool:
        """Whether the original ``[start, end)`` lies within one paragraph (no blank line)."""
        breaks = self._paragraph_breaks
        return bisect.bisect(breaks, start) == bisect.bisect(breaks, end - 1)

    @cached_property
    def _paragraph_breaks(self) -> list[int]:
        """Where each blank line starts: found once per text, not once per candidate match (a
        quote whose pieces are never in one paragraph tried 500 places, each a scan of the
        whole text: 92 s on a 4.6 MB source)."""
        return [match.start() for match in _PARAGRAPH_BREAK.finditer(self.original)]

    def closest_passage(self, quote: str) -> tuple[str, float] | None:
        """The passage most like ``quote`` and its difflib ratio (0-1); only called on failure.

        Sentences are ranked by the words they share with the quote (cheap: their word sets are
        computed once per source); only windows starting at the best few, or just before them,
        are aligned with difflib (dear). So a long source, or many failing quotes, stays fast.
        """
        words = set(quote.lower().split())
        sentences = self._sentences
        # Ranking intersects the quote's words with every sentence's: charge what it costs.
        ranking = len(sentences) * len(words)
        if not words or not sentences or len(quote) > _SUGGEST_MAX_QUOTE \
                or self._budget < ranking:
            return None
        self._budget -= ranking
        shared = [len(words & sentence_words) for sentence_words in self._sentence_words]
        best_sentences = sorted(range(len(sentences)), key=lambda n: -shared[n])[:_ALIGNED]
        starts = sorted({start for n in best_sentences for start in (n - 1, n) if start >= 0})
        windows = [self._window(start, len(quote)) for start in starts]
        cost = sum(2 * len(quote) * len(window) for window in windows)
        if cost > self._align_budget:
            self._align_budget = 0  # spent: later quotes get no suggestion either
            return None
        self._align_budget -= cost
        best: tuple[float, str] = (0.0, "")
        for window in windows:
            passage = _aligned_passage(quote, window)
            matcher = difflib.SequenceMatcher(None, quote, passage, autojunk=False)
            if matcher.real_quick_ratio() > best[0] and matcher.quick_ratio() > best[0]:
                best = max(best, (matcher.ratio(), passage))
        return (best[1], best[0]) if best[0] > 0 else None

    def _window(self, first: int, length: int) -> str:
        """Sentences from ``first`` on, until the window is at least ``length`` long."""
        window = self._sentences[first]
        for following in self._sentences[first + 1:]:
            if len(window) >= length:
                break
            window = f"{window} {following}"
        return window

    @cached_property
    def _sentence_words(self) -> list[set[str]]:
        return [set(sentence.lower().split()) for sentence in self._sentences]

    @cached_property
    def _sentences(self) -> list[str]:
        sentences = []
        for piece in _SENTENCE_END.split(self.original):
            sentence = normalise(piece)
            # Cut by position, never by slicing off the rest: a 32 MB one-line source would be
            # copied once per piece (quadratic: 55 s measured).
            start = 0
            while len(sentence) - start > _PIECE_CHARS:
                cut = sentence.rfind(" ", start, start + _PIECE_CHARS)
                cut = cut if cut > start else start + _PIECE_CHARS
                sentences.append(sentence[start:cut])
                start = cut + 1 if sentence[cut:cut + 1] == " " else cut
            if start < len(sentence):
                sentences.append(sentence[start:])
        return sentences

    @cached_property
    def _anchors(self) -> tuple[list[int], list[int]]:
        """Start of every non-space run in normalised and in original offsets."""
        normalised_starts: list[int] = []
        original_starts: list[int] = []
        position = 0
        for match in _WORD_RUN.finditer(self.original.translate(_STRAIGHTEN)):
            normalised_starts.append(position)
            original_starts.append(match.start())
            position += match.end() - match.start() + 1
        return normalised_starts, original_starts

    def _to_original(self, index: int) -> int:
        normalised_starts, original_starts = self._anchors
        run = max(bisect.bisect_right(normalised_starts, index) - 1, 0)
        return original_starts[run] + index - normalised_starts[run]


def _aligned_passage(quote: str, window: str) -> str:
    """The part of ``window`` that lines up with ``quote``, widened to whole words.

    The longest stretch the two share anchors it; the quote's head and tail are then lined up
    on each side of it, so a word the quote leaves out (or adds) before that stretch does not
    shift the passage by its length and cut off the quote's first words."""
    matcher = difflib.SequenceMatcher(None, window, quote, autojunk=False)
    block = matcher.find_longest_match(0, len(window), 0, len(quote))
    start = _head_start(window, quote[:block.b], block.a)
    end = _tail_end(window, quote[block.b + block.size:], block.a + block.size)
    while start > 0 and window[start - 1] != " ":
        start -= 1
    while end < len(window) and window[end] != " ":
        end += 1
    return window[start:end]


def _head_start(window: str, head: str, anchor: int) -> int:
    """Where ``head`` (the quote before the shared stretch at ``anchor``) begins in ``window``."""
    if not head:
        return anchor
    region_start = max(0, anchor - 2 * len(head) - 8)
    blocks = _telling_blocks(window[region_start:anchor], head)
    if not blocks:
        return max(anchor - len(head), 0)
    return max(region_start + blocks[0].a - blocks[0].b, 0)


def _tail_end(window: str, tail: str, anchor: int) -> int:
    """Where ``tail`` (the quote after the shared stretch ending at ``anchor``) ends."""
    if not tail:
        return anchor
    region = window[anchor: anchor + 2 * len(tail) + 8]
    blocks = _telling_blocks(region, tail)
    if not blocks:
        return min(anchor + len(tail), len(window))
    last = blocks[-1]
    return min(anchor + last.a + last.size + len(tail) - last.b - last.size, len(window))


def _telling_blocks(region: str, part: str) -> list[difflib.Match]:
    """Stretches ``region`` and ``part`` share that are long enough to tell where ``part`` lies
    (a letter or two in common says nothing)."""
    least = min(4, len(part))
    return [block for block in difflib.SequenceMatcher(None, region, part, autojunk=False)
            .get_matching_blocks() if block.size >= least]


def shorten(text: str, limit: int = SUGGESTION_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
