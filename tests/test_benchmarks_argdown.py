"""The side-by-side benchmark's arithmetic, verdicts and npm fallback, without node or a network.

``python -m benchmarks.argdown`` itself needs node and minutes; what it concludes from its
measurements (medians, ratios, "faster?", the start-up goals) and how it installs an Argdown whose
dependency is missing from the registry are checked here on made-up samples and a fake npm.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

sys.path.append(str(Path(__file__).resolve().parents[1]))  # see test_benchmarks_generator.py

from benchmarks import argdown as bench
from benchmarks.argdown_install import install, node_satisfies
from benchmarks.measure import Sample
from benchmarks.sidebyside import (
    ARGMAP,
    Goal,
    Ratio,
    Timing,
    median_timing,
    size_header,
    size_row,
    startup_row,
)


def _samples(*walls_cpus: tuple[float, float], code: int = 0) -> list[Sample]:
    return [Sample(wall, 10.0, code, cpu=cpu) for wall, cpu in walls_cpus]


def test_median_timing_takes_the_median_of_wall_and_of_cpu_apart() -> None:
    timing = median_timing(_samples((3.0, 1.0), (1.0, 3.0), (2.0, 2.5)))
    assert (timing.wall, timing.cpu, timing.failure) == (2.0, 2.5, "")


def test_median_timing_reports_a_failed_run_with_what_it_said() -> None:
    samples = [*_samples((1.0, 1.0)), Sample(1.0, 1.0, 2, stderr="boom\nno such file")]
    assert median_timing(samples).failure == "exit 2: no such file"
    assert median_timing([*samples[:1], Sample(1.0, 1.0, 1)], ok_codes=(0, 1)).failure == ""
    trace = "RangeError: Maximum call stack size exceeded\n    at Ic (viz.js:10)\n    at sc (x)\n"
    failed = median_timing([Sample(594.0, 800.0, 1, stderr=trace, cpu=255.0)])
    assert failed == Timing(594.0, 255.0, "exit 1: RangeError: Maximum call stack size exceeded")


def test_a_row_is_faster_only_when_wall_and_cpu_are_below_every_argdown() -> None:
    ours = Timing(1.0, 1.0)
    line, faster = size_row(5000, "svg", 3, 1.5, {ARGMAP: ours, "1.7.5": Timing(4.0, 5.0),
                                                  "2.0.0": Timing(2.0, 0.8)})
    assert not faster
    assert "**0.25x** (0.20x cpu)" in line and "**0.50x** (1.25x cpu)" in line
    assert line.endswith("| **no**: not faster than 2.0.0 |")
    line, faster = size_row(100, "check", 3, 0.2, {ARGMAP: ours, "2.0.0": Timing(2.0, 1.5)})
    assert faster and line.startswith("| 100 | check | 3 | 0.2 | 1.00 s (1.00 s cpu) |")


def test_a_failed_run_is_shown_and_never_counted_as_faster() -> None:
    failed = Timing(362.0, 200.0, failure="exit 1: Cannot enlarge memory arrays")
    assert Ratio.of(Timing(1, 1), failed).cell() == "—"
    line, faster = size_row(100, "svg", 1, 0.0, {ARGMAP: failed, "1.7.5": Timing(9, 9)})
    assert not faster and "| failed after 362.00 s |" in line
    assert line.endswith("| **no**: not faster than 1.7.5 |")
    assert not size_row(100, "svg", 1, 0.0, {ARGMAP: Timing(1, 1)})[1]  # nothing compared


def test_what_argdown_cannot_do_it_does_not_do_faster() -> None:
    failed = Timing(362.0, 200.0, failure="exit 1: Cannot enlarge memory arrays")
    line, faster = size_row(20000, "svg", 1, 0.0, {ARGMAP: Timing(24, 13), "1.7.5": failed,
                                                   "2.0.0": Timing(149, 102)})
    assert faster
    assert line.endswith("| yes (Argdown 1.7.5 failed: only argmap finished it) |")
    line, faster = size_row(20000, "svg", 1, 0.0, {ARGMAP: Timing(24, 13), "1.7.5": failed,
                                                   "2.0.0": Timing(20, 10)})
    assert not faster and "not faster than 2.0.0 (Argdown 1.7.5 failed" in line


def test_size_header_has_a_time_and_a_ratio_column_per_version() -> None:
    header, rule = size_header(["1.7.5", "2.0.0"])
    assert header.count("|") - 1 == rule.count("---") == 10
    assert "ratio to 2.0.0" in header


def test_startup_goal_is_judged_on_wall_time_against_every_version() -> None:
    helps = {"1.7.5": Timing(0.400, 0.390), "2.0.0": Timing(0.320, 0.300)}
    goal = Goal(0.25, "a quarter")
    line, met = startup_row("validate", Timing(0.090, 0.050), helps, goal)
    assert not met  # 0.22x of 1.7.5 but 0.28x of 2.0.0
    assert "| 0.22x | 0.28x |" in line and line.endswith("| **no** |")
    assert startup_row("validate", Timing(0.080, 0.200), helps, goal)[1]  # CPU does not count
    assert not startup_row("validate", Timing(failure="exit 2: x"), helps, goal)[1]
    line, met = startup_row("argdown --help", helps["2.0.0"], helps, None)
    assert met and line.count("|") == 8


class FakeNpm:
    """npm as seen from the registry this project reaches: @argdown/cli@2 asks for a
    markdown-it plugin ^2.0.0 that is not there; the newest it has is 1.7.7."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def __call__(self, argv: Sequence[str]) -> subprocess.CompletedProcess[str]:
        argv = list(argv)
        self.calls.append(argv)
        if argv[1] == "view":
            return subprocess.CompletedProcess(argv, 0, "1.7.7\n", "")
        prefix = Path(argv[argv.index("--prefix") + 1])
        manifest = prefix / "package.json"
        if not manifest.exists() or "overrides" not in manifest.read_text():
            return subprocess.CompletedProcess(argv, 1, "", (
                "npm error code ETARGET\nnpm error notarget No matching version found for "
                "@argdown/markdown-it-plugin@^2.0.0.\nnpm error A complete log of this run..."))
        cli = prefix / "node_modules" / "@argdown" / "cli"
        cli.mkdir(parents=True)
        (cli / "package.json").write_text(json.dumps(
            {"version": "2.0.0", "engines": {"node": ">= 22.11.0"}}))
        (prefix / "node_modules" / ".bin").mkdir()
        (prefix / "node_modules" / ".bin" / "argdown").touch()
        return subprocess.CompletedProcess(argv, 0, "", "npm warn EBADENGINE")


def test_a_missing_dependency_is_overridden_and_said(tmp_path: Path) -> None:
    npm = FakeNpm()
    found = install("2", tmp_path, npm, find_node=lambda engines: "/usr/bin/false")
    assert not isinstance(found, str)
    assert (found.version, found.overrides) == ("2.0.0", {"@argdown/markdown-it-plugin": "1.7.7"})
    manifest = json.loads((tmp_path / "2" / "package.json").read_text())
    assert manifest["dependencies"] == {"@argdown/cli": "2"}
    assert [call[1] for call in npm.calls] == ["install", "view", "install"]
    caveats = found.caveats()  # the node found does not run: its version is unknown
    assert "overridden to 1.7.7" in caveats[0] and "node >= 22.11.0" in caveats[1]
    assert found.command("json", "x.ad") == ["/usr/bin/false", str(found.binary), "json", "x.ad"]
    again = install("2", tmp_path, npm, find_node=lambda engines: "/usr/bin/false")
    assert again == found and len(npm.calls) == 3  # cached: npm not asked


def test_an_install_that_cannot_be_helped_says_why(tmp_path: Path) -> None:
    def npm(argv: Sequence[str]) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(list(argv), 1, "", (
            "npm error code ETARGET\nnpm error notarget No matching version found for "
            "@argdown/cli@9.\nnpm error A complete log of this run can be found in: x"))

    said = install("9", tmp_path, npm)
    assert said == ("npm could not install @argdown/cli@9: code ETARGET; notarget No matching "
                    "version found for @argdown/cli@9.")


@pytest.mark.parametrize(("node", "engines", "met"), [
    ("v20.20.2", ">= 22.11.0", False), ("v22.11.0", ">=22.11.0", True),
    ("v24.1.0", ">= 22.11.0", True), ("v12.0.0", "^12 || >=14", True)])
def test_node_versions_against_an_engines_range(node: str, engines: str, met: bool) -> None:
    assert node_satisfies(node, engines) is met


def test_dry_run_lists_every_rows_commands_without_node(capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bench.shutil, "which", lambda name: None)
    assert bench.main(["--dry-run", "--sizes", "100", "--startup-runs", "5"]) == 0
    said = capsys.readouterr().out
    assert "would run 5x (argdown --help (1.7.5))" in said
    assert "argmap validate maps/qaani-baghdad-2021-11.yaml -q" in said
    assert said.count("would run 3x (2):") == 2  # check and svg, with Argdown 2
    assert "argdown map --format svg" in said
    assert "dry run: nothing measured" in said
