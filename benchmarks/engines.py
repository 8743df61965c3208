"""Which layout engine to use at which size: system Graphviz ``dot`` against graphviz-pure, on
the DOT argmap writes for the same generated maps.

    python -m benchmarks.engines [--sizes 1000,3000,5000,7000,10000,15000,20000] [--repeat 1]

Prints one row per size: CPU seconds (user + system, which other work on the machine hardly
changes), wall seconds and peak memory of each engine laying out the map's DOT to SVG, and the
ratio pure/system. The figures in docs/performance.md ("Layout engine") come from this command.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.generate import cached_map
from benchmarks.measure import Sample, best_of

DEFAULT_SIZES = (1000, 3000, 5000, 7000, 10000, 15000, 20000)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)))
    parser.add_argument("--repeat", type=int, default=1)
    options = parser.parse_args(argv)
    engines = {"system dot": shutil.which("dot"), "graphviz-pure": _pure()}
    print(f"engines: system dot {_version(engines['system dot'])}, graphviz-pure "
          f"{_version(engines['graphviz-pure'])}")
    print("| nodes | system dot cpu | wall | peak MB | graphviz-pure cpu | wall | peak MB | "
          "pure / system (cpu) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="argmap-engines-") as folder:
        for nodes in (int(size) for size in options.sizes.split(",")):
            dot = _dot_of(cached_map(nodes), Path(folder))
            samples = {name: best_of(options.repeat, [path, "-Tsvg", "-o", f"{folder}/out.svg",
                                                      str(dot)])
                       for name, path in engines.items() if path}
            print(_row(nodes, samples.get("system dot"), samples.get("graphviz-pure")),
                  flush=True)
    return 0


def _pure() -> str | None:
    from argmap.render.engine import PURE_BINARY, scripts_dir

    return shutil.which(PURE_BINARY, path=scripts_dir()) or shutil.which(PURE_BINARY)


def _version(path: str | None) -> str:
    if path is None:
        return "(not installed)"
    found = subprocess.run([path, "-V"], capture_output=True, text=True, check=False)
    return (found.stderr or found.stdout).strip().splitlines()[0] if found.returncode == 0 \
        else "(version unknown)"


def _dot_of(map_path: Path, folder: Path) -> Path:
    target = folder / f"{map_path.parent.name}.dot"
    subprocess.run([sys.executable, "-m", "argmap", "render", str(map_path), "--format", "dot",
                    "--force", "-q", "-o", str(target)], check=True)
    return target


def _row(nodes: int, system: Sample | None, pure: Sample | None) -> str:
    def cells(sample: Sample | None) -> str:
        if sample is None:
            return "not installed | | "
        return f"{sample.cpu or 0:.2f} s | {sample.wall:.2f} s | {sample.peak_mb:.0f}"

    ratio = f"{(pure.cpu or 0) / system.cpu:.2f}x" if system and pure and system.cpu else ""
    return f"| {nodes:,} | {cells(system)} | {cells(pure)} | {ratio} |"


if __name__ == "__main__":
    raise SystemExit(main())
