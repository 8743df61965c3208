"""Run a command as a user would and measure it: wall time and peak resident memory.

Peak memory comes from ``wait4``: the kernel's maximum resident set of the child *and of the
children it waited for* (so ``argmap render`` counts the layout engine it runs). Every sample is a
fresh process started by a tiny launcher (see :mod:`benchmarks.launch` for why), so neither the
runner's memory nor one stage's memory hides in another's.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAUNCHER = Path(__file__).resolve().with_name("launch.py")
TIMEOUT_SECONDS = 900.0


@dataclass(frozen=True)
class Sample:
    """One run: seconds of wall time, peak resident megabytes, exit code, what it said, and CPU
    seconds (which, unlike wall time, hardly change when other work shares the machine)."""

    wall: float
    peak_mb: float
    exit_code: int
    stdout: str = ""
    stderr: str = ""
    cpu: float | None = None

    @property
    def complaint(self) -> str:
        """The first line of error output, for a failed run's note."""
        lines = (self.stderr or self.stdout).strip().splitlines()
        return lines[-1][:120] if lines else "(no output)"


def run_command(argv: Sequence[str | Path], cwd: Path = ROOT,
                timeout: float = TIMEOUT_SECONDS) -> Sample:
    """Run ``argv`` once through :mod:`benchmarks.launch`; output goes to files (as to a hook
    reading a pipe), not to a terminal."""
    with tempfile.TemporaryDirectory(prefix="argmap-bench-run-") as folder:
        report, out, err = (Path(folder) / name for name in ("report", "stdout", "stderr"))
        with out.open("wb") as stdout, err.open("wb") as stderr:
            launched = subprocess.run(
                [sys.executable, "-S", LAUNCHER, report, str(timeout), *map(str, argv)],
                cwd=cwd, stdin=subprocess.DEVNULL, stdout=stdout, stderr=stderr, check=False)
        if launched.returncode != 0 or not report.exists():
            raise RuntimeError(f"the launcher failed (exit {launched.returncode}) "
                               f"running {' '.join(map(str, argv))}")
        wall, peak_kb, code, cpu = report.read_text().split()
        return Sample(float(wall), int(peak_kb) / 1024, int(code),
                      out.read_text("utf-8", "replace"), err.read_text("utf-8", "replace"),
                      float(cpu))


def best_of(runs: int, argv: Sequence[str | Path], cwd: Path = ROOT) -> Sample:
    """The fastest of ``runs`` runs (the least disturbed by the machine), with the largest peak
    memory seen (memory does not get better by chance). Stops at the first failure."""
    samples = []
    for _ in range(max(1, runs)):
        sample = run_command(argv, cwd)
        samples.append(sample)
        if sample.exit_code not in (0, 1):
            return sample
    fastest = min(samples, key=lambda sample: sample.wall)
    return Sample(fastest.wall, max(sample.peak_mb for sample in samples), fastest.exit_code,
                  fastest.stdout, fastest.stderr, fastest.cpu)


def in_process(stage: str, path: Path, repeat: int) -> Sample:
    """Time one stage in a fresh interpreter, imports excluded (:mod:`benchmarks.inprocess`).

    ``wall`` is the best of ``repeat`` timings; ``peak_mb`` the worker's peak resident memory
    (the interpreter, the stage's imports, the input text and the stage's data).
    """
    argv = [sys.executable, "-m", "benchmarks.inprocess", stage, str(path), "--repeat",
            str(repeat)]
    sample = run_command(argv)
    if sample.exit_code != 0:
        return sample
    timing = json.loads(sample.stdout)
    return Sample(float(timing["seconds"]), sample.peak_mb, 0, cpu=float(timing["cpu"]))


def argmap_command() -> list[str]:
    """The installed console script, as users run it (it starts faster than ``python -m``)."""
    script = Path(sys.executable).with_name("argmap")
    return [str(script)] if script.exists() else [sys.executable, "-m", "argmap"]


def load_average() -> str:
    """Other work on the machine inflates wall times (not CPU times): say how much there was."""
    return "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def cpu_count() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 0


def package_version(name: str) -> str:
    """The installed version of distribution ``name``, or "not installed"."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"
