"""``argmap evaluate``: the worked examples' labels from the JSON output, the formats, --without,
expectations, the solver semantics, and every way it fails."""

from __future__ import annotations

import importlib.util
import io
import json
import os
from pathlib import Path

import pytest
from conftest import ROOT

from argmap.commands.evaluate import EvaluateSettings, run_evaluate

EXAMPLES = ROOT / "tests" / "examples" / "evaluation"
SEED = ROOT / "maps" / "qaani-baghdad-2021-11.yaml"
# .ci/run installs the solver (it is in the test extra) and sets ARGMAP_CI: there it must be found.
HAS_CLINGO = importlib.util.find_spec("clingo") is not None or bool(os.environ.get("ARGMAP_CI"))


def run(*paths: Path, **options: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    settings = EvaluateSettings(paths=list(paths), **options)  # type: ignore[arg-type]
    code = run_evaluate(settings, out, err)
    return code, out.getvalue(), err.getvalue()


def labels_of(path: Path, **options: object) -> dict[str, str]:
    code, out, err = run(path, output_format="json", **options)
    assert code == 0, err
    data = json.loads(out)
    assert data["map"] == path.stem and data["semantics"] == options.get("semantics", "grounded")
    return dict(data["labels"])


EXPECTED = {
    "reinstatement": {"f-image": "in", "c-image-old": "out", "f-metadata": "in",
                      "j-launched-from-base": "in", "i-image": "in", "x-old": "out",
                      "x-dated": "in"},
    "even-cycle": dict.fromkeys(["c-ship-left", "c-ship-stayed", "j-cargo-delivered",
                                 "i-sailing", "x-left", "x-stayed"], "undec"),
    "odd-cycle": dict.fromkeys(["c-a", "c-b", "c-c", "x-ab", "x-bc", "x-ca"], "undec"),
    "undercut": {"f-drones-iranian": "in", "f-drones-sold": "in", "j-iran-armed": "out",
                 "j-iran-responsible": "out", "i-sign": "out", "i-arming": "out",
                 "x-sold": "in"},
    "rebut-countered": {"f-troops-massed": "in", "j-attack-planned": "in", "c-exercise": "out",
                        "j-no-attack": "out", "f-no-notice": "in", "i-massing": "in",
                        "i-exercise": "out", "x-rebut": "out", "x-no-notice": "in"},
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_worked_examples_give_the_aspic_labels(name: str) -> None:
    assert labels_of(EXAMPLES / f"{name}.yaml") == EXPECTED[name]


def test_json_is_one_object_per_map_per_line() -> None:
    code, out, _ = run(EXAMPLES, output_format="json")
    assert code == 0
    maps = [json.loads(line) for line in out.splitlines()]
    assert sorted(data["map"] for data in maps) == sorted(EXPECTED)
    undercut = next(data for data in maps if data["map"] == "undercut")
    assert undercut["reasons"]["j-iran-armed"].startswith("its only support, `i-sign`, fails")
    assert {"id": "i-sign", "semantics": "grounded", "expected": "out", "label": "out",
            "met": True} in undercut["expect"]


def test_text_explains_each_out_and_undec() -> None:
    code, out, _ = run(EXAMPLES / "rebut-countered.yaml")
    assert code == 0
    words = " ".join(out.split())
    assert "Grounded semantics (ASPIC+ without preferences): 5 in, 4 out, 0 undecided." in words
    assert ("c-exercise proposition out undermined by `f-no-notice` (`x-no-notice`), which "
            "stands: nothing attacks it") in words
    assert ("out x-rebut j-no-attack rebuts j-attack-planned its attacker `j-no-attack` is out, "
            "so the rebut fails") in words
    code, out, _ = run(EXAMPLES / "odd-cycle.yaml")
    assert "an odd cycle: no side can consistently stand" in out


def test_markdown_is_tables() -> None:
    code, out, _ = run(EXAMPLES / "undercut.yaml", output_format="markdown")
    assert code == 0
    assert out.startswith("# Undercut: the drones are sold openly (")
    assert "| out | j-iran-armed | author judgment | assertion | Iran armed the attackers. |" in out
    assert "| j-iran-armed | proposition | out | its only support, `i-sign`, fails" in out


def test_without_a_speaker_shows_labels_and_basis_before_and_after() -> None:
    code, out, err = run(SEED, output_format="json", without=("security-officials",))
    assert code == 0, err
    data = json.loads(out)
    changes = {change["id"]: change for change in data["changes"]}
    assert changes["f-same-drones"] == {
        "id": "f-same-drones", "kind": "proposition", "before": "in", "after": "out",
        "basis_before": "evidence", "basis_after": "assertion"}
    assert changes["j-two-militias"]["before"] == "in"
    assert changes["j-two-militias"]["after"] == "out"
    assert changes["h-other-militia"]["after"] == "in"  # its rebutter fell: reinstated
    assert data["before"]["labels"]["h-other-militia"] == "out"
    assert "f-same-drones" in data["withdrawn"]["propositions"]


def test_without_as_a_review_comment() -> None:
    code, out, _ = run(SEED, output_format="markdown", without=("qaani",))
    assert code == 0
    assert "## Without `qaani`" in out
    assert ("| h-iran-not-sanctioned | proposition | in | out | evidence | assertion |") in out
    assert "## Why the labels changed" in out


def test_without_in_a_map_that_has_no_sources_is_a_usage_error() -> None:
    code, out, err = run(EXAMPLES / "undercut.yaml", without=("nothing-here",))
    assert code == 2 and out == "" and "no source, actor or quote" in err


def test_unknown_without_is_a_usage_error_with_a_suggestion() -> None:
    code, out, err = run(SEED, without=("qaanni",))
    assert code == 2 and out == ""
    assert err == ("argmap: --without `qaanni`: no source, actor or quote has this id in the "
                   "maps given; did you mean `qaani`?\n")
    code, _, err = run(SEED, without=("x-tense-is-cover",))
    assert code == 2 and "it is an attack; --without takes a source, an actor or a quote" in err


def test_an_invalid_map_gets_its_validation_errors_and_no_evaluation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("map: {id: t, title: T, format: 1}\npropositions:\n"
                   "  - {id: a, kind: author_judgment, text: A.}\nexpect: {b: in}\n")
    code, out, err = run(bad)
    assert code == 1 and out == ""
    assert err.startswith(f"{bad}:4:")
    assert "`b` is not defined" in err


def test_a_failed_expectation_exits_1_and_says_which(tmp_path: Path) -> None:
    text = (EXAMPLES / "undercut.yaml").read_text().replace("j-iran-armed: out", "j-iran-armed: in")
    edited = tmp_path / "undercut.yaml"
    edited.write_text(text)
    code, out, err = run(edited)
    assert code == 1
    assert "j-iran-armed grounded in out NO" in " ".join(out.split())
    assert err == "1 expected outcome not met\n"


def test_unreadable_path_exits_2(tmp_path: Path) -> None:
    code, _, err = run(tmp_path / "missing.yaml")
    assert code == 2 and "missing.yaml" in err


def test_missing_solver_is_one_line_naming_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "clingo" else real_find_spec(name, *a))
    code, out, err = run(EXAMPLES / "even-cycle.yaml", semantics="preferred")
    assert code == 2 and out == ""
    assert err == ("argmap: --semantics preferred needs the clingo solver: "
                   "pip install 'argmap[solve]'\n")


@pytest.mark.skipif(not HAS_CLINGO, reason="clingo is not installed (pip install 'argmap[solve]')")
def test_preferred_and_stable_on_the_cycles() -> None:
    code, out, _ = run(EXAMPLES / "even-cycle.yaml", output_format="json", semantics="preferred")
    data = json.loads(out)
    assert code == 0 and len(data["extensions"]) == 2
    assert {extension["c-ship-left"] for extension in data["extensions"]} == {"in", "out"}
    assert data["labels"]["c-ship-left"] == "undec"  # sceptically: in neither all nor none
    assert set(data["credulous"]) >= {"c-ship-left", "c-ship-stayed", "j-cargo-delivered"}
    code, out, _ = run(EXAMPLES / "odd-cycle.yaml", output_format="json", semantics="stable")
    data = json.loads(out)
    assert data["extensions"] == [] and "no stable labelling exists" in data["reasons"]["c-a"]
    assert labels_of(EXAMPLES / "undercut.yaml", semantics="preferred") == EXPECTED["undercut"]


def test_the_command_is_listed_in_order_and_in_the_readme() -> None:
    from argmap.cli.typer_app import COMMAND_ORDER

    order = COMMAND_ORDER.index
    assert order("render") < order("evaluate") < order("ach")
    assert "| `argmap evaluate PATH...` |" in (ROOT / "README.md").read_text()


def test_through_the_real_cli() -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "argmap", "evaluate", str(EXAMPLES / "undercut.yaml"), "-f",
         "json", "--without", "no-such-source"], cwd=ROOT, capture_output=True, text=True,
        timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "no source, actor or quote" in result.stderr
    result = subprocess.run(
        [sys.executable, "-m", "argmap", "evaluate", str(EXAMPLES / "undercut.yaml"), "-f",
         "json"], cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["labels"] == EXPECTED["undercut"]
