"""Judgment with no confidence.

Every `author_judgment` needs `confidence: low | moderate | high`: how well the evidence and
reasoning under it hold up, which is separate from how likely the judgment is.

**Why:** likelihood and confidence answer different questions (ICD 203; JP 2-0). "Likely, with
low confidence" and "likely, with high confidence" call for different decisions; without a
confidence the reader cannot tell which was meant.

Option `hypotheses` (default false): also require a confidence on every `hypothesis`.

**Anti-pattern**

```yaml
  - id: visit-leverage
    kind: author_judgment
    text: Qaani's visit aimed to use the attack as leverage against al-Sadr and al-Kadhimi.
```

**Best practice**

```yaml
  - id: visit-leverage
    kind: author_judgment
    text: Qaani's visit aimed to use the attack as leverage against al-Sadr and al-Kadhimi.
    confidence: low        # one source, no corroboration
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding

ID = "AM125"
NAME = "judgment-without-confidence"
LEVEL = "warning"
OPTIONS = {"hypotheses": False}


def check(ctx: RuleContext) -> Iterator[Finding]:
    kinds = {"author_judgment", "hypothesis"} if ctx.flag("hypotheses") else {"author_judgment"}
    for proposition in ctx.model.propositions:
        if proposition.kind in kinds and proposition.confidence is None:
            yield ctx.at(proposition.id, "kind",
                         message=f"judgment `{proposition.id}` has no confidence: add "
                                 "`confidence: low`, `moderate` or `high`")
