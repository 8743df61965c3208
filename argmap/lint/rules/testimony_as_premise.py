"""Attributed claim used as a premise of a judgment as if it were fact.

"The officials said A" supports A only through the officials' testimony. When an
`attributed_claim` is a premise of an inference that concludes an `author_judgment`, the
inference must treat it as testimony: its `scheme` must be one of the testimony schemes (option
`schemes`, default `position_to_know`, `witness_testimony`, `expert_opinion`), whose critical
questions (is the speaker honest? in a position to know? biased?) are then asked.

**Why:** in Inference Anchoring Theory, reporting "Bob said that A" commits the author only to
"Bob said A". Skipping the testimony step silently upgrades a claim to a fact.

**Anti-pattern**

```yaml
inferences:
  - id: inf-culprits
    premises: [officials-say-drones-match]     # an attributed_claim
    conclusion: militias-did-it                # an author_judgment
    scheme: sign
```

**Best practice**

```yaml
inferences:
  - id: inf-drones-match
    premises: [officials-say-drones-match]
    conclusion: drones-match                   # the content, now resting on testimony
    scheme: position_to_know
    critical_questions:
      - {question: Are the officials biased?, topic: bias, status: answered, answer: ...}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding

ID = "AM114"
NAME = "testimony-as-premise"
LEVEL = "warning"
OPTIONS = {"schemes": ("position_to_know", "witness_testimony", "expert_opinion")}


def check(ctx: RuleContext) -> Iterator[Finding]:
    schemes = ctx.words("schemes")
    for inference in ctx.model.inferences:
        conclusion = ctx.index.proposition(inference.conclusion)
        if conclusion is None or conclusion.kind != "author_judgment" \
                or inference.scheme in schemes:
            continue
        for number, premise_id in enumerate(inference.premises):
            premise = ctx.index.proposition(premise_id)
            if premise is not None and premise.kind == "attributed_claim":
                scheme = f"scheme `{inference.scheme}`" if inference.scheme else "no scheme"
                yield ctx.at(inference.id, "premises", number,
                             message=f"attributed claim `{premise_id}` supports judgment "
                                     f"`{conclusion.id}` as if it were fact ({scheme}): treat it "
                                     f"as testimony with scheme {' or '.join(schemes)}")
