"""ACH hypothesis that no evidence row rates (other than NA).

In a question that has an `evidence` matrix, every hypothesis should be rated by at least one row
as something other than `NA`.

**Why:** ACH ranks hypotheses by inconsistency, least first. A hypothesis nothing was weighed
against scores 0 and heads the ranking, not because it survived the evidence but because it was
never tested: the ranking then says the opposite of what the analysis did.

**Anti-pattern**

```yaml
    hypotheses: [h-aah, h-kh, h-other]
    evidence:
      - {proposition: f-threat, ratings: {h-aah: C, h-kh: N, h-other: NA}}
      - {proposition: f-drones, ratings: {h-aah: C, h-kh: C, h-other: NA}}
```

**Best practice**: find evidence that bears on `h-other` and rate it, or drop the hypothesis
with a note saying why it was not pursued.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analyse.ach import analyse_question
from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding

ID = "AM153"
NAME = "ach-untested-hypothesis"
LEVEL = "warning"
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for question in ctx.model.questions:
        if not question.evidence:
            continue
        matrix = analyse_question(question, ctx.graph.propositions)
        for number, column in enumerate(matrix.columns):
            if not column.tested:
                yield ctx.at(question.id, "hypotheses", number,
                             message=f"no evidence in the matrix of `{question.id}` rates "
                                     f"`{column.hypothesis}` except as NA: its score of 0 means "
                                     "untested, yet it ranks first")
