"""Hedge with no likelihood.

An `author_judgment` or `hypothesis` whose text or anchoring quotes hedge but that has no
`likelihood`, and no firmer estimative term (that is `estimate-without-likelihood`). Three kinds
of hedge are recognised, and the message differs:

* modal hedges name **no** probability: "may", "might", "could", "perhaps", "possibly", "maybe",
  "conceivably", "it is possible". No band is suggested (neither ICD 203 nor the PHIA yardstick
  gives them one; Kent found readers spread "may" over most of the scale): decide which band the
  author means;
* leaning hedges name a direction: "it seems", "apparently", "appears to" (read as `likely`),
  "most likely", "plausible", "perfectly plausible" (an even chance), "hardly" (a denial, read
  as `very_unlikely`): the nearest band of the map's vocabulary is named as a starting point;
* certainty markers ("clearly", "it is clear", "obviously", "undoubtedly", "no doubt"): Kent's
  "certain", so the nearest band is `almost_certain`; a judgment the author marks as certain
  should say so in its likelihood, or lose the marker.

In an anchoring quote, a hedge is charged to the judgment only when it governs the clause the
judgment comes from: the quote is cut into clauses (at `,` `;` `:` and at "which means", "but",
"because", "while", ...), and the hedge counts when its clause shares the most words with the
judgment's text. "Officials may be wrong, but the fund is too small" does not make "The fund is
too small" a hedged judgment.

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

from argmap.cues.estimative import HEDGE, describe_band, hedge_band
from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding
from argmap.lint.rules._common import describe_place, unbanded_estimates

ID = "AM122"
NAME = "hedge-without-likelihood"
LEVEL = "info"
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for proposition, found in unbanded_estimates(ctx, HEDGE):
        place, match = found[0]
        says = f"{describe_place(proposition, place)} says \"{match.written}\""
        band = hedge_band(ctx.vocabulary, match.phrase)
        if band is None:
            advice = (f"\"{match.written}\" names no probability, so decide which band of "
                      f"{ctx.vocabulary} the author means")
        else:
            advice = f"the nearest band is {describe_band(band)}"
        verb = "marks it certain" if (match.phrase.probability or 0) >= 0.9 else "hedges"
        yield ctx.at(proposition.id, *place,
                     message=f"`{proposition.id}` {verb} ({says}) but has no likelihood; {advice}")
