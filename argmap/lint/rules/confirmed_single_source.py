"""Credibility 1 ("confirmed") with fewer than two independent reports.

Credibility 1 means "confirmed by other sources". The proposition's anchoring quotes (and those
of anything supporting it) must include at least `min-reports` (default 2) independent reports.
Reports are counted, not quotes: two quotes are independent only when they differ in source
document, in speaker and in relay (the `via` actor, if any), so the count is the smallest of the
distinct sources, speakers and relays. One article quoting two officials is one report; two
outlets repeating one official is one report too; so are two officials heard through one
spokesman.

**Why:** circular reporting (one claim echoed through several outlets) is the standard way a
single report comes to look confirmed.

**Anti-pattern**

```yaml
  - id: drones-match
    kind: attributed_claim
    quotes: [q-officials-drones, q-officials-drones-again]   # both from one article
    credibility: 1
```

**Best practice**

```yaml
    credibility: 2          # or add a quote from an independent source and speaker
```
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from argmap.analyse.evidence import Reports
from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding

ID = "AM132"
NAME = "confirmed-single-source"
LEVEL = "error"
OPTIONS = {"min-reports": 2}


def check(ctx: RuleContext) -> Iterator[Finding]:
    needed = int(ctx.number("min-reports"))
    for proposition in ctx.model.propositions:
        if proposition.credibility != 1:
            continue
        reports = ctx.evidence.support_reports(proposition.id, cap=needed)
        if reports.independent >= needed:
            continue
        yield ctx.at(proposition.id, "credibility",
                     message=f"credibility 1 (confirmed) needs {needed} independent reports; "
                             f"`{proposition.id}` has {reports.independent} "
                             f"({_describe(reports)})")


def _describe(reports: Reports) -> str:
    parts = [f"sources: {_names(reports.sources)}", f"speakers: {_names(reports.speakers)}"]
    if len(reports.relays) < min(len(reports.sources), len(reports.speakers)):
        parts.append(f"all relayed by {_names(r.split(' ', 1)[1] for r in reports.relays)}")
    return "; ".join(parts)


def _names(names: Iterable[str]) -> str:
    return ", ".join(f"`{name}`" for name in sorted(names)) or "none"
