"""Locating quotes: ellipsis pieces with their own offsets, forgiving phrase search, differences."""

from __future__ import annotations

import pytest

from argmap.analyse.quote_match import (
    difference,
    explain_miss,
    find_phrase,
    find_quote,
    offsets_hold,
    quote_pieces,
)
from argmap.analyse.text import NormalisedText

SOURCE = NormalisedText(
    "The board said releases would fall.\nIt added that \u201cdrinking water comes first\u201d "
    "\u2013 a rule older than the pact.\n\nA new paragraph: the board said nothing more.\n"
)


def words(match_pieces: tuple[tuple[int, int], ...]) -> list[str]:
    return [SOURCE.original[start:end] for start, end in match_pieces]


def test_pieces_split_at_every_ellipsis_form() -> None:
    for text in ("A ... B", "A … B", "A [...] B", "A [\u2026] B", "A . . . B", "... A ... B ..."):
        assert quote_pieces(text) == ["A", "B"], text
    assert quote_pieces("It ended. ... Then more") == ["It ended.", "Then more"]
    assert quote_pieces("no ellipsis here") == ["no ellipsis here"]


def test_quote_with_ellipsis_gives_each_piece_its_offsets() -> None:
    [match] = find_quote(SOURCE, "The board said ... would fall. It added")
    assert words(match.pieces) == ["The board said", "would fall.\nIt added"]
    assert (match.start, match.end) == (0, SOURCE.original.index("It added") + len("It added"))


def test_pieces_must_be_in_order_and_in_one_paragraph() -> None:
    assert find_quote(SOURCE, "would fall ... The board said") == []
    assert find_quote(SOURCE, "than the pact. ... A new paragraph") == []


def test_a_source_that_itself_has_the_ellipsis_matches_whole() -> None:
    source = NormalisedText("He paused... then went on.")
    [match] = find_quote(source, "He paused... then")
    assert match.pieces == ((0, 17),)


def test_phrase_search_forgives_case_dashes_and_quote_marks() -> None:
    [match] = find_phrase(SOURCE, 'DRINKING WATER comes first" - a rule')
    found = SOURCE.original[match.start:match.end]
    assert found == "drinking water comes first\u201d \u2013 a rule"
    assert find_quote(SOURCE, 'drinking water comes first" - a rule') == [], "quotes stay strict"


def test_phrase_search_lists_every_place() -> None:
    assert len(find_phrase(SOURCE, "the board said")) == 2
    assert len(find_phrase(SOURCE, "the board said", limit=1)) == 1
    assert find_phrase(SOURCE, "   ") == []


def test_offsets_hold_for_a_quote_with_an_ellipsis() -> None:
    [match] = find_quote(SOURCE, "The board said ... would fall.")
    assert offsets_hold(SOURCE, "The board said ... would fall.", match.start, match.end)
    assert not offsets_hold(SOURCE, "The board said ... would fall.", match.start + 1, match.end)
    assert not offsets_hold(SOURCE, "The board said", 0, 10_000)


def test_difference_names_look_alikes_by_code_point() -> None:
    found = difference('first" - a rule', 'first" \u2013 a rule older')
    assert found is not None
    text = found.describe()
    assert 'the quote has "-" (U+002D HYPHEN-MINUS)' in text
    assert '"\u2013" (U+2013 EN DASH)' in text


def test_difference_shows_whole_words_and_the_source_after_it() -> None:
    passage = "said releases would fall"
    found = difference("said releases will fall", passage, f"The board {passage}. It added more.")
    assert found is not None
    assert found.quote_side == "will" and found.source_side == "would"
    assert found.describe().endswith('source: "The board said releases [[would]] fall. It added '
                                     'more."')


def test_identical_text_has_no_difference() -> None:
    assert difference("same words", "same words") is None
    assert difference("words", "the words here") is None, "a quote is part of a passage"


def test_explain_miss_without_a_close_passage_is_empty() -> None:
    assert explain_miss(SOURCE, "zzz qqq xxx") == ""


def test_hostile_ellipsis_quote_tries_a_bounded_number_of_first_pieces() -> None:
    source = NormalisedText("a " * 200_000 + "b")
    assert find_quote(source, "a ... a ... b") == [], "the b is beyond the tries and the gap"
    assert find_quote(NormalisedText("a a a b"), "a ... a ... b") != []


def test_sentences_end_at_punctuation_blank_lines_and_the_headline() -> None:
    from argmap.analyse.quote_match import sentence_spans

    text = "Headline here\nOne. \u201cTwo?\u201d said he.\n\nThree without end\nstill three"
    found = [text[start:end] for start, end in sentence_spans(text)]
    assert found == ["Headline here", "One.", "\u201cTwo?\u201d", "said he.",
                     "Three without end\nstill three"]
    assert sentence_spans("") == []


QAANI = ("The Quds Force commander met the Iraqi President Barham Salih. Qaani expressed rejection "
         "of the assassination attempt on al-Kadhimi. Qaani's visit was part of Iran's effort.")


@pytest.mark.parametrize(("quote", "left_out", "at"), [
    ("Qaani expressed of the assassination attempt on al-Kadhimi.", "rejection", 17),
    ("Qaani expressed rejection of the attempt on al-Kadhimi.", "assassination", 34)])
def test_a_word_left_out_is_named_whole_where_it_is(quote: str, left_out: str, at: int) -> None:
    """Letters aligned one by one made a dropped word look like a change at the quote's first
    character (the passage was shifted by the word's length), or split it over two."""
    why = explain_miss(NormalisedText(QAANI), quote)
    assert why.startswith(f'they part at character {at} of the quote: the quote leaves out '
                          f'"{left_out}"; source: ')
    assert f"[[{left_out}]]" in why and "differences in all" not in why


def test_a_word_added_is_named() -> None:
    found = difference("the assassination attempt failed on al-Kadhimi",
                       "the assassination attempt on al-Kadhimi")
    assert found is not None
    assert 'the quote adds "failed", which the source does not have' in found.describe()
