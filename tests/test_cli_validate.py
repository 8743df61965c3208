"""`argmap validate` and `argmap schema` as a user runs them: exit codes, output, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

VALID = ROOT / "tests" / "examples" / "valid" / "harbour.yaml"
INVALID = ROOT / "tests" / "examples" / "invalid"


def argmap(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=60)


def test_valid_map_exits_zero() -> None:
    result = argmap("validate", VALID)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert "1 file valid" in result.stderr


def test_folder_with_broken_files_reports_every_file() -> None:
    result = argmap("validate", INVALID, VALID)
    assert result.returncode == 1
    reported = {line.split(":", 1)[0] for line in result.stdout.splitlines()}
    assert len(reported) == len(list(INVALID.glob("*.yaml")))
    assert "Traceback" not in result.stdout + result.stderr


def test_missing_path_is_exit_two_and_others_still_checked(tmp_path: Path) -> None:
    result = argmap("validate", tmp_path / "nope.yaml", INVALID / "empty.yaml")
    assert result.returncode == 2
    assert "nope.yaml: no such file or folder" in result.stderr
    assert "empty.yaml:1:1:" in result.stdout


def test_usage_error_is_exit_two() -> None:
    result = argmap("validate")
    assert result.returncode == 2
    assert "Missing argument" in result.stderr


def test_json_format_is_data() -> None:
    result = argmap("validate", "--format", "json", INVALID / "unknown-field.yaml")
    assert result.returncode == 1
    [record] = json.loads(result.stdout)
    assert (record["line"], record["column"], record["code"]) == (8, 5, "AM010")
    assert "did you mean `premises`" in record["message"]


def test_github_format_annotates() -> None:
    result = argmap("validate", "--format", "github", INVALID / "duplicate-key.yaml")
    assert result.stdout.startswith("::error file=")
    assert ",line=9,col=5,title=AM003::" in result.stdout


def test_version() -> None:
    result = argmap("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("argmap ")


def test_schema_copy_in_docs_is_current() -> None:
    result = argmap("schema")
    committed = (ROOT / "docs" / "schema" / "argmap-v1.schema.json").read_text()
    assert result.stdout == committed, "run: argmap schema -o docs/schema/argmap-v1.schema.json"
    schema = json.loads(result.stdout)
    assert schema["additionalProperties"] is False
    assert "propositions" in schema["properties"]


def test_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    result = argmap("validate", fifo)
    assert result.returncode == 2
    assert "not a regular file" in result.stderr


def test_folder_walk_skips_hidden_folders_and_survives_link_loops(tmp_path: Path) -> None:
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "broken.yaml").write_text("[")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    source = str(VALID.parent / "harbour-report.txt")
    (tmp_path / "ok.yaml").write_text(VALID.read_text().replace("harbour-report.txt", source))
    result = argmap("validate", tmp_path, tmp_path / "ok.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 file valid" in result.stderr


def test_a_file_that_cannot_be_read_is_not_counted_as_valid(tmp_path: Path) -> None:
    result = argmap("validate", "/dev/null", VALID)
    assert result.returncode == 2
    assert "1 file valid; 1 could not be read" in result.stderr


def test_schema_to_an_unwritable_place_is_a_clear_error(tmp_path: Path) -> None:
    # A missing folder is created (issue 16); a file where the folder should be cannot be.
    (tmp_path / "taken").write_text("a file, not a folder")
    result = argmap("schema", "-o", tmp_path / "taken" / "folder" / "schema.json")
    assert result.returncode == 2
    assert "cannot create the folder" in result.stderr and "Traceback" not in result.stderr
    assert "internal error" not in result.stderr
