"""Element that nothing uses.

Reported, in the sections named by option `sections` (default all four):

* a `source` that no quote cites;
* an `actor` who speaks, relays or authors nothing;
* a `quote` that anchors no proposition and states no inference;
* a `proposition` that is no premise, conclusion, attacker, target, hypothesis or rated
  evidence item.

**Why:** an unused element is either left over (delete it) or a missing link (the analyst meant
to connect it and forgot). Both make the map say less than it seems to.

**Anti-pattern**

```yaml
quotes:
  - id: q-biden
    text: US President Joe Biden ordered his national security team to assist
    # ... and no proposition lists q-biden in `quotes`
```

**Best practice**: anchor a proposition in it, or delete it.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding

ID = "AM143"
NAME = "unused-element"
LEVEL = "warning"
OPTIONS = {"sections": ("sources", "actors", "quotes", "propositions")}


def check(ctx: RuleContext) -> Iterator[Finding]:
    sections = set(ctx.words("sections"))
    facts = ctx.evidence
    checks = (
        ("sources", ctx.model.sources, facts.quotes_of_source, "no quote cites source"),
        ("actors", ctx.model.actors, facts.used_actors, "no quote or source names actor"),
        ("quotes", ctx.model.quotes, facts.used_quotes,
         "no proposition or inference is anchored in quote"),
        ("propositions", ctx.model.propositions, facts.used_propositions,
         "nothing uses proposition"),
    )
    for section, elements, used, message in checks:
        if section not in sections:
            continue
        for element in elements:
            if element.id not in used:
                yield ctx.at(element.id, "id", message=f"{message} `{element.id}`")
