"""SARIF from ``argmap lint --format sarif`` is valid against the SARIF 2.1.0 schema (the OASIS
file, kept under tests/sarif/ so no network is needed), for maps inside and outside the working
folder, and each rule links to its documentation."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

from argmap.project import DOCS, REPOSITORY

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the test extra")

SARIF_SCHEMA = json.loads((ROOT / "tests" / "sarif" / "sarif-schema-2.1.0.json")
                          .read_text(encoding="utf-8"))
SEEDED = ROOT / "tests" / "lint" / "seeded"


def _sarif(*paths: Path, cwd: Path) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-m", "argmap", "lint", *map(str, paths), "--format",
                           "sarif"], capture_output=True, text=True, cwd=cwd,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert done.returncode in (0, 1), done.stderr
    log: dict[str, Any] = json.loads(done.stdout)
    return log


def _valid(log: dict[str, Any]) -> list[str]:
    validator = jsonschema.Draft4Validator(SARIF_SCHEMA)
    return [f"{list(error.path)}: {error.message}" for error in validator.iter_errors(log)]


def test_a_map_inside_the_working_folder(tmp_path: Path) -> None:
    folder = tmp_path / "maps with space"
    shutil.copytree(SEEDED, folder)
    log = _sarif(Path("maps with space") / "map.yaml", cwd=tmp_path)
    assert _valid(log) == []
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"]
                 for r in log["runs"][0]["results"]]
    assert locations
    assert {loc["uri"] for loc in locations} == {"maps%20with%20space/map.yaml"}
    assert {loc["uriBaseId"] for loc in locations} == {"%SRCROOT%"}
    base = log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base == tmp_path.resolve().as_uri() + "/"


def test_a_map_outside_the_working_folder(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(SEEDED, elsewhere)
    work = tmp_path / "work"
    work.mkdir()
    log = _sarif(elsewhere / "map.yaml", cwd=work)
    assert _valid(log) == []
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"]
                 for r in log["runs"][0]["results"]]
    assert locations
    # An absolute uri stands alone: with a uriBaseId it is invalid (SARIF1004).
    assert all(loc == {"uri": (elsewhere / "map.yaml").resolve().as_uri()} for loc in locations)


@pytest.mark.parametrize("work", ["repository/sub", "outside"])
def test_a_map_in_a_repository_is_relative_to_it_from_any_folder(tmp_path: Path,
                                                                  work: str) -> None:
    """GitHub code scanning wants repository-relative uris, even when lint runs elsewhere."""
    repository = tmp_path / "repository"
    shutil.copytree(SEEDED, repository / "maps")
    (repository / ".git").mkdir()
    (tmp_path / work).mkdir(parents=True, exist_ok=True)
    log = _sarif(repository / "maps" / "map.yaml", cwd=tmp_path / work)
    assert _valid(log) == []
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"]
                 for r in log["runs"][0]["results"]]
    assert locations and all(loc == {"uri": "maps/map.yaml", "uriBaseId": "%SRCROOT%"}
                             for loc in locations)
    base = log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base == repository.resolve().as_uri() + "/"


def test_rules_link_to_their_docs() -> None:
    log = _sarif(ROOT / "tests" / "examples" / "invalid" / "bad-id.yaml", SEEDED / "map.yaml",
                 cwd=ROOT)
    assert _valid(log) == []
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == REPOSITORY
    headings = {line.removeprefix("## ").strip() for line in
                (ROOT / "docs" / "rules.md").read_text(encoding="utf-8").splitlines()
                if line.startswith("## AM")}
    for rule in driver["rules"]:
        if rule["id"].startswith("AM0"):
            assert rule["helpUri"].startswith(f"{DOCS}/format.md#")
        else:
            assert f"{rule['id']} {rule['name']}" in headings
            assert rule["helpUri"] == f"{DOCS}/rules.md#{rule['id'].lower()}-{rule['name']}"


def test_the_schema_catches_a_broken_log() -> None:
    log = _sarif(SEEDED / "map.yaml", cwd=ROOT)
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    location["region"]["startLine"] = 0  # lines count from 1
    assert _valid(log)
