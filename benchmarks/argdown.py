"""argmap side by side with Argdown 1.7.5 and 2.x on the same generated graphs.

    python -m benchmarks.argdown [--sizes 100,1000,5000,20000] [--runs 3] [--stages check,svg]

Each generated map (``benchmarks/generate.py``) is exported to Argdown with ``argmap export
--format argdown``, so both tools read the same graph: the same statements, arguments and
attacks. Rows, each a fresh process as a user starts it, runs alternating between the tools and
the median kept:

* **check**: ``argmap validate MAP.yaml`` against ``argdown json MAP.ad`` (Argdown parses,
  checks and writes its JSON model: the closest it has to a validation);
* **svg**: ``argmap render MAP.yaml --format svg --force`` against ``argdown map MAP.ad
  --format svg``.

Argdown is installed from npm into ``benchmarks/.cache/argdown/VERSION`` the first time (``npm
install --prefix``); without ``node`` and ``npm`` the script says so and exits 0. The ratio column
is argmap's CPU time divided by Argdown's (CPU time, unlike wall time, hardly changes when other
work shares the machine): below 1 means argmap is faster. Each cell shows wall (CPU) medians.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

from benchmarks.generate import cached_map
from benchmarks.measure import Sample, run_command

CACHE = Path(__file__).resolve().parent / ".cache" / "argdown"
VERSIONS = ("1.7.5", "2")
DEFAULT_SIZES = (100, 1000, 5000, 20000)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--stages", default="check,svg")
    options = parser.parse_args(argv)
    if not (shutil.which("node") and shutil.which("npm")):
        print("skipped: node and npm are needed to run Argdown (https://nodejs.org)")
        return 0
    argdowns = {}
    for version in VERSIONS:
        binary = install(version)
        if binary is not None:
            argdowns[version] = binary
    print("| nodes | stage | argmap | " + " | ".join(
        f"Argdown {_installed_version(path)} | ratio" for path in argdowns.values()) + " |")
    print("|---:|---|---:|" + "---:|---:|" * len(argdowns))
    for nodes in (int(size) for size in options.sizes.split(",")):
        map_path = cached_map(nodes)
        argdown_text = _exported(map_path)
        for stage in options.stages.split(","):
            print(_row(nodes, stage, map_path, argdown_text, argdowns, options.runs), flush=True)
    return 0


def install(version: str) -> Path | None:
    """The ``argdown`` command of ``@argdown/cli@version``, installed once into the cache; None
    (and why, on stdout) when npm cannot install it."""
    prefix = CACHE / version
    binary = prefix / "node_modules" / ".bin" / "argdown"
    if not binary.exists():
        print(f"installing @argdown/cli@{version} into {prefix} ...", flush=True)
        prefix.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(["npm", "install", "--prefix", str(prefix), "--no-audit",
                               "--no-fund", f"@argdown/cli@{version}"],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            why = next((line for line in done.stderr.splitlines() if "error" in line),
                       f"exit {done.returncode}")
            print(f"skipped Argdown {version}: npm could not install it ({why.strip()})")
            return None
    return binary


def _installed_version(binary: Path) -> str:
    package = binary.parent.parent / "@argdown" / "cli" / "package.json"
    import json

    return str(json.loads(package.read_text())["version"])


def _exported(map_path: Path) -> Path:
    target = map_path.with_suffix(".ad")
    if not target.exists():
        subprocess.run([sys.executable, "-m", "argmap", "export", str(map_path), "--format",
                        "argdown", "-o", str(target)], check=True)
    return target


def _commands(stage: str, map_path: Path, argdown_text: Path, binary: Path | None
              ) -> list[str]:
    out = map_path.parent / "out"
    if binary is None:
        return ([sys.executable, "-m", "argmap", "validate", "-q", str(map_path)]
                if stage == "check" else
                [sys.executable, "-m", "argmap", "render", "-q", "--force", "--format", "svg",
                 "-o", str(out / "argmap.svg"), str(map_path)])
    return ([str(binary), "json", str(argdown_text), str(out)] if stage == "check" else
            [str(binary), "map", "--format", "svg", str(argdown_text), str(out)])


def _row(nodes: int, stage: str, map_path: Path, argdown_text: Path,
         argdowns: dict[str, Path], runs: int) -> str:
    tools: dict[str, Path | None] = {"argmap": None, **argdowns}
    times: dict[str, list[Sample]] = {name: [] for name in tools}
    for _ in range(runs):  # alternating, so a busy moment hurts every tool alike
        for name, binary in tools.items():
            times[name].append(run_command(_commands(stage, map_path, argdown_text, binary),
                                           timeout=1800))
    walls = {name: _median(samples, "wall") for name, samples in times.items()}
    cpus = {name: _median(samples, "cpu") for name, samples in times.items()}
    cells = [f"{nodes:,}", stage, _both(walls["argmap"], cpus["argmap"])]
    for version in argdowns:
        ours, theirs = cpus["argmap"], cpus[version]
        ratio = f"{ours / theirs:.2f}x" if ours and theirs else ""
        cells += [_both(walls[version], theirs), ratio]
    return "| " + " | ".join(cells) + " |"


def _median(samples: list[Sample], what: str) -> float | None:
    if any(sample.exit_code not in (0, 1) for sample in samples):
        return None
    return statistics.median(getattr(sample, what) or 0.0 for sample in samples)


def _both(wall: float | None, cpu: float | None) -> str:
    return "failed" if wall is None or cpu is None else f"{_seconds(wall)} ({_seconds(cpu)} cpu)"


def _seconds(value: float | None) -> str:
    if value is None:
        return "failed"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


if __name__ == "__main__":
    raise SystemExit(main())
