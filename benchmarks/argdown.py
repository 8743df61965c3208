"""argmap side by side with Argdown 1.7.5 and 2.x: start-up, and the same generated graphs.

    python -m benchmarks.argdown [--stages startup,check,svg] [--sizes 100,1000,5000,20000]
                                 [--runs 3] [--slow-runs 1] [--startup-runs 21] [--dry-run]

**Start-up** (the goal below): ``argdown --help`` of each version against ``argmap validate``
and ``argmap lint`` of the seed map; wall time is what counts (the goal is a quarter of Argdown's
``--help`` for validate, 120/330 for lint).

**Sizes**: each generated map (``benchmarks/generate.py``) is exported to Argdown with ``argmap
export --format argdown``, so both tools read the same graph: the same statements, arguments and
attacks (quotes become comments: Argdown has no element for them, so argmap draws more boxes).

* **check**: ``argmap validate MAP.yaml`` against ``argdown json MAP.ad`` (Argdown parses,
  checks and writes its JSON model: the closest it has to a validation);
* **svg**: ``argmap render MAP.yaml --format svg --force`` against ``argdown map MAP.ad
  --format svg`` (Argdown lays out with Graphviz compiled to JavaScript or WebAssembly).

Every figure is a fresh process as a user starts it; the tools take turns run by run (a busy
moment hurts all alike) and medians are kept. After each row the outputs are counted (elements in
Argdown's JSON, nodes and edges in each SVG) so a row that compares unequal work shows it.
Argdown is installed from npm into ``benchmarks/.cache/argdown/VERSION`` the first time
(:mod:`benchmarks.argdown_install`); without ``node`` and ``npm`` the script says so and exits 0.
Exit 1 when argmap is not faster on a row or misses a start-up goal.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks import sidebyside
from benchmarks.argdown_install import CACHE, Argdown, install
from benchmarks.generate import cached_map, map_counts
from benchmarks.measure import (
    ROOT,
    Sample,
    argmap_command,
    cpu_count,
    load_average,
    package_version,
    run_command,
)
from benchmarks.sidebyside import ARGMAP, Goal, Timing, median_timing

VERSIONS = ("1.7.5", "2")
STAGES = ("startup", "check", "svg")
DEFAULT_SIZES = (100, 1000, 5000, 20000)
SLOW_FROM_NODES = 20_000
SEED_MAP = ROOT / "maps" / "qaani-baghdad-2021-11.yaml"
TIMEOUT_SECONDS = 1800.0
# Issue 18: `argdown --help` took ~330 ms when the goals were set; validate 4x faster than that
# (85 ms), lint 120 ms.
GOALS = {"validate": Goal(0.25, "a quarter: 85 ms of ~330"),
         "lint": Goal(0.120 / 0.330, "120 ms of ~330")}


def main(argv: list[str] | None = None) -> int:
    options = _parse(argv)
    if not options.dry_run and not (shutil.which("node") and shutil.which("npm")):
        print("skipped: node and npm are needed to run Argdown (https://nodejs.org)")
        return 0
    started = time.perf_counter()
    argdowns = _would_install() if options.dry_run else _install_all()
    print(_preamble(options, argdowns))
    bench = Bench(options, argdowns)
    ok = True
    if "startup" in options.stages:
        ok &= bench.startup()
    sizes = [stage for stage in options.stages if stage != "startup"]
    if sizes:
        ok &= bench.sizes(sizes)
    minutes = (time.perf_counter() - started) / 60
    verdict = ("dry run: nothing measured" if options.dry_run else
               "argmap faster on every row, goals met" if ok else
               "argmap NOT faster on every row or a goal missed (see above)")
    print(f"\n{minutes:.1f} minutes; {load_average()}; {verdict}")
    return 0 if ok else 1


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stages", default=",".join(STAGES),
                        help="comma-separated subset of %(default)s")
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)))
    parser.add_argument("--runs", type=int, default=3, help="runs per row (median kept)")
    parser.add_argument("--slow-runs", type=int, default=1, help="runs of the svg rows from "
                        f"{SLOW_FROM_NODES:,} nodes (minutes each)")
    parser.add_argument("--startup-runs", type=int, default=21)
    parser.add_argument("--dry-run", action="store_true",
                        help="print the commands of every row; run and install nothing")
    options = parser.parse_args(argv)
    options.stages = [stage.strip() for stage in options.stages.split(",") if stage.strip()]
    unknown = set(options.stages) - set(STAGES)
    if unknown:
        parser.error(f"unknown stage(s) {', '.join(sorted(unknown))}; choose from "
                     f"{', '.join(STAGES)}")
    options.sizes = [int(size.replace("_", "")) for size in options.sizes.split(",") if size]
    return options


def _would_install() -> dict[str, Argdown]:
    """For ``--dry-run``: where each version is or would be installed; nothing is run."""
    return {version: Argdown(CACHE / version / "node_modules" / ".bin" / "argdown", version, {},
                             node="node") for version in VERSIONS}


def _install_all() -> dict[str, Argdown]:
    argdowns = {}
    for version in VERSIONS:
        found = install(version)
        if isinstance(found, str):
            print(f"skipped Argdown {version}: {found}")
        else:
            argdowns[found.version] = found
    return argdowns


@dataclass
class Bench:
    """The rows: each measured, printed as soon as it is done, and its outputs counted."""

    options: argparse.Namespace
    argdowns: dict[str, Argdown]

    def startup(self) -> bool:
        """``argdown --help`` of each version, then argmap's validate and lint of the seed map."""
        if not self.options.dry_run:  # compiled as pip leaves an install (a shell may set
            # PYTHONDONTWRITEBYTECODE, and every start would compile argmap from source)
            subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "argmap")],
                           check=False)
        seed = SEED_MAP.relative_to(ROOT)
        commands = {f"argdown --help ({version})": argdown.command("--help")
                    for version, argdown in self.argdowns.items()}
        commands |= {f"argmap {name} {seed} -q": [*argmap_command(), name, str(seed), "-q"]
                     for name in GOALS}
        runs = self.options.startup_runs
        print(f"\n## Start-up ({runs} runs each, alternating; medians)\n", flush=True)
        timings = self._measure(commands, runs, ok_codes=(0, 1))
        if self.options.dry_run:
            return True
        helps = {version: timings[f"argdown --help ({version})"] for version in self.argdowns}
        print("\n".join(sidebyside.startup_header(list(self.argdowns))))
        ok = True
        for label, timing in timings.items():
            goal = next((goal for name, goal in GOALS.items()
                         if label.startswith(f"argmap {name} ")), None)
            line, met = sidebyside.startup_row(f"`{label}`", timing, helps, goal)
            ok &= met
            print(line)
        print(f"\n{load_average()}")
        return ok

    def sizes(self, stages: list[str]) -> bool:
        print(f"\n## Same graphs ({', '.join(stages)})\n")
        if not self.options.dry_run:
            print("\n".join(sidebyside.size_header(list(self.argdowns))), flush=True)
        ok, notes = True, []
        for nodes in self.options.sizes:
            map_path = cached_map(nodes)
            argdown_text = _exported(map_path, self.options.dry_run)
            for stage in stages:
                runs = (self.options.slow_runs if stage == "svg" and nodes >= SLOW_FROM_NODES
                        else self.options.runs)
                commands = self._commands(stage, map_path, argdown_text)
                timings = self._measure(commands, runs)
                if self.options.dry_run:
                    continue
                line, faster = sidebyside.size_row(nodes, stage, runs, os.getloadavg()[0],
                                                   timings)
                print(line, flush=True)
                ok &= faster
                notes.append(_work(nodes, stage, map_path, self.argdowns))
                notes += [f"{nodes:,} {stage}: {_tool(name)} failed ({timing.failure})"
                          for name, timing in timings.items() if timing.failure]
        if notes:
            print("\nWhat each tool produced (counted in its output after the last run):\n")
            print("\n".join(f"* {note}" for note in notes))
        return ok

    def _commands(self, stage: str, map_path: Path, argdown_text: Path) -> dict[str, list[str]]:
        out = map_path.parent / "out"
        commands = {ARGMAP: [*argmap_command(), "validate", "-q", str(map_path)]
                    if stage == "check" else
                    [*argmap_command(), "render", "-q", "--force", "--timeout",
                     str(int(TIMEOUT_SECONDS)), "--format", "svg", "-o",
                     str(out / "argmap.svg"), str(map_path)]}
        for version, argdown in self.argdowns.items():
            verb = ["json"] if stage == "check" else ["map", "--format", "svg"]
            commands[version] = argdown.command(*verb, str(argdown_text),
                                                str(out / f"argdown-{version}"))
        return commands

    def _measure(self, commands: dict[str, list[str]], runs: int,
                 ok_codes: tuple[int, ...] = (0,)) -> dict[str, Timing]:
        """Every command ``runs`` times, taking turns; their medians."""
        if self.options.dry_run:
            for name, argv in commands.items():
                print(f"would run {runs}x ({name}): {' '.join(argv)}")
            return {name: Timing(failure="dry run") for name in commands}
        samples: dict[str, list[Sample]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, argv in commands.items():
                if any(sample.exit_code not in ok_codes for sample in samples[name]):
                    continue  # a failure is not retried (at 20,000 nodes it costs minutes)
                samples[name].append(run_command(argv, timeout=TIMEOUT_SECONDS))
        return {name: median_timing(taken, ok_codes) for name, taken in samples.items()}


def _tool(name: str) -> str:
    return name if name == ARGMAP else f"Argdown {name}"


def _exported(map_path: Path, dry_run: bool) -> Path:
    target = map_path.with_suffix(".ad")
    if not target.exists() and not dry_run:
        subprocess.run([*argmap_command(), "export", str(map_path), "--format", "argdown",
                        "-o", str(target)], check=True)
    return target


def _work(nodes: int, stage: str, map_path: Path, argdowns: dict[str, Argdown]) -> str:
    """What the row's outputs hold, beside what the map holds, so unequal work shows."""
    out = map_path.parent / "out"
    counts = map_counts(map_path)
    if stage == "check":
        parts = [_json_counts(out / f"argdown-{version}" / "map.json", version)
                 for version in argdowns]
        return (f"{nodes:,} check: the map has {counts.get('propositions', 0):,} propositions, "
                f"{counts.get('inferences', 0):,} inferences, {counts.get('attacks', 0):,} "
                f"attacks; " + "; ".join(parts))
    parts = [_svg_counts(out / "argmap.svg", "argmap")]
    parts += [_svg_counts(out / f"argdown-{version}" / "map.svg", f"Argdown {version}")
              for version in argdowns]
    return f"{nodes:,} svg: " + "; ".join(parts)


def _json_counts(path: Path, version: str) -> str:
    if not path.exists():
        return f"Argdown {version} wrote no JSON"
    import json

    model = json.loads(path.read_text(encoding="utf-8"))
    return (f"Argdown {version}'s JSON has {len(model.get('statements', {})):,} statements, "
            f"{len(model.get('arguments', {})):,} arguments, "
            f"{len(model.get('relations', [])):,} relations")


def _svg_counts(path: Path, tool: str) -> str:
    if not path.exists():
        return f"{tool} wrote no SVG"
    text = path.read_text(encoding="utf-8", errors="replace")
    graphviz = re.search(r"Generated by (graphviz version [^\n]*?)\s*$", text, re.MULTILINE)
    nodes, edges = text.count('class="node"'), text.count('class="edge"')
    return (f"{tool} drew {nodes:,} nodes and {edges:,} edges ({len(text) / 1e6:.1f} MB"
            f"{', ' + graphviz.group(1) if graphviz else ''})")


def _preamble(options: argparse.Namespace, argdowns: dict[str, Argdown]) -> str:
    node = _said(["node", "--version"])
    lines = [f"argmap side by side with Argdown: Python {platform.python_version()}, system node "
             f"{node.lstrip('v') or 'not found'}, {cpu_count()} cores; argmap at "
             f"{_said(['git', '-C', str(ROOT), 'rev-parse', '--short', 'HEAD']) or '?'}; "
             f"system {_said(['dot', '-V']) or 'Graphviz: none'}; graphviz-pure "
             f"{package_version('graphviz-pure')}; {load_average()}"]
    for version, argdown in argdowns.items():
        lines.append(f"Argdown {version}: {argdown.binary}, on node "
                     f"{argdown.node_version.lstrip('v') or '?'} ({argdown.node})")
        lines += [f"  caveat: {note}" for note in argdown.caveats()]
    return "\n".join(lines)


def _said(argv: list[str]) -> str:
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=30, check=False)
    except OSError:
        return ""
    return (done.stdout + done.stderr).strip().splitlines()[0] if done.returncode == 0 else ""


if __name__ == "__main__":
    raise SystemExit(main())
