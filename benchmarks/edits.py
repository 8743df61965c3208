"""A generated map with a few dozen edits, as one working session leaves it, for ``argmap diff``.

    python -m benchmarks.edits --nodes 5000 [--edits 50]

The edits are made on the text, block by block, as an analyst makes them: reworded
propositions, credibility and confidence revised, attacks dropped, propositions renamed (every
reference follows) and new assumptions added. The copy is written beside the map (same folder,
so its sources resolve the same) as ``map-edited-N.yaml``; it is seeded, cached and valid.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.generate import cached_map

DEFAULT_EDITS = 50
# Shares of the edits by kind; renames and additions are the matcher's hard cases.
MIX = (("reword", 0.3), ("credibility", 0.2), ("confidence", 0.1), ("drop_attack", 0.2),
       ("rename", 0.1), ("add", 0.1))
_ID_CHARS = r"[A-Za-z0-9_.-]"


@dataclass
class _Block:
    """One element: its section, id and lines (the first is ``  - id: ...``)."""

    section: str
    id: str
    lines: list[str]


@dataclass
class _Document:
    head: list[str] = field(default_factory=list)  # everything before the first element
    parts: list[_Block | str] = field(default_factory=list)  # elements and section headers

    def blocks(self, section: str, having: str = "") -> list[_Block]:
        return [part for part in self.parts if isinstance(part, _Block)
                and part.section == section and any(having in line for line in part.lines)]

    def text(self) -> str:
        lines = list(self.head)
        for part in self.parts:
            lines += part.lines if isinstance(part, _Block) else [part]
        return "\n".join(lines) + "\n"


def edited_map(nodes: int, edits: int = DEFAULT_EDITS, seed: int = 18) -> Path:
    """The cached map of ``nodes`` nodes with ``edits`` edits, written beside it on first use."""
    original = cached_map(nodes)
    target = original.with_name(f"map-edited-{edits}.yaml")
    if not target.exists():
        text = edit_text(original.read_text(encoding="utf-8"), edits, random.Random(seed))
        handle, staging = tempfile.mkstemp(prefix=".staging-", dir=target.parent)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(staging, target)
    return target


def edit_text(text: str, edits: int, rng: random.Random) -> str:
    """``text`` (a map as :mod:`benchmarks.generate` writes it) with about ``edits`` edits."""
    document = _split(text)
    renames: dict[str, str] = {}
    for kind, share in MIX:
        count = max(1, round(edits * share))
        _EDITS[kind](document, count, rng, renames)
    edited = document.text()
    for old, new in renames.items():
        edited = re.sub(rf"(?<!{_ID_CHARS}){re.escape(old)}(?!{_ID_CHARS})", new, edited)
    return edited


def _split(text: str) -> _Document:
    document, section = _Document(), ""
    for line in text.splitlines():
        if re.match(r"[a-z_]+:", line):
            section = line.rstrip(":")
            (document.parts if document.parts or section != "map" else document.head).append(line)
        elif line.startswith("  - id: "):
            document.parts.append(_Block(section, line[len("  - id: "):].strip(), [line]))
        elif document.parts and isinstance(document.parts[-1], _Block):
            document.parts[-1].lines.append(line)
        else:
            (document.parts if document.parts else document.head).append(line)
    return document


def _sample(blocks: list[_Block], count: int, rng: random.Random) -> list[_Block]:
    return rng.sample(blocks, min(count, len(blocks)))


def _reword(document: _Document, count: int, rng: random.Random, _: dict[str, str]) -> None:
    for block in _sample(document.blocks("propositions"), count, rng):
        block.lines = [_revised(line) if line.startswith("    text: ") else line
                       for line in block.lines]


def _revised(line: str) -> str:
    return line[:-1] + ' (revised)"' if line.endswith('"') else line + " (revised)"


def _credibility(document: _Document, count: int, rng: random.Random, _: dict[str, str]) -> None:
    for block in _sample(document.blocks("propositions", "credibility:"), count, rng):
        block.lines = [re.sub(r"(credibility: )(\d)", lambda m: m[1] + str(int(m[2]) % 6 + 1), line)
                       for line in block.lines]


def _confidence(document: _Document, count: int, rng: random.Random, _: dict[str, str]) -> None:
    swap = {"low": "high", "moderate": "low", "high": "moderate"}
    for block in _sample(document.blocks("propositions", "confidence:"), count, rng):
        block.lines = [re.sub(r"(confidence: )(\w+)", lambda m: m[1] + swap[m[2]], line)
                       for line in block.lines]


def _drop_attack(document: _Document, count: int, rng: random.Random, _: dict[str, str]) -> None:
    attacks = document.blocks("attacks")
    # Keep one: a section left empty would be a different document shape, not an edit.
    dropped = {id(block) for block in _sample(attacks, min(count, len(attacks) - 1), rng)}
    document.parts = [part for part in document.parts if id(part) not in dropped]


def _rename(document: _Document, count: int, rng: random.Random, renames: dict[str, str]) -> None:
    for block in _sample(document.blocks("propositions"), count, rng):
        renames[block.id] = f"{block.id}-renamed"


def _add(document: _Document, count: int, rng: random.Random, _: dict[str, str]) -> None:
    last = document.blocks("propositions")[-1]
    at = document.parts.index(last) + 1
    for number in range(count, 0, -1):
        document.parts.insert(at, _Block("propositions", f"assume-added-{number}", [
            f"  - id: assume-added-{number}", "    kind: assumption",
            f"    text: The new session's assumption number {number} holds.",
            "    if_wrong: The judgments that rest on it weaken."]))


_EDITS: dict[str, Callable[[_Document, int, random.Random, dict[str, str]], None]] = {
    "reword": _reword, "credibility": _credibility, "confidence": _confidence,
    "drop_attack": _drop_attack, "rename": _rename, "add": _add}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, required=True)
    parser.add_argument("--edits", type=int, default=DEFAULT_EDITS)
    options = parser.parse_args(argv)
    print(edited_map(options.nodes, options.edits))


if __name__ == "__main__":
    main()
