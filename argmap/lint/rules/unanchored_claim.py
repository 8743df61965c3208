"""Reported fact or attributed claim with no anchoring quote.

A `reported_fact` (the source reports it happened) or `attributed_claim` (someone says it) is
evidence only through the quotes that show the source saying it. It needs at least one quote in
`quotes`.

**Why:** a "fact" with no quote is an assertion by the analyst dressed as evidence, and it lends
the appearance of evidence to everything inferred from it.

**Anti-pattern**

```yaml
propositions:
  - id: drones-match
    kind: reported_fact
    text: The drones used against al-Kadhimi matched those used against US bases.
```

**Best practice**

```yaml
propositions:
  - id: drones-match
    kind: attributed_claim
    text: Iraqi security officials said the drones matched those used against US bases.
    quotes: [q-drones]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding
from argmap.model.elements import GRADED_KINDS

ID = "AM111"
NAME = "unanchored-claim"
LEVEL = "error"
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for proposition in ctx.model.propositions:
        if proposition.kind in GRADED_KINDS and not proposition.quotes:
            kind = proposition.kind.replace("_", " ")
            yield ctx.at(proposition.id, "kind",
                         message=f"{kind} `{proposition.id}` has no anchoring quote: add the "
                                 "quote that reports it to `quotes`")
