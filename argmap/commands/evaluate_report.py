"""What ``argmap evaluate`` prints: labels and reasons as text, Markdown or JSON.

Text and Markdown are one document (see :mod:`argmap.commands.document`); JSON is one object per
map, one map per line (JSON Lines), so one map's output is one JSON document.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from argmap.analyse.evaluation import STANDING_WORDS, Evaluation
from argmap.analyse.withdraw import Withdrawal
from argmap.commands.document import Block, Heading, Paragraph, Table, clean
from argmap.commands.document import write_markdown as document_markdown
from argmap.commands.document import write_text as document_text

SEMANTICS_WORDS = {
    "grounded": "Grounded semantics (ASPIC+ without preferences)",
    "preferred": "Preferred semantics (sceptical labels: in or out in every preferred extension)",
    "stable": "Stable semantics (sceptical labels: in or out in every stable extension)",
}
MAX_EXTENSION_COLUMNS = 6


class ExpectationCheck(NamedTuple):
    """One expected outcome and the label its semantics gave (None: not computed in this run)."""

    element: str
    semantics: str
    expected: str
    label: str | None

    @property
    def met(self) -> bool | None:
        return None if self.label is None else self.label == self.expected


@dataclass(frozen=True)
class MapEvaluation:
    """One map's evaluation, and with ``--without`` the evaluation before it for comparison."""

    path: str
    title: str
    texts: Mapping[str, str]  # proposition id -> its text
    kinds: Mapping[str, str]  # proposition id -> its kind
    attacks: Mapping[str, str]  # attack id -> "a rebuts b"
    evaluation: Evaluation
    basis: Mapping[str, str]
    expectations: tuple[ExpectationCheck, ...] = ()
    before: Evaluation | None = None
    basis_before: Mapping[str, str] = field(default_factory=dict)
    withdrawal: Withdrawal | None = None
    # judgment or hypothesis id -> the weak links every line of its support passes through
    weak_links: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def failed_expectations(self) -> list[ExpectationCheck]:
        return [check for check in self.expectations if check.met is False]

    def unchecked_expectations(self) -> list[ExpectationCheck]:
        return [check for check in self.expectations if check.met is None]

    def changes(self) -> list[str]:
        """Elements whose label changed, and propositions whose basis changed."""
        if self.before is None:
            return []
        before, after = self.before.labels, self.evaluation.labels
        return [element for element in after if before[element] != after[element]
                or self.basis_before.get(element) != self.basis.get(element)]


def document(reports: Sequence[MapEvaluation]) -> list[Block]:
    blocks: list[Block] = []
    for report in reports:
        blocks.append(Heading(1, f"{clean(report.title)} ({clean(report.path)})"))
        blocks.append(Paragraph(_summary(report.evaluation)))
        if report.withdrawal is not None:
            blocks.extend(what_if_blocks(report, report.withdrawal))
            continue
        blocks.append(proposition_table(report))
        blocks.extend(why_blocks(report.evaluation, _unsettled(report.evaluation)))
        blocks.extend(attack_blocks(report))
        blocks.extend(expectation_blocks(report))
    return blocks


def _summary(evaluation: Evaluation) -> str:
    counts = evaluation.counts()
    extensions = ""
    if evaluation.semantics != "grounded":
        number = evaluation.extension_count
        extensions = f"; {number} {evaluation.semantics} extension{'s' if number != 1 else ''}"
    return (f"{SEMANTICS_WORDS[evaluation.semantics]}: {counts['in']} in, "
            f"{counts['out']} out, {counts['undec']} undecided{extensions}.")


def proposition_table(report: MapEvaluation) -> Table:
    evaluation = report.evaluation
    extensions = evaluation.extensions[:MAX_EXTENSION_COLUMNS]
    header = ("label", "proposition", "kind", "basis", *_extension_header(evaluation), "text")
    body = []
    for element, label in evaluation.of_kind("proposition").items():
        credulous = ("yes" if element in evaluation.credulous else "no",) if extensions else ()
        per_extension = tuple(extension[element] for extension in extensions)
        body.append((label, element, report.kinds[element].replace("_", " "),
                     report.basis.get(element, ""), *credulous, *per_extension,
                     clean(report.texts[element])))
    return Table(header, tuple(body))


def _extension_header(evaluation: Evaluation) -> tuple[str, ...]:
    shown = evaluation.extensions[:MAX_EXTENSION_COLUMNS]
    if not shown:
        return ()
    return ("credulous", *(f"E{number}" for number in range(1, len(shown) + 1)))


def _unsettled(evaluation: Evaluation) -> list[str]:
    """Propositions and inferences that are not in (attacks have a table of their own)."""
    return [element for element, label in evaluation.labels.items()
            if label != "in" and evaluation.kinds[element] != "attack"]


def why_blocks(evaluation: Evaluation, elements: Sequence[str], title: str = "Why not in"
               ) -> list[Block]:
    if not elements:
        return [Paragraph("Every proposition and inference is in.")]
    rows = tuple((element, evaluation.kinds[element], evaluation.labels[element],
                  clean(evaluation.reasons[element])) for element in elements)
    return [Heading(2, title), Table(("element", "kind", "label", "reason"), rows)]


def attack_blocks(report: MapEvaluation) -> list[Block]:
    attacks = report.evaluation.of_kind("attack")
    if not attacks:
        return []
    rows = tuple((label, element, report.attacks[element],
                  clean(report.evaluation.reasons[element])) for element, label in attacks.items())
    return [Heading(2, "Attacks (in: the attack succeeds)"),
            Table(("label", "attack", "what", "reason"), rows)]


def expectation_blocks(report: MapEvaluation) -> list[Block]:
    if not report.expectations:
        return []
    rows = tuple((check.element, check.semantics, check.expected, check.label or "-",
                  {True: "yes", False: "NO", None: "not checked"}[check.met])
                 for check in report.expectations)
    failed = len(report.failed_expectations())
    verdict = f"{failed} not met." if failed else "All checked are met."
    unchecked = sorted({check.semantics for check in report.unchecked_expectations()})
    if unchecked:
        verdict += "".join(f" Not checked under {name} semantics: run with --semantics {name}."
                           for name in unchecked)
    return [Heading(2, "Expected outcomes (`expect:`)"),
            Table(("element", "semantics", "expected", "label", "met"), rows), Paragraph(verdict)]


def what_if_blocks(report: MapEvaluation, withdrawal: Withdrawal) -> list[Block]:
    before = report.before
    assert before is not None
    names = ", ".join(f"`{name}`" for name in withdrawal.names)
    quotes = ", ".join(f"`{quote}`" for quote in sorted(withdrawal.quotes)) or "none"
    lost = ", ".join(f"`{p}`" for p in sorted(withdrawal.withdrawn)) or "none"
    kept = ", ".join(f"`{p}`" for p in sorted(withdrawal.unanchored))
    still = (f" Left with no quote but still argued by their inferences: {kept}."
             if kept else "")
    blocks: list[Block] = [Heading(2, f"Without {names}"), Paragraph(
        f"Quotes taken away: {quotes}. Premises withdrawn (no quote reports them any more): "
        f"{lost}.{still}")]
    changed = report.changes()
    if not changed:
        return [*blocks, Paragraph("No label and no basis changes.")]
    rows = tuple((element, report.evaluation.kinds[element], before.labels[element],
                  report.evaluation.labels[element], report.basis_before.get(element, "-"),
                  report.basis.get(element, "-")) for element in changed)
    blocks.append(Table(("element", "kind", "label before", "label after", "basis before",
                         "basis after"), rows))
    fallen = [element for element in changed
              if report.evaluation.labels[element] != before.labels[element]]
    if fallen:
        blocks.extend(why_blocks(report.evaluation, fallen, "Why the labels changed"))
    return blocks


def write_text(reports: Sequence[MapEvaluation]) -> str:
    return document_text(document(reports))


def write_markdown(reports: Sequence[MapEvaluation]) -> str:
    return document_markdown(document(reports))


def write_json(reports: Sequence[MapEvaluation]) -> str:
    return "".join(json.dumps(map_data(report), ensure_ascii=False) + "\n" for report in reports)


def map_data(report: MapEvaluation) -> dict[str, Any]:
    evaluation = report.evaluation
    data: dict[str, Any] = {
        "map": evaluation.map_id, "path": report.path, "semantics": evaluation.semantics,
        "labels": dict(evaluation.labels), "reasons": dict(evaluation.reasons),
        "counts": evaluation.counts(), "basis": dict(report.basis),
        "weak_links": {judgment: list(links) for judgment, links in report.weak_links.items()},
    }
    if evaluation.semantics != "grounded":
        data["extension_count"] = evaluation.extension_count
        data["extensions"] = [dict(extension) for extension in evaluation.extensions]
        data["credulous"] = sorted(evaluation.credulous)
    if report.expectations:
        data["expect"] = [{"id": check.element, "semantics": check.semantics,
                           "expected": check.expected, "label": check.label, "met": check.met}
                          for check in report.expectations]
    if report.withdrawal is not None and report.before is not None:
        data["without"] = list(report.withdrawal.names)
        data["withdrawn"] = {"quotes": sorted(report.withdrawal.quotes),
                             "propositions": sorted(report.withdrawal.withdrawn),
                             "unanchored": sorted(report.withdrawal.unanchored)}
        data["before"] = {"labels": dict(report.before.labels),
                          "basis": dict(report.basis_before)}
        data["changes"] = [{"id": element, "kind": evaluation.kinds[element],
                            "before": report.before.labels[element],
                            "after": evaluation.labels[element],
                            "basis_before": report.basis_before.get(element),
                            "basis_after": report.basis.get(element)}
                           for element in report.changes()]
    return data


EVALUATE_FORMATS: dict[str, Callable[[Sequence[MapEvaluation]], str]] = {
    "text": write_text,
    "markdown": write_markdown,
    "json": write_json,
}

__all__ = ["EVALUATE_FORMATS", "STANDING_WORDS", "MapEvaluation"]
