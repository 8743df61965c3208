"""Hedge with no likelihood.

An `author_judgment` or `hypothesis` whose text or anchoring quotes hedge ("may", "might",
"could", "perhaps", "possibly", "it seems", "apparently", "most likely") but that has no
`likelihood`, and no firmer estimative term (that is `estimate-without-likelihood`). The message
names the nearest band of the map's vocabulary as a starting point.

This rule is at info level because hedges have innocent uses: "could" is also the past of
"can", "may" can be permission, and a quote may hedge in reported speech that the judgment does
not adopt. A capitalised "May" inside a sentence is taken as the month and ignored.

**Why:** a hedge says "uncertain" without saying how uncertain. Deciding on a band makes the
analyst commit to a number a reader can dispute.

**Anti-pattern**

```yaml
  - id: iran-concerned
    kind: author_judgment
    text: It seems that Iran is concerned the militias will be condemned.
```

**Best practice**

```yaml
  - id: iran-concerned
    kind: author_judgment
    text: Iran is concerned the militias will be condemned.
    likelihood: {band: likely, phrase: it seems}
    confidence: low
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.lint.context import RuleContext
from argmap.lint.estimative import HEDGE, band_for, describe_band
from argmap.lint.rule import Finding
from argmap.lint.rules._common import describe_place, unbanded_estimates

ID = "AM122"
NAME = "hedge-without-likelihood"
LEVEL = "info"
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for proposition, found in unbanded_estimates(ctx, HEDGE):
        place, match = found[0]
        band = band_for(ctx.vocabulary, match.phrase)
        yield ctx.at(proposition.id, *place,
                     message=f"`{proposition.id}` hedges ({describe_place(proposition, place)} "
                             f"says \"{match.written}\") but has no likelihood; the nearest band "
                             f"is {describe_band(band)}")
