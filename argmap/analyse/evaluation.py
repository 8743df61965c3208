"""Which judgments stand: every proposition, inference and attack labelled ``in``, ``out`` or
``undec``, with the reason, under grounded semantics (ASPIC+ without preferences).

This is the one entry point render, the reader page, lint and ``argmap evaluate`` share:
:func:`evaluate` for a map, :func:`standing` for the mark a diagram puts on a judgment.
Preferred and stable semantics need a solver and live in :mod:`argmap.analyse.solve`.
"""

from __future__ import annotations

import gc
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import NamedTuple

from argmap.analyse.explain import Explainer
from argmap.analyse.framework import Framework
from argmap.analyse.grounded import IN, OUT, UNDEC, Label, grounded
from argmap.model.elements import ArgumentMap

LABELS: tuple[Label, ...] = (IN, OUT, UNDEC)
# What a label means for a proposition, in the words a diagram shows.
STANDING_WORDS: Mapping[Label, str] = {IN: "stands", OUT: "falls", UNDEC: "undecided"}


@dataclass(frozen=True)
class Evaluation:
    """The labels of one map under one semantics, each with its reason.

    For preferred and stable semantics, ``labels`` is the sceptical labelling (``in`` when in
    every extension, ``out`` when out in every one, else ``undec``), ``extensions`` holds each
    extension's labelling and ``credulous`` what is ``in`` in at least one.
    """

    map_id: str
    semantics: str
    labels: Mapping[str, Label]
    reasons: Mapping[str, str]
    kinds: Mapping[str, str]
    extensions: tuple[Mapping[str, Label], ...] = ()
    credulous: frozenset[str] = field(default_factory=frozenset)
    extension_count: int = 0  # all of them; ``extensions`` keeps the first few

    def of_kind(self, kind: str) -> dict[str, Label]:
        return {element: label for element, label in self.labels.items()
                if self.kinds[element] == kind}

    def counts(self) -> dict[Label, int]:
        counted = dict.fromkeys(LABELS, 0)
        for label in self.labels.values():
            counted[label] += 1
        return counted


def evaluate(model: ArgumentMap, withdrawn: Collection[str] = ()) -> Evaluation:
    """Grounded labelling of ``model``; ``withdrawn`` premises have no argument."""
    with _collector_paused():
        framework = Framework.of(model, withdrawn)
        labels, causes = grounded(framework)
        reasons = Explainer(framework, labels, causes).reasons()
    return Evaluation(model.map.id, "grounded", labels, reasons, framework.kinds)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Tens of thousands of small, acyclic objects trigger the cyclic collector again and again
    for nothing (at 20,000 nodes it doubled the time); it runs again as soon as we are done."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class Standing(NamedTuple):
    """What a diagram shows on a proposition: the label, its word and the reason."""

    label: Label
    reason: str

    @property
    def word(self) -> str:
        return STANDING_WORDS[self.label]


def standing(model: ArgumentMap) -> dict[str, Standing]:
    """The grounded standing of every proposition, for diagrams and the reader page."""
    evaluation = evaluate(model)
    return {element: Standing(label, evaluation.reasons[element])
            for element, label in evaluation.of_kind("proposition").items()}
