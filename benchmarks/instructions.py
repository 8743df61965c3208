"""Instructions executed by argmap's start-up, counted by valgrind (callgrind).

Wall time on a shared machine swings with its neighbours; the number of instructions a command
executes does not (to within 0.2% run to run), so start-up work is compared by that count::

    python -m benchmarks.instructions                 # the table in docs/performance.md
    python -m benchmarks.instructions --markdown

Bytecode is compiled first (a run without ``PYTHONDONTWRITEBYTECODE``), as pip leaves it. Needs
``valgrind``; without it the script says so and exits 2.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "maps" / "qaani-baghdad-2021-11.yaml"
_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")
# What a process must pay before any argmap code runs, and the libraries the design card chose.
FLOORS = {
    "python -c pass (the interpreter)": ["-c", "pass"],
    "import pydantic.main, pydantic.fields, yaml (the libraries validate needs)": [
        "-c", "import pydantic.main, pydantic.fields, yaml"],
    "import typer": ["-c", "import typer"],
}
COMMANDS = {
    "argmap --version": ["--version"],
    "argmap --help": ["--help"],
    "argmap validate (seed map)": ["validate", str(SEED), "-q"],
    "argmap lint (seed map)": ["lint", str(SEED), "-q"],
    "argmap validate --format=json (seed map, read by typer)": [
        "validate", "--format=json", "--format=json", str(SEED)],
}


def count(arguments: list[str]) -> int:
    """Instructions ``python ARGUMENTS`` executes, as callgrind counts them."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT)
    subprocess.run([sys.executable, *arguments], env=env, cwd=ROOT, capture_output=True,
                   check=False)  # compiles the bytecode
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
         *arguments], env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    found = _COLLECTED.search(result.stderr)
    if found is None:
        raise SystemExit(f"valgrind gave no count for {arguments}: {result.stderr[-300:]}")
    return int(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    options = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind): nothing measured",
              file=sys.stderr)
        return 2
    rows = [(label, count(arguments)) for label, arguments in FLOORS.items()]
    rows += [(label, count(["-m", "argmap", *arguments])) for label, arguments in COMMANDS.items()]
    if options.markdown:
        print("| what runs | instructions |\n| --- | ---: |")
        for label, instructions in rows:
            print(f"| {label} | {instructions / 1e6:,.0f} M |")
    else:
        for label, instructions in rows:
            print(f"{instructions / 1e6:10,.0f} M  {label}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
