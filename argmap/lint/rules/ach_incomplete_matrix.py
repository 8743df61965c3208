"""ACH evidence row that leaves some of the question's hypotheses unrated.

Each row of a question's `evidence` matrix must rate the item against every hypothesis of the
question; where the item does not bear on a hypothesis, say so with `NA`.

**Why:** Heuer's score counts inconsistencies. A cell left empty counts as nothing, exactly like a
consistent rating, so a hypothesis the analyst forgot to rate looks as if it had survived the
item. Writing `NA` records the judgment that the item does not apply; a gap records nothing.

**Anti-pattern**

```yaml
questions:
  - id: who-did-it
    hypotheses: [h-aah, h-kh, h-other]
    evidence:
      - {proposition: f-drones, ratings: {h-aah: C, h-kh: C}}    # h-other?
```

**Best practice**

```yaml
      - {proposition: f-drones, ratings: {h-aah: C, h-kh: C, h-other: II}}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analyse.ach import missing_hypotheses, rated_rows
from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding

ID = "AM151"
NAME = "ach-incomplete-matrix"
LEVEL = "warning"
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for question, row, rating in rated_rows(ctx.model):
        missing = missing_hypotheses(question, rating)
        if missing:
            names = ", ".join(f"`{hypothesis}`" for hypothesis in missing)
            yield ctx.at(question.id, "evidence", row, "ratings",
                         message=f"`{rating.proposition}` in the matrix of `{question.id}` does "
                                 f"not rate {names}: rate every hypothesis (NA where the item "
                                 "does not bear on it)")
