"""Coverage-guided fuzzing of the loader with atheris (run on demand, not in the test suite).

    pip install atheris
    python tests/fuzz/fuzz_loader.py -atheris_runs=200000 -max_len=4096 tests/fuzz/corpus

Any exception other than the loader's own located errors is a crash and stops the run with the input
saved as ``crash-*``. Findings and run counts are recorded in docs/reliability.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from argmap.model import load_map_text
    from argmap.problems import MapInvalidError
    from argmap.read import YamlError, decode_utf8

MAP_PATH = Path("fuzz.yaml")


def test_one_input(data: bytes) -> None:
    try:
        text = decode_utf8(data)
    except YamlError as error:
        assert error.line >= 1 and error.column >= 1
        return
    try:
        load_map_text(text, MAP_PATH)
    except MapInvalidError as error:
        for problem in error.problems:
            assert problem.line >= 1 and problem.column >= 1, problem
            assert "\n" not in problem.message, problem


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
