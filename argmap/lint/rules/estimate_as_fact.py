"""Reported fact anchored in an estimate.

A `reported_fact` whose anchoring quotes use an estimative term ("likely", "highly unlikely",
"probably", any yardstick phrase) is not a fact the source reports but a judgment it makes.
Map it as an `author_judgment` (the author's estimate, with `likelihood`) or an
`attributed_claim` (someone else's), not as a fact. Hedges ("may", "could") are not enough to
report: a reported event often comes with one ("the drones could fly 50 km").

**Why:** facts are what judgments rest on. An estimate recorded as a fact passes its uncertainty
on unseen: everything inferred from it looks better grounded than it is, and the likelihood the
source gave is lost.

**Anti-pattern**

```yaml
  - id: militias-coordinated
    kind: reported_fact
    text: Pro-Iran militias coordinate their attacks with Iran.
    quotes: [q-highly-unlikely]    # "It is highly unlikely that pro-Iran militias want to ..."
```

**Best practice**

```yaml
  - id: militias-coordinated
    kind: author_judgment
    text: Pro-Iran militias would act against al-Kadhimi without coordinating with Iran.
    quotes: [q-highly-unlikely]
    likelihood: {band: very_unlikely, phrase: highly unlikely}
    confidence: low
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.cues.estimative import TERM, find_phrases
from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding
from argmap.lint.rules._common import anchoring_quotes

ID = "AM126"
NAME = "estimate-as-fact"
LEVEL = "warning"
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for proposition in ctx.model.propositions:
        if proposition.kind != "reported_fact":
            continue
        for number, quote in anchoring_quotes(ctx, proposition):
            terms = [m for m in find_phrases(quote.text) if m.phrase.strength == TERM]
            if terms:
                yield ctx.at(proposition.id, "quotes", number,
                             message=f"reported fact `{proposition.id}` rests on an estimate "
                                     f"(quote `{quote.id}` says \"{terms[0].written}\"): map it "
                                     "as a judgment with a likelihood, or as a claim")
                break
