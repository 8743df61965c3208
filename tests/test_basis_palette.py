"""The class of a judgment's basis is drawn as its fill: one fill per class in a rendered overview
and full view, every two fills far apart for every reader (ΔE >= 20 in CAM02-UCS, also under
simulated deuteranopia and protanopia), and every word on a fill readable (4.5:1, WCAG AA)."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from test_render_dot import statements

from argmap.analyse import ArgumentGraph
from argmap.model import load_map
from argmap.render import style
from argmap.render.dot import DrawOptions, build_dot

colorspacious = pytest.importorskip("colorspacious")

ROOT = Path(__file__).resolve().parents[1]
MAPS = [ROOT / "tests" / "render" / "all-kinds.yaml", ROOT / "maps" / "qaani-baghdad-2021-11.yaml",
        *sorted((ROOT / "tests" / "articles").glob("*/*.yaml"))]
READERS = (None, "deuteranomaly", "protanomaly")  # severity 100: deuteranopia, protanopia
MIN_DISTANCE = 20
MIN_CONTRAST = 4.5


def _rgb(colour: str) -> list[float]:
    return [int(colour[start:start + 2], 16) / 255 for start in (1, 3, 5)]


def _seen(colour: str, reader: str | None) -> list[float]:
    if reader is None:
        return _rgb(colour)
    cvd = {"name": "sRGB1+CVD", "cvd_type": reader, "severity": 100}
    seen = colorspacious.cspace_convert(_rgb(colour), cvd, "sRGB1")
    return [min(max(float(channel), 0.0), 1.0) for channel in seen]


def _distance(one: str, other: str, reader: str | None) -> float:
    return float(colorspacious.deltaE(_seen(one, reader), _seen(other, reader),
                                      input_space="sRGB1", uniform_space="CAM02-UCS"))


def _luminance(colour: str) -> float:
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in _rgb(colour)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(one: str, other: str) -> float:
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _fills_by_class(path: Path, view: str) -> dict[str, set[str]]:
    """Each class's fills among the judgments drawn; every word on them is checked on the way."""
    loaded = load_map(path)
    bases = ArgumentGraph.of(loaded.model).bases
    nodes, _ = statements(build_dot(loaded.model, DrawOptions(view=view, legend=False))[0])
    fills: dict[str, set[str]] = {}
    for proposition in loaded.model.propositions:
        if proposition.kind in style.CLASSED_KINDS and proposition.id in nodes:
            attributes = nodes[proposition.id].attributes
            fills.setdefault(bases.classes[proposition.id].label, set()).add(
                attributes["fillcolor"])
            for colour in re.findall(r'COLOR="(#[0-9A-Fa-f]{6})"', attributes["label"]):
                assert _contrast(colour, attributes["fillcolor"]) >= MIN_CONTRAST, (
                    proposition.id, colour)
    return fills


@pytest.mark.parametrize("view", ["overview", "full"])
@pytest.mark.parametrize("path", MAPS, ids=lambda path: path.stem)
def test_each_class_has_one_fill_its_own_and_its_words_read(path: Path, view: str) -> None:
    fills = _fills_by_class(path, view)
    assert fills, "no judgment drawn"
    for name, found in fills.items():
        assert found == {style.BASIS_LOOKS[name].fill}, name


def test_the_rendered_map_shows_all_three_classes() -> None:
    assert set(_fills_by_class(MAPS[0], "overview")) == set(style.BASIS_LOOKS)


@pytest.mark.parametrize("reader", READERS, ids=lambda reader: reader or "trichromat")
def test_every_two_fills_differ_for_every_reader(reader: str | None) -> None:
    for (one, first), (other, second) in itertools.combinations(style.BASIS_LOOKS.items(), 2):
        distance = _distance(first.fill, second.fill, reader)
        assert distance >= MIN_DISTANCE, f"{one} and {other}: ΔE {distance:.1f} ({reader})"


def test_the_fills_are_apart_in_lightness_for_greyscale_and_their_borders_differ() -> None:
    lightness = sorted(
        float(colorspacious.cspace_convert(_rgb(look.fill), "sRGB1", "CAM02-UCS")[0])
        for look in style.BASIS_LOOKS.values())
    assert all(high - low >= 10 for low, high in itertools.pairwise(lightness)), lightness
    assert len({look.line for look in style.BASIS_LOOKS.values()}) == len(style.BASIS_LOOKS)


def test_words_on_every_fill_meet_four_and_a_half_to_one() -> None:
    for name, look in style.BASIS_LOOKS.items():
        assert _contrast(style.INK, look.fill) >= MIN_CONTRAST, name


def test_the_reader_page_gets_the_same_table() -> None:
    palette = style.basis_palette()
    assert {name: entry["fill"] for name, entry in palette.items()} == {
        name: look.fill for name, look in style.BASIS_LOOKS.items()}
