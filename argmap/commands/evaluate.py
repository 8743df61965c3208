"""``argmap evaluate``: which propositions, inferences and attacks stand, and why.

Exit 0 when every map was evaluated and its expected outcomes are met; 1 when a map is invalid
(its problems are printed as ``argmap validate`` prints them, and it is not evaluated) or an
expectation fails; 2 for an unreadable path, a ``--without`` id no map has, or preferred/stable
semantics without the solver installed.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from argmap.batch import Batch, load_maps
from argmap.problems import ArgmapError
from argmap.read import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from argmap.analyse.evaluation import Evaluation
    from argmap.commands.evaluate_report import ExpectationCheck, MapEvaluation
    from argmap.model import ArgumentMap, LoadedMap

SEMANTICS = ("grounded", "preferred", "stable")
Solver = str  # the semantics clingo computes; None for the built-in grounded labelling


@dataclass(frozen=True)
class EvaluateSettings:
    paths: Sequence[Path]
    output_format: str = "text"
    semantics: str = "grounded"
    without: tuple[str, ...] = ()
    limits: Limits = DEFAULT_LIMITS
    time_limit: float | None = 60.0  # seconds of solver work per map; None: no limit


def run_evaluate(settings: EvaluateSettings, out: TextIO = sys.stdout,
                 err: TextIO = sys.stderr) -> int:
    from argmap.commands.evaluate_report import EVALUATE_FORMATS

    try:
        solver = _solver(settings.semantics)
        batch = Batch()
        loaded = [outcome.map for outcome in map(batch.add, load_maps(settings.paths,
                                                                       settings.limits))
                  if outcome.map is not None]
        _check_without(settings.without, loaded)
    except ArgmapError as error:
        err.write(f"argmap: {error}\n")
        return error.exit_code
    reports, stopped = _evaluate_each(loaded, settings, solver)
    if reports:
        out.write(EVALUATE_FORMATS[settings.output_format](reports))
    err.writelines(f"{problem}\n" for problem in batch.problems)
    err.writelines(f"argmap: {message}\n" for message in batch.unreadable)
    failed = sum(len(report.failed_expectations()) for report in reports
                 if report.withdrawal is None)
    if failed:
        err.write(f"{failed} expected outcome{'s' if failed != 1 else ''} not met\n")
    err.writelines(f"argmap: {message}\n" for message in stopped)
    if not batch.outcomes:
        err.write(batch.summary(""))
    return 2 if stopped else batch.exit_code(failed=bool(failed))


def _evaluate_each(loaded: Sequence[LoadedMap], settings: EvaluateSettings,
                   solver: Solver | None) -> tuple[list[MapEvaluation], list[str]]:
    """Each map's evaluation; a map the solver could not finish in time is one message, and
    the other maps are still evaluated."""
    from argmap.analyse.solve import SolverTimeoutError

    reports, stopped = [], []
    for one in loaded:
        try:
            reports.append(evaluate_map(one, settings, solver))
        except SolverTimeoutError as error:
            stopped.append(f"{one.display}: {error}")
    return reports, stopped


def _solver(semantics: str) -> Solver | None:
    if semantics == "grounded":
        return None
    from argmap.analyse.solve import require_clingo

    require_clingo(semantics)
    return semantics


def _check_without(names: Sequence[str], loaded: Sequence[LoadedMap]) -> None:
    from argmap.analyse.withdraw import check_withdrawable

    indexes = [(one.display, one.index) for one in loaded]
    if indexes:
        for name in names:
            check_withdrawable(name, indexes)


def evaluate_map(loaded: LoadedMap, settings: EvaluateSettings, solver: Solver | None
                 ) -> MapEvaluation:
    from argmap.analyse import ArgumentGraph
    from argmap.analyse.basis import JUDGMENT_KINDS
    from argmap.analyse.withdraw import withdraw
    from argmap.commands.evaluate_report import MapEvaluation

    model = loaded.model
    withdrawal = withdraw(model, settings.without) if settings.without else None
    reduced = withdrawal.model if withdrawal is not None else model
    lost = withdrawal.withdrawn if withdrawal is not None else frozenset()
    evaluation = _evaluate(model, lost, solver, settings.time_limit)
    bases = ArgumentGraph.of(reduced).bases
    basis = {key: value.label for key, value in bases.classes.items()}
    weak_links = {p.id: bases.weak_links(p.id) for p in reduced.propositions
                  if p.kind in JUDGMENT_KINDS}
    report = MapEvaluation(
        loaded.display, model.map.title, {p.id: p.text for p in model.propositions},
        {p.id: p.kind for p in model.propositions}, _attack_words(model), evaluation, basis,
        withdrawal=withdrawal, weak_links=weak_links)
    if withdrawal is None:
        return replace(report, expectations=_checks(model, evaluation))
    before = {key: value.label for key, value in ArgumentGraph.of(model).basis.items()}
    return _with_before(report, _evaluate(model, frozenset(), solver, settings.time_limit),
                        before)


def _checks(model: ArgumentMap, evaluation: Evaluation) -> tuple[ExpectationCheck, ...]:
    """Every expected outcome against the label of its own semantics: grounded ones are checked
    whatever semantics was asked for (grounded labelling is linear, so it is computed again
    when needed); one under a semantics not computed in this run is left unchecked."""
    from argmap.commands.evaluate_report import ExpectationCheck

    expectations = model.expectations()
    computed = {evaluation.semantics: evaluation}
    if evaluation.semantics != "grounded" and any(e[1] == "grounded" for e in expectations):
        computed["grounded"] = _evaluate(model, frozenset(), None)
    return tuple(ExpectationCheck(element, semantics, label,
                                  computed[semantics].labels.get(element)
                                  if semantics in computed else None)
                 for element, semantics, label in expectations)


def _evaluate(model: ArgumentMap, lost: frozenset[str], solver: Solver | None,
              time_limit: float | None = None) -> Evaluation:
    if solver is None:
        from argmap.analyse.evaluation import evaluate

        return evaluate(model, lost)
    from argmap.analyse.solve import solve

    return solve(model, solver, lost, time_limit)


def _with_before(report: MapEvaluation, before: Evaluation, basis: dict[str, str]
                 ) -> MapEvaluation:
    return replace(report, before=before, basis_before=basis)


def _attack_words(model: ArgumentMap) -> dict[str, str]:
    verbs = {"rebut": "rebuts", "undermine": "undermines", "undercut": "undercuts"}
    return {attack.id: f"{attack.attacker} {verbs[attack.kind]} {attack.target}"
            for attack in model.attacks}
