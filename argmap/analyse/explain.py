"""Why each element has its label, in a sentence: which attack, from what, and why it is not
answered; which support failed; which cycle keeps an element undecided.

The grounded fixpoint records the rule that settled each ``in`` or ``out`` element. An
undecided element has no such rule: something it depends on is itself undecided. Following the
first undecided thing each element depends on must come back round (every undecided element has
one), so it ends in a cycle of attacks, and that cycle is what the reason names, with its
parity: an even cycle has two ways out (either side may stand), an odd one has none.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from argmap.analyse.framework import Framework
from argmap.analyse.grounded import IN, OUT, UNDEC, Cause, Label

KIND_WORDS = {
    "reported_fact": "a reported fact", "attributed_claim": "an attributed claim",
    "author_judgment": "a judgment", "assumption": "an assumption", "hypothesis": "a hypothesis",
}
ATTACK_PARTICIPLES = {"rebut": "rebutted", "undermine": "undermined", "undercut": "undercut"}
# Members of a cycle of attacks a reason names before it writes "…".
MAX_CYCLE_SHOWN = 8


class Explainer:
    """Reasons for the labels of one framework."""

    def __init__(self, framework: Framework, labels: Mapping[str, Label],
                 causes: Mapping[str, Cause]) -> None:
        self.framework = framework
        self.labels = labels
        self.causes = causes
        self._cycles = _undecided_cycles(framework, labels)
        self._cycle_words: dict[int, tuple[frozenset[str], str | None]] = {}
        self._rules: dict[str, Callable[[str, str | None], str]] = {
            "premise": self._premise, "applies": self._applies, "concluded": self._concluded,
            "attacked": self._attacked, "conclusion-attacked": self._conclusion_attacked,
            "premise-out": self._premise_out, "support-out": self._support_out,
            "withdrawn": self._withdrawn, "circular": self._circular, "attacker": self._attacker,
        }

    def reasons(self) -> dict[str, str]:
        return {element: self.reason(element) for element in self.labels}

    def reason(self, element: str) -> str:
        if self.labels[element] == UNDEC:
            return self._undecided(element)
        cause = self.causes[element]
        return self._rules[cause.rule](element, cause.by)

    # --- in ----------------------------------------------------------------------------------

    def _premise(self, element: str, _by: str | None) -> str:
        kind = KIND_WORDS[self.framework.propositions[element].kind]
        return f"a premise ({kind}) that nothing concludes; {self._attacks_fail(element)}"

    def _applies(self, element: str, _by: str | None) -> str:
        inference = self.framework.inferences[element]
        premises = _listed(list(dict.fromkeys(inference.premises)))
        checked = [*self.framework.attacks_on.get(element, ()),
                   *self.framework.attacks_on.get(inference.conclusion, ())]
        answered = f"; every attack on it fails ({self._answered(checked)})" if checked else (
            "; nothing attacks it")
        return f"its premises stand ({premises}){answered}"

    def _concluded(self, _element: str, by: str | None) -> str:
        return f"follows by `{by}`, which stands"

    # --- out ---------------------------------------------------------------------------------

    def _attacked(self, _element: str, by: str | None) -> str:
        return self._hit_by(str(by))

    def _conclusion_attacked(self, element: str, by: str | None) -> str:
        conclusion = self.framework.inferences[element].conclusion
        return f"its conclusion `{conclusion}` is {self._hit_by(str(by))}"

    def _premise_out(self, _element: str, by: str | None) -> str:
        return f"its premise `{by}` is out"

    def _support_out(self, element: str, _by: str | None) -> str:
        steps = self.framework.concluded_by.get(element, [])
        if len(steps) == 1:
            return f"its only support, `{steps[0]}`, fails: {self.reason(steps[0])}"
        return f"every inference to it fails ({_listed(steps)})"

    def _withdrawn(self, _element: str, _by: str | None) -> str:
        return "withdrawn: every quote that anchored it was taken away"

    def _circular(self, element: str, _by: str | None) -> str:
        if element in self.framework.inferences:
            return "no argument reaches its premises: their support runs in a circle"
        return "no argument reaches it: its remaining support runs in a circle"

    def _attacker(self, element: str, by: str | None) -> str:
        attack = self.framework.attacks[element]
        if self.labels[element] == IN:
            return f"its attacker `{by}` stands, so the {attack.kind} succeeds"
        return f"its attacker `{by}` is out, so the {attack.kind} fails"

    # --- undecided ---------------------------------------------------------------------------

    def _undecided(self, element: str) -> str:
        cycle = self._cycles.get(element)
        if cycle is None:
            return "undecided"
        members, described = self._described(cycle)
        if described is None:  # only on maps whose support runs in a circle (lint reports those)
            return "its support is undecided and runs in a circle"
        where = "it is on" if element in members else "it depends on"
        return f"{where} {described}"

    def _described(self, cycle: list[str]) -> tuple[frozenset[str], str | None]:
        """A cycle's members and its words, worked out once per cycle: every element on or
        behind it shares them, so the reasons stay linear in the map's size."""
        known = self._cycle_words.get(id(cycle))
        if known is not None:
            return known
        attacks = sum(1 for member in cycle if self.framework.kind_of(member) == "attack")
        words = None
        if attacks:
            parity = ("an even cycle: either side can stand, so grounded semantics decides "
                      "neither" if attacks % 2 == 0 else
                      "an odd cycle: no side can consistently stand")
            count = f"{attacks:,} attack{'s' if attacks != 1 else ''}"
            words = f"a cycle of attacks ({self._circle(cycle)}; {count}), {parity}"
        self._cycle_words[id(cycle)] = (frozenset(cycle), words)
        return self._cycle_words[id(cycle)]

    def _circle(self, cycle: list[str]) -> str:
        """The cycle's members, round to the first again; a long cycle by its first few, so that
        each reason stays short (spelled out whole for each member, a 4,001-claim cycle made
        344 MB of reasons)."""
        members = [member for member in cycle if self.framework.kind_of(member) != "attack"]
        shown = members if len(members) <= MAX_CYCLE_SHOWN else [*members[:MAX_CYCLE_SHOWN - 1],
                                                                   "…"]
        return " -> ".join(item if item == "…" else f"`{item}`"
                           for item in [*shown, members[0]])

    # --- helpers -----------------------------------------------------------------------------

    def _hit_by(self, attack_id: str) -> str:
        attack = self.framework.attacks[attack_id]
        participle = ATTACK_PARTICIPLES[attack.kind]
        return (f"{participle} by `{attack.attacker}` (`{attack_id}`), which stands: "
                f"{self._why_in(attack.attacker)}")

    def _why_in(self, proposition: str) -> str:
        cause = self.causes.get(proposition)
        if cause is not None and cause.rule == "concluded":
            return f"it follows by `{cause.by}`"
        if self.framework.attacks_on.get(proposition):
            return "every attack on it fails"
        return "nothing attacks it"

    def _attacks_fail(self, element: str) -> str:
        attacks = self.framework.attacks_on.get(element, [])
        if not attacks:
            return "nothing attacks it"
        return f"every attack on it fails ({self._answered(attacks)})"

    def _answered(self, attacks: list[str]) -> str:
        return "; ".join(f"`{attack}` from `{self.framework.attacks[attack].attacker}`, which is "
                         "out" for attack in attacks)


def _listed(ids: list[str]) -> str:
    return ", ".join(f"`{element}`" for element in ids)


def _undecided_cycles(framework: Framework, labels: Mapping[str, Label]) -> dict[str, list[str]]:
    """For each undecided element, the cycle its first undecided dependency leads into.

    Each undecided element depends on one undecided element (an attack's attacker; a target's
    undecided attack; an inference's undecided premise; a conclusion's undecided inference), so
    the dependencies form a functional graph, and its cycles are found in linear time.
    """
    depends = {element: _undecided_dependency(framework, labels, element)
               for element, label in labels.items() if label == UNDEC}
    cycle_of: dict[str, list[str]] = {}
    visited: set[str] = set()
    for start in depends:
        path: list[str] = []
        on_path: dict[str, int] = {}
        node: str | None = start
        while node is not None and node not in visited:
            visited.add(node)
            on_path[node] = len(path)
            path.append(node)
            node = depends.get(node)
        found = cycle_of.get(node) if node is not None and node not in on_path else None
        if node is not None and node in on_path:
            found = path[on_path[node]:][::-1]  # dependencies point backwards: attacker first
        for member in path:
            if found is not None:
                cycle_of[member] = found
    return cycle_of


def _undecided_dependency(framework: Framework, labels: Mapping[str, Label], element: str
                          ) -> str | None:
    if element in framework.attacks:
        return framework.attacks[element].attacker
    candidates = list(framework.attacks_on.get(element, ()))
    if element in framework.inferences:
        inference = framework.inferences[element]
        candidates += [*inference.premises, *framework.attacks_on.get(inference.conclusion, ())]
    else:
        candidates += framework.concluded_by.get(element, ())
    return next((c for c in candidates if labels.get(c) == UNDEC), None)


__all__ = ["IN", "OUT", "UNDEC", "Explainer"]
