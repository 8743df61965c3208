"""Every stage's work grows linearly with the map: checked by counting, not by timing.

A stage that scans a whole section of the map once per element (or once per source, or per
judgment) is quadratic, however fast it is on small maps. Here every section of a loaded map is
a sequence that counts how often it is walked; each command then runs on a generated map of
100 and of 400 nodes, and must walk each section as many times on the larger map as on the
smaller: a fixed number of passes, whatever the size. ``python -m benchmarks.scaling`` measures
the time (docs/performance.md, "Every stage linear or bounded").
"""

from __future__ import annotations

import io
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import argmap.model.load as load
from argmap.model.elements import SECTIONS

sys.path.append(str(Path(__file__).resolve().parents[1]))

from benchmarks.command_worker import command
from benchmarks.edits import edit_text
from benchmarks.generate import generate, write_map
from benchmarks.scaling import BOUND, Growth, Point, exponent, fitted_exponent

ROOT = Path(__file__).resolve().parents[1]
SMALL, LARGE = 100, 400


class _Counted(tuple):  # type: ignore[type-arg]
    """A section of the map that counts the passes over it (iteration and ``in``)."""

    passes: Counter[str]
    section: str

    def __iter__(self) -> Iterator[Any]:
        self.passes[self.section] += 1
        return super().__iter__()

    def __contains__(self, item: object) -> bool:
        self.passes[self.section] += 1
        return super().__contains__(item)


@pytest.fixture
def passes(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Every map loaded from now on has counting sections; the counts, by section."""
    counted: Counter[str] = Counter()
    validate = load._validate

    def counting(*args: Any, **kwargs: Any) -> Any:
        model = validate(*args, **kwargs)
        sections = {}
        for name in SECTIONS:
            section = _Counted(getattr(model, name))
            section.passes, section.section = counted, name
            sections[name] = section
        return model.model_copy(update=sections)

    monkeypatch.setattr(load, "_validate", counting)
    return counted


@pytest.fixture(scope="module")
def maps(tmp_path_factory: pytest.TempPathFactory) -> dict[int, tuple[Path, Path]]:
    """A generated map of each size, and a copy of it with 50 edits beside it."""
    made = {}
    for nodes in (SMALL, LARGE):
        path = write_map(generate(nodes), tmp_path_factory.mktemp(f"map{nodes}"))
        edited = path.with_name("edited.yaml")
        edited.write_text(edit_text(path.read_text(encoding="utf-8"), 50, _rng()),
                          encoding="utf-8")
        made[nodes] = (path, edited)
    return made


def _rng() -> Any:
    import random

    return random.Random(18)


def _passes_by_size(name: str, maps: dict[int, tuple[Path, Path]], passes: Counter[str],
                    folder: Path) -> dict[int, dict[str, int]]:
    found = {}
    for nodes, (path, edited) in maps.items():
        passes.clear()
        run: Callable[[], int] = command(name, path, edited, folder, io.StringIO())
        assert run() in (0, 1)
        found[nodes] = dict(passes)
    return found


@pytest.mark.parametrize("name", ["validate", "lint", "evaluate", "report", "diff"])
def test_each_section_is_walked_a_fixed_number_of_times(
        name: str, maps: dict[int, tuple[Path, Path]], passes: Counter[str],
        tmp_path: Path) -> None:
    if name == "report":
        from argmap.render.engine import find_engine

        try:
            find_engine(None)
        except Exception as error:  # pragma: no cover - CI installs Graphviz
            pytest.skip(f"no layout engine: {error}")
    found = _passes_by_size(name, maps, passes, tmp_path)
    assert found[SMALL], "the map's sections were not counted"
    assert found[LARGE] == found[SMALL], (
        f"`argmap {name}` walks a section more often on a {LARGE}-node map than on a "
        f"{SMALL}-node one (a scan per element is quadratic): {found}")


def test_the_edited_copy_is_valid_and_differs(maps: dict[int, tuple[Path, Path]]) -> None:
    from argmap.analyse.changes import compare_maps
    from argmap.model import load_map

    path, edited = maps[LARGE]
    changes = compare_maps(load_map(path).model, load_map(edited).model)
    kinds = Counter((change.category, change.section) for change in changes.changes)
    assert kinds["renamed", "propositions"] == 5, kinds
    assert kinds["added", "propositions"] == 5, kinds
    assert kinds["removed", "attacks"] >= 1, kinds


def test_exponents() -> None:
    assert exponent(1000, 1.0, 4000, 4.0) == pytest.approx(1.0)
    assert exponent(1000, 1.0, 4000, 16.0) == pytest.approx(2.0)
    assert exponent(1000, 0.0, 4000, 1.0) is None
    points = [(100, 0.01), (1000, 0.1), (10000, 1.0)]
    assert fitted_exponent(points) == pytest.approx(1.0)
    assert fitted_exponent([(n, 3e-6 * n * n) for n in (100, 1000, 5000)]) == pytest.approx(2.0)
    assert fitted_exponent([(1000, 1.0)]) is None


def _growth(times: dict[int, float]) -> Growth:
    return Growth("stage", [Point(n, t, t, 0.0) for n, t in times.items()])


def test_verdict_judges_the_sizes_from_1000_and_the_last_step() -> None:
    linear = _growth({100: 0.05, 1000: 0.1, 5000: 0.5, 20000: 2.0})
    assert linear.verdict().startswith("pass")
    # Quadratic only at the top: the overall fit may pass, the last step does not.
    late = _growth({100: 0.01, 1000: 0.1, 5000: 0.5, 20000: 0.5 * 4 ** 1.8})
    assert late.verdict().startswith("FAIL")
    assert _growth({50: 0.01, 100: 0.04}).verdict().startswith("not judged")
    steep_small = _growth({100: 0.001, 1000: 0.1, 5000: 0.5})  # fixed costs below 1,000
    assert steep_small.verdict().startswith("pass")
    assert BOUND == 1.3


def test_the_benchmark_runs_at_a_tiny_size() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.scaling", "--sizes", "50,100", "--quick",
         "--stages", "validate,lint,diff-edited"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    header = next(line for line in lines if line.startswith("stage"))
    assert "50->100" in header and "fit 1,000+" in header
    for stage in ("validate", "lint", "diff-edited"):
        row = next(line for line in lines if line.startswith(stage + " "))
        assert " ms" in row and "not judged" in row, row
    assert "none over the bound" in lines[-1]


def _propositions(ids: list[str], texts: list[str]) -> list[Any]:
    from argmap.model.elements import Proposition

    return [Proposition.model_construct(id=element, kind="assumption", text=text)
            for element, text in zip(ids, texts, strict=True)]


def _greedy_over_every_pair(old: list[Any], new: list[Any]) -> list[tuple[str, str]]:
    """Diff's pairing by identical content as it was: every pair formed, sorted, taken greedily."""
    candidates = sorted(((a, b) for a in old for b in new if a.text == b.text),
                        key=lambda pair: sorted((pair[0].id, pair[1].id)))
    taken: set[str] = set()
    chosen = []
    for a, b in candidates:
        if a.id not in taken and b.id not in taken:
            taken.update((a.id, b.id))
            chosen.append((a.id, b.id))
    return chosen


@pytest.mark.parametrize("seed", range(30))
def test_pairing_by_identical_content_chooses_what_every_pair_would(seed: int) -> None:
    import random

    from argmap.analyse.matching import _pair_exactly

    rng = random.Random(seed)
    ids = rng.sample([f"p{number}" for number in range(60)], 40)
    texts = [rng.choice("abc") for _ in ids]
    split = rng.randrange(1, 30)
    old = _propositions(ids[:split], texts[:split])
    new = _propositions(ids[split:], texts[split:])
    found = [(a.id, b.id) for a, b in _pair_exactly("propositions", old, new, {})]
    assert found == _greedy_over_every_pair(old, new)


def test_pairing_thousands_of_identical_texts_takes_linear_memory() -> None:
    """3,000 renamed elements with one text on each side were 9 million candidate pairs
    (hundreds of MB); memory, unlike time, does not depend on the machine."""
    import tracemalloc

    from argmap.analyse.matching import _pair_by_content

    count = 3000
    old = _propositions([f"old-{n}" for n in range(count)], ["To be written."] * count)
    new = _propositions([f"new-{n}" for n in range(count)], ["To be written."] * count)
    tracemalloc.start()
    try:
        pairs = _pair_by_content("propositions", old, new, {})
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(pairs) == count
    assert peak < 5_000_000, f"{peak / 1e6:.0f} MB to pair {count} elements"


def test_profile_lists_functions_by_growth_of_their_call_counts() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.scaling", "--sizes", "50,100", "--quick",
         "--stages", "lint", "--profile", "lint"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    listing = done.stdout.split("profile of lint, 50 -> 100 nodes")[1].splitlines()[1:]
    rows = [line for line in listing if " calls " in line]
    assert any("lint/" in line or "rules/" in line for line in rows), rows
