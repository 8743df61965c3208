"""High confidence resting on a single report, on an assumption, or on nothing.

A judgment with `confidence: high` must rest on evidence (some line of its support reaches only
evidence: it neither hinges on a weak link, an unsupported assertion or assumption every line
passes through, nor rests on assertion alone) and on at least `min-reports` (default 2)
independent reports (distinct sources, speakers and relays, as in `confirmed-single-source`)
gathered along its support.

**Why:** high confidence means "well corroborated from proven sources, minimal assumptions" (JP
2-0). A judgment hanging on one article, or on an assumption, can be likely, but not held with
high confidence.

**Anti-pattern**

```yaml
  - id: iran-ordered-visit
    kind: author_judgment
    confidence: high       # its only support is one article's author
```

**Best practice**

```yaml
    confidence: moderate   # or add independent corroboration
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analyse import Basis
from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding

ID = "AM133"
NAME = "high-confidence-thin-basis"
LEVEL = "warning"
OPTIONS = {"min-reports": 2}


def check(ctx: RuleContext) -> Iterator[Finding]:
    needed = int(ctx.number("min-reports"))
    for proposition in ctx.model.propositions:
        if proposition.confidence != "high":
            continue
        basis = ctx.graph.basis.get(proposition.id, Basis.ASSERTION)
        if basis == Basis.HINGES:
            reason = "hinges on " + ", ".join(
                f"`{link}`" for link in ctx.graph.bases.weak_links(proposition.id))
        elif basis == Basis.ASSERTION:
            reason = "rests on no evidence"
        else:
            count = ctx.evidence.support_reports(proposition.id, cap=needed).independent
            if count >= needed:
                continue
            reason = f"rests on {count} independent report{'s' if count != 1 else ''}"
        yield ctx.at(proposition.id, "confidence",
                     message=f"`{proposition.id}` has high confidence but {reason}; lower the "
                             "confidence or add independent evidence")
