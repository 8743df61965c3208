"""Estimative phrase with no likelihood.

An `author_judgment` or `hypothesis` whose text or anchoring quotes use an estimative *term*
("likely", "highly unlikely", "probably", "almost certainly", any phrase of the ICD 203 or PHIA
yardsticks) must record it as `likelihood: {band, phrase}`, with the band in the map's
vocabulary. The message names the band the phrase maps to. (Weaker hedges such as "may" or "it
seems" are `hedge-without-likelihood`, at info level.)

**Why:** "likely" means 55-80% to one reader and 90% to another. ICD 203 and the PHIA yardstick
exist so that words of likelihood carry agreed numbers; a map that leaves the word unbanded
keeps the ambiguity.

**Anti-pattern**

```yaml
  - id: militias-coordinated
    kind: author_judgment
    text: It is highly unlikely that the militias acted without coordination with Iran.
```

**Best practice**

```yaml
  - id: militias-coordinated
    kind: author_judgment
    text: The militias did not act without coordination with Iran.
    likelihood: {band: very_unlikely, phrase: highly unlikely}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.cues.estimative import TERM, band_for
from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding
from argmap.lint.rules._common import describe_place, unbanded_estimates

ID = "AM121"
NAME = "estimate-without-likelihood"
LEVEL = "warning"
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for proposition, found in unbanded_estimates(ctx, TERM):
        place, match = found[0]
        band = band_for(ctx.vocabulary, match.phrase)
        yield ctx.at(proposition.id, *place,
                     message=f"`{proposition.id}` is estimative "
                             f"({describe_place(proposition, place)} says \"{match.written}\") "
                             f"but has no likelihood: add `likelihood: {{band: {band.term}, "
                             f"phrase: {match.phrase.words}}}`")
