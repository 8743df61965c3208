"""Credibility 1 ("confirmed") with fewer than two independent reports.

Credibility 1 means "confirmed by other sources". The proposition's anchoring quotes (and those
of anything supporting it) must include at least `min-reports` (default 2) independent reports.
Reports are counted, not quotes: two quotes are independent only when they differ in source
document *and* in speaker, so the count is the smaller of the distinct sources and the distinct
speakers. One article quoting two officials is one report; two outlets repeating one official is
one report too.

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

from collections.abc import Iterator

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
        sources = ", ".join(f"`{name}`" for name in sorted(reports.sources)) or "none"
        speakers = ", ".join(f"`{name}`" for name in sorted(reports.speakers)) or "none"
        yield ctx.at(proposition.id, "credibility",
                     message=f"credibility 1 (confirmed) needs {needed} independent reports; "
                             f"`{proposition.id}` has {reports.independent} (sources: "
                             f"{sources}; speakers: {speakers})")
