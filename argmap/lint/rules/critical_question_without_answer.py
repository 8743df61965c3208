"""Critical question marked answered or failed, with no answer.

A critical question whose `status` is `answered` or `failed` must say what the answer is in
`answer`. Only `open` questions may go without one.

**Why:** a status is a claim about the argument ("the bias question was asked and settled"), and
other rules rely on it: `interested-party-unchallenged` accepts an answered bias question. An
answer nobody can read cannot be checked, so the status is only the analyst's word.

**Anti-pattern**

```yaml
    critical_questions:
      - {question: Is Qaani biased?, topic: bias, status: answered}
```

**Best practice**

```yaml
    critical_questions:
      - question: Is Qaani biased?
        topic: bias
        status: answered
        answer: Yes; he speaks for Iran, whose role is in question, so the claim is weighed low.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding

ID = "AM116"
NAME = "critical-question-without-answer"
LEVEL = "warning"
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for inference in ctx.model.inferences:
        for number, question in enumerate(inference.critical_questions):
            if question.status != "open" and question.answer is None:
                yield ctx.at(inference.id, "critical_questions", number, "status",
                             message=f"critical question {number + 1} of `{inference.id}` is "
                                     f"{question.status} but has no `answer`: say what it is")
