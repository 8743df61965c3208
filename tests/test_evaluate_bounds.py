"""``argmap evaluate`` checks every expectation under its own semantics, keeps the solver quiet
and bounded in time, words its reasons right and keeps them linear in the map's size."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from test_evaluate_cli import HAS_CLINGO, run

from argmap.analyse.evaluation import evaluate
from argmap.model import ArgumentMap

needs_clingo = pytest.mark.skipif(not HAS_CLINGO, reason="pip install 'argmap[solve]'")


def write_map(folder: Path, name: str, body: str) -> Path:
    path = folder / f"{name}.yaml"
    path.write_text(f"map: {{id: {name}, title: {name}, format: 1}}\n{body}")
    return path


EVEN_CYCLE = """propositions:
  - {id: c-a, kind: attributed_claim, text: The ship left.}
  - {id: c-b, kind: attributed_claim, text: The ship stayed.}
attacks:
  - {id: x-ab, attacker: c-a, target: c-b, kind: rebut}
  - {id: x-ba, attacker: c-b, target: c-a, kind: rebut}
"""


def cycle_map(members: int) -> ArgumentMap:
    return ArgumentMap.model_validate({
        "map": {"id": "cycle", "title": "A cycle", "format": 1},
        "propositions": [{"id": f"c-{i}", "kind": "attributed_claim",
                          "text": f"Account {i} is false."} for i in range(members)],
        "attacks": [{"id": f"x-{i}", "attacker": f"c-{i}", "target": f"c-{(i + 1) % members}",
                     "kind": "rebut"} for i in range(members)]})


# --- expectations under every semantics ---------------------------------------------------------

@needs_clingo
def test_a_grounded_expectation_is_checked_under_preferred_semantics(tmp_path: Path) -> None:
    path = write_map(tmp_path, "even", EVEN_CYCLE + "expect:\n  c-a: in\n")
    code, out, err = run(path, semantics="preferred", output_format="json")
    assert code == 1 and "1 expected outcome not met" in err
    [check] = json.loads(out)["expect"]
    assert check == {"id": "c-a", "semantics": "grounded", "expected": "in", "label": "undec",
                     "met": False}


@needs_clingo
def test_each_expectation_is_checked_under_the_semantics_it_names(tmp_path: Path) -> None:
    body = EVEN_CYCLE + ("expect:\n  c-a: {grounded: undec, preferred: in}\n"
                         "  c-b: {stable: undec}\n")
    path = write_map(tmp_path, "even", body)
    code, out, _ = run(path, semantics="preferred", output_format="json")
    checks = {(c["id"], c["semantics"]): c for c in json.loads(out)["expect"]}
    assert checks["c-a", "grounded"]["met"] is True
    assert checks["c-a", "preferred"] == {"id": "c-a", "semantics": "preferred",
                                          "expected": "in", "label": "undec", "met": False}
    assert checks["c-b", "stable"]["met"] is None and checks["c-b", "stable"]["label"] is None
    assert code == 1
    code, out, _ = run(path)  # grounded only: the preferred expectation is not checked
    assert code == 0 and "Not checked under preferred semantics" in out


def test_lint_checks_the_grounded_expectations_of_either_form(tmp_path: Path) -> None:
    path = write_map(tmp_path, "even", EVEN_CYCLE + "expect:\n  c-a: {grounded: in, "
                     "preferred: undec}\n  c-b: out\n")
    result = subprocess.run([sys.executable, "-m", "argmap", "lint", str(path)],
                            capture_output=True, text=True, timeout=120)
    found = [line for line in result.stdout.splitlines() if "AM161" in line]
    assert len(found) == 2 and "internal error" not in result.stdout, result.stdout
    assert found[0].startswith(f"{path}:9:")  # at its id, in either form


# --- the solver: quiet and bounded ------------------------------------------------------------

@needs_clingo
@pytest.mark.parametrize("semantics", ["preferred", "stable"])
def test_the_solvers_own_messages_are_not_printed(tmp_path: Path, semantics: str,
                                                  capfd: pytest.CaptureFixture[str]) -> None:
    path = write_map(tmp_path, "circle", """propositions:
  - {id: j-a, kind: author_judgment, text: A.}
  - {id: j-b, kind: author_judgment, text: B.}
inferences:
  - {id: i-ab, premises: [j-a], conclusion: j-b}
  - {id: i-ba, premises: [j-b], conclusion: j-a}
""")
    code, _, err = run(path, semantics=semantics)
    assert code == 0 and err == ""
    assert capfd.readouterr().err == ""  # clasp writes to the process's own standard error


@needs_clingo
def test_the_solver_stops_at_the_time_limit_and_says_how_far_it_got(tmp_path: Path) -> None:
    disputes = 22  # 4 million preferred extensions: far past any limit
    body = "propositions:\n" + "".join(
        f"  - {{id: c-{i}{side}, kind: attributed_claim, text: Claim {i}{side}.}}\n"
        for i in range(disputes) for side in "ab") + "attacks:\n" + "".join(
        f"  - {{id: x-{i}{a}{b}, attacker: c-{i}{a}, target: c-{i}{b}, kind: rebut}}\n"
        for i in range(disputes) for a, b in ("ab", "ba"))
    many = write_map(tmp_path, "many", body)
    small = write_map(tmp_path, "small", EVEN_CYCLE)
    code, out, err = run(many, small, semantics="preferred", time_limit=0.5,
                         output_format="json")
    assert code == 2
    [line] = err.splitlines()
    assert line.startswith(f"argmap: {many}: --semantics preferred stopped after the time "
                           "limit of 0.5 s with ")
    assert "extensions found" in line and "--time-limit SECONDS" in line
    assert [json.loads(one)["map"] for one in out.splitlines()] == ["small"]


# --- reasons --------------------------------------------------------------------------------------

def test_a_cycle_through_one_attack_says_one_attack() -> None:
    model = ArgumentMap.model_validate({
        "map": {"id": "one", "title": "One attack", "format": 1},
        "propositions": [{"id": "f-p", "kind": "reported_fact", "text": "P."},
                         {"id": "j-q", "kind": "author_judgment", "text": "Q."}],
        "inferences": [{"id": "i-pq", "premises": ["f-p"], "conclusion": "j-q"}],
        "attacks": [{"id": "x-q", "attacker": "j-q", "target": "i-pq", "kind": "undercut"}]})
    reason = evaluate(model).reasons["j-q"]
    assert "; 1 attack)" in reason and "1 attacks" not in reason


def test_reasons_stay_linear_in_the_size_of_a_cycle() -> None:
    sizes = {}
    for members in (101, 2001):
        evaluation = evaluate(cycle_map(members))
        assert set(evaluation.labels.values()) == {"undec"}
        sizes[members] = sum(map(len, evaluation.reasons.values()))
        assert "…" in evaluation.reasons["c-5"] and f"{members:,} attacks" in evaluation.reasons[
            "c-5"]
    per_element = {members: size / (2 * members) for members, size in sizes.items()}
    assert per_element[2001] < 1.2 * per_element[101], per_element


def test_a_short_cycle_is_named_whole() -> None:
    reason = evaluate(cycle_map(3)).reasons["c-0"]
    assert "…" not in reason and "`c-0`" in reason and "`c-2`" in reason


# --- --without --------------------------------------------------------------------------------

def test_withdrawn_propositions_are_the_premises_only() -> None:
    seed = ROOT / "maps" / "qaani-baghdad-2021-11.yaml"
    _, out, _ = run(seed, without=("security-officials",), output_format="json")
    data = json.loads(out)
    model = ArgumentMap.model_validate(yaml.safe_load(seed.read_text()))
    concluded = {inference.conclusion for inference in model.inferences}
    withdrawn = data["withdrawn"]
    assert withdrawn["propositions"], "the example should withdraw a premise"
    assert not set(withdrawn["propositions"]) & concluded
    assert set(withdrawn["unanchored"]) <= concluded


def test_the_reader_page_of_a_cycle_grows_no_faster_than_the_map(tmp_path: Path) -> None:
    sizes = {}
    for members in (61, 241):
        path = tmp_path / f"cycle-{members}.yaml"
        path.write_text(yaml.safe_dump(cycle_map(members).model_dump(mode="json",
                                                                     exclude_defaults=True)))
        page = tmp_path / f"cycle-{members}.html"
        result = subprocess.run([sys.executable, "-m", "argmap", "report", str(path), "-o",
                                 str(page), "-q"], capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        sizes[members] = (path.stat().st_size, page.stat().st_size)
    map_growth = sizes[241][0] / sizes[61][0]
    page_growth = sizes[241][1] / sizes[61][1]
    assert page_growth < 1.2 * map_growth, sizes  # was 8.9 times for 4 times the map
