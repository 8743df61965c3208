"""``suppress:`` in the map: silence one rule on one element, with a reason.

A suppression names a rule by code or by name. It silences the findings of that rule whose
element is the one carrying the suppression, and nothing else. A suppression that silenced
nothing is itself reported (the map changed and the reason went stale), unless its rule did not
run (turned off in the configuration) or could not check the element (its source was unreadable).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from argmap.lint.context import UnusedSuppression
from argmap.lint.rule import Finding, Rule, find_rule
from argmap.model import ArgumentMap
from argmap.model.index import iter_entries


class _Entry(NamedTuple):
    element: str
    position: int
    rule: Rule | None


def apply_suppressions(model: ArgumentMap, findings: Iterable[tuple[Rule, Finding]],
                       ran: set[str], unchecked: set[str]
                       ) -> tuple[list[tuple[Rule, Finding]], list[UnusedSuppression]]:
    """Drop suppressed findings; return the rest and the suppressions that were not used."""
    table: dict[str, list[_Entry]] = {}
    suppressions = {}
    for entry in iter_entries(model):
        element = entry.element
        for position, suppression in enumerate(element.suppress):
            table.setdefault(element.id, []).append(
                _Entry(element.id, position, find_rule(suppression.rule)))
            suppressions[(element.id, position)] = suppression
    used: set[tuple[str, int]] = set()
    kept = []
    for rule, finding in findings:
        match = next((entry for entry in table.get(finding.element or "", ())
                      if entry.rule is not None and entry.rule.code == rule.code), None)
        if match is None:
            kept.append((rule, finding))
        else:
            used.add((match.element, match.position))
    unused = [
        UnusedSuppression(entry.element, entry.position,
                          suppressions[(entry.element, entry.position)], entry.rule is None)
        for entries in table.values() for entry in entries
        if (entry.element, entry.position) not in used
        and (entry.rule is None or (entry.rule.code in ran and entry.element not in unchecked))
    ]
    return kept, unused
