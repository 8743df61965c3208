"""The JSON Schema (what the editor checks) and ``argmap validate`` give every example map the
same verdict. What JSON Schema cannot express is named here, each with its reason, and those
maps must then pass the schema (so the list cannot hide a disagreement)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

from argmap.commands.schema import map_schema
from argmap.model import load_map
from argmap.problems import MapInvalidError
from argmap.read import YamlError, parse_yaml, read_text

jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the test extra")

EXAMPLES = ROOT / "tests" / "examples"
MAPS = sorted([*(EXAMPLES / "valid").glob("*.yaml"), *(EXAMPLES / "invalid").glob("*.yaml"),
               *(ROOT / "maps").glob("*.yaml"), *(ROOT / "tests" / "render").glob("*.yaml")])
# What the schema expresses: shape, types and per-kind fields (AM010); the bands of the map's
# likelihood vocabulary (AM024). The other reference checks (AM02x) need the whole map's ids.
SCHEMA_CODES = {"AM010", "AM024"}

# Invalid for reasons JSON Schema has no words for: comparing two values, or cross-references.
BEYOND_SCHEMA = {
    "offsets-reversed.yaml": "`end` must be greater than `start`: JSON Schema cannot compare "
                             "two values",
}


def _validator() -> Any:
    schema = map_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


VALIDATOR = _validator()


def _argmap_verdict(path: Path) -> tuple[bool, set[str]]:
    try:
        load_map(path)
    except MapInvalidError as error:
        return False, {problem.code for problem in error.problems}
    return True, set()


@pytest.mark.parametrize("path", MAPS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_schema_and_validate_agree(path: Path) -> None:
    try:
        data = parse_yaml(read_text(path)).data
    except YamlError:
        assert not _argmap_verdict(path)[0]
        return  # not YAML a schema can see: argmap rejects it, and so would the editor
    valid, codes = _argmap_verdict(path)
    schema_errors = [error.message for error in VALIDATOR.iter_errors(data)]
    if valid:
        assert schema_errors == [], f"argmap accepts {path.name}; the schema does not"
    elif codes & SCHEMA_CODES and path.name not in BEYOND_SCHEMA:
        assert schema_errors, f"argmap rejects {path.name} ({codes}); the schema accepts it"
    else:
        # Only cross-reference (or two-value) problems: the schema must accept the shape.
        assert schema_errors == [], (path.name, codes, schema_errors[:3])


def test_the_cases_the_issue_names_are_rejected_by_both() -> None:
    def map_with(**fields: Any) -> dict[str, Any]:
        proposition = {"id": "p1", "text": "The dockers walked out.", "kind": "reported_fact"}
        proposition.update(fields.pop("proposition", {}))
        quote = {"id": "q", "source": "s", "text": "walked out", "speaker": "a",
                 "mode": "author", **fields.pop("quote", {})}
        actor = {"id": "a", "name": "A", **fields.pop("actor", {})}
        return {"map": {"id": "m", "title": "T", "format": 1, **fields.pop("map", {})},
                "sources": [{"id": "s", "path": "s.txt", "title": "S"}], "actors": [actor],
                "quotes": [quote], "propositions": [proposition]}

    from argmap.export import dump_data_yaml
    from argmap.model import load_map_text

    cases = {
        "number as text": map_with(map={"title": 1234}),
        "quoted credibility": map_with(proposition={"credibility": "2"}),
        "quoted offset": map_with(quote={"start": "268", "end": 300}),
        "yes as boolean": map_with(actor={"interested": "yes"}),
        "blank text": map_with(proposition={"text": "   "}),
        "start without end": map_with(quote={"start": 3}),
        "field not for the kind": map_with(proposition={"confidence": "high"}),
        "unknown band": map_with(proposition={"kind": "author_judgment",
                                              "likelihood": {"band": "fairly_likely"}}),
        "band of the other yardstick": map_with(
            map={"likelihood_vocabulary": "icd203"},
            proposition={"kind": "author_judgment", "likelihood": {"band": "highly_unlikely"}}),
        "date as a number": map_with(map={"created": 20211107}),
    }
    for name, data in cases.items():
        assert list(VALIDATOR.iter_errors(data)), f"the schema accepts: {name}"
        with pytest.raises(MapInvalidError):
            load_map_text(dump_data_yaml(data), Path(f"{name}.yaml"))
    assert not list(VALIDATOR.iter_errors(map_with(
        proposition={"kind": "author_judgment", "likelihood": {"band": "Very-Unlikely"}})))
