"""Likelihood band from a yardstick the map does not use.

A map that names no `likelihood_vocabulary` is read with the project's configured one
(`likelihood-vocabulary` in `.argmap.yaml` or `[tool.argmap]`, else ICD 203). Validation accepts
either yardstick's band in such a map, because it cannot know the configuration; this rule checks
each band against the vocabulary in force and names the nearest band of it.

**Why:** ICD 203 and the PHIA yardstick cut the scale differently: PHIA's `highly_unlikely` is
10-20%, and ICD 203 has no band of that name. Mixing them in one project makes the same word mean
two ranges.

**Anti-pattern** (with `likelihood-vocabulary: icd203` configured)

```yaml
map: {id: qaani, title: Qaani in Baghdad, format: 1}
propositions:
  - id: militias-alone
    kind: author_judgment
    likelihood: {band: highly_unlikely}
```

**Best practice**: use the band of the vocabulary in force (`very_unlikely`), or name the
vocabulary the map uses (`likelihood_vocabulary: phia`).
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.cues.estimative import band_midpoint, describe_band, nearest_band
from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding
from argmap.model.vocabulary import band_of, find_band

ID = "AM127"
NAME = "band-outside-vocabulary"
LEVEL = "error"
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for proposition in ctx.model.propositions:
        likelihood = proposition.likelihood
        if likelihood is None or find_band(ctx.vocabulary, likelihood.band) is not None:
            continue
        band = band_of(ctx.vocabulary, likelihood.band)
        hint = ""
        if band is not None:
            nearest = nearest_band(ctx.vocabulary, band_midpoint(band))
            hint = f"; the nearest is {describe_band(nearest)}"
        yield ctx.at(proposition.id, "likelihood", "band",
                     message=f"band `{likelihood.band}` is not in the {ctx.vocabulary} vocabulary "
                             f"in force{hint}")
