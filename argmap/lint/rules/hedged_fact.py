"""Reported fact whose own text hedges.

A `reported_fact` is something the source reports as having happened. When the proposition's own
`text` hedges or estimates ("appears to", "seems", "apparently", "reportedly", "may", "likely"),
the map records as fact what it itself says is uncertain. `estimate-as-fact` (AM126) looks at
the anchoring quotes; this rule looks at the text the analyst wrote.

**Why:** a hedge in a fact is the analyst's doubt, stated and then ignored: everything inferred
from the "fact" inherits a certainty the map itself does not claim.

**Anti-pattern**

```yaml
  - id: talks-stalled
    kind: reported_fact
    text: The talks appear to have stalled.
```

**Best practice**

```yaml
  - id: talks-stalled
    kind: author_judgment
    text: The talks have stalled.
    likelihood: {band: likely, phrase: appear to}
    confidence: low
```
(or drop the hedge if the source reports the stall as fact, or `attributed_claim` if someone
else says it). A hedge inside reported content governs that content, not the fact: "There are
concerns that the exclusion could end in civil war" reports concerns, so a hedge after
"concerns that", "fears that", "warned that", "said that" (and the like) is not reported.
Option `words`: more hedges to look for, beyond the estimative vocabulary.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from argmap.cues.estimative import find_phrases, fold, word_pattern
from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding

ID = "AM128"
NAME = "hedged-fact"
LEVEL = "warning"
OPTIONS = {"words": ("reportedly", "allegedly", "supposedly", "purportedly", "appear to",
                     "appeared to")}


def check(ctx: RuleContext) -> Iterator[Finding]:
    words = ctx.words("words")
    extra = word_pattern(words) if words else None
    for proposition in ctx.model.propositions:
        if proposition.kind != "reported_fact":
            continue
        text = proposition.text
        folded = fold(text)
        found = [match.written for match in find_phrases(text)
                 if not _reported_content(folded, match.start)]
        found += [text[match.start():match.end()] for match in extra.finditer(folded)
                  if not _reported_content(folded, match.start())] if extra else []
        if found:
            yield ctx.at(proposition.id, "text",
                         message=f"reported fact `{proposition.id}` hedges in its own text "
                                 f"(\"{found[0]}\"): a fact the map doubts is a judgment (with "
                                 "a likelihood) or someone's claim; or drop the hedge")


# "concerns that", "the minister warned on Monday that": what follows is someone's content.
# Lower case, matched in folded text (see estimative.word_pattern).
_REPORTED_THAT = re.compile(
    r"\b(?:concerns?|fears?|worries|worried|warn(?:s|ed|ings?)?|said|says|claims?|claimed|"
    r"believes?|believed|suggests?|suggested|reports?|reported|expects?|expected|hopes?|"
    r"argues|argued|denied|denies|insisted|predicted|speculation|rumou?rs?)\b[^.;]{0,40}?\bthat\b")


def _reported_content(folded: str, start: int) -> bool:
    return _REPORTED_THAT.search(folded, 0, start) is not None
