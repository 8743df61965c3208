"""Analysis of Competing Hypotheses (Heuer): a question's evidence matrix, scored.

Heuer's method works by refuting, not confirming: each hypothesis scores the inconsistency of the
evidence with it (``I`` = 1, ``II`` = 2; consistent ratings count nothing), and the hypotheses are
ranked least inconsistent first. An evidence row is *diagnostic* when its applicable ratings
differ: a row that is consistent with every hypothesis cannot tell them apart, however much of it
there is.

Beside Heuer's plain score this module keeps a score weighted by the credibility of each evidence
proposition (Admiralty 1-6). It is shown, never used in place of the plain score: the weights are
a convention of this tool, while the plain score is the method's own.

Pure functions over the model; lint rules and ``argmap ach`` share them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from argmap.model.elements import ArgumentMap, Consistency, EvidenceRating, Proposition, Question

RATINGS: tuple[Consistency, ...] = ("CC", "C", "N", "I", "II", "NA")
NOT_APPLICABLE: Consistency = "NA"
INCONSISTENCY: Mapping[str, int] = {"I": 1, "II": 2}
# Heuer's scale without NA; the distance between two ratings is how far apart they sit on it.
CONSISTENCY_SCALE: Mapping[str, int] = {"CC": 2, "C": 1, "N": 0, "I": -1, "II": -2}
# Admiralty credibility -> weight. 3 (possibly true), 6 (truth cannot be judged) and no grade at
# all are neutral; each step either side moves a quarter. Quarters add up exactly in binary
# floating point, so weighted scores tie exactly when they should.
CREDIBILITY_WEIGHT: Mapping[int, float] = {1: 1.5, 2: 1.25, 3: 1.0, 4: 0.75, 5: 0.5, 6: 1.0}
NEUTRAL_WEIGHT = 1.0

Cell = Consistency | None  # None: the row does not rate this hypothesis


def credibility_weight(credibility: int | None) -> float:
    return NEUTRAL_WEIGHT if credibility is None else CREDIBILITY_WEIGHT[credibility]


def cells(question: Question, rating: EvidenceRating) -> tuple[Cell, ...]:
    """The row's rating of each hypothesis, in the question's order (None where it gives none)."""
    return tuple(rating.ratings.get(hypothesis) for hypothesis in question.hypotheses)


def applicable(row: Iterable[Cell]) -> list[Consistency]:
    """The ratings that say something: given, and not NA."""
    return [cell for cell in row if cell is not None and cell != NOT_APPLICABLE]


def spread(row: Iterable[Cell]) -> int | None:
    """Distance between the most and the least consistent applicable rating (0 to 4); None when
    fewer than two hypotheses have one, so there is nothing to compare."""
    values = [CONSISTENCY_SCALE[cell] for cell in applicable(row)]
    return max(values) - min(values) if len(values) >= 2 else None


def rated_rows(model: ArgumentMap) -> Iterator[tuple[Question, int, EvidenceRating]]:
    """Every matrix row of every question, with its position in the question's ``evidence``."""
    for question in model.questions:
        for number, rating in enumerate(question.evidence):
            yield question, number, rating


def missing_hypotheses(question: Question, rating: EvidenceRating) -> list[str]:
    """The question's hypotheses that this row leaves unrated."""
    return [hypothesis for hypothesis in question.hypotheses if hypothesis not in rating.ratings]


@dataclass(frozen=True)
class Row:
    """One evidence item of the matrix."""

    proposition: str
    text: str
    cells: tuple[Cell, ...]
    credibility: int | None
    note: str | None

    @property
    def weight(self) -> float:
        return credibility_weight(self.credibility)

    @property
    def spread(self) -> int | None:
        return spread(self.cells)

    @property
    def diagnostic(self) -> bool:
        return bool(self.spread)


@dataclass(frozen=True)
class Column:
    """One hypothesis: its ratings counted, its scores and its places in the two rankings."""

    hypothesis: str
    text: str
    counts: Mapping[Consistency, int]
    unrated: int
    inconsistency: int
    weighted: float
    rank: int = 0
    weighted_rank: int = 0

    @property
    def tested(self) -> bool:
        """Some row rates it as something other than NA. An untested hypothesis scores zero by
        default and so heads the ranking without having survived anything."""
        return any(self.counts[rating] for rating in RATINGS if rating != NOT_APPLICABLE)


@dataclass(frozen=True)
class Matrix:
    """A question's matrix: rows in YAML order, columns in the question's hypothesis order."""

    question: str
    text: str
    rows: tuple[Row, ...]
    columns: tuple[Column, ...]

    @property
    def ranking(self) -> list[Column]:
        """Least inconsistent first; ties stay in hypothesis order (the sort is stable)."""
        return sorted(self.columns, key=lambda column: column.inconsistency)

    @property
    def weighted_ranking(self) -> list[Column]:
        return sorted(self.columns, key=lambda column: column.weighted)


def analyse_map(model: ArgumentMap) -> list[Matrix]:
    """Every question's matrix, in YAML order."""
    propositions = {proposition.id: proposition for proposition in model.propositions}
    return [analyse_question(question, propositions) for question in model.questions]


def analyse_question(question: Question, propositions: Mapping[str, Proposition]) -> Matrix:
    rows = tuple(_row(question, rating, propositions.get(rating.proposition))
                 for rating in question.evidence)
    columns = [_column(rows, number, hypothesis, propositions.get(hypothesis))
               for number, hypothesis in enumerate(question.hypotheses)]
    plain = [column.inconsistency for column in columns]
    weighted = [column.weighted for column in columns]
    ranked = tuple(replace(column, rank=competition_rank(plain, column.inconsistency),
                           weighted_rank=competition_rank(weighted, column.weighted))
                   for column in columns)
    return Matrix(question.id, question.text, rows, ranked)


def competition_rank(scores: Sequence[float], score: float) -> int:
    """1 + how many scores are lower: tied hypotheses share a rank ("1, 1, 3")."""
    return 1 + sum(1 for other in scores if other < score)


def _row(question: Question, rating: EvidenceRating, proposition: Proposition | None) -> Row:
    return Row(rating.proposition, proposition.text if proposition else "",
               cells(question, rating), proposition.credibility if proposition else None,
               rating.note)


def _column(rows: Sequence[Row], number: int, hypothesis: str, proposition: Proposition | None
            ) -> Column:
    column = [row.cells[number] for row in rows]
    against = [INCONSISTENCY.get(cell or "", 0) for cell in column]
    return Column(
        hypothesis, proposition.text if proposition else "",
        counts={rating: column.count(rating) for rating in RATINGS}, unrated=column.count(None),
        inconsistency=sum(against),
        weighted=sum((points * row.weight for points, row in zip(against, rows, strict=True)), 0.0))
