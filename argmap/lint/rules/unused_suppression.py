"""Suppression that silenced nothing, or that names no rule.

Each entry of an element's `suppress:` list must name a rule (by code or by name) that would
otherwise report that element. An entry that silenced nothing is reported so that stale reasons
do not pile up; an entry naming no rule is reported with the nearest rule name. Suppressions of
rules that are turned off in the configuration, or of quote rules on a quote whose source could
not be read, are not reported.

This rule judges the others' results, so it cannot itself be suppressed.

**Why:** a suppression is a claim ("this finding does not apply here, because ..."). When the map
changes and the finding goes away, the claim should go too, or it will hide the next real
finding.

**Anti-pattern**

```yaml
  - id: kadhimi-anger
    kind: author_judgment
    confidence: moderate
    suppress:
      - {rule: judgment-without-confidence, reason: pending review}   # it has one now
```

**Best practice**: delete the entry.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding, find_rule, rule_keys
from argmap.suggest import did_you_mean

ID = "AM190"
NAME = "unused-suppression"
LEVEL = "warning"
OPTIONS: dict[str, object] = {}
AFTER_SUPPRESSION = True


def check(ctx: RuleContext) -> Iterator[Finding]:
    for unused in ctx.shared.unused_suppressions:
        name = unused.suppression.rule
        place = ("suppress", unused.position, "rule")
        if unused.unknown_rule:
            hint = did_you_mean(name, rule_keys())
            message = f"`{name}` names no rule{hint}"
        else:
            rule = find_rule(name)
            label = rule.label if rule is not None else name
            message = f"suppression of {label} on `{unused.element}` silenced nothing: remove it"
        yield ctx.at(unused.element, *place, message=message)
