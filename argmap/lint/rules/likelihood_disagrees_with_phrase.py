"""Likelihood band that disagrees with the estimative phrase.

A proposition's `likelihood.band` must be the band its estimative words mean in the map's
vocabulary (ICD 203's seven bands or the PHIA yardstick). The words are, first found: the
likelihood's own `phrase`; else estimative terms in the proposition's text; else estimative
terms in its anchoring quotes. A phrase that belongs to the map's vocabulary means its own band;
any other phrase (the other yardstick's, or words such as "probably") means the band whose
midpoint is nearest to the phrase's probability (e.g. PHIA "highly unlikely", 10-20%, is ICD 203
`very_unlikely`). Hedges ("may", "could") are not compared: they do not name a probability.

**Why:** a band that contradicts the source's words misreports the source. "Highly unlikely"
recorded as `likely` inverts the judgment.

**Anti-pattern**

```yaml
  - id: militias-coordinated
    kind: author_judgment
    text: The militias acted without coordination with Iran.
    quotes: [q-highly-unlikely]
    likelihood: {band: likely}
```

**Best practice**

```yaml
    likelihood: {band: very_unlikely, phrase: highly unlikely}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.cues.estimative import TERM, Phrase, band_for, describe_band, phrase_of_likelihood
from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding
from argmap.lint.rules._common import estimative_phrases
from argmap.model import Proposition
from argmap.model.vocabulary import find_band

ID = "AM123"
NAME = "likelihood-disagrees-with-phrase"
LEVEL = "error"
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for proposition in ctx.model.propositions:
        likelihood = proposition.likelihood
        if likelihood is None or find_band(ctx.vocabulary, likelihood.band) is None:
            continue
        phrases = _phrases(ctx, proposition)
        meant = {phrase.words: band_for(ctx.vocabulary, phrase) for phrase in phrases}
        if not meant or any(band.term == likelihood.band for band in meant.values()):
            continue
        words, band = next(iter(meant.items()))
        yield ctx.at(proposition.id, "likelihood", "band",
                     message=f"band `{likelihood.band}` disagrees with \"{words}\", which is "
                             f"{describe_band(band)} in the {ctx.vocabulary} vocabulary")


def _phrases(ctx: RuleContext, proposition: Proposition) -> list[Phrase]:
    likelihood = proposition.likelihood
    if likelihood is not None and likelihood.phrase:
        own = phrase_of_likelihood(likelihood.phrase)
        if own is not None and own.strength == TERM:
            return [own]
    found = [(place, match.phrase) for place, match in estimative_phrases(ctx, proposition)
             if match.phrase.strength == TERM]
    in_text = [phrase for place, phrase in found if place == ("text",)]
    return in_text or [phrase for _, phrase in found]
