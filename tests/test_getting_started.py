"""docs/getting-started.md shows the tutorial map that the tests keep valid and lint-clean."""

from __future__ import annotations

import io

from conftest import ROOT

from argmap.commands.lint import LintCommandSettings, run_lint

TUTORIAL = ROOT / "tests" / "examples" / "tutorial"
GUIDE = (ROOT / "docs" / "getting-started.md").read_text()


def test_the_guide_shows_the_finished_map_and_its_source() -> None:
    finished = (TUTORIAL / "maps" / "port-strike.yaml").read_text()
    as_user_has_it = finished.replace("../../../../docs/schema", "../docs/schema")
    assert f"```yaml\n{as_user_has_it}```" in GUIDE
    assert (TUTORIAL / "seeds" / "port-strike.txt").read_text() in GUIDE


def test_the_finished_map_is_lint_clean_even_strictly() -> None:
    out, err = io.StringIO(), io.StringIO()
    settings = LintCommandSettings(paths=[TUTORIAL / "maps"], output_format="text", strict=True)
    assert run_lint(settings, out, err) == 0, out.getvalue()


def test_the_guide_shows_the_finished_map_as_drawn_now() -> None:
    from argmap.commands.render import RenderSettings, run_render

    err = io.StringIO()
    settings = RenderSettings(paths=[TUTORIAL / "maps" / "port-strike.yaml"],
                              output=ROOT / "docs" / "tutorial-port-strike.png", check=True)
    assert run_render(settings, io.StringIO(), err) == 0, (
        err.getvalue() + "\nredraw: argmap render tests/examples/tutorial/maps/port-strike.yaml "
        "-o docs/tutorial-port-strike.png --engine pure")
