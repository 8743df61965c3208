"""How legible each view of each map comes out: size, aspect, crossings, long edges, screen fit.

    python -m benchmarks.legibility [--engine system|pure|both] [--sizes 50,200,1000]
                                    [--code DIR] [--markdown]

For each map of the set (the seed map, the tutorial map, the second article's map in
``tests/examples/valid/``, synthetic maps of 50, 200 and 1,000 nodes) and each view (``full``,
``overview``, and ``basis`` of the judgment with the largest basis), argmap builds the DOT, the
engine lays it out once (``-Tjson0``) and :mod:`benchmarks.geometry` measures the engine's own
positions. ``--code DIR`` measures the argmap found in DIR instead (another checkout, e.g. the
commit before a layout change: the "before" figures in ``docs/rendering.md``); views that code
does not have are skipped. Exit 1 when a drawing's aspect ratio is over 2.5:1.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from benchmarks.generate import cached_map
from benchmarks.geometry import Measures, measure

ROOT = Path(__file__).resolve().parent.parent
NAMED_MAPS = {
    "seed": ROOT / "maps" / "qaani-baghdad-2021-11.yaml",
    "tutorial": ROOT / "tests" / "examples" / "tutorial" / "maps" / "port-strike.yaml",
    "reservoir": ROOT / "tests" / "examples" / "valid" / "reservoir.yaml",
}
SIZES = (50, 200, 1000)
MAX_ASPECT = 2.5
COLUMNS = ("map", "view", "engine", "nodes", "edges", "size (pt)", "aspect", "crossings",
           "long edges", "fits 1920x1080 at")


@dataclass(frozen=True)
class Row:
    map: str
    view: str
    engine: str
    measures: Measures

    def cells(self) -> list[str]:
        m = self.measures
        return [self.map, self.view, self.engine, str(m.nodes), str(m.edges),
                f"{m.width:,.0f} x {m.height:,.0f}", f"{m.aspect:.2f}", str(m.crossings),
                str(m.long_edges), f"{m.fit:.2f}x"]


def main(argv: list[str] | None = None) -> int:
    options = _parse(argv)
    if options.code:
        sys.path.insert(0, str(Path(options.code).resolve()))
    maps = {**NAMED_MAPS, **{f"synthetic {n:,}": cached_map(n) for n in options.sizes}}
    rows: list[Row] = []
    _print(COLUMNS, options.markdown, header=True)
    for name, path in maps.items():
        for view, dot in _views(path):
            for engine, binary in _engines(options.engine):
                row = Row(name, view, engine, measure(_layout(binary, dot)))
                rows.append(row)
                _print(row.cells(), options.markdown)
    wide = [row for row in rows if row.measures.aspect > MAX_ASPECT]
    for row in wide:
        print(f"FAIL {row.map} {row.view} ({row.engine}): aspect {row.measures.aspect:.2f}:1 "
              f"is over {MAX_ASPECT:g}:1")
    return 1 if wide else 0


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=("system", "pure", "both"), default="both")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)),
                        type=lambda text: tuple(int(part) for part in text.split(",") if part))
    parser.add_argument("--code", help="measure the argmap in this folder (another checkout)")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    return parser.parse_args(argv)


def _views(path: Path) -> Iterator[tuple[str, str]]:
    """Each view's DOT, without what this version of argmap cannot draw."""
    from argmap.model import load_map
    from argmap.render.dot import DrawOptions, build_dot

    model = load_map(path).model
    yield "full", build_dot(model, DrawOptions())[0]
    try:
        yield "overview", build_dot(model, DrawOptions(view="overview"))[0]
        focus = _widest_basis(model)
        if focus is not None:
            options = DrawOptions(view="basis", focus=focus)
            yield f"basis {focus}", build_dot(model, options)[0]
    except TypeError:  # an argmap from before the views
        return


def _widest_basis(model: object) -> str | None:
    from argmap.analyse import ArgumentGraph
    from argmap.analyse.basis import basis_of

    graph = ArgumentGraph.of(model)  # type: ignore[arg-type]
    judgments = [p.id for p in graph.model.propositions if p.kind == "author_judgment"]
    return max(judgments, key=lambda j: len(basis_of(graph, j).members), default=None)


def _engines(choice: str) -> Iterator[tuple[str, str]]:
    from argmap.render.engine import scripts_dir

    if choice in ("system", "both") and shutil.which("dot"):
        yield "system", "dot"
    if choice in ("pure", "both"):
        yield "pure", shutil.which("graphviz-pure", path=scripts_dir()) or "graphviz-pure"


def _layout(binary: str, dot: str) -> str:
    done = subprocess.run([binary, "-Tjson0"], input=dot, capture_output=True, text=True,
                          check=True, timeout=600)
    return done.stdout


def _print(cells: tuple[str, ...] | list[str], markdown: bool, header: bool = False) -> None:
    if markdown:
        print("| " + " | ".join(cells) + " |")
        if header:
            print("|" + "---|" * len(cells))
    else:
        print("  ".join(f"{cell:>14}" if index > 1 else f"{cell:<24}"
                        for index, cell in enumerate(cells)))
    sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
