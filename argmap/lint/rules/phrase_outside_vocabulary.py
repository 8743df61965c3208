"""Estimative phrase in a judgment's text that is not in the map's vocabulary.

The analyst's own words, the `text` of an `author_judgment` or `hypothesis`, should use only the
phrases of the map's `likelihood_vocabulary` (ICD 203 by default, or PHIA). A term from the
other yardstick, or a firm estimative word such as "probably", is reported with the nearest band
of the map's vocabulary. Hedges ("may", "could") are left to `hedge-without-likelihood`: they
have too many innocent uses to warn about. Quotes are not checked: a source's words are what
they are, and `likelihood.phrase` records them.

**Why:** ICD 203 asks for one set of terms used consistently. Mixing "highly likely" (PHIA,
80-90%) into an ICD 203 map, where the neighbouring term is "very likely" (80-95%), makes a
reader guess which scale is meant.

**Anti-pattern**

```yaml
map: {id: qaani, title: Qaani in Baghdad, format: 1, likelihood_vocabulary: icd203}
propositions:
  - id: iran-settlement
    kind: author_judgment
    text: Iran probably seeks a settlement before the results are final.
```

**Best practice**

```yaml
    text: Iran seeks a settlement before the results are final.
    likelihood: {band: likely, phrase: probably}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.cues.estimative import TERM, band_for, describe_band, find_phrases, in_vocabulary
from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding
from argmap.model.elements import ESTIMATIVE_KINDS

ID = "AM124"
NAME = "phrase-outside-vocabulary"
LEVEL = "warning"
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for proposition in ctx.model.propositions:
        if proposition.kind not in ESTIMATIVE_KINDS:
            continue
        reported: set[str] = set()
        for match in find_phrases(proposition.text):
            phrase = match.phrase
            if phrase.strength != TERM or phrase.words in reported \
                    or in_vocabulary(ctx.vocabulary, phrase) is not None:
                continue
            reported.add(phrase.words)
            band = band_for(ctx.vocabulary, phrase)
            yield ctx.at(proposition.id, "text",
                         message=f"\"{match.written}\" is not a phrase of the {ctx.vocabulary} "
                                 f"vocabulary; the nearest band is {describe_band(band)}: say "
                                 f"\"{band.phrases[0]}\" or move the estimate to `likelihood`")
