"""Critical question left open with no reason recorded.

An `open` critical question is a legitimate state: many articles never say whether a witness was
in a position to know, and marking such a question `answered` would invent certainty. So lint
does not push to close it; it asks, at info level, for the reason it stays open, in `why_open`.
An open question with a reason is a recorded gap (not reported again); one without is unfinished
work. `interested-party-unchallenged` and `testimony-as-premise` accept an open question that
says why it is open.

**Why:** a reader weighing the map needs to see which questions the text leaves unanswered, and
why; an analyst needs the list of what is still to do.

**Anti-pattern**

```yaml
    critical_questions:
      - {question: Is the ministry biased?, topic: bias, status: answered, answer: Probably not.}
      # the article never addresses it: "answered" is invented
```

**Best practice**

```yaml
    critical_questions:
      - question: Is the ministry biased?
        topic: bias
        status: open
        why_open: The article quotes no one outside the ministry.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding

ID = "AM117"
NAME = "critical-question-open"
LEVEL = "info"
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for inference in ctx.model.inferences:
        for number, question in enumerate(inference.critical_questions):
            if question.status != "open":
                continue
            if question.why_open is None:
                yield ctx.at(inference.id, "critical_questions", number,
                             message=f"critical question {number + 1} of `{inference.id}` "
                                     f"(\"{question.question}\") is open: answer it if the text "
                                     "does, or say in `why_open` why it stays open")
