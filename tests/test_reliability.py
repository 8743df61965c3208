"""Output survives interruption: a killed render leaves the previous diagram or the new one whole,
never half of one, and a terminated render leaves no temporary file behind."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import ROOT

ALL_KINDS = ROOT / "tests" / "render" / "all-kinds.yaml"


def start_render(map_path: Path, target: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "argmap", "render", str(map_path), "-o",
                             str(target), "--engine", "pure", "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.fixture
def rendered(tmp_path: Path) -> tuple[Path, Path, bytes]:
    map_path = tmp_path / "map.yaml"
    shutil.copy(ALL_KINDS, map_path)
    target = tmp_path / "map.svg"
    assert start_render(map_path, target).wait(timeout=60) == 0
    old = target.read_bytes()
    # Change the map so that a finished render would write different bytes.
    map_path.write_text(map_path.read_text().replace("title:", "title: Edited -", 1))
    return map_path, target, old


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_interrupted_render_leaves_a_whole_diagram(rendered: tuple[Path, Path, bytes],
                                                   sig: signal.Signals) -> None:
    map_path, target, old = rendered
    outcomes = set()
    for delay in (0.05, 0.15, 0.3, 0.45, 0.6, 0.9):
        process = start_render(map_path, target)
        time.sleep(delay)
        process.send_signal(sig)
        process.wait(timeout=60)
        data = target.read_bytes()
        ET.fromstring(data)  # well-formed: never a truncated file
        outcomes.add("old" if data == old else "new")
        if data != old:
            target.write_bytes(old)
        if sig == signal.SIGTERM:
            leftovers = [p.name for p in target.parent.iterdir() if p.name.endswith(".tmp")]
            assert leftovers == [], leftovers
    assert "old" in outcomes
