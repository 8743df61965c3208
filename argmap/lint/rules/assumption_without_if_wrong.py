"""Assumption with no `if_wrong`.

Every `assumption` must say in `if_wrong` what follows if it is wrong: which judgments fall, and
what the analyst would expect to see instead.

**Why:** a stated assumption is only useful when a reader can test it. Heuer's linchpin analysis
and ICD 203 both ask for the consequences of an assumption failing, not only its statement.

**Anti-pattern**

```yaml
  - id: militias-obey
    kind: assumption
    text: The militias do not act against Iran's wishes.
```

**Best practice**

```yaml
  - id: militias-obey
    kind: assumption
    text: The militias do not act against Iran's wishes.
    if_wrong: The attack may have been a rogue act; Qaani's visit would then be damage control.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding

ID = "AM113"
NAME = "assumption-without-if-wrong"
LEVEL = "warning"
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for proposition in ctx.model.propositions:
        if proposition.kind == "assumption" and proposition.if_wrong is None:
            yield ctx.at(proposition.id, "kind",
                         message=f"assumption `{proposition.id}` does not say what follows if "
                                 "it is wrong: add `if_wrong`")
