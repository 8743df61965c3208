"""The diagrams and the page in docs/ match the code: fresh stamps, every option documented."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import typer.main
from conftest import ROOT

from argmap.cli import app
from argmap.commands.render import RenderSettings, run_render
from argmap.render import style
from argmap.render.labels import ANALYST_ATTACK_WORDS, ANALYST_INFERENCE_WORDS
from argmap.render.legend import LEGEND_ID, legend_source
from argmap.render.stamp import input_hash, read_stamp

DOCS = ROOT / "docs"
SEED = ROOT / "maps" / "qaani-baghdad-2021-11.yaml"
PAGE = (DOCS / "rendering.md").read_text(encoding="utf-8")


SECOND_MAP = ROOT / "tests" / "examples" / "valid" / "reservoir.yaml"
PICTURES = [  # (map, view, focus): each drawn into docs/ as SVG and PNG
    (SEED, "full", None), (SEED, "overview", None), (SEED, "basis", "j-visit-control-deal"),
    (SECOND_MAP, "full", None), (SECOND_MAP, "overview", None),
]


@pytest.mark.parametrize(("path", "view", "focus"), PICTURES)
def test_the_diagrams_in_docs_are_up_to_date(path: Path, view: str, focus: str | None) -> None:
    err = io.StringIO()
    settings = RenderSettings(paths=[path], output=DOCS, formats=("svg", "png"), check=True,
                              view=view, focus=focus)
    assert run_render(settings, io.StringIO(), err) == 0, err.getvalue()
    stem = path.stem + ("" if view == "full" else f".{view}" if not focus else f".{view}-{focus}")
    assert f"({stem}.svg)" in PAGE or f"({stem}.png)" in PAGE, f"docs/rendering.md shows {stem}"


def test_the_legend_images_match_the_styles() -> None:
    digest = input_hash(legend_source(), LEGEND_ID)
    for name in ("rendering-legend.svg", "rendering-legend.png"):
        assert read_stamp(DOCS / name) == digest, f"regenerate docs/{name} (see rendering.md)"
        assert f"({name})" in PAGE or name.endswith(".png")


def test_every_option_of_the_command_is_documented() -> None:
    command = typer.main.get_command(app).commands["render"]  # type: ignore[attr-defined]
    options = [name for param in command.params for name in param.opts
               if name.startswith("--") and name != "--help"]
    assert len(options) > 10
    missing = [option for option in options if f"`{option}" not in PAGE
               and f", {option}" not in PAGE and f"{option}`" not in PAGE]
    assert not missing


def test_every_kind_and_relation_is_described() -> None:
    for words in ("reported fact", "attributed claim", "author judgment", "assumption",
                  "hypothesis", "question", "rebut", "undermine", "undercut", "weak link"):
        assert words in PAGE
    for look in style.BASIS_LOOKS.values():  # each class of basis: its fill, border, note, words
        for words in (look.fill, look.line, look.note, look.words):
            assert words in PAGE, words


def test_the_analysts_looks_and_words_are_described() -> None:
    for words in ("analyst inference", "analyst attack", "dashed grey outline", "open circle",
                  "states an inference", f"`{style.ANALYST_ATTACKS['rebut'].arrowhead}`",
                  ANALYST_INFERENCE_WORDS, ANALYST_ATTACK_WORDS):
        assert words in " ".join(PAGE.split()), words
