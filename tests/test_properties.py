"""Property-based tests: whatever the input, argmap answers with located problems, never a crash;
every valid map validates and round-trips."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import json_like, valid_maps

from argmap.commands.validate import ValidateSettings, run_validate
from argmap.export import dump_data_yaml, dump_yaml
from argmap.lint.engine import LintSettings, lint_loaded
from argmap.model import load_map, load_map_text
from argmap.problems import MapInvalidError
from argmap.render.dot import DrawOptions
from argmap.render.engine import find_engine
from argmap.render.pipeline import draw

LOCATED = re.compile(r"^.+:\d+:\d+: \S")
SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


def validate_bytes(folder: Path, data: bytes) -> tuple[int, str, str]:
    path = folder / "input.yaml"
    path.write_bytes(data)
    out, err = io.StringIO(), io.StringIO()
    code = run_validate(ValidateSettings([path], output_format="text", quiet=True), out, err)
    return code, out.getvalue(), err.getvalue()


def assert_located_failure(code: int, out: str, err: str) -> None:
    assert code in (0, 1), (code, out, err)
    assert "Traceback" not in out + err
    if code == 1:
        lines = out.splitlines()
        assert lines and all(LOCATED.match(line) for line in lines), out


@SETTINGS
@given(data=st.binary(max_size=400))
def test_random_bytes_give_located_problems(tmp_path: Path, data: bytes) -> None:
    assert_located_failure(*validate_bytes(tmp_path, data))


@SETTINGS
@given(document=json_like)
def test_random_yaml_documents_give_located_problems(tmp_path: Path, document: object) -> None:
    text = yaml.safe_dump(document, allow_unicode=True)
    assert_located_failure(*validate_bytes(tmp_path, text.encode()))


@SETTINGS
@given(text=st.text(alphabet="-:[]{}&*!|>'\"%@`#,? \n\tab1", max_size=200))
def test_random_yaml_punctuation_gives_located_problems(tmp_path: Path, text: str) -> None:
    assert_located_failure(*validate_bytes(tmp_path, text.encode()))


@SETTINGS
@given(generated=valid_maps())
def test_random_valid_maps_validate_and_round_trip(
    tmp_path: Path, generated: tuple[dict[str, object], str]
) -> None:
    data, source_text = generated
    (tmp_path / "source.txt").write_text(source_text)
    path = tmp_path / "map.yaml"
    path.write_text(dump_data_yaml(data))
    try:
        loaded = load_map(path)
    except MapInvalidError as error:  # pragma: no cover - the failure message is the point
        raise AssertionError(f"generated map is invalid:\n{error}") from None
    again = load_map_text(dump_yaml(loaded.model), path)
    assert again.model == loaded.model
    for problem in lint_loaded(loaded, LintSettings()):
        assert problem.line >= 1 and "\n" not in problem.message, problem
        assert problem.code != "AM199", f"a lint rule crashed: {problem}"


@settings(SETTINGS, max_examples=25)
@given(generated=valid_maps())
def test_random_valid_maps_render_to_inert_well_formed_svg(
    tmp_path: Path, generated: tuple[dict[str, object], str]
) -> None:
    data, _source_text = generated
    path = tmp_path / "map.yaml"
    path.write_text(dump_data_yaml(data))
    drawing = draw(load_map(path), DrawOptions(), ["svg"], find_engine("pure"))
    root = ET.fromstring(drawing.outputs["svg"])
    for element in root.iter():
        assert not element.tag.endswith("script"), "no script element"
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), f"event handler {name}"
            if name.endswith("href"):
                assert value.startswith(("http://", "https://", "#")), value
