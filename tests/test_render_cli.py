"""`argmap render` as a user runs it: outputs, --check, engines, limits, exit codes."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import ROOT

from argmap.commands.render import RenderSettings, run_render
from argmap.render import engine as engine_module
from argmap.render.stamp import read_stamp

ALL_KINDS = ROOT / "tests" / "render" / "all-kinds.yaml"
INVALID = ROOT / "tests" / "examples" / "invalid" / "unknown-field.yaml"
SVG = "{http://www.w3.org/2000/svg}"


def render(*paths: Path, **options: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    settings = RenderSettings(paths=list(paths), **options)  # type: ignore[arg-type]
    code = run_render(settings, out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def a_map(tmp_path: Path) -> Path:
    path = tmp_path / "maps" / "harbour.yaml"
    path.parent.mkdir()
    shutil.copy(ALL_KINDS, path)
    return path


@pytest.fixture
def no_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv("ARGMAP_ENGINE", raising=False)
    monkeypatch.setattr(engine_module, "scripts_dir", lambda: str(empty))


def fake_dot(folder: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> Path:
    """Put a fake system ``dot`` first on PATH; ``body`` runs with ``targets`` (the -o paths)."""
    folder.mkdir(exist_ok=True)
    script = folder / "dot"
    script.write_text(f"#!{sys.executable}\nimport sys, time\n"
                      "targets = [a[2:] for a in sys.argv[1:] if a.startswith('-o')]\n"
                      "sys.stdin.read()\n" + textwrap.dedent(body))
    script.chmod(0o755)
    monkeypatch.setenv("PATH", str(folder))
    monkeypatch.delenv("ARGMAP_ENGINE", raising=False)
    return script


def test_svg_beside_the_map_is_well_formed_with_ids_and_stamp(a_map: Path) -> None:
    code, _, err = render(a_map)
    assert code == 0, err
    svg = a_map.with_suffix(".svg")
    root = ET.parse(svg).getroot()
    ids = {element.get("id") for element in root.iter()}
    assert {"am-cable-snapped", "am-q-cable", "am-skipped", "am-records-rebut"} <= ids
    assert read_stamp(svg) is not None
    assert root.find(f"{SVG}metadata") is not None
    assert f"{a_map}: wrote {svg}" in err


def test_png_and_dot_come_from_one_run_into_a_folder(a_map: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, _, err = render(a_map, output=out, formats=("png", "dot"))
    assert code == 0, err
    png, dot = out / "harbour.png", out / "harbour.dot"
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert read_stamp(png) == read_stamp(dot) is not None
    assert dot.read_text().startswith("// argmap-render renderer=")
    assert sorted(p.name for p in out.iterdir()) == ["harbour.dot", "harbour.png"]


def test_output_file_suffix_chooses_the_format(a_map: Path, tmp_path: Path) -> None:
    code, _, _ = render(a_map, output=tmp_path / "diagram.png")
    assert code == 0
    assert (tmp_path / "diagram.png").read_bytes()[:4] == b"\x89PNG"


def test_same_map_renders_to_the_same_bytes(a_map: Path, tmp_path: Path) -> None:
    render(a_map, output=tmp_path / "one", formats=("svg", "png"))
    render(a_map, output=tmp_path / "two", formats=("svg", "png"))
    for name in ("harbour.svg", "harbour.png"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_check_passes_fresh_and_catches_stale_and_missing(a_map: Path) -> None:
    assert render(a_map)[0] == 0
    code, _, err = render(a_map, check=True)
    assert code == 0 and "1 diagram is up to date" in err
    a_map.write_text(a_map.read_text().replace("The cable wore out.", "The cable rusted."))
    code, _, err = render(a_map, check=True)
    assert code == 1
    assert f"{a_map.with_suffix('.svg')} is stale" in err
    a_map.with_suffix(".svg").unlink()
    code, _, err = render(a_map, check=True)
    assert code == 1 and "is missing" in err


def test_check_sees_changed_options_and_needs_no_engine(a_map: Path, no_engine: None) -> None:
    code, _, _ = render(a_map, formats=("dot",))  # DOT needs no engine either
    assert code == 0
    assert render(a_map, formats=("dot",), check=True)[0] == 0
    assert render(a_map, formats=("dot",), check=True, legend=False)[0] == 1


def test_invalid_map_is_exit_one_with_located_problems(tmp_path: Path) -> None:
    code, out, _ = render(INVALID, output=tmp_path)
    assert code == 1
    assert out.startswith(f"{INVALID}:8:5: ")
    assert not list(tmp_path.iterdir())


def test_no_engine_is_exit_two_with_a_clear_message(a_map: Path, no_engine: None) -> None:
    code, _, err = render(a_map)
    assert code == 2
    assert "no layout engine found" in err and "pip install graphviz-pure" in err
    assert not a_map.with_suffix(".svg").exists()


def test_unknown_engine_in_the_environment_is_exit_two(a_map: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGMAP_ENGINE", "neato")
    code, _, err = render(a_map)
    assert code == 2 and "ARGMAP_ENGINE: unknown engine 'neato'" in err


def test_system_graphviz_is_preferred_and_pure_can_be_forced(
        a_map: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = fake_dot(tmp_path / "bin", monkeypatch, "sys.exit(3)")
    assert engine_module.find_engine(None).path == str(fake)
    monkeypatch.setenv("ARGMAP_ENGINE", "pure")
    assert engine_module.find_engine(None).name == "pure"
    assert render(a_map)[0] == 0


def test_a_runaway_layout_is_stopped(a_map: Path, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    fake_dot(tmp_path / "bin", monkeypatch, "time.sleep(30)")
    code, _, err = render(a_map, timeout=0.5)
    assert code == 2
    assert "longer than 0.5 s" in err and "--focus" in err and "--timeout" in err
    assert sorted(p.name for p in a_map.parent.iterdir()) == ["harbour.yaml"]


def test_a_failing_engine_says_why_and_writes_nothing(a_map: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    fake_dot(tmp_path / "bin", monkeypatch,
             "print('Error: <stdin>: syntax error in line 3', file=sys.stderr); sys.exit(1)")
    code, _, err = render(a_map)
    assert code == 2 and "failed: Error: <stdin>: syntax error in line 3" in err
    assert sorted(p.name for p in a_map.parent.iterdir()) == ["harbour.yaml"]


def test_engine_noise_is_dropped_and_real_warnings_shown_on_request(
        a_map: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_dot(tmp_path / "bin", monkeypatch, """
        for _ in range(50):
            print('Warning: Warning: no value for width of non-ASCII character 226. '
                  'Falling back to width of space character', file=sys.stderr)
        print('Warning: node q1, graph G size too small for label', file=sys.stderr)
        for target in targets:
            open(target, 'wb').write(b'<svg xmlns="http://www.w3.org/2000/svg"></svg>')
    """)
    code, _, err = render(a_map)
    assert code == 0 and "Warning" not in err
    code, _, err = render(a_map, verbose=True, force=True)  # drawn already: redraw
    assert code == 0
    assert "engine: Warning: node q1, graph G size too small for label" in err
    assert "non-ASCII" not in err


def test_a_map_too_big_to_lay_out_suggests_focus(a_map: Path) -> None:
    code, _, err = render(a_map, max_nodes=5)
    assert code == 2
    assert "--focus ID --depth K" in err and "--force" in err
    assert render(a_map, max_nodes=5, force=True)[0] == 0


def test_focus_draws_a_neighbourhood_and_names_unknown_ids(a_map: Path) -> None:
    code, _, _ = render(a_map, focus="cable-snapped", depth=1)
    assert code == 0
    assert not a_map.with_suffix(".svg").exists()  # never over the full diagram
    focused = a_map.with_name("harbour.focus-cable-snapped.svg")
    ids = {e.get("id") for e in ET.parse(focused).getroot().iter()}
    assert "am-cable-snapped" in ids and "am-q-records" not in ids
    code, _, err = render(a_map, focus="cable-snaped")
    assert code == 2 and "did you mean `cable-snapped`" in err


def test_several_maps_show_progress(a_map: Path, tmp_path: Path) -> None:
    other = a_map.with_name("other.yaml")
    shutil.copy(a_map, other)
    code, _, err = render(a_map, other, output=tmp_path / "out")
    assert code == 0
    assert "[1/2] " in err and "[2/2] " in err and "rendered 2 files from 2 maps" in err


def test_two_maps_with_one_name_cannot_share_a_folder(a_map: Path, tmp_path: Path) -> None:
    twin = tmp_path / "elsewhere" / "harbour.yaml"
    twin.parent.mkdir()
    shutil.copy(a_map, twin)
    code, _, err = render(a_map, twin, output=tmp_path / "out")
    assert code == 2 and "would both be drawn to" in err


def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_command_line_usage_errors_are_exit_two(a_map: Path) -> None:
    result = run_cli("render", a_map, "--format", "gif")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    result = run_cli("render", a_map.with_name("nope.yaml"))
    assert result.returncode == 2 and "no such file or folder" in result.stderr


def test_command_line_render_and_check(a_map: Path) -> None:
    assert run_cli("render", a_map, "--engine", "pure", "-q").returncode == 0
    result = run_cli("render", "--check", a_map)
    assert result.returncode == 0, result.stderr


def test_importing_the_cli_does_not_import_graphviz() -> None:
    probe = "import sys, argmap.cli; print('graphviz' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"


def test_focus_on_something_with_nothing_around_it_says_so(a_map: Path) -> None:
    a_map.write_text(a_map.read_text().replace(
        "  - id: operator\n", "  - id: bystander\n    name: Nobody quoted\n  - id: operator\n"))
    code, _, err = render(a_map, focus="bystander")
    assert code == 2 and "nothing to draw around bystander" in err


def test_each_view_has_a_file_of_its_own(a_map: Path) -> None:
    assert render(a_map)[0] == 0
    assert render(a_map, view="overview")[0] == 0
    assert render(a_map, view="basis", focus="wear")[0] == 0
    names = sorted(path.name for path in a_map.parent.glob("*.svg"))
    assert names == ["harbour.basis-wear.svg", "harbour.overview.svg", "harbour.svg"]
    overview = {e.get("id") for e in ET.parse(a_map.with_name("harbour.overview.svg")).iter()}
    assert "am-wear" in overview and "am-q-cable" not in overview  # quotes fold away
    assert render(a_map, check=True, view="overview")[0] == 0
    assert render(a_map, check=True, view="basis", focus="wear")[0] == 0


def test_check_names_the_true_reason(a_map: Path) -> None:
    svg = a_map.with_suffix(".svg")
    assert render(a_map)[0] == 0
    assert render(a_map, focus="wear", output=svg)[0] == 0  # written over the full diagram
    code, _, err = render(a_map, check=True)
    assert code == 1
    assert "drawn with other options (focus=wear;depth=2" in err and "changed" not in err
    assert render(a_map)[0] == 0
    a_map.write_text(a_map.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    code, _, err = render(a_map, check=True)
    assert code == 1 and f"{a_map} changed since it was drawn" in err


@pytest.mark.parametrize(("options", "words"), [
    ({"view": "basis"}, "give it with --focus ID"),
    ({"view": "overview", "focus": "wear"}, "--focus applies to the full and basis views"),
    ({"view": "sideways"}, "unknown view 'sideways'"),
])
def test_views_and_focus_must_agree(a_map: Path, options: dict[str, str], words: str) -> None:
    code, _, err = render(a_map, **options)
    assert code == 2 and words in err
    assert not list(a_map.parent.glob("*.svg"))


def test_an_up_to_date_diagram_is_not_laid_out_again(a_map: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    calls = tmp_path / "calls"
    fake_dot(tmp_path / "bin", monkeypatch, f"""
        open({str(calls)!r}, 'a').write('layout\\n')
        for target in targets:
            open(target, 'wb').write(b'<svg xmlns="http://www.w3.org/2000/svg"></svg>')
    """)
    assert render(a_map)[0] == 0
    code, _, err = render(a_map)
    assert code == 0 and calls.read_text() == "layout\n"  # the engine ran once
    assert f"{a_map.with_suffix('.svg')} up to date" in err
    assert "1 file up to date, not redrawn (--force redraws)" in err
    code, _, err = render(a_map, force=True)
    assert code == 0 and calls.read_text().count("layout") == 2 and "wrote" in err
    code, _, err = render(a_map, legend=False)  # other options: another drawing
    assert code == 0 and calls.read_text().count("layout") == 3
    a_map.write_text(a_map.read_text() + "# edited\n")  # another text: redrawn
    assert render(a_map, legend=False)[0] == 0 and calls.read_text().count("layout") == 4


def test_only_the_stale_formats_are_redrawn(a_map: Path) -> None:
    assert render(a_map, formats=("svg", "dot"))[0] == 0
    a_map.with_suffix(".dot").unlink()
    code, _, err = render(a_map, formats=("svg", "dot"))
    assert code == 0
    assert f"wrote {a_map.with_suffix('.dot')}; {a_map.with_suffix('.svg')} up to date" in err
    assert "rendered 1 file from 1 map; 1 file up to date" in err


@pytest.mark.parametrize(("version", "large_map_engine"), [
    ("2.43.0 (0)", "pure"), ("12.2.1 (20241206.2353)", "system"), ("", "pure")])
def test_auto_picks_the_engine_measured_cheaper_for_the_size(
        tmp_path: Path, version: str, large_map_engine: str) -> None:
    from argmap.render.engine import PURE_FROM_NODES, Engine, find_engine

    system = tmp_path / f"graphviz-{version.split(' ')[0] or 'unknown'}" / "dot"
    system.parent.mkdir()
    system.write_text(f"#!/bin/sh\necho 'dot - graphviz version {version}' >&2\n")
    system.chmod(0o755)
    pure = Engine("pure", "/somewhere/graphviz-pure")
    auto = Engine("system", str(system), pure)
    assert auto.for_size(100) is auto  # small maps: system Graphviz, whatever its version
    assert auto.for_size(PURE_FROM_NODES - 1) is auto
    assert auto.for_size(PURE_FROM_NODES).name == large_map_engine
    chosen = Engine("system", str(system))  # --engine system: never swapped
    assert chosen.for_size(PURE_FROM_NODES * 2) is chosen
    assert find_engine("system").alternative is None
