"""Judgment held likely, or with high confidence, that the map's own evaluation does not let
stand.

`argmap evaluate` labels every proposition `in` (stands), `out` (falls) or `undec` (undecided)
from the map's support and attacks (grounded semantics; docs/evaluation.md). A judgment or
hypothesis whose likelihood is `likely` or stronger (option `min-band`, the lower bound of the
band as a probability, default 0.55), or whose confidence is `high`, but which the evaluation
labels `out` or `undec`, says one thing in its grade and another in its structure: its support
runs through a step that is undercut, or a premise that is rebutted or undermined, and nothing
answers the attack. The finding gives the evaluation's reason.

A judgment expected to fall (`expect: {id: out}`), or resting on something the map expects to
fall as it does, is the analyst saying so, and is not reported.

**Why:** the grade is what a reader takes away; if the map's own attacks defeat the judgment, the
grade overstates it, or an attack the analyst believes answered was never answered in the map.

**Anti-pattern**

```yaml
propositions:
  - {id: j-planned, kind: author_judgment, text: The attack was planned.,
     likelihood: {band: very_likely}, confidence: high}
attacks:
  - {id: x-no-recon, attacker: f-no-recon, target: i-planned, kind: undercut}
```

**Best practice**: lower the band and confidence to what survives the attack, or record what
answers the attack (an attack on `f-no-recon`, or a critical question answered).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from argmap.analyse.evaluation import STANDING_WORDS
from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding
from argmap.model import Proposition
from argmap.model.elements import ESTIMATIVE_KINDS
from argmap.model.vocabulary import band_of

ID = "AM175"
NAME = "strong-judgment-falls"
LEVEL = "warning"
OPTIONS = {"min-band": 0.55}


def check(ctx: RuleContext) -> Iterator[Finding]:
    strong = [proposition for proposition in ctx.model.propositions
              if proposition.kind in ESTIMATIVE_KINDS and _grade(ctx, proposition)]
    if not strong:
        return
    evaluation = ctx.shared.evaluation
    recorded = _falls_recorded(ctx, evaluation.labels)
    for proposition in strong:
        label = evaluation.labels.get(proposition.id)
        if label in (None, "in") or proposition.id in recorded:
            continue
        grade = _grade(ctx, proposition)
        place = ("likelihood", "band") if grade.startswith("`") else ("confidence",)
        yield ctx.at(proposition.id, *place,
                     message=f"`{proposition.id}` is held {grade}, but the map's evaluation "
                             f"labels it {label} ({STANDING_WORDS[label]}): "
                             f"{evaluation.reasons[proposition.id]}; lower the grade or record "
                             "what answers the attack")


def _falls_recorded(ctx: RuleContext, labels: Mapping[str, str]) -> set[str]:
    """The elements whose fall the analyst expects (grounded, as evaluated), and everything that
    rests on them: one walk up the support, from all of them at once."""
    pending = [element for element, _, label in ctx.model.expectations("grounded")
               if label != "in" and labels.get(element) == label]
    seen: set[str] = set()
    while pending:
        element = pending.pop()
        if element in seen:
            continue
        seen.add(element)
        step = ctx.graph.inferences.get(element)
        if step is not None:
            pending.append(step.conclusion)
        pending.extend(inference.id for inference in ctx.graph.premise_of.get(element, ()))
    return seen


def _grade(ctx: RuleContext, proposition: Proposition) -> str:
    """``"`very_likely`"`` or ``"with high confidence"`` when held strong, else ``""``."""
    likelihood = proposition.likelihood
    band = band_of(ctx.vocabulary, likelihood.band) if likelihood is not None else None
    if band is not None and band.low >= ctx.number("min-band"):
        return f"`{band.term}`"
    return "with high confidence" if proposition.confidence == "high" else ""
