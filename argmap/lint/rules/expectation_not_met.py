"""Expected outcome not met: the map's evaluation gives an element another label than `expect` says.

A map's `expect:` block states which propositions, inferences and attacks must stand (`in`),
fall (`out`) or stay undecided (`undec`) under grounded evaluation (see `docs/evaluation.md`).
This rule evaluates the map and reports each expectation the evaluation disagrees with, with
the reason the element got its label instead. Expectations under preferred or stable semantics
(`j-x: {preferred: in}`) are checked by `argmap evaluate --semantics preferred|stable`, which
needs the solver; lint checks the grounded ones.

**Why:** an edit far away (a new attack, a premise reworded into an assumption, a dropped
inference) can flip a key judgment without anyone noticing. Expectations are the map's tests:
like Carneades' test cases, they make CI catch the flip.

**Anti-pattern**

```yaml
attacks:
  - {id: x-cover, attacker: j-cover, target: i-testimony, kind: undercut}
expect:
  h-no-sanction: in   # but the undercut removes its only support: it is out
```

**Best practice**: when the evaluation is right, correct the expectation and say why in a YAML
comment; when it is wrong, fix the map (answer the attack, add the missing support).
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analyse.evaluation import STANDING_WORDS
from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding

ID = "AM161"
NAME = "expectation-not-met"
LEVEL = "error"
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    expectations = ctx.model.expectations("grounded")
    if not expectations:
        return
    evaluation = ctx.shared.evaluation
    for element, _, expected in expectations:
        got = evaluation.labels.get(element)
        if got is None or got == expected:
            continue
        yield Finding(element, ("expect", element),
                      f"`{element}` is expected {expected} ({STANDING_WORDS[expected]}) but "
                      f"evaluates {got}: {evaluation.reasons[element]}", key=True)
