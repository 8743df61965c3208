"""Text search stays linear in the source and printed context stays bounded.

`quote`, `lint` and `coverage` locate many places in one source text. Each used to scan the text
again per place (per try of an ellipsis quote, per uncovered sentence, per place found), and
`quote` printed a one-line source whole for each place. The work is counted here, not timed: the
characters the text is scanned for line breaks and paragraphs, and the bytes printed. The figures
are in docs/reliability.md.
"""

from __future__ import annotations

import io
import itertools
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.analyse import text as text_module
from argmap.analyse.quote_match import (
    _LOOSE,
    MAX_GAP,
    _lower_one,
    explain_miss,
    find_phrase,
    find_quote,
    loose,
    quote_pieces,
    sentence_spans,
)
from argmap.analyse.text import NormalisedText, normalise
from argmap.commands import quote as quote_module
from argmap.commands.coverage import CoverageSettings, run_coverage
from argmap.commands.quote import CONTEXT_CHARS, QuoteSettings, run_quote
from argmap.read import yaml_tree


class _Counting:
    """A compiled pattern that adds up how many characters it was asked to scan."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.scanned = 0

    def finditer(self, text: str, *args: Any) -> Any:
        self.scanned += len(text)
        return self.pattern.finditer(text, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.pattern, name)


# -- an ellipsis quote whose pieces are never in one paragraph -----------------------------------

APART = "alpha one two.\n\nbeta three four.\n\n" * 3_000  # 105 KB: piece 2 always a paragraph on


def test_an_ellipsis_quote_scans_the_source_for_paragraphs_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    breaks = _Counting(text_module._PARAGRAPH_BREAK)
    monkeypatch.setattr(text_module, "_PARAGRAPH_BREAK", breaks)
    source = NormalisedText(APART)
    quote = "alpha one ... beta three"
    assert find_quote(source, quote) == []  # 500 places tried, each in another paragraph
    assert find_phrase(source, quote) == []
    why = explain_miss(source, quote)
    assert why.startswith("piece 2 of 2 (\"beta three\") is in the source, but not after piece 1")
    assert breaks.scanned == len(APART)  # once, not once per place tried (was 500 times per call)


def test_the_failing_piece_of_a_long_ellipsis_quote_is_found_in_a_few_searches(
        monkeypatch: pytest.MonkeyPatch) -> None:
    source = NormalisedText("w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 " * 50)
    pieces = [f"w{n % 10}" for n in range(400)]
    pieces[301] = "missing"
    searches = 0
    real = text_module.NormalisedText.find_all

    def counted(self: NormalisedText, needle: str, limit: int = 3) -> list[int]:
        nonlocal searches
        searches += 1
        return real(self, needle, limit)

    monkeypatch.setattr(text_module.NormalisedText, "find_all", counted)
    why = explain_miss(source, " ... ".join(pieces))
    assert why.startswith("piece 302 of 400 is not in the source")
    assert searches <= 12  # a binary search over the pieces (it was one search per piece)


def test_places_found_are_bounded_by_the_limit_and_places_tried_in_vain_by_a_constant(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from argmap.analyse import quote_match

    every_line = NormalisedText("the crane fell today.\n" * 2_000)
    assert len(find_phrase(every_line, "crane fell", limit=1_500)) == 1_500  # not cut at 500
    tried = 0
    real = quote_match._follow

    def counted(haystack: str, pieces: list[str], first: int) -> list[int] | None:
        nonlocal tried
        tried += 1
        return real(haystack, pieces, first)

    monkeypatch.setattr(quote_match, "_follow", counted)
    assert find_quote(NormalisedText(APART), "alpha one ... beta three", limit=1_500) == []
    assert tried == 500


_WORDS = st.sampled_from(["a", "b", "ab", "Ba", "\u201cb\u201d", "c."])
_GLUE = st.sampled_from([" ", " ", " ", "\n", "\n\n", "  \n \n"])


@st.composite
def _text_and_quote(draw: st.DrawFn) -> tuple[str, str]:
    words = draw(st.lists(_WORDS, min_size=1, max_size=60))
    glue = draw(st.lists(_GLUE, min_size=len(words), max_size=len(words)))
    text = "".join(word + space for word, space in zip(words, glue, strict=True))
    first = draw(st.integers(0, len(words) - 1))
    cuts = sorted(draw(st.sets(st.integers(first, len(words)), min_size=2, max_size=4)))
    quote = " ... ".join(" ".join(words[start:end]) for start, end in itertools.pairwise(cuts)
                         if end > start)
    return text, quote or words[first]


@given(_text_and_quote())
def test_every_ellipsis_match_is_its_pieces_in_order_within_one_paragraph(
        case: tuple[str, str]) -> None:
    text, quote = case
    source = NormalisedText(text)
    pieces = quote_pieces(quote)
    for match in find_quote(source, quote):
        assert len(match.pieces) in (1, len(pieces))
        if len(match.pieces) > 1:
            assert [normalise(text[start:end]) for start, end in match.pieces] == pieces
            assert not re.search(r"\n[ \t\r\f\v]*\n", text[match.start:match.end])
        assert all(end <= start for (_, end), (start, _) in itertools.pairwise(match.pieces))
    explain_miss(source, quote)  # never fails


@given(_text_and_quote())
def test_pieces_within_one_paragraph_are_found(case: tuple[str, str]) -> None:
    text, quote = case
    pieces = quote_pieces(quote)
    in_one = any(_in_order(normalise(paragraph), pieces)
                 for paragraph in re.split(r"\n[ \t\r\f\v]*\n", text))
    if in_one and len(normalise(text)) < MAX_GAP:
        assert find_quote(NormalisedText(text), quote)


def _in_order(text: str, pieces: list[str]) -> bool:
    at = 0
    for piece in pieces:
        at = text.find(piece, at)
        if at < 0:
            return False
        at += len(piece)
    return True


@given(st.text())
def test_loose_lowers_one_character_for_one(text: str) -> None:
    assert loose(text) == "".join(_lower_one(char) for char in text.translate(_LOOSE))


# -- coverage: one uncovered sentence per line ---------------------------------------------------

def test_coverage_locates_every_uncovered_sentence_in_one_scan(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    count = 5_000
    (tmp_path / ".git").mkdir()
    source = "".join(f"Sentence {n} says the crane probably fell.\n" for n in range(count))
    (tmp_path / "article.txt").write_text(source)
    (tmp_path / "m.yaml").write_text(
        "map: {id: m, title: Crane, format: 1}\n"
        "sources:\n  - {id: s, path: article.txt, title: Crane, author: a}\n"
        "actors:\n  - {id: a, name: The author}\n"
        "quotes:\n  - {id: q, source: s, speaker: a, mode: author, text: Sentence 0 says}\n"
        "propositions:\n  - {id: p, kind: reported_fact, text: It fell., quotes: [q]}\n")
    monkeypatch.chdir(tmp_path)
    breaks = _Counting(yaml_tree._BREAK)
    monkeypatch.setattr(yaml_tree, "_BREAK", breaks)
    out, err = io.StringIO(), io.StringIO()
    assert run_coverage(CoverageSettings([tmp_path / "m.yaml"], "text"), out, err) == 0
    lines = out.getvalue().splitlines()
    assert len(lines) == count - 1
    assert all(line.startswith(f"article.txt:{n + 1}:1: ") and f"Sentence {n} " in line
               for n, line in zip(range(1, count), sorted(lines, key=_line_number), strict=True))
    assert breaks.scanned <= 2 * len(source)  # was the sum of every sentence's offset: 5 GB


def _line_number(line: str) -> int:
    return int(line.split(":")[1])


# -- quote: a one-line source, the phrase found twenty times -------------------------------------

def test_quote_on_a_one_line_source_prints_a_bounded_window(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    line = ("the crane fell " + "x" * 10_000 + " ") * 40  # 400 KB, one line, one sentence
    path = tmp_path / "line.txt"
    path.write_text(line)
    breaks = _Counting(yaml_tree._BREAK)
    monkeypatch.setattr(yaml_tree, "_BREAK", breaks)
    spans = 0
    real_spans = sentence_spans

    def counted(text: str) -> list[tuple[int, int]]:
        nonlocal spans
        spans += 1
        return real_spans(text)

    monkeypatch.setattr("argmap.analyse.quote_match.sentence_spans", counted)
    out, err = io.StringIO(), io.StringIO()
    assert run_quote(QuoteSettings(path, "The Crane fell"), out, err) == 0
    printed = out.getvalue()
    sentences = [row for row in printed.splitlines() if row.startswith("   sentence: ")]
    assert len(sentences) == 20
    assert all(len(row) <= len("   sentence: ") + 2 * CONTEXT_CHARS + 16 for row in sentences)
    assert sentences[1].startswith("   sentence: …") and sentences[1].endswith("…")
    assert len(printed) < 20 * 1_000  # was 20 times the line: 8 MB
    assert spans == 1 and breaks.scanned <= len(line)


_QUOTED_TEXT = st.text(st.sampled_from("ab .\n\"\u201c\u201d\u201e\u00ab\u00bb"), max_size=80)


@given(_QUOTED_TEXT, st.data())
def test_the_mode_and_sentence_of_a_place_are_what_a_scan_per_place_gives(
        text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    index = quote_module._TextIndex(text)
    settings = QuoteSettings(Path("x.txt"), "a", speaker="someone")
    assert quote_module._mode(settings, index, start) == _mode_by_scan(text, start)
    if end > start:
        assert index.sentence_around(start, end) == _sentence_by_scan(text, start, end)


def _mode_by_scan(text: str, start: int) -> str:
    """The mode as it was found before: the paragraph's text before the place, counted."""
    before = text[text.rfind("\n\n", 0, start) + 1:start]
    opened = sum(before.count(mark) for mark in "\u201c\u201e\u00ab")
    closed = sum(before.count(mark) for mark in "\u201d\u00bb")
    return "direct" if opened > closed or before.count('"') % 2 == 1 else "indirect"


def _sentence_by_scan(text: str, start: int, end: int) -> str:
    spans = [span for span in sentence_spans(text) if span[1] > start and span[0] < end]
    return " ".join(text[spans[0][0]:spans[-1][1]].split()) if spans else ""
