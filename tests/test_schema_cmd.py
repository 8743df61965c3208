"""`argmap schema`: every property described; -o creates its folder; a bad place is one line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from argmap.commands.schema import map_schema


def properties(schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
    found = {f"ArgumentMap.{name}": value for name, value in schema["properties"].items()}
    for model, definition in schema["$defs"].items():
        for name, value in definition.get("properties", {}).items():
            found[f"{model}.{name}"] = value
    return found


def test_every_property_has_a_description() -> None:
    found = properties(map_schema())
    assert len(found) > 90
    missing = [name for name, value in found.items() if not value.get("description")]
    assert missing == []


def test_descriptions_are_the_models_own() -> None:
    from argmap.model.elements import Proposition

    described = properties(map_schema())["Proposition.kind"]["description"]
    assert described == Proposition.model_fields["kind"].description


def run_schema(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap", "schema", *args],
                          capture_output=True, text=True, timeout=60)


def test_output_folder_is_created(tmp_path: Path) -> None:
    target = tmp_path / "new" / "folder" / "argmap.schema.json"
    result = run_schema("-o", str(target))
    assert result.returncode == 0, result.stderr
    assert json.loads(target.read_text())["title"].startswith("argmap")


def test_a_folder_that_cannot_be_made_is_one_line_exit_two(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run_schema("-o", str(blocker / "sub" / "x.json"))
    assert result.returncode == 2
    assert result.stderr.startswith("argmap: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def _schema_errors(text: str) -> list[tuple[list[Any], str]]:
    import jsonschema
    import yaml

    validator = jsonschema.Draft202012Validator(map_schema())
    return sorted((list(error.path), error.message)
                  for error in validator.iter_errors(yaml.safe_load(text)))


MAP_HEAD = "map: {id: t, title: T, format: 1%s}\npropositions:\n  - {id: a, text: A holds., %s}\n"


def test_a_misspelt_kind_is_one_error_about_the_kind() -> None:
    """check-jsonschema's first message was "credibility: 2 is not of type 'null'"."""
    errors = _schema_errors(MAP_HEAD % ("", "kind: reported_fakt, credibility: 2"))
    assert len(errors) == 1
    assert errors[0][0][-1] == "kind" and "'reported_fact'" in errors[0][1]


def test_a_band_is_refused_once_and_editors_get_words() -> None:
    vocabulary = ", likelihood_vocabulary: icd203"
    assert len(_schema_errors(MAP_HEAD % (vocabulary, "kind: hypothesis, "
                                          "likelihood: {band: likelyish}"))) == 1
    (foreign,) = _schema_errors(MAP_HEAD % (vocabulary, "kind: hypothesis, "
                                            "likelihood: {band: highly_likely}"))
    assert foreign[0][-1] == "band"
    assert _schema_errors(MAP_HEAD % (vocabulary, "kind: hypothesis, "
                                      "likelihood: {band: Very Likely}")) == []
    text = json.dumps(map_schema())
    # What yaml-language-server and VS Code show instead of the pattern or "Expected null".
    band = map_schema()["$defs"]["Likelihood"]["properties"]["band"]
    assert band["patternErrorMessage"].startswith("the band must be one of icd203: "
                                                  "almost_no_chance, very_unlikely")
    assert "this map's likelihood_vocabulary is icd203, and the band must be one of icd203:" \
        in text
    assert "`credibility` is only for propositions of kind attributed_claim or reported_fact" \
        in text
