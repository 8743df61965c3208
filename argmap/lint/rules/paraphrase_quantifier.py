"""Proposition whose quantifier is stronger than its quotes'.

"Some facilities" becomes "all facilities", "several" becomes "most". Quantifiers are read in
four ranks (a few / some / several < many < most < all / every / always / none). The rule
reports a proposition whose strongest quantifier is "most" or "all" when no quote's sentence
quantifies as strongly: a "most" where the quotes say "some" or "many", an "all" where they
say less or nothing. Weakening ("all" to "some") is not reported: it claims less.

**Why:** a widened quantifier turns a report about part of something into a claim about the
whole, and the judgments built on it inherit a reach the evidence never had.

**Anti-pattern**

```yaml
  - id: q-closed
    text: some facilities were closed for inspection
  ...
  - id: facilities-closed
    kind: reported_fact
    text: All facilities were closed for inspection.
    quotes: [q-closed]
```

**Best practice**

```yaml
  - id: facilities-closed
    kind: reported_fact
    text: Some facilities were closed for inspection.
    quotes: [q-closed]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.cues.fidelity import quantifiers
from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding
from argmap.lint.rules._paraphrase import checked_propositions, quoted, shown

ID = "AM183"
NAME = "paraphrase-quantifier"
LEVEL = "warning"
OPTIONS: dict[str, object] = {}
# From "most" up: widening to "many" is too often a fair summary of a list.
REPORTED_FROM = 3


def check(ctx: RuleContext) -> Iterator[Finding]:
    for proposition, anchors in checked_propositions(ctx):
        own = quantifiers(proposition.text)
        if not own:
            continue
        strongest = max(own, key=lambda quantifier: quantifier.rank)
        said = [found for anchor in anchors
                for found in quantifiers(anchor.sentence_text + " " + anchor.quote.text)]
        if strongest.rank < REPORTED_FROM or any(q.rank >= strongest.rank for q in said):
            continue
        theirs = (f"its quotes say at most \"{max(said, key=lambda q: q.rank).written}\""
                  if said else "its quotes' sentences have no quantifier")
        texts = quoted(anchors)
        yield ctx.at(proposition.id, "text", message=(
            f"proposition `{proposition.id}` says \"{strongest.written}\" where {theirs} "
            f"(proposition: \"{shown(proposition.text)}\"; {texts}): claim no more than the "
            "quotes do"))
