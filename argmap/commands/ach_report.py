"""What ``argmap ach`` prints: each question's matrix, scores and ranking as text, Markdown or JSON.

Text and Markdown are one document (headings, tables, paragraphs) spelled two ways: the layout is
decided once, in :func:`document`, and each writer only spells the blocks.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from argmap.analyse.ach import RATINGS, Matrix
from argmap.commands.document import Block, Heading, Paragraph, Table, clean
from argmap.commands.document import write_markdown as document_markdown
from argmap.commands.document import write_text as document_text

NO_QUESTIONS = ("No questions in this map: add a `questions` entry with competing hypotheses and "
                "rate the evidence against them (see docs/ach.md).")


@dataclass(frozen=True)
class MapReport:
    """The matrices of one map file (only the selected question's, with ``--question``)."""

    path: str
    title: str
    matrices: Sequence[Matrix]




def document(reports: Sequence[MapReport]) -> list[Block]:
    blocks: list[Block] = []
    for report in reports:
        blocks.append(Heading(1, f"{clean(report.title)} ({clean(report.path)})"))
        if not report.matrices:
            blocks.append(Paragraph(NO_QUESTIONS))
        for matrix in report.matrices:
            blocks.extend(question_blocks(matrix))
    return blocks


def question_blocks(matrix: Matrix) -> list[Block]:
    heading = Heading(2, f"{matrix.question}: {clean(matrix.text)}")
    if not matrix.rows:
        hypotheses = ", ".join(column.hypothesis for column in matrix.columns)
        return [heading, Paragraph(f"No evidence rated yet: add `evidence` rows that rate each "
                                   f"item against {hypotheses}.")]
    return [heading, matrix_table(matrix), ranking_table(matrix), *notes(matrix)]


def matrix_table(matrix: Matrix) -> Table:
    """Evidence down, hypotheses across, spread last; scores and rating counts at the foot."""
    def foot(label: str, values: Sequence[str]) -> tuple[str, ...]:
        return (label, "", *values, "")

    columns = matrix.columns
    return Table(
        ("evidence", "cred.", *(column.hypothesis for column in columns), "spread"),
        tuple((row.proposition, _optional(row.credibility), *(cell or "-" for cell in row.cells),
               _optional(row.spread)) for row in matrix.rows),
        (foot("inconsistency", [str(column.inconsistency) for column in columns]),
         foot("weighted", [_number(column.weighted) for column in columns]),
         foot("/".join(RATINGS), ["/".join(str(column.counts[rating]) for rating in RATINGS)
                                  for column in columns])))


def ranking_table(matrix: Matrix) -> Table:
    """Least inconsistent first (Heuer); the credibility-weighted rank beside it."""
    return Table(
        ("rank", "hypothesis", "inconsistency", "weighted", "weighted rank", "text"),
        tuple((str(column.rank), column.hypothesis, str(column.inconsistency),
               _number(column.weighted), str(column.weighted_rank), clean(column.text))
              for column in matrix.ranking))


def notes(matrix: Matrix) -> list[Paragraph]:
    """What an analyst must know before trusting the ranking."""
    found = []
    untested = [column.hypothesis for column in matrix.columns if not column.tested]
    if untested:
        found.append(Paragraph(f"Untested: {', '.join(untested)}. No row rates it as anything "
                               "but NA, so its score of 0 shows nothing survived."))
    alike = [row.proposition for row in matrix.rows if row.spread == 0]
    if alike:
        found.append(Paragraph(f"Not diagnostic (rated alike against every hypothesis it applies "
                               f"to): {', '.join(alike)}."))
    return found


def write_text(reports: Sequence[MapReport]) -> str:
    return document_text(document(reports))


def write_markdown(reports: Sequence[MapReport]) -> str:
    return document_markdown(document(reports))


def write_json(reports: Sequence[MapReport]) -> str:
    data = {"maps": [{"path": report.path, "title": report.title,
                      "questions": [matrix_data(matrix) for matrix in report.matrices]}
                     for report in reports]}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def matrix_data(matrix: Matrix) -> dict[str, Any]:
    hypotheses = [column.hypothesis for column in matrix.columns]
    return {
        "id": matrix.question, "text": matrix.text,
        "hypotheses": [{"id": column.hypothesis, "text": column.text,
                        "inconsistency": column.inconsistency, "weighted": column.weighted,
                        "rank": column.rank, "weighted_rank": column.weighted_rank,
                        "counts": dict(column.counts), "unrated": column.unrated,
                        "tested": column.tested} for column in matrix.columns],
        "evidence": [{"proposition": row.proposition, "text": row.text,
                      "credibility": row.credibility, "weight": row.weight,
                      "ratings": dict(zip(hypotheses, row.cells, strict=True)),
                      "spread": row.spread, "diagnostic": row.diagnostic, "note": row.note}
                     for row in matrix.rows],
        "ranking": [column.hypothesis for column in matrix.ranking],
        "weighted_ranking": [column.hypothesis for column in matrix.weighted_ranking],
    }


ACH_FORMATS: dict[str, Callable[[Sequence[MapReport]], str]] = {
    "text": write_text,
    "markdown": write_markdown,
    "json": write_json,
}


def _optional(value: int | None) -> str:
    return "-" if value is None else str(value)


def _number(value: float) -> str:
    return f"{value:g}"
