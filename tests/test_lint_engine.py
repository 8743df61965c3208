"""The lint engine's parts: text matching, estimative phrases, suppression, source reading,
configuration, rule discovery, a failing rule, and parallel linting."""

from __future__ import annotations

import types
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.analyse.text import NormalisedText, normalise
from argmap.cues import estimative
from argmap.lint.config import ConfigError, LintConfig, parse_config
from argmap.lint.engine import (
    PARALLEL_MIN_BYTES,
    LintSettings,
    lint_file,
    lint_loaded,
    lint_many,
    worker_count,
)
from argmap.lint.rule import Rule, RuleDefinitionError, all_rules, find_rule, rule_from_module
from argmap.model import load_map_text
from argmap.problems import Level

# --- text ---------------------------------------------------------------------------------------

WORDS = st.text(alphabet=st.sampled_from("ab\u2019\u201c\u201d \n\t\u00a0."), max_size=60)


@given(WORDS, st.integers(0, 59), st.integers(1, 20))
def test_a_span_of_the_source_is_found_and_maps_back(source: str, start: int, size: int) -> None:
    span = source[start:start + size]
    needle = normalise(span)
    if not needle:
        return
    text = NormalisedText(source)
    found = text.find_all(needle)
    assert found, (source, span)
    first, last = text.original_span(found[0], len(needle))
    assert normalise(source[first:last]) == needle


def test_normalise_forgives_whitespace_and_typographic_quotes_only() -> None:
    assert normalise("  Shi\u2019ite \u201cgroups\u201d\n\tmet ") == "Shi'ite \"groups\" met"
    assert normalise("al-Kadhimi") != normalise("al\u2013Kadhimi")


def test_closest_passage_of_an_edited_quote() -> None:
    text = NormalisedText("The council met. It said that nobody is above the law. Then it left.")
    passage, ratio = text.closest_passage("nobody is over the law") or ("", 0.0)
    assert passage == "nobody is above the law."
    assert ratio > 0.8
    assert NormalisedText("").closest_passage("anything") is None


# --- estimative phrases -------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "words"), [
    ("It is highly unlikely that X", ["highly unlikely"]),
    ("X will very likely happen, or probably not", ["very likely", "probably not"]),
    ("It is more likely that X; less likely Y", []),
    ("It happened in May 2021. May it rain?", ["may"]),
    ("They may go in May.", ["may"]),
    ("a remote village", []),
    ("as much as possible", []),
    ("It\u2019s possible", ["it's possible"]),
    ("likelihood", []),
])
def test_phrases_found_in_running_text(text: str, words: list[str]) -> None:
    assert [match.phrase.words for match in estimative.find_phrases(text)] == words


@pytest.mark.parametrize(("vocabulary", "words", "band"), [
    ("icd203", "highly unlikely", "very_unlikely"),
    ("icd203", "realistic possibility", "roughly_even_chance"),
    ("icd203", "probably", "likely"),
    ("icd203", "remote chance", "almost_no_chance"),
    ("icd203", "almost certainly", "almost_certain"),
    ("phia", "very unlikely", "highly_unlikely"),
    ("phia", "roughly even chance", "realistic_possibility"),
    ("phia", "very likely", "highly_likely"),
    ("phia", "unlikely", "unlikely"),
])
def test_phrase_maps_to_the_nearest_band(vocabulary: str, words: str, band: str) -> None:
    assert estimative.band_for(vocabulary, estimative.phrases()[words]).term == band


def test_every_yardstick_phrase_means_its_own_band() -> None:
    from argmap.model.vocabulary import VOCABULARIES

    for name, bands in VOCABULARIES.items():
        for band in bands:
            for words in band.phrases:
                assert estimative.band_for(name, estimative.phrases()[words]) == band


def test_likelihood_phrase_accepts_bare_remote() -> None:
    phrase = estimative.phrase_of_likelihood("remote")
    assert phrase is not None and phrase.words == "remote"
    assert estimative.phrase_of_likelihood("a good bet") is None


# --- suppression, vocabulary, failing rules -----------------------------------------------------

MAP = """\
map: {id: t, title: T, format: 1}
propositions:
  - id: a
    kind: author_judgment
    text: Iran armed the attackers.
    suppress:
      - {rule: AM112, reason: Mapped as stated.}
  - id: b
    kind: author_judgment
    text: Iran armed the attackers.
inferences:
  - {id: i, premises: [a], conclusion: b, suppress: [{rule: AM112, reason: Wrong element.}]}
"""


def codes_and_lines(text: str, settings: LintSettings | None = None) -> list[tuple[str, int]]:
    loaded = load_map_text(text, Path("map.yaml"))
    return [(p.code, p.line) for p in lint_loaded(loaded, settings or LintSettings())]


def test_a_suppression_silences_its_rule_on_its_element_only() -> None:
    found = codes_and_lines(MAP)
    assert ("AM112", 4) not in found  # silenced on `a`
    assert ("AM190", 12) in found  # the one on the inference silenced nothing
    assert ("AM125", 4) in found and ("AM125", 9) in found  # other rules still run on `a`


def test_configured_vocabulary_applies_only_when_the_map_names_none() -> None:
    text = ("map: {id: t, title: T, format: 1%s}\npropositions:\n"
            "  - {id: a, kind: author_judgment, text: It is highly likely., confidence: low}\n")
    phia = LintSettings(LintConfig(vocabulary="phia"))
    assert ("AM124", 3) in codes_and_lines(text % "")
    assert ("AM124", 3) not in codes_and_lines(text % "", phia)
    assert ("AM124", 3) in codes_and_lines(text % ", likelihood_vocabulary: icd203", phia)


def test_a_failing_rule_is_reported_and_the_others_still_run(monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    def explode(ctx: object) -> list[object]:
        raise ValueError("boom")

    broken = Rule("AM198", "explodes", Level.WARNING, "Explodes.", explode)
    monkeypatch.setattr("argmap.lint.config.all_rules", lambda: (*all_rules(), broken))
    problems = lint_loaded(load_map_text(MAP, Path("map.yaml")), LintSettings())
    internal = [p for p in problems if p.code == "AM199"]
    assert [p.message for p in internal] == [
        "internal error in rule AM198 (explodes): ValueError: boom"]
    assert any(p.code == "AM125" for p in problems)


# --- rule discovery and configuration -----------------------------------------------------------

def test_a_module_that_is_not_a_rule_is_refused() -> None:
    module = types.ModuleType("argmap.lint.rules.bad", "Doc.")
    module.ID, module.NAME, module.LEVEL = "X1", "bad", "error"  # type: ignore[attr-defined]
    with pytest.raises(RuleDefinitionError, match="ID must be a code"):
        rule_from_module(module)
    module.ID, module.LEVEL = "AM150", "loud"  # type: ignore[attr-defined]
    with pytest.raises(RuleDefinitionError, match="LEVEL"):
        rule_from_module(module)


def test_rules_are_found_by_code_or_name() -> None:
    rule = find_rule("quote-not-in-source")
    assert rule is not None and rule.code == "AM101"
    assert find_rule("am101") is rule
    assert find_rule("AM000") is None


def test_option_types_are_checked() -> None:
    def where(loc: object) -> str:
        return "cfg:"

    config = parse_config({"lint": {"rules": {"AM144": {"pronouns": ["he"], "level": "info"}}}},
                          "cfg", where)
    rule = find_rule("AM144")
    assert rule is not None
    assert config.setting(rule).options["pronouns"] == ("he",)
    assert config.setting(rule).level is Level.INFO
    with pytest.raises(ConfigError, match="must be a list of strings"):
        parse_config({"lint": {"rules": {"AM144": {"pronouns": "he"}}}}, "cfg", where)
    with pytest.raises(ConfigError, match="must be true or false"):
        parse_config({"lint": {"rules": {"AM125": {"hypotheses": 1}}}}, "cfg", where)
    with pytest.raises(ConfigError, match="jobs must be a whole number"):
        parse_config({"lint": {"jobs": -1}}, "cfg", where)


# --- sources and files --------------------------------------------------------------------------

def test_a_symbolic_link_out_of_the_repository_is_refused(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("The port reopened.\n", encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "link.txt").symlink_to(tmp_path / "secret.txt")
    text = ("map: {id: t, title: T, format: 1}\nsources:\n  - {id: s, path: link.txt, title: S}\n"
            "actors:\n  - {id: a, name: A}\nquotes:\n"
            "  - {id: q, source: s, speaker: a, mode: author, text: The port closed.}\n")
    (repo / "map.yaml").write_text(text, encoding="utf-8")
    refused = lint_file(repo / "map.yaml", LintSettings()).problems
    assert [p.code for p in refused if p.code in {"AM101", "AM104"}] == ["AM104"]
    allowed = lint_file(repo / "map.yaml", LintSettings(allow_outside_paths=True)).problems
    assert [p.code for p in allowed if p.code in {"AM101", "AM104"}] == ["AM101"]


def test_parallel_linting_gives_the_same_result_as_serial(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    files = []
    for number in range(4):
        path = tmp_path / f"m{number}.yaml"
        path.write_text(MAP if number % 2 else "map: [broken\n", encoding="utf-8")
        files.append(path)
    serial = lint_many(files, LintSettings(), jobs=1)
    parallel = lint_many(files, LintSettings(), jobs=2)
    assert serial == parallel
    assert [outcome.loaded for outcome in parallel] == [False, True, False, True]


def test_worker_count_needs_enough_bytes(tmp_path: Path) -> None:
    import os

    small = [tmp_path / f"{n}.yaml" for n in range(64)]  # missing files count as empty
    large = []
    for number in range(2):
        path = tmp_path / f"large{number}.yaml"
        path.write_bytes(b"#" * (PARALLEL_MIN_BYTES // 2))
        large.append(path)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    assert worker_count(small, 0) == 1
    assert worker_count(small[:3], 2) == min(cores, 2)
    assert worker_count(large, 1) == 1
    assert worker_count(large, 0) == min(cores, 2)
    assert worker_count(small, 200) == min(cores, 64)  # never more workers than cores


def test_suggestions_stay_bounded_on_huge_input() -> None:
    words = " ".join(f"w{n % 997}" for n in range(20_000))  # one 120 KB "sentence"
    text = NormalisedText(words)
    passage, _ = text.closest_passage("w5 w6 w7 w8 w9 w10") or ("", 0.0)
    assert 0 < len(passage) <= 1_000
    assert text.closest_passage("w1 " * 1_000) is None  # too long a quote to align
