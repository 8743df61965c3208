"""``argmap export --format argdown`` read by the real Argdown CLI (``argdown json``): the same
statements, arguments and relations as the map, evidence and assertion told apart by tags, and
``argmap import`` of that JSON gives the map's graph back."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

from argmap.export.argdown import escape
from argmap.model import ArgumentMap, load_map

MAPS = [ROOT / "maps" / "qaani-baghdad-2021-11.yaml",
        ROOT / "tests" / "examples" / "valid" / "harbour.yaml",
        ROOT / "tests" / "render" / "all-kinds.yaml"]


def _argdown_cli() -> str | None:
    """`.ci/run` installs the CLI under .ci/node; a developer may have it on PATH."""
    local = ROOT / ".ci" / "node" / "node_modules" / ".bin" / "argdown"
    if local.exists() and shutil.which("node"):
        return str(local)
    return shutil.which("argdown")


ARGDOWN = _argdown_cli()
needs_argdown = pytest.mark.skipif(
    ARGDOWN is None and not os.environ.get("ARGMAP_CI"),
    reason="the Argdown CLI is not installed (npm install --prefix .ci/node @argdown/cli; "
           ".ci/run does it)")


def _argdown_json(map_path: Path, tmp_path: Path) -> dict[str, Any]:
    assert ARGDOWN is not None, "the Argdown CLI is missing (.ci/run installs it)"
    document = tmp_path / "map.argdown"
    done = subprocess.run([sys.executable, "-m", "argmap", "export", str(map_path), "-f",
                           "argdown", "-o", str(document)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    ran = subprocess.run([ARGDOWN, "json", str(document), str(tmp_path)], capture_output=True,
                         text=True, timeout=120)
    assert ran.returncode == 0 and (tmp_path / "map.json").exists(), ran.stdout + ran.stderr
    result: dict[str, Any] = json.loads((tmp_path / "map.json").read_text(encoding="utf-8"))
    return result


def _text(statement: dict[str, Any]) -> str:
    member = next(m for m in statement["members"] if m.get("role") == "top-level-statement")
    words = [word for word in member["text"].split() if not word.startswith("#")]
    return " ".join(words)


@needs_argdown
@pytest.mark.parametrize("map_path", MAPS, ids=lambda path: path.stem)
def test_argdown_reads_the_same_statements_arguments_and_relations(
        map_path: Path, tmp_path: Path) -> None:
    model = load_map(map_path).model
    data = _argdown_json(map_path, tmp_path)
    statements = data["statements"]
    assert set(statements) == {p.id for p in model.propositions}
    for proposition in model.propositions:
        statement = statements[proposition.id]
        assert _text(statement) == " ".join(proposition.text.split())
        layer = "evidence" if proposition.kind == "reported_fact" else "assertion"
        assert set(statement["tags"]) == {proposition.kind.replace("_", "-"), layer}
    arguments = data["arguments"]
    assert set(arguments) == {i.id for i in model.inferences}
    for inference in model.inferences:
        pcs = arguments[inference.id]["pcs"]
        assert [s["title"] for s in pcs if s["role"] == "premise"] == list(inference.premises)
        assert [s["title"] for s in pcs if s["role"] == "main-conclusion"] \
            == [inference.conclusion]
    relations = {(r["from"], r["to"], r["relationType"]) for r in data["relations"]}
    assert relations == {(a.attacker, a.target, "undercut" if a.kind == "undercut" else "attack")
                         for a in model.attacks}


@needs_argdown
def test_importing_argdowns_json_gives_the_graph_back(tmp_path: Path) -> None:
    map_path = MAPS[0]
    _argdown_json(map_path, tmp_path)
    out = tmp_path / "back.yaml"
    done = subprocess.run([sys.executable, "-m", "argmap", "import", str(tmp_path / "map.json"),
                           "-o", str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    back, original = load_map(out).model, load_map(map_path).model

    def graph(model: ArgumentMap) -> tuple[object, ...]:
        return ({(p.id, p.text, p.kind) for p in model.propositions},
                {(i.id, i.premises, i.conclusion, i.scheme, i.by) for i in model.inferences},
                {(a.attacker, a.target, a.kind) for a in model.attacks})

    assert graph(back) == graph(original)


def test_escaped_text_keeps_argdowns_syntax_out() -> None:
    assert escape("a #tag [x] <y> *b* _c_ // d @e {f}\n g") \
        == r"a \#tag \[x\] \<y\> \*b\* \_c\_ \/\/ d \@e \{f\} g"
