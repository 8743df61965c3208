"""Attack whose kind does not fit its target.

In argumentation terms a *rebut* attacks a conclusion, an *undermine* attacks a premise, and an
*undercut* attacks the inference itself (the loader already insists that undercuts target
inferences and the others propositions). This rule checks the rest:

* an `undermine` must target a proposition that is a premise of some inference;
* a `rebut` must not target a proposition that is only ever a premise (never concluded, and
  not evidence or a judgment standing on its own): attacking a premise is undermining it.

**Why:** the kind says what the attack would defeat. An "undermine" of something nothing rests
on defeats nothing; a mislabelled rebut makes the map's evaluation and its picture wrong.

**Anti-pattern**

```yaml
attacks:
  - {id: a1, attacker: sadr-won, target: iran-seeks-settlement, kind: undermine}
    # iran-seeks-settlement is a conclusion, premise of nothing
```

**Best practice**

```yaml
  - {id: a1, attacker: sadr-won, target: iran-seeks-settlement, kind: rebut}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding

ID = "AM142"
NAME = "attack-kind-mismatch"
LEVEL = "warning"
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    graph = ctx.graph
    for attack in ctx.model.attacks:
        if attack.target not in graph.propositions:
            continue
        is_premise = bool(graph.premise_of.get(attack.target))
        is_conclusion = bool(graph.supported_by.get(attack.target))
        if attack.kind == "undermine" and not is_premise:
            yield ctx.at(attack.id, "kind",
                         message=f"`{attack.target}` is no inference's premise, so attack "
                                 f"`{attack.id}` cannot undermine it: use `rebut`")
        elif attack.kind == "rebut" and is_premise and not is_conclusion:
            yield ctx.at(attack.id, "kind",
                         message=f"`{attack.target}` is only ever a premise, so attack "
                                 f"`{attack.id}` undermines it: use `undermine`")
