"""Text search on hostile sources: ``lint`` of an ellipsis quote whose pieces are never in one
paragraph, ``coverage`` of a source no quote covers, ``quote`` on a one-line source.

Each case is generated at the sizes asked for and run as a user runs it (wall time, CPU time,
peak memory, bytes printed), so the growth with the source's size shows::

    python -m benchmarks.text_search                       # 0.1, 0.4 and 1.6 MB
    python -m benchmarks.text_search --sizes 1.3,4.6,10 --timeout 120

Before text search was indexed once per source, all three grew with the square of the size
(docs/reliability.md has the figures).
"""

from __future__ import annotations

import argparse
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from benchmarks.measure import ROOT, argmap_command, load_average, run_command

_MAP = ROOT / "tests" / "examples" / "valid" / "harbour.yaml"
_ELLIPSIS_QUOTE = ("  - id: q-ellipsis\n    source: report\n    text: alpha one ... beta three\n"
                   "    speaker: reporter\n    mode: author\n")


def _source_map(folder: Path, text: str, extra_quote: str = "") -> Path:
    """The example map, quoting ``text`` (written beside it) instead of its own source."""
    (folder / ".git").mkdir(exist_ok=True)
    (folder / "source.txt").write_text(text, encoding="utf-8")
    content = _MAP.read_text(encoding="utf-8").replace("path: harbour-report.txt",
                                                        "path: source.txt")
    content = re.sub(r"\n    sha256: .*", "", content)
    content = content.replace("quotes:\n", "quotes:\n" + extra_quote, 1)
    (folder / "m.yaml").write_text(content, encoding="utf-8")
    return folder / "m.yaml"


def _repeat(unit: str, megabytes: float) -> str:
    return unit * max(1, int(megabytes * 1_000_000) // len(unit))


def lint_ellipsis(folder: Path, megabytes: float) -> list[str]:
    text = _repeat("alpha one two.\n\nbeta three four.\n\n", megabytes)
    return ["lint", str(_source_map(folder, text, _ELLIPSIS_QUOTE))]


def coverage(folder: Path, megabytes: float) -> list[str]:
    text = _repeat("It is likely the crane fell. Officials said so.\n", megabytes)
    return ["coverage", str(_source_map(folder, text))]


def quote_one_line(folder: Path, megabytes: float) -> list[str]:
    (folder / "line.txt").write_text(_repeat("the crane fell " + "x" * 200 + " ", megabytes),
                                     encoding="utf-8")
    return ["quote", str(folder / "line.txt"), "the crane fell"]


CASES: dict[str, Callable[[Path, float], list[str]]] = {
    "lint (ellipsis quote)": lint_ellipsis,
    "coverage": coverage,
    "quote (one line)": quote_one_line,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.1,0.4,1.6", help="source sizes in MB, by commas")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per run")
    options = parser.parse_args()
    sizes = [float(size) for size in options.sizes.split(",")]
    print(f"| case | source | wall | CPU | peak | printed |   ({load_average()})")
    print("|---|---:|---:|---:|---:|---:|")
    for name, make in CASES.items():
        for megabytes in sizes:
            with tempfile.TemporaryDirectory(prefix="argmap-bench-search-") as folder:
                argv = make(Path(folder), megabytes)
                sample = run_command([*argmap_command(), *argv], Path(folder), options.timeout)
            late = sample.exit_code not in (0, 1)
            wall = f"> {options.timeout:.0f} s" if late else f"{sample.wall:.2f} s"
            print(f"| {name} | {megabytes:g} MB | {wall} | {sample.cpu or 0:.2f} s "
                  f"| {sample.peak_mb:.0f} MB | {len(sample.stdout.encode()):,} B |")


if __name__ == "__main__":
    main()
