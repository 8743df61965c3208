"""Preferred and stable semantics with the clingo answer-set solver (``argmap[solve]`` extra).

The encoding follows ASPARTIX (Egly, Gaggl and Woltran): the framework as facts, a guess of what
is ``in``, constraints for conflict-freeness and defence, and for preferred semantics clasp's
domain heuristic (``--heuristic=Domain --enum-mode=domRec``) to enumerate the subset-maximal
admissible sets, as ASPARTIX-D does. The guess is made on the map's elements, not on arguments
built one by one, exactly as :mod:`argmap.analyse.grounded` does: an element is ``in`` when some
argument through it is, and ``ok`` when some argument through it is not attacked by what is
``in``; it is ``out`` when it is not ``ok``.

clingo is imported here only, so the rest of argmap never needs it.
"""

from __future__ import annotations

import importlib.util
import time
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from typing import Any

from argmap.analyse.evaluation import Evaluation
from argmap.analyse.framework import Framework
from argmap.analyse.grounded import IN, OUT, UNDEC, Label
from argmap.model.elements import ArgumentMap
from argmap.problems import ArgmapError

INSTALL_HINT = "pip install 'argmap[solve]'"
MAX_SHOWN_EXTENSIONS = 20
# Seconds the solver may take for one map before argmap stops it and says how far it got: the
# number of extensions can double with each independent cycle of attacks.
DEFAULT_TIME_LIMIT = 60.0

ENCODING = """
elem(X) :- prop(X).
elem(X) :- inf(X).
% Guess: any premise; any inference whose premises are in; a conclusion follows.
{ in(P) } :- premise(P).
{ in(R) } :- inf(R), in(Q) : prem(R, Q).
in(P) :- concl(R, P), in(R).
% What the guessed set attacks.
hit(T) :- att(_, A, T), in(A).
% Conflict-free: nothing in is attacked by something in.
:- in(X), hit(X).
% ok(X): some argument through X is not attacked by the set (a least fixpoint: arguments are
% finite, so support that only runs in a circle is never ok).
ok(P) :- premise(P), not hit(P).
ok(R) :- inf(R), not hit(R), concl(R, P), not hit(P), ok(Q) : prem(R, Q).
ok(P) :- concl(R, P), ok(R).
% Admissible: every attack on something in comes from an attacker the set defeats.
:- in(X), att(_, A, X), ok(A).
% Only what a labelling is read from: each symbol costs a call into the solver's library.
#show in/1.
#show ok/1.
"""
PREFERRED = "#heuristic in(X) : elem(X). [1, true]\n"
STABLE = ":- ok(X), elem(X), not in(X).\n"


class SolverMissingError(ArgmapError):
    """Preferred or stable semantics were asked for without clingo installed (exit code 2)."""


class SolverTimeoutError(ArgmapError):
    """The solver did not finish within the time limit (exit code 2)."""


class _OutOfTime(Exception):
    """The search passed its deadline; :func:`solve` says how far it got."""


def require_clingo(semantics: str) -> None:
    if importlib.util.find_spec("clingo") is None:
        raise SolverMissingError(f"--semantics {semantics} needs the clingo solver: "
                                 f"{INSTALL_HINT}")


def facts(framework: Framework) -> str:
    """The framework as ASP facts; ids are quoted strings, so any slug is a valid term."""
    lines: list[str] = []
    for proposition in framework.propositions:
        lines.append(f"prop({_term(proposition)}).")
        if framework.has_premise_argument(proposition):
            lines.append(f"premise({_term(proposition)}).")
    for inference_id, inference in framework.inferences.items():
        lines.append(f"inf({_term(inference_id)}). concl({_term(inference_id)}, "
                     f"{_term(inference.conclusion)}).")
        lines.extend(f"prem({_term(inference_id)}, {_term(premise)})."
                     for premise in dict.fromkeys(inference.premises))
    for attack_id, attack in framework.attacks.items():
        lines.append(f"att({_term(attack_id)}, {_term(attack.attacker)}, "
                     f"{_term(attack.target)}).")
    return "\n".join(lines) + "\n"


def _term(element_id: str) -> str:
    return '"' + element_id.replace("\\", "\\\\").replace('"', '\\"') + '"'


def extensions(framework: Framework, semantics: str, deadline: float | None = None
               ) -> Iterator[dict[str, Label]]:
    """Each preferred or stable labelling of the framework, one at a time; past ``deadline``
    (a :func:`time.monotonic` value) the search stops with :class:`SolverTimeoutError`."""
    import clingo

    arguments = ["0", "--warn=none"]
    program = ENCODING + facts(framework)
    if semantics == "preferred":
        arguments += ["--heuristic=Domain", "--enum-mode=domRec"]
        program += PREFERRED
    else:
        program += STABLE
    # The solver's own remarks (`domRec ignored: No domain atoms found.` on a map with no
    # premise) are about the encoding, not the map: a user has nothing to do about them.
    control = clingo.Control(arguments, logger=lambda _code, _message: None)
    control.add("base", [], program)
    control.ground([("base", [])])
    with control.solve(yield_=True, async_=True) as handle:
        while True:
            handle.resume()
            remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not handle.wait(remaining):
                handle.cancel()
                raise _OutOfTime
            model = handle.model()
            if model is None:
                return
            yield _labelling(framework, *_chosen_and_fine(model))


def _chosen_and_fine(model: Any) -> tuple[set[str], set[str]]:
    """What the model puts ``in``, and what has an argument it does not attack (``ok``)."""
    chosen: set[str] = set()
    fine: set[str] = set()
    for symbol in model.symbols(shown=True):
        (chosen if symbol.name == "in" else fine).add(str(symbol.arguments[0].string))
    return chosen, fine


def _labelling(framework: Framework, chosen: set[str], fine: set[str]) -> dict[str, Label]:
    labels: dict[str, Label] = {}
    for element in [*framework.propositions, *framework.inferences]:
        labels[element] = IN if element in chosen else UNDEC if element in fine else OUT
    for attack_id, attack in framework.attacks.items():
        labels[attack_id] = labels[attack.attacker]
    return labels


@dataclass
class _Acceptance:
    """Sceptical and credulous acceptance, gathered one extension at a time."""

    count: int = 0
    always_in: set[str] = field(default_factory=set)
    always_out: set[str] = field(default_factory=set)
    ever_in: set[str] = field(default_factory=set)
    ins: dict[str, int] = field(default_factory=dict)
    outs: dict[str, int] = field(default_factory=dict)
    shown: list[dict[str, Label]] = field(default_factory=list)

    def add(self, labels: dict[str, Label]) -> None:
        now_in = {element for element, label in labels.items() if label == IN}
        now_out = {element for element, label in labels.items() if label == OUT}
        self.always_in = now_in if not self.count else self.always_in & now_in
        self.always_out = now_out if not self.count else self.always_out & now_out
        self.ever_in |= now_in
        for element in now_in:
            self.ins[element] = self.ins.get(element, 0) + 1
        for element in now_out:
            self.outs[element] = self.outs.get(element, 0) + 1
        self.count += 1
        if len(self.shown) < MAX_SHOWN_EXTENSIONS:
            self.shown.append(labels)

    def label(self, element: str) -> Label:
        if not self.count:
            return UNDEC
        return IN if element in self.always_in else OUT if element in self.always_out else UNDEC

    def reason(self, element: str, semantics: str) -> str:
        if not self.count:
            return f"no {semantics} labelling exists (an odd cycle of attacks leaves none)"
        every = f"every {semantics} extension ({self.count})"
        if element in self.always_in:
            return f"in in {every}"
        if element in self.always_out:
            return f"out in {every}"
        counts = {"in": self.ins.get(element, 0), "out": self.outs.get(element, 0)}
        counts["undecided"] = self.count - counts["in"] - counts["out"]
        spread = ", ".join(f"{word} in {number}" for word, number in counts.items() if number)
        return f"{spread} of the {self.count} {semantics} extensions"


def solve(model: ArgumentMap, semantics: str, withdrawn: Collection[str] = (),
          time_limit: float | None = DEFAULT_TIME_LIMIT) -> Evaluation:
    """Preferred or stable evaluation of ``model``: sceptical labels, credulous acceptance and
    the extensions (the first :data:`MAX_SHOWN_EXTENSIONS` of them). Past ``time_limit``
    seconds (None: no limit) :class:`SolverTimeoutError` says how far the search got."""
    require_clingo(semantics)
    started = time.monotonic()
    framework = Framework.of(model, withdrawn)
    acceptance = _Acceptance()
    deadline = None if time_limit is None else started + time_limit
    try:
        for labels in extensions(framework, semantics, deadline):
            acceptance.add(labels)
    except _OutOfTime:
        raise SolverTimeoutError(_timeout_message(semantics, time_limit or 0.0,
                                                  acceptance.count)) from None
    elements = framework.element_ids()
    return Evaluation(
        model.map.id, semantics, {element: acceptance.label(element) for element in elements},
        {element: acceptance.reason(element, semantics) for element in elements},
        {element: framework.kind_of(element) for element in elements},
        tuple(acceptance.shown), frozenset(acceptance.ever_in), acceptance.count)


def _timeout_message(semantics: str, limit: float, found: int) -> str:
    plural = "" if found == 1 else "s"
    return (f"--semantics {semantics} stopped after the time limit of "
            f"{limit:g} s with {found:,} {semantics} extension{plural} found and more to come "
            "(their number can double with each independent cycle of attacks), so no labels: "
            "give more time with --time-limit SECONDS (0: no limit), or evaluate the part of "
            "the map in question, or use grounded semantics, which is linear")
