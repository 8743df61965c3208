"""Analysis of Competing Hypotheses: scores, ranking, diagnosticity, weighting, and `argmap ach`.

Each test writes the small map it needs; expected figures are worked out by hand from Heuer's rules
(I = 1, II = 2) and the credibility weights in docs/ach.md.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from hypothesis import given
from hypothesis import strategies as st

from argmap.analyse.ach import (
    CREDIBILITY_WEIGHT,
    RATINGS,
    Matrix,
    analyse_map,
    analyse_question,
    competition_rank,
    spread,
)
from argmap.commands.ach import AchSettings, run_ach
from argmap.model import ArgumentMap, load_map_text
from argmap.model.elements import EvidenceRating, Proposition, Question

HYPOTHESES = """\
  - {id: h-aah, kind: hypothesis, text: Asaib Ahl al-Haq carried out the attack.}
  - {id: h-kh, kind: hypothesis, text: Kataib Hezbollah carried out the attack.}
  - {id: h-other, kind: hypothesis, text: Another group carried out the attack.}
"""

WHO = f"""\
map: {{id: t, title: Who attacked, format: 1}}
propositions:
{HYPOTHESES}\
  - {{id: f-threat, kind: reported_fact, text: Khazali threatened the premier., credibility: 2}}
  - {{id: c-drones, kind: attributed_claim, text: Officials said drones matched., credibility: 5}}
  - {{id: f-accused, kind: reported_fact, text: Militias were accused of the attack.}}
questions:
  - id: who
    text: Which militia carried out the attack?
    hypotheses: [h-aah, h-kh, h-other]
    evidence:
      - {{proposition: f-threat, ratings: {{h-aah: C, h-kh: N, h-other: I}}}}
      - {{proposition: c-drones, ratings: {{h-aah: CC, h-kh: C, h-other: II}}}}
      - {{proposition: f-accused, ratings: {{h-aah: C, h-kh: C, h-other: C}}}}
  - id: later
    text: Which militia strikes next?
    hypotheses: [h-aah, h-kh]
"""


def model_of(text: str) -> ArgumentMap:
    return load_map_text(text, Path("test.yaml")).model


def matrix_of(text: str, question: int = 0) -> Matrix:
    return analyse_map(model_of(text))[question]


def by_id(matrix: Matrix) -> dict[str, Any]:
    return {column.hypothesis: column for column in matrix.columns}


# ---- scores, counts, ranking ----

def test_inconsistency_counts_only_i_and_ii() -> None:
    columns = by_id(matrix_of(WHO))
    assert [columns[h].inconsistency for h in ("h-aah", "h-kh", "h-other")] == [0, 0, 3]
    assert dict(columns["h-other"].counts) == {"CC": 0, "C": 1, "N": 0, "I": 1, "II": 1, "NA": 0}
    assert dict(columns["h-aah"].counts) == {"CC": 1, "C": 2, "N": 0, "I": 0, "II": 0, "NA": 0}


def test_ranking_is_least_inconsistent_first_with_ties_in_hypothesis_order() -> None:
    text = WHO.replace("hypotheses: [h-aah, h-kh, h-other]", "hypotheses: [h-other, h-kh, h-aah]")
    matrix = matrix_of(text)
    assert [column.hypothesis for column in matrix.ranking] == ["h-kh", "h-aah", "h-other"]
    assert [column.rank for column in matrix.ranking] == [1, 1, 3]


def test_competition_rank_shares_places() -> None:
    scores = [3.0, 0.0, 0.0, 1.0]
    assert [competition_rank(scores, score) for score in scores] == [4, 1, 1, 3]


def test_unrated_cells_count_apart_from_na() -> None:
    text = WHO.replace("{h-aah: C, h-kh: N, h-other: I}", "{h-aah: C, h-other: NA}")
    columns = by_id(matrix_of(text))
    assert (columns["h-kh"].unrated, columns["h-kh"].counts["NA"]) == (1, 0)
    assert (columns["h-other"].unrated, columns["h-other"].counts["NA"]) == (0, 1)


def test_a_hypothesis_rated_only_na_or_not_at_all_is_untested() -> None:
    text = WHO.replace("h-other: I}", "h-other: NA}").replace("h-other: II}", "h-other: NA}")
    text = text.replace("h-kh: C, h-other: C}", "h-kh: C}")
    columns = by_id(matrix_of(text))
    assert not columns["h-other"].tested
    assert columns["h-other"].rank == 1, "the trap the rule and the note warn about"
    assert columns["h-aah"].tested and columns["h-kh"].tested


# ---- diagnosticity ----

@pytest.mark.parametrize(("row", "expected"), [
    (("C", "N", "I"), 2),
    (("CC", "II"), 4),
    (("C", "C", "C"), 0),
    (("II", "NA", "II"), 0),
    (("C", "NA", "NA"), None),
    (("NA", "NA"), None),
    ((None, "C", "I"), 2),
])
def test_spread_is_the_distance_between_applicable_ratings(row: tuple[Any, ...],
                                                            expected: int | None) -> None:
    assert spread(row) == expected


def test_rows_are_diagnostic_when_their_ratings_differ() -> None:
    rows = matrix_of(WHO).rows
    assert [(row.proposition, row.spread, row.diagnostic) for row in rows] == [
        ("f-threat", 2, True), ("c-drones", 4, True), ("f-accused", 0, False)]


# ---- weighting ----

def test_weighted_score_multiplies_each_inconsistency_by_its_credibility_weight() -> None:
    columns = by_id(matrix_of(WHO))
    # h-other: I on f-threat (credibility 2, x1.25) + II on c-drones (credibility 5, x0.5).
    assert columns["h-other"].weighted == 1 * 1.25 + 2 * 0.5
    assert [row.weight for row in matrix_of(WHO).rows] == [1.25, 0.5, 1.0]


def test_weighting_is_shown_beside_the_plain_ranking_and_can_disagree_with_it() -> None:
    text = WHO.replace(
        "{h-aah: C, h-kh: N, h-other: I}", "{h-aah: NA, h-kh: I, h-other: NA}").replace(
        "credibility: 2}", "credibility: 1}").replace(
        "{h-aah: CC, h-kh: C, h-other: II}", "{h-aah: II, h-kh: NA, h-other: NA}")
    columns = by_id(matrix_of(text))
    assert (columns["h-kh"].inconsistency, columns["h-aah"].inconsistency) == (1, 2)
    assert (columns["h-kh"].weighted, columns["h-aah"].weighted) == (1.5, 1.0)
    assert (columns["h-kh"].rank, columns["h-aah"].rank) == (2, 3)
    assert (columns["h-kh"].weighted_rank, columns["h-aah"].weighted_rank) == (3, 2)


def test_weights_favour_credible_evidence_and_treat_unjudged_as_neutral() -> None:
    weights = [CREDIBILITY_WEIGHT[grade] for grade in range(1, 6)]
    assert weights == sorted(weights, reverse=True)
    assert CREDIBILITY_WEIGHT[3] == CREDIBILITY_WEIGHT[6] == matrix_of(WHO).rows[2].weight


ratings = st.sampled_from([*RATINGS, None])


@given(st.lists(st.tuples(st.lists(ratings, min_size=3, max_size=3),
                          st.sampled_from([None, 1, 2, 3, 4, 5, 6])), max_size=8))
def test_ranking_invariants_on_random_matrices(rows: list[tuple[list[Any], int | None]]) -> None:
    hypotheses = ("h-a", "h-b", "h-c")
    propositions = {f"e{n}": Proposition(id=f"e{n}", kind="reported_fact", text="An item.",
                                         credibility=credibility)
                    for n, (_, credibility) in enumerate(rows)}
    question = Question(id="q", text="Which?", hypotheses=hypotheses, evidence=tuple(
        EvidenceRating(proposition=f"e{n}", ratings={h: r for h, r in zip(hypotheses, cells,
                                                                           strict=True) if r})
        for n, (cells, _) in enumerate(rows)))
    matrix = analyse_question(question, propositions)
    scores = [column.inconsistency for column in matrix.ranking]
    assert scores == sorted(scores)
    for first, second in zip(matrix.ranking, matrix.ranking[1:], strict=False):
        if first.inconsistency == second.inconsistency:
            assert hypotheses.index(first.hypothesis) < hypotheses.index(second.hypothesis)
    for column in matrix.columns:
        assert sum(column.counts.values()) + column.unrated == len(rows)
        assert column.inconsistency == column.counts["I"] + 2 * column.counts["II"]
        assert 0.5 * column.inconsistency <= column.weighted <= 1.5 * column.inconsistency
    assert all(row.spread is None or 0 <= row.spread <= 4 for row in matrix.rows)


# ---- the command ----

def run(tmp_path: Path, text: str | None = WHO, *paths: Path, **settings: Any
        ) -> tuple[int, str, str]:
    files = list(paths)
    if text is not None:
        files.insert(0, tmp_path / "map.yaml")
        files[0].write_text(text, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = run_ach(AchSettings(paths=files, **settings), out, err)
    return code, out.getvalue(), err.getvalue()


def test_text_is_an_aligned_table_with_scores_and_ranking(tmp_path: Path) -> None:
    code, out, err = run(tmp_path)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    header = next(line for line in lines if line.startswith("evidence "))
    table = lines[lines.index(header):lines.index(header) + 9]
    column = header.index("h-other")
    for line in table[2:5]:
        assert line[column - 2:column] == "  " and line[column] != " ", line
    assert table[2].split() == ["f-threat", "2", "C", "N", "I", "2"]
    assert table[6].split() == ["inconsistency", "0", "0", "3"]
    assert table[7].split() == ["weighted", "0", "0", "2.25"]
    ranking = [line.split()[:2] for line in lines if line[:1].isdigit()]
    assert ranking == [["1", "h-aah"], ["1", "h-kh"], ["3", "h-other"]]
    assert "Not diagnostic (rated alike against every hypothesis it applies to): f-accused." in out
    assert "No evidence rated yet" in out, "the question with no matrix says so"


def test_markdown_is_tables_for_a_report(tmp_path: Path) -> None:
    text = WHO.replace("Another group carried", "Another | group carried")
    code, out, _ = run(tmp_path, text, output_format="markdown")
    assert code == 0
    assert "## who: Which militia carried out the attack?" in out
    rows = [line for line in out.splitlines() if line.startswith("|")]
    assert "| evidence | cred. | h-aah | h-kh | h-other | spread |" in rows
    assert "| **inconsistency** |  | 0 | 0 | 3 |  |" in rows
    assert "| 3 | h-other | 3 | 2.25 | 3 | Another \\| group carried out the attack. |" in rows


def test_json_is_the_analysis_as_data(tmp_path: Path) -> None:
    code, out, _ = run(tmp_path, output_format="json")
    assert code == 0
    [only] = json.loads(out)["maps"]
    who, later = only["questions"]
    assert who["ranking"] == ["h-aah", "h-kh", "h-other"]
    other = who["hypotheses"][2]
    assert (other["inconsistency"], other["weighted"], other["rank"]) == (3, 2.25, 3)
    assert who["evidence"][0]["ratings"] == {"h-aah": "C", "h-kh": "N", "h-other": "I"}
    assert (who["evidence"][2]["spread"], who["evidence"][2]["diagnostic"]) == (0, False)
    assert later["evidence"] == []


def test_question_option_selects_one_question(tmp_path: Path) -> None:
    code, out, _ = run(tmp_path, output_format="json", question="later")
    assert code == 0
    assert [q["id"] for q in json.loads(out)["maps"][0]["questions"]] == ["later"]


def test_unknown_question_is_a_usage_error_with_a_suggestion(tmp_path: Path) -> None:
    code, out, err = run(tmp_path, question="whom")
    assert (code, out) == (2, "")
    assert "argmap: no question `whom` in the maps given; did you mean `who`?" in err


def test_question_option_naming_another_element_says_what_it_is(tmp_path: Path) -> None:
    code, _, err = run(tmp_path, question="h-kh")
    assert code == 2
    assert "`h-kh` in " in err and "is a proposition, not a question" in err


def test_a_map_without_questions_says_so(tmp_path: Path) -> None:
    text = "map: {id: t, title: Empty, format: 1}\n"
    code, out, _ = run(tmp_path, text)
    assert code == 0
    assert "No questions in this map" in out
    code, out, _ = run(tmp_path, text, output_format="json")
    assert (code, json.loads(out)["maps"][0]["questions"]) == (0, [])


def test_an_invalid_map_is_reported_where_it_is_wrong_and_exits_one(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(WHO.replace("h-other: I}", "h-others: I}"), encoding="utf-8")
    good = tmp_path / "good.yaml"
    good.write_text(WHO, encoding="utf-8")
    code, out, err = run(tmp_path, None, bad, good)
    assert code == 1
    assert f"{bad}:14:" in err and "`h-others`" in err
    assert "Who attacked (" + str(good) in out, "the valid map is still analysed"


def test_question_in_a_map_that_did_not_load_is_not_called_unknown(tmp_path: Path) -> None:
    code, _, err = run(tmp_path, WHO.replace("h-other: I}", "h-others: I}"), question="who")
    assert code == 1
    assert "(1 map did not load)" in err


def test_unreadable_path_exits_two(tmp_path: Path) -> None:
    code, _, err = run(tmp_path, WHO, tmp_path / "missing.yaml")
    assert code == 2
    assert "missing.yaml: no such file or folder" in err


def test_map_text_cannot_steer_the_terminal(tmp_path: Path) -> None:
    code, out, _ = run(tmp_path, WHO.replace("title: Who attacked", 'title: "Who \\e[31m"'))
    assert code == 0
    assert "\x1b" not in out and "Who \\x1b[31m" in out


def test_the_command_is_listed_after_render_and_runs_from_the_shell(tmp_path: Path) -> None:
    listing = subprocess.run([sys.executable, "-m", "argmap", "--help"], capture_output=True,
                             text=True, timeout=60, cwd=ROOT).stdout
    assert listing.index(" render ") < listing.index(" ach ") < listing.index(" export ")
    (tmp_path / "map.yaml").write_text(WHO, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "argmap", "ach", "map.yaml", "-f", "markdown",
                             "--question", "nope"], capture_output=True, text=True, timeout=60,
                            cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_the_example_in_docs_ach_md_prints_what_the_page_shows(tmp_path: Path,
                                                               monkeypatch: Any) -> None:
    page = (ROOT / "docs" / "ach.md").read_text(encoding="utf-8")
    example = page.split("```yaml\n", 1)[1].split("```", 1)[0]
    shown = page.split("```text\n", 1)[1].split("```", 1)[0]
    (tmp_path / "who-did-it.yaml").write_text(example, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out, err = io.StringIO(), io.StringIO()
    assert run_ach(AchSettings(paths=[Path("who-did-it.yaml")]), out, err) == 0, err.getvalue()
    assert out.getvalue() == shown, "docs/ach.md: paste the new output of argmap ach"
