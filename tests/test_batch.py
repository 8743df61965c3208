"""The batch layer every command goes through: one outcome per file, one exit rule, one summary."""

from __future__ import annotations

import io
from pathlib import Path

from conftest import ROOT

from argmap.batch import Batch, Outcome, Status, collect_map_files, load_maps, load_one
from argmap.problems import Problem, UsageError

VALID = ROOT / "tests" / "examples" / "valid" / "harbour.yaml"


def _tree(tmp_path: Path) -> Path:
    (tmp_path / "good.yaml").write_text(VALID.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("map: [unclosed\n", encoding="utf-8")
    (tmp_path / "bad.yml").write_bytes(b"map:\n  title: \xff\n")
    (tmp_path / "notes.txt").write_text("not a map\n", encoding="utf-8")
    return tmp_path


def test_every_file_has_one_outcome_and_a_broken_one_hides_nothing(tmp_path: Path) -> None:
    folder = _tree(tmp_path)
    outcomes = list(load_maps([folder / "missing.yaml", folder]))
    assert [(outcome.path.name, outcome.status) for outcome in outcomes] == [
        ("missing.yaml", Status.UNREADABLE),
        ("bad.yml", Status.INVALID),
        ("broken.yaml", Status.INVALID),
        ("good.yaml", Status.LOADED),
    ]
    missing, bad, broken, good = outcomes
    assert "no such file or folder" in missing.error and not missing.problems
    assert bad.problems[0].code == "AM002" and broken.problems and broken.map is None
    assert good.map is not None and good.map.model.map.title and good.loaded


def test_files_are_found_once_in_order(tmp_path: Path) -> None:
    folder = _tree(tmp_path)
    files, missing = collect_map_files([folder / "good.yaml", folder, folder / "notes.txt"])
    assert [path.name for path in files] == ["good.yaml", "bad.yml", "broken.yaml", "notes.txt"]
    assert missing == []


def test_exit_code_rule() -> None:
    loaded = Outcome(Path("a.yaml"), Status.LOADED)
    invalid = Outcome(Path("b.yaml"), Status.INVALID, (Problem("b.yaml", 1, 1, "AM001", "x"),))
    unreadable = Outcome(Path("c.yaml"), Status.UNREADABLE, error="c.yaml: cannot read")
    assert Batch([loaded]).exit_code() == 0
    assert Batch([loaded]).exit_code(failed=True) == 1
    assert Batch([loaded, invalid]).exit_code() == 1
    assert Batch([invalid, unreadable]).exit_code() == 2
    assert Batch([loaded, invalid, unreadable]).checked == 2


def test_summary_counts_what_could_not_be_read() -> None:
    assert Batch().summary("anything") == "no map files found\n"
    batch = Batch([Outcome(Path("a.yaml"), Status.LOADED)])
    assert batch.summary(f"{batch.count_files()} valid") == "1 file valid\n"
    batch.add(Outcome(Path("b.yaml"), Status.UNREADABLE, error="b.yaml: cannot read"))
    assert batch.summary(f"{batch.count_files()} valid") == "1 file valid; 1 could not be read\n"
    assert batch.unreadable == ["b.yaml: cannot read"]


def test_batch_keeps_outcomes_without_their_maps() -> None:
    batch = Batch()
    outcome = batch.add(load_one(VALID))
    assert outcome.map is not None and batch.outcomes[0].map is None
    assert batch.outcomes[0].loaded


def test_a_command_that_fails_on_a_loaded_map_counts_it_as_not_done() -> None:
    outcome = load_one(VALID).failed(UsageError("--focus: no element with id 'x'"))
    batch = Batch([outcome])
    assert outcome.status is Status.UNREADABLE and batch.exit_code() == 2
    assert batch.summary("0 done") == "0 done; 1 could not be read\n"
    assert batch.unreadable == ["--focus: no element with id 'x'"]


def test_the_documented_small_command_works(tmp_path: Path) -> None:
    """The example in argmap/batch.py's docstring, as a command would write it."""
    from argmap.output import write_problems

    def run_count(paths: list[Path], out: io.StringIO, err: io.StringIO) -> int:
        batch = Batch()
        for outcome in load_maps(paths):
            batch.add(outcome)
            if outcome.map is not None:
                out.write(f"{outcome.path.name}: {len(outcome.map.model.propositions)}\n")
        write_problems(batch, "text", out, err)
        err.write(batch.summary(f"{batch.count_files()} counted"))
        return batch.exit_code()

    folder = _tree(tmp_path)
    out, err = io.StringIO(), io.StringIO()
    assert run_count([folder, folder / "missing.yaml"], out, err) == 2
    assert out.getvalue().startswith("good.yaml: ")
    assert "bad.yml:2:10: not valid UTF-8" in out.getvalue()
    assert "argmap: " in err.getvalue() and "missing.yaml: no such file or folder" in err.getvalue()
    assert err.getvalue().endswith("3 files counted; 1 could not be read\n")
