"""The interop corpus (``tests/interop/``, real public files in every format ``import`` reads):
each file imports, or is refused in one line that says why; every imported map validates,
lints and renders."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from argmap.commands.import_map import ImportSettings, run_import

CORPUS = ROOT / "tests" / "interop"
FILES = sorted(CORPUS.glob("*.json"))
# A file with nothing a map can hold is refused, never written as an empty map.
REFUSED = {"ova3-xaif-empty.json": "read as xAIF, but it holds no proposition to import"}
FORMATS = {"AIF", "xAIF", "OVA", "SADFace", "arguebuf", "Argdown JSON"}

Imported = dict[str, tuple[int, str, Path]]


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Imported:
    folder = tmp_path_factory.mktemp("corpus")
    found: Imported = {}
    for path in FILES:
        report = io.StringIO()
        output = folder / f"{path.stem}.yaml"
        found[path.name] = (run_import(ImportSettings(path, output), report), report.getvalue(),
                            output)
    return found


def _argmap(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin"},
                          timeout=300, check=False)


def test_the_corpus_is_documented() -> None:
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    for path in CORPUS.iterdir():
        if path.name != "README.md":
            assert f"`{path.name}`" in readme, f"{path.name} has no origin and licence"


@pytest.mark.parametrize("name", [path.name for path in FILES])
def test_each_file_imports_or_is_refused_in_one_line(imported: Imported, name: str) -> None:
    code, report, output = imported[name]
    if name in REFUSED:
        assert (code, report.count("\n")) == (2, 1), report
        assert REFUSED[name] in report
        assert not output.exists() and not output.with_suffix(".txt").exists()
    else:
        assert code == 0, report
        assert report.startswith(f"wrote {output} from ")
        assert output.exists()
    assert "internal error" not in report and "bug in argmap" not in report


def test_every_format_is_in_the_corpus(imported: Imported) -> None:
    dialects = {match.group(1) for _, report, _ in imported.values()
                if (match := re.search(r"^wrote .*? \((.+?)\): ", report))}
    assert dialects == FORMATS


def test_every_imported_map_validates_lints_and_renders(imported: Imported) -> None:
    maps = [output for code, _, output in imported.values() if code == 0]
    folder = maps[0].parent
    validated = _argmap("validate", *maps, cwd=folder)
    assert validated.returncode == 0, validated.stdout + validated.stderr
    linted = _argmap("lint", "--format", "json", *maps, cwd=folder)
    assert linted.returncode in (0, 1), linted.stderr  # findings are the analyst's work to do
    findings = json.loads(linted.stdout)
    assert {finding["path"] for finding in findings} <= {str(path) for path in maps}
    # Whatever else lint says, it can read every map's quotes in the source written beside it.
    assert not {"AM103", "AM104", "AM105"} & {finding["code"] for finding in findings}
    rendered = _argmap("render", *maps, "-o", folder / "svg", "--quiet", cwd=folder)
    assert rendered.returncode == 0, rendered.stderr
    assert len(list((folder / "svg").glob("*.svg"))) == len(maps)
    for done in (validated, linted, rendered):
        assert "internal error" not in done.stderr and "Traceback" not in done.stderr
