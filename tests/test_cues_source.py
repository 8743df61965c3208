"""The cue lists the lint reads source text with (argmap.cues), and a quote's passage."""

from __future__ import annotations

from argmap.analyse.passage import SourceLayout
from argmap.cues.attribution import find_attributions
from argmap.cues.clauses import find_turns, opener
from argmap.cues.dates import find_dates
from argmap.cues.reasoning import find_absence, find_certainty, find_inferential
from argmap.cues.reliability import find_doubts


def test_attribution_finds_speech_verbs_and_phrases_as_written() -> None:
    found = find_attributions("The strike would spread, he had warned, According to the union.")
    assert [(m.words, m.written) for m in found] == [("had warned", "had warned"),
                                                     ("according to", "According to")]
    assert find_attributions("The unsaid and the toldness") == []


def test_reliability_names_the_family_of_each_doubt() -> None:
    found = find_doubts("Unnamed officials reportedly met; the rumours were unconfirmed.")
    assert [(family, m.written) for family, m in found] == [
        ("anonymity", "Unnamed"), ("hearsay", "reportedly"), ("rumour", "rumours"),
        ("unconfirmed", "unconfirmed")]


def test_reasoning_cues() -> None:
    assert [m.words for m in find_inferential("This suggests the plan points to war")] == [
        "suggests", "points to"]
    assert [m.words for m in find_certainty("It became apparent he must have known")] == [
        "it became apparent", "must have"]
    assert [m.words for m in find_absence("It is unclear when the talks resume")] == [
        "it is unclear"]


def test_clause_openers_only_at_the_start_of_a_sentence() -> None:
    assert opener("While the dam held, the town flooded.") == ("concessive", "While", 5)
    assert opener("\u201cEven if it rains, we sail.\u201d") == ("conditional", "Even if", 8)
    assert opener("They asked if it rained.") is None
    assert [m.words for m in find_turns("It held, but not for long")] == ["but", "not"]


def test_dates_carry_the_year_of_the_last_full_date() -> None:
    found = find_dates("On 7 November 2021 the drones came; on November 5 the protest; in 2019.")
    assert [d.key() for d in found] == [(2021, 11, 7), (2021, 11, 5), (2019, 0, 0)]
    assert find_dates("March on") == [] and [d.key() for d in find_dates("in March")] == [(0, 3, 0)]
    assert [d.key() for d in find_dates("on March 3", year=2020)] == [(2020, 3, 3)]
    assert [d.key() for d in find_dates("a grid attack in 2023; on March 3")] == [
        (2023, 0, 0), (0, 3, 3)]
    unknown, known = find_dates("on March 3")[0], find_dates("on March 4, 2020")[0]
    assert not unknown.before(known) and not known.before(unknown)
    assert find_dates("late January")[0].before(unknown)
    may, year = find_dates("May 2021 and 2020")
    assert year.before(may) and not may.before(find_dates("2021")[0])


def test_a_passage_is_the_quote_with_its_sentence_and_paragraph() -> None:
    text = "First line here.\nIt rained. The dam held, he said. More.\nLast."
    layout = SourceLayout(text)
    start = text.index("The dam held")
    passage = layout.passage(start, start + len("The dam held"))
    assert passage.sentence_text == "The dam held, he said."
    assert passage.after == ", he said."
    assert passage.previous_text == "It rained."
    assert passage.paragraph_text == "It rained. The dam held, he said. More."
    first = layout.passage(0, 5)
    assert first.previous is None and first.paragraph_text == "First line here."
