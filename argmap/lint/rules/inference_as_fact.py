"""Reported fact that is really an inference: concluded by a step, or said in inferential words.

A `reported_fact` is what the source reports as having happened. Two things show that a
"fact" is a conclusion instead:

* an **inference concludes it**: the map itself derives it from premises, so it is the author's
  (or the analyst's) judgment, and needs the likelihood and confidence a judgment has;
* it is anchored **only in the author's own voice**, and the quote's words are **inferential**
  ("suggests", "indicates", "points to", "must have", "which means": the list of
  `argmap/cues/reasoning.py`): the author draws it from something else. The finding quotes the
  source's words. Only the quote's clause that shares the most words with the fact counts, so
  "The drones came from the east, which suggests a launch from Iraq" still reports where the
  drones came from.

**Why:** a judgment recorded as fact escapes every check a judgment gets (likelihood,
confidence, support), and everything inferred from it looks better founded than it is.

**Anti-pattern** (source: "The timing suggests the visit was planned before the attack.")

```yaml
  - id: f-planned
    kind: reported_fact
    text: The visit was planned before the attack.
    quotes: [q-timing]
```

**Best practice**

```yaml
  - id: j-planned
    kind: author_judgment
    text: The visit was planned before the attack.
    quotes: [q-timing]
    likelihood: {band: likely, phrase: suggests}
    confidence: low
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.cues.reasoning import find_inferential
from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding
from argmap.lint.rules._common import anchoring_quotes, clauses_of, closest_clause
from argmap.lint.rules._passages import anchored_passages, cue_in_sentence, in_source
from argmap.model import Proposition

ID = "AM176"
NAME = "inference-as-fact"
LEVEL = "warning"
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for proposition in ctx.model.propositions:
        if proposition.kind != "reported_fact":
            continue
        concluding = ctx.graph.supported_by.get(proposition.id, ())
        if concluding:
            yield ctx.at(proposition.id, "kind",
                         message=f"reported fact `{proposition.id}` is concluded by inference "
                                 f"`{concluding[0].id}`: what the map derives is a judgment "
                                 "(`author_judgment` with likelihood and confidence), not a "
                                 "report")
            continue
        finding = _inferential_words(ctx, proposition)
        if finding is not None:
            yield finding


def _inferential_words(ctx: RuleContext, proposition: Proposition) -> Finding | None:
    quotes = [quote for _, quote in anchoring_quotes(ctx, proposition)]
    if not quotes or any(quote.mode != "author" for quote in quotes):
        return None
    for _, quote, passage in anchored_passages(ctx, proposition):
        clause = closest_clause(quote.text, proposition.text)
        clauses = clauses_of(quote.text)
        for cue in find_inferential(quote.text):
            in_clause = clause is None or clauses[clause][0] <= cue.start < clauses[clause][1]
            if in_clause and cue.words.split()[0] not in proposition.text.lower().split():
                shifted = in_source(passage, cue)
                return ctx.at(proposition.id, "kind",
                              message=f"reported fact `{proposition.id}` is the author's "
                                      f"inference ({cue_in_sentence(passage, shifted)}): record "
                                      "it as an `author_judgment` from what it is inferred from")
    return None
