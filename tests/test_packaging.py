"""Fit for a package index: licence, metadata, absolute README links; the library takes a
``str``; shell completion; folder discovery honours ``.gitignore`` as git does; the pre-commit
docs name real hooks and a pin that pre-commit accepts."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from argmap.project import REPOSITORY
from argmap.read import iter_map_files

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
RAW = REPOSITORY.replace("https://github.com/", "https://raw.githubusercontent.com/") + "/main"
LINK = re.compile(r"\]\(([^)\s]+)\)")


def test_licence_file_and_spdx_metadata() -> None:
    assert PYPROJECT["license"] == "MIT"  # an SPDX expression (PEP 639), not a table
    assert PYPROJECT["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert not any(c.startswith("License ::") for c in PYPROJECT["classifiers"])  # PEP 639
    assert "Typing :: Typed" in PYPROJECT["classifiers"]
    versions = {c.rsplit(" ", 1)[-1] for c in PYPROJECT["classifiers"]
                if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)}
    assert min(versions, key=lambda v: int(v.split(".")[1])) \
        == PYPROJECT["requires-python"].removeprefix(">=")
    assert all(url.startswith(REPOSITORY) for url in PYPROJECT["urls"].values())


def test_readme_links_are_absolute_and_point_at_files_that_exist() -> None:
    """A package index shows the README without the repository: relative links would break."""
    links = LINK.findall((ROOT / "README.md").read_text(encoding="utf-8"))
    assert links
    relative = [link for link in links if not link.startswith(("https://", "http://", "#"))]
    assert relative == [], f"make these absolute ({REPOSITORY}/blob/main/PATH, images {RAW}/PATH)"
    for link in links:
        for prefix in (f"{REPOSITORY}/blob/main/", f"{RAW}/"):
            if link.startswith(prefix):
                assert (ROOT / link.removeprefix(prefix).split("#")[0]).exists(), link


def test_load_map_takes_a_string_or_any_path_like() -> None:
    import argmap

    path = "tests/examples/valid/harbour.yaml"
    os.chdir(ROOT)
    assert argmap.load_map(path).model == argmap.load_map(Path(path)).model
    assert argmap.load_map(os.fsencode(path).decode()).model.map.id == "harbour-crane"


def test_shell_completion_is_on() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "_ARGMAP_COMPLETE": "complete_bash",
           "COMP_WORDS": "argmap export map.yaml --format ", "COMP_CWORD": "4"}
    done = subprocess.run([sys.executable, "-m", "argmap"], capture_output=True, text=True,
                          env=env, timeout=60)
    assert done.stdout.split() == ["yaml", "json", "aif", "argdown"]
    shown = subprocess.run([sys.executable, "-m", "argmap", "--show-completion", "bash"],
                           capture_output=True, text=True, timeout=60,
                           env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert "_ARGMAP_COMPLETE" in shown.stdout


def _tree(tmp_path: Path) -> Path:
    sample = (ROOT / "tests" / "examples" / "valid" / "harbour.yaml").read_text(encoding="utf-8")
    for name in ("maps/a.yaml", "node_modules/pkg/b.yaml", "build/c.yaml", "sub/keep/d.yaml",
                 "sub/e.yaml", "sub/f.yml", "venv/lib/g.yaml", "maps/draft/h.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(sample, encoding="utf-8")
    (tmp_path / ".gitignore").write_text("node_modules/\n/build\nvenv/\ndraft/\n!maps/draft/\n")
    (tmp_path / "sub" / ".gitignore").write_text("*.yaml\n!keep/\n!keep/*.yaml\n")
    return tmp_path


def test_folder_discovery_skips_what_git_ignores(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    (root / ".git").mkdir()
    found = {p.relative_to(root).as_posix() for p in iter_map_files([root])}
    assert found == {"maps/a.yaml", "sub/keep/d.yaml", "sub/f.yml", "maps/draft/h.yaml"}
    # A folder inside the repository: the root's ignore file still counts.
    below = {p.relative_to(root).as_posix() for p in iter_map_files([root / "maps"])}
    assert below == {"maps/a.yaml", "maps/draft/h.yaml"}


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_folder_discovery_agrees_with_git(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    listed = subprocess.run(["git", "ls-files", "--others", "--exclude-standard"], cwd=root,
                            capture_output=True, text=True, check=True).stdout.split()
    by_git = {name for name in listed if name.endswith((".yaml", ".yml"))}
    assert {p.relative_to(root).as_posix() for p in iter_map_files([root])} == by_git


def test_pre_commit_docs_pin_what_pre_commit_accepts() -> None:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    configs = [yaml.safe_load(block) for block in
               re.findall(r"```yaml\n(.*?)```", text, flags=re.DOTALL) if "repos:" in block]
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    ids = {hook["id"] for hook in hooks}
    remote = [repo for config in configs for repo in config["repos"] if repo["repo"] != "local"]
    local = [repo for config in configs for repo in config["repos"] if repo["repo"] == "local"]
    assert remote and local
    for repo in remote:
        assert repo["repo"] == REPOSITORY
        # No release tags exist: `main` works as written (an all-zero placeholder hash did not),
        # and the text says how to pin it to a commit.
        assert repo["rev"] == "main"
        assert {hook["id"] for hook in repo["hooks"]} <= ids
    for repo in local:
        for hook in repo["hooks"]:
            assert hook["language"] == "system" and hook["entry"].startswith("argmap ")
    assert "git ls-remote https://github.com/argmap/argmap" in text
    assert "pre-commit autoupdate --repo https://github.com/argmap/argmap" in text
