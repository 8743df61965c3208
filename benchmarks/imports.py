"""What start-up spends on imports: ``python -X importtime``, summed by top-level package."""

from __future__ import annotations

import subprocess
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from benchmarks.measure import ROOT


def import_costs(argv: Sequence[str | Path], top: int = 8) -> list[tuple[str, float]]:
    """Seconds of import time (each module's own, not its children's) per top-level package,
    largest first, for the Python command ``argv`` (which must start with the interpreter)."""
    command = [str(argv[0]), "-X", "importtime", *map(str, argv[1:])]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    totals: Counter[str] = Counter()  # microseconds
    for line in result.stderr.splitlines():
        # "import time:       123 |        456 | package.module"
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, _, name = line.removeprefix("import time:").split("|", 2)
        totals[name.strip().split(".")[0]] += int(own)
    return [(name, micros / 1e6) for name, micros in totals.most_common(top)]
