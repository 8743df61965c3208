"""What an import produces: the map's data, the source text to write beside it, and the list of
what could not be carried into the map."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

_NOT_SLUG = re.compile(r"[^a-z0-9_.-]+")


@dataclass
class ImportResult:
    dialect: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    source_text: str | None = None
    not_carried: list[str] = field(default_factory=list)
    # Fields laid back from argmap's own extension object: when the map does not validate,
    # the file's extension is at fault, not the import.
    extended: bool = False
    _groups: Counter[str] = field(default_factory=Counter)
    _examples: dict[str, str] = field(default_factory=dict)

    def skip(self, message: str, group: str | None = None) -> None:
        """Record something not carried; many of a kind are listed once, with their count."""
        if group is None:
            self.not_carried.append(message)
            return
        self._groups[group] += 1
        self._examples.setdefault(group, message)

    def lines(self) -> list[str]:
        grouped = [self._examples[group] if count == 1 else
                   f"{group}: {count} (e.g. {self._examples[group]})"
                   for group, count in self._groups.items()]
        return [*self.not_carried, *grouped]


class Slugs:
    """Ids in argmap's form (lower case, ``a-z0-9_.-``), each given out once."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        # The last number given to each base: counting up from 1 for every claim was quadratic
        # in how many titles collide (8,000 took 10 s).
        self.numbered: dict[str, int] = {}

    def claim(self, wanted: str) -> str:
        base = slugify(wanted)
        candidate, number = base, self.numbered.get(base, 1)
        while candidate in self.taken:
            number += 1
            candidate = f"{base[:75]}-{number}"
        self.numbered[base] = number
        self.taken.add(candidate)
        return candidate


def slugify(text: str) -> str:
    slug = _NOT_SLUG.sub("-", text.strip().lower()).strip("-_.")[:80].rstrip("-_.")
    return slug or "x"


def settle_attack_kinds(attacks: list[dict[str, Any]], inferences: list[dict[str, Any]]) -> None:
    """Attacks on propositions whose kind the source did not say: an *undermine* when the target
    is only ever a premise, else a *rebut* (as lint's attack-kind-mismatch rule expects)."""
    premises = {premise for inference in inferences for premise in inference["premises"]}
    concluded = {inference["conclusion"] for inference in inferences}
    for attack in attacks:
        if attack.get("kind") is None:
            target = attack["target"]
            attack["kind"] = "undermine" if target in premises and target not in concluded \
                else "rebut"
