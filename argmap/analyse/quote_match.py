"""Locating quotes in source texts: verbatim spans, ellipses, and where a near miss parts.

Shared by lint (is the quote verbatim? where does it differ?), ``argmap quote`` (find a phrase and
print its exact words) and the reader page (which words to highlight).

* A quote is **verbatim** when its normalised text occurs in the normalised source (see
  :func:`argmap.analyse.text.normalise`: whitespace runs and typographic quotes are forgiven).
* A quote with an **ellipsis** (``A ... B``, ``A … B``, ``A [...] B``) is verbatim when its pieces
  occur in that order within one paragraph of the source; each piece keeps its own offsets, so a
  reader can highlight the pieces and not the words left out. A source that itself contains the
  quote *with* its ellipsis matches as one piece first.
* A **phrase search** (``argmap quote``) also forgives case and dash look-alikes, because the user
  asks where words are, not claims they are verbatim; the words printed are the source's own.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

from argmap.analyse.text import NormalisedText, normalise

Span = tuple[int, int]

# "...", ". . .", "…", and the bracketed forms "[...]" and "[…]" analysts use for an omission.
_ELLIPSIS = re.compile(r"\s*(?:\[\s*(?:\.\.\.|…)\s*\]|\.\.\.|\.\s\.\s\.|…)\s*")
# How far apart (in normalised characters) two pieces of one quote may be, and how many
# occurrences of a first piece may be tried in vain: bounds that keep a hostile quote
# ("a ... a ... a") from costing more than a bounded search. Places found do not count: they are
# bounded by the number asked for (a phrase on every line is found as often as `--limit` says).
MAX_GAP = 3_000
_MAX_FAILED_TRIES = 500
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d"
_LOOSE = str.maketrans(dict.fromkeys(_DASHES, "-") | {"\u2026": "."})
_CONTEXT = 60
# Words, and each mark apart: `"nobody` is a quotation mark and a word, so a quote that starts
# inside the source's quotation marks differs from it in nothing.
_WORD = re.compile(r"\w+|[^\w\s]")
_SIDE = 40


@dataclass(frozen=True)
class QuoteMatch:
    """One place a quote occurs: the original ``[start, end)`` offsets of each of its pieces."""

    pieces: tuple[Span, ...]

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def quote_pieces(text: str) -> list[str]:
    """The normalised pieces of a quote, split at its ellipses (one piece when it has none)."""
    return [piece for piece in (normalise(part) for part in _ELLIPSIS.split(text)) if piece]


def find_quote(source: NormalisedText, text: str, limit: int = 3) -> list[QuoteMatch]:
    """Up to ``limit`` places where the quote ``text`` occurs verbatim in ``source``."""
    whole = normalise(text)
    if not whole:
        return []
    found = source.find_all(whole, limit)
    pieces = quote_pieces(text)
    if found or len(pieces) < 2:
        return [QuoteMatch((source.original_span(at, len(whole)),)) for at in found]
    return _find_pieces(source, pieces, source.normalised, limit)


def find_phrase(source: NormalisedText, phrase: str, limit: int = 20) -> list[QuoteMatch]:
    """Where ``phrase`` occurs, forgiving case, dashes and quote marks as well as whitespace."""
    haystack = loose(source.normalised)
    pieces = [loose(piece) for piece in quote_pieces(phrase)] or [loose(normalise(phrase))]
    if not pieces[0]:
        return []
    return _find_pieces(source, pieces, haystack, limit)


def loose(text: str) -> str:
    """Lowercase, one dash, straight quotes: same length as ``text``, so offsets carry over."""
    translated = text.translate(_LOOSE)
    lowered = translated.lower()
    # No character lowercases to nothing, so the same length means one character for one; only
    # a capital sigma lowercases by its context (final or not), which one by one it does not.
    if len(lowered) == len(translated) and "\u03a3" not in translated:
        return lowered  # the common case, in C: character by character took 3 s for 10 MB
    return "".join(_lower_one(char) for char in translated)


def _lower_one(char: str) -> str:
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


def _find_pieces(source: NormalisedText, pieces: list[str], haystack: str, limit: int
                 ) -> list[QuoteMatch]:
    """Pieces in order, each after the last, all in one paragraph (earliest placement)."""
    matches: list[QuoteMatch] = []
    first = haystack.find(pieces[0])
    failed = 0
    while first >= 0 and len(matches) < limit and failed < _MAX_FAILED_TRIES:
        starts = _follow(haystack, pieces, first)
        spans = () if starts is None else tuple(
            source.original_span(at, len(piece)) for at, piece in zip(starts, pieces, strict=True))
        if spans and (len(spans) == 1 or source.one_paragraph(spans[0][0], spans[-1][1])):
            matches.append(QuoteMatch(spans))
        else:
            failed += 1
        first = haystack.find(pieces[0], first + 1)
    return matches


def _follow(haystack: str, pieces: list[str], first: int) -> list[int] | None:
    starts = [first]
    position = first + len(pieces[0])
    for piece in pieces[1:]:
        at = haystack.find(piece, position, position + MAX_GAP + len(piece))
        if at < 0:
            return None
        starts.append(at)
        position = at + len(piece)
    return starts


@dataclass(frozen=True)
class Difference:
    """Where a quote and the closest passage part ways."""

    at: int  # offset in the (normalised) quote
    quote_side: str
    source_side: str
    before: str
    after: str
    count: int  # how many separate stretches differ

    def describe(self, of: str = "quote") -> str:
        more = "" if self.count == 1 else f" ({self.count} differences in all; the first shown)"
        if not self.quote_side:
            what = f"the {of} leaves out {_side(self.source_side)}"
        elif not self.source_side:
            what = f"the {of} adds {_side(self.quote_side)}, which the source does not have"
        else:
            what = (f"the {of} has {_side(self.quote_side)} where the source has "
                    f"{_side(self.source_side)}")
        return (f"they part at character {self.at + 1} of the {of}: {what}{more}; "
                f"source: \"{self.before}[[{self.source_side}]]{self.after}\"")


def difference(quote: str, passage: str, context: str | None = None) -> Difference | None:
    """The first place ``quote`` and ``passage`` differ, with the passage around it.

    Compared word by word, so a word left out or changed is shown whole (letters aligned one by
    one made a dropped word look like a change at the quote's first character); within one
    changed word, a look-alike character (a dash, a quotation mark) is shown alone, with its
    code point. ``context`` is a longer stretch of the source that contains ``passage`` (so what
    surrounds the difference can be shown even when it lies at the passage's edge)."""
    quote_words, passage_words = _words(quote), _words(passage)
    matcher = difflib.SequenceMatcher(None, [quote[a:b] for a, b in quote_words],
                                      [passage[a:b] for a, b in passage_words], autojunk=False)
    # Words of the passage before the quote's start or after its end are not a difference: a
    # quote is a part of a passage.
    changes = [op for op in matcher.get_opcodes() if op[0] != "equal"
               and not (op[0] == "insert" and op[1] in (0, len(quote_words)))]
    if not changes:
        return None
    _, i1, i2, j1, j2 = changes[0]
    q_start, q_end = _span_of(quote_words, i1, i2, len(quote))
    p_start, p_end = _span_of(passage_words, j1, j2, len(passage))
    if i2 - i1 == 1 and j2 - j1 == 1:
        q_start, q_end, p_start, p_end = _within_word(quote, passage, q_start, q_end,
                                                      p_start, p_end)
    text, offset = passage, 0
    if context is not None and passage in context:
        offset = context.index(passage)
        text = context
    before = text[max(0, offset + p_start - _CONTEXT): offset + p_start]
    after = text[offset + p_end: offset + p_end + _CONTEXT]
    if offset + p_start > _CONTEXT and " " in before:
        before = before[before.index(" ") + 1:]  # start the excerpt at a word
    if offset + p_end + _CONTEXT < len(text) and " " in after:
        after = after[: after.rindex(" ")]
    return Difference(
        q_start, quote[q_start:q_end][:_SIDE], passage[p_start:p_end][:_SIDE],
        ("…" if offset + p_start > _CONTEXT else "") + before,
        after + ("…" if offset + p_end + _CONTEXT < len(text) else ""), len(changes))


def _words(text: str) -> list[Span]:
    return [match.span() for match in _WORD.finditer(text)]


def _span_of(words: list[Span], first: int, stop: int, length: int) -> Span:
    """The characters of ``words[first:stop]``; where none, the place before ``words[first]``."""
    if stop > first:
        return words[first][0], words[stop - 1][1]
    at = words[first][0] if first < len(words) else length
    return at, at


def _within_word(quote: str, passage: str, q_start: int, q_end: int, p_start: int,
                 p_end: int) -> tuple[int, int, int, int]:
    """One word for another: only the look-alike characters that differ, when those are what
    differ (``first"`` for ``first”``); else the whole words."""
    matcher = difflib.SequenceMatcher(None, quote[q_start:q_end], passage[p_start:p_end],
                                      autojunk=False)
    changed = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if len(changed) != 1:
        return q_start, q_end, p_start, p_end
    _, a1, a2, b1, b2 = changed[0]
    inner_quote, inner_source = quote[q_start + a1:q_start + a2], passage[p_start + b1:p_start + b2]
    if not any(_look_alike(char) for char in inner_quote + inner_source):
        return q_start, q_end, p_start, p_end
    return q_start + a1, q_start + a2, p_start + b1, p_start + b2


def _side(chars: str) -> str:
    if not chars:
        return "nothing"
    shown = f"\"{chars}\""
    if len(chars) <= 3 and any(_look_alike(char) for char in chars):
        names = ", ".join(f"U+{ord(char):04X} {unicodedata.name(char, 'unnamed')}"
                          for char in chars)
        shown += f" ({names})"
    return shown


def _look_alike(char: str) -> bool:
    """A character that is easily mistaken for another: not a plain letter or digit."""
    return not char.isalnum() or not char.isascii()


def offsets_hold(source: NormalisedText, text: str, start: int, end: int) -> bool:
    """Whether the source's ``[start, end)`` is the quote: its first piece starts there, its last
    ends there, and the pieces between are in order."""
    if end > len(source.original) or start >= end:
        return False
    held = NormalisedText(source.original[start:end])
    whole = normalise(text)
    if held.normalised == whole:
        return True
    pieces = quote_pieces(text)
    return (len(pieces) > 1 and held.normalised.startswith(pieces[0])
            and held.normalised.endswith(pieces[-1]) and bool(find_quote(held, text, 1)))


def explain_miss(source: NormalisedText, text: str, min_similarity: float = 0.5,
                 label: str = "quote") -> str:
    """Why a quote is not found: which piece fails, and where it parts from the closest passage.
    Empty when nothing close enough is found (or the search budget is spent)."""
    pieces = quote_pieces(text)
    failing, lead = pieces[0] if pieces else normalise(text), ""
    number = _first_failing_piece(source, pieces)
    if number is not None:
        failing = pieces[number - 1]
        if source.find_all(failing, 1):
            return (f"piece {number} of {len(pieces)} (\"{_clip(failing)}\") is in the source, "
                    f"but not after piece {number - 1} in the same paragraph")
        lead = f"piece {number} of {len(pieces)} is not in the source; "
    closest = source.closest_passage(failing)
    if closest is None or closest[1] < min_similarity:
        return lead.removesuffix("; ")
    passage = closest[0]
    where = source.normalised.find(passage)
    wide = 2 * _CONTEXT
    context = source.normalised[max(0, where - wide): where + len(passage) + wide] \
        if where >= 0 else None
    found = difference(failing, passage, context)
    return lead + (found.describe("piece" if lead else label) if found is not None else "")


def _first_failing_piece(source: NormalisedText, pieces: list[str]) -> int | None:
    """The first piece (numbered from 2) after which the quote's leading pieces are found
    nowhere, or None. A match of the first k pieces holds one of the first k - 1, so this is a
    binary search: a few searches of the source, not one per piece."""
    holds, fails = 1, len(pieces) + 1  # the first piece alone counts as found; past the end fails
    while fails - holds > 1:
        middle = (holds + fails) // 2
        if find_quote(source, " ... ".join(pieces[:middle]), 1):
            holds = middle
        else:
            fails = middle
    return fails if fails <= len(pieces) else None


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# A sentence ends at . ! or ? (with any closing quotes or brackets) before whitespace, at a blank
# line, and at the end of a first line without end punctuation (the headline).
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?=\s)|\n[ \t]*\n")


def sentence_spans(text: str) -> list[Span]:
    """Original ``[start, end)`` of each sentence of ``text``, leading whitespace left out."""
    cuts = [match.end() for match in _SENTENCE_END.finditer(text)]
    first_line = text.find("\n")
    if first_line > 0 and text[:first_line].rstrip()[-1:] not in ".!?:;,\"'\u201d\u2019":
        cuts.append(first_line)
    spans = []
    start = 0
    for cut in [*sorted(set(cuts)), len(text)]:
        piece = text[start:cut]
        stripped = len(piece) - len(piece.lstrip())
        if piece.strip():
            spans.append((start + stripped, start + len(piece.rstrip())))
        start = cut
    return spans
