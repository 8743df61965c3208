"""ACH evidence row rated alike against every hypothesis: it cannot tell them apart.

A row of a question's `evidence` matrix is *diagnostic* when its ratings differ from one
hypothesis to another. A complete row whose ratings (leaving out `NA`) are all the same, say `C`
for every hypothesis, has no diagnostic value.

**Why:** Heuer's central lesson: evidence consistent with every hypothesis feels like support but
cannot help choose between them, and a matrix full of it hides how little the choice rests on.
Heuer's step 4 is to set such items aside. This is information, not a fault: keeping the row
shows the item was considered, but ask what evidence would discriminate.

**Anti-pattern**

```yaml
    evidence:
      - {proposition: f-accused, ratings: {h-aah: C, h-kh: C, h-other: C}}
```

**Best practice**: rate items that discriminate; keep a non-diagnostic one only on purpose, and
say so on the question (a row has no `suppress:` of its own).

```yaml
  - id: who-did-it
    suppress:
      - {rule: ach-non-diagnostic-evidence, reason: f-accused is kept to show it was weighed.}
    evidence:
      - {proposition: f-khazali-threat, ratings: {h-aah: C, h-kh: N, h-other: I}}
      - {proposition: f-accused, ratings: {h-aah: C, h-kh: C, h-other: C}}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analyse.ach import applicable, cells, missing_hypotheses, rated_rows, spread
from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding

ID = "AM152"
NAME = "ach-non-diagnostic-evidence"
LEVEL = "info"
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for question, row, rating in rated_rows(ctx.model):
        # An incomplete row is ach-incomplete-matrix's: its missing cell may yet differ.
        row_cells = cells(question, rating)
        if spread(row_cells) == 0 and not missing_hypotheses(question, rating):
            yield ctx.at(question.id, "evidence", row, "ratings",
                         message=f"`{rating.proposition}` is rated {applicable(row_cells)[0]} "
                                 f"against every hypothesis of `{question.id}` it applies to: it "
                                 "cannot tell them apart")
