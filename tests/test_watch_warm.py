"""The warm loop's shortcuts change how often the engine runs, never what is written: one layout
of the full view serves the diagram and the page, a view a save did not change is not laid out
again, the views are laid out side by side, and the outputs equal a cold ``argmap render`` and
``argmap report``. Counted (the cache's counters, a spy on the engine), never timed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.model import load_map
from argmap.render import layouts as layouts_module
from argmap.render.dot import DrawOptions
from argmap.render.engine import Engine, find_engine, start_layout
from argmap.render.layouts import LayoutCache, layout_key
from argmap.render.pipeline import SideBySide, TooBigError, draw
from argmap.watch.core import WarmCore, WatchOptions

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "maps" / "qaani-baghdad-2021-11.yaml"
# The wording of a reported fact: the full view shows it, the overview folds facts into counts.
FACT = ("unannounced visit.", "unannounced visit (edited).")


@pytest.fixture
def seed_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "maps").mkdir()
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    copied = tmp_path / "maps" / SEED.name
    shutil.copy(SEED, copied)
    monkeypatch.chdir(tmp_path)
    return copied


@pytest.fixture
def engine_runs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The first line of the DOT of every layout the engine is started on."""
    started: list[str] = []

    def spy(engine: Engine, source: str, *args: object, **kwargs: object) -> object:
        started.append(source.splitlines()[0])
        return start_layout(engine, source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(layouts_module, "start_layout", spy)
    return started


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_diagram_and_the_pages_full_view_are_one_layout(
        seed_copy: Path, engine_runs: list[str]) -> None:
    core = WarmCore([seed_copy], WatchOptions(report=True, engine="pure"))
    core.refresh()
    assert len(engine_runs) == 2  # full and overview; the SVG beside the map is the full view
    assert core.layouts.misses == 2 and core.layouts.hits == 0
    assert seed_copy.with_suffix(".svg").exists() and seed_copy.with_suffix(".html").exists()


def test_a_view_a_save_did_not_change_is_not_laid_out_again(
        seed_copy: Path, engine_runs: list[str]) -> None:
    core = WarmCore([seed_copy], WatchOptions(report=True, engine="pure"))
    core.refresh()
    page_before = seed_copy.with_suffix(".html").read_text(encoding="utf-8")
    edit(seed_copy, *FACT)
    assert core.refresh([seed_copy]).checked == (seed_copy,)
    assert core.layouts.hits == 1 and core.layouts.misses == 3  # the overview was kept
    assert len(engine_runs) == 3
    page = seed_copy.with_suffix(".html").read_text(encoding="utf-8")
    assert "(edited)" in page and "(edited)" not in page_before
    assert _overview_svg(page) == _overview_svg(page_before)


def test_a_changed_view_is_laid_out_again(seed_copy: Path, engine_runs: list[str]) -> None:
    core = WarmCore([seed_copy], WatchOptions(report=True, engine="pure"))
    core.refresh()
    edit(seed_copy, "  title: ", "  title: Edited - ")  # the title is in every view's legend
    core.refresh([seed_copy])
    assert core.layouts.hits == 0 and core.layouts.misses == 4
    assert "Edited - " in _overview_svg(seed_copy.with_suffix(".html").read_text("utf-8"))


def test_the_diagram_only_loop_keeps_an_unchanged_layout(
        seed_copy: Path, engine_runs: list[str]) -> None:
    core = WarmCore([seed_copy], WatchOptions(report=False, engine="pure"))
    core.refresh()
    edit(seed_copy, "# yaml-language-server", "# edited; yaml-language-server")  # a comment
    assert core.refresh([seed_copy]).checked == (seed_copy,)  # new bytes: checked again...
    assert len(engine_runs) == 1 and core.layouts.hits == 1  # ...but the same drawing
    assert b"argmap-render" in seed_copy.with_suffix(".svg").read_bytes()


def test_warm_outputs_equal_a_cold_render_and_report(seed_copy: Path) -> None:
    core = WarmCore([seed_copy], WatchOptions(report=True, engine="pure"))
    core.refresh()
    edit(seed_copy, *FACT)  # the overview now comes from the cache, the full view is new
    core.refresh([seed_copy])
    assert core.layouts.hits == 1
    cold = seed_copy.parent / "cold"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ARGMAP_ENGINE": "pure"}
    for command, output in (("render", "x.svg"), ("report", "x.html")):
        subprocess.run([sys.executable, "-m", "argmap", command, str(seed_copy), "-o",
                        str(cold / output), "-q"], check=True, env=env, timeout=300)
    assert seed_copy.with_suffix(".svg").read_bytes() == (cold / "x.svg").read_bytes()
    assert seed_copy.with_suffix(".html").read_bytes() == (cold / "x.html").read_bytes()


def test_the_views_are_laid_out_side_by_side(monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[str] = []
    real_finish = layouts_module.PendingLayout.finish

    def spy_start(engine: Engine, source: str, *args: object, **kwargs: object) -> object:
        events.append("start")
        return start_layout(engine, source, *args, **kwargs)  # type: ignore[arg-type]

    def spy_finish(self: layouts_module.PendingLayout) -> object:
        events.append("finish")
        return real_finish(self)

    monkeypatch.setattr(layouts_module, "start_layout", spy_start)
    monkeypatch.setattr(layouts_module.PendingLayout, "finish", spy_finish)
    loaded = load_map(SEED)
    views = [DrawOptions(view="full"), DrawOptions(view="overview")]
    with SideBySide(loaded, views, ("svg",), find_engine("pure"), layouts=LayoutCache()) as both:
        overview, full = both.result(1), both.result(0)
    assert events == ["start", "start", "finish", "finish"]
    for drawing, options in ((full, views[0]), (overview, views[1])):
        alone = draw(loaded, options, ("svg",), find_engine("pure"))
        assert not isinstance(drawing, Exception)
        assert drawing.outputs == alone.outputs


def test_a_view_that_cannot_be_drawn_does_not_stop_the_others() -> None:
    loaded = load_map(SEED)  # 173 elements in the full view, 34 in the overview
    views = [DrawOptions(view="full"), DrawOptions(view="overview")]
    with SideBySide(loaded, views, ("svg",), find_engine("pure"), max_nodes=100) as both:
        too_big, overview = both.result(0), both.result(1)
    assert isinstance(too_big, TooBigError) and "173 elements" in str(too_big)
    assert not isinstance(overview, Exception) and b"<svg" in overview.outputs["svg"]


def test_leaving_side_by_side_stops_the_engines_not_waited_for() -> None:
    running = start_layout(find_engine("pure"), _dense_dot(), ["svg"], timeout=120)
    with running:
        assert running.process is not None and running.process.poll() is None
    assert running.process.returncode is not None  # killed and collected


def test_a_layout_is_kept_by_engine_formats_and_dot_text(tmp_path: Path) -> None:
    pure = find_engine("pure")
    other = Engine("pure", str(tmp_path / "graphviz-pure"))
    assert layout_key(pure, "digraph { a }", ["svg"]) == layout_key(pure, "digraph { a }",
                                                                   ["svg"])
    assert len({layout_key(pure, "digraph { a }", ["svg"]),
                layout_key(pure, "digraph { b }", ["svg"]),
                layout_key(pure, "digraph { a }", ["png"]),
                layout_key(other, "digraph { a }", ["svg"])}) == 4
    cache = LayoutCache(size=1)
    first = cache.start(pure, "digraph { a }", ["svg"])
    first.finish()
    assert cache.derive(first.key, "x", lambda: "made") == "made"
    assert cache.derive(first.key, "x", lambda: "again") == "made"
    cache.start(pure, "digraph { b }", ["svg"]).finish()  # pushes the first out...
    assert cache.derive(first.key, "x", lambda: "again") == "again"  # ...with what was made
    assert (cache.hits, cache.misses) == (0, 2)


def _overview_svg(page: str) -> str:
    found = re.search(r'<svg[^>]*data-view="overview".*?</svg>', page, re.S)
    assert found is not None
    return found.group(0)


def _dense_dot() -> str:
    edges = "".join(f"n{i} -> n{(i * 7 + j) % 300};\n" for i in range(300) for j in range(20))
    return f"digraph g {{\n{edges}}}\n"


def test_saves_by_rename_keep_being_drawn(seed_copy: Path) -> None:
    """Editors save a new file and rename it over the map: the old map's inode is freed and the
    next output file may get its number. A file read in an earlier round is not an input of
    this one, so the outputs are still written (they were refused once: "it is an input")."""
    core = WarmCore([seed_copy], WatchOptions(report=False, engine="pure"))
    core.refresh()
    text = seed_copy.read_text(encoding="utf-8")
    for save in range(6):
        saving = seed_copy.with_name(".saving")
        saving.write_text(text.replace("  title: ", f"  title: Save {save} - ", 1), "utf-8")
        os.replace(saving, seed_copy)
        core.refresh([seed_copy])
        assert not core.maps[seed_copy].broken, core.problems()
        assert f"Save {save} ".encode() in seed_copy.with_suffix(".svg").read_bytes()


def test_the_cache_keeps_no_more_than_its_bytes() -> None:
    pure = find_engine("pure")
    first = LayoutCache(max_bytes=10**9)
    layout = first.start(pure, "digraph { a }", ["svg"])
    size = len(layout.finish().outputs["svg"])
    cache = LayoutCache(max_bytes=size * 2 + 10)
    for name in "abc":  # three layouts of about the same size: the oldest goes
        cache.start(pure, f"digraph {{ {name} }}", ["svg"]).finish()
    assert cache.kept_bytes <= size * 2 + 10
    assert cache.start(pure, "digraph { c }", ["svg"]).finish() and cache.hits == 1
    cache.start(pure, "digraph { a }", ["svg"]).finish()
    assert cache.hits == 1 and cache.misses == 4  # "a" was forgotten, laid out again
    key = layout_key(pure, "digraph { a }", ["svg"])
    assert cache.derive(key, "big", lambda: "x" * (size * 3)) == "x" * (size * 3)
    assert cache.kept_bytes <= size * 2 + 10  # what is derived counts too
