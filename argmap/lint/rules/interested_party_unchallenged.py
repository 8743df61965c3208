"""Claim from an interested party used without its bias question addressed.

When a premise of an inference is anchored in quotes spoken by an actor marked `interested: true`
(someone with a stake in being believed), the inference must address bias: a critical question
with `topic: bias` whose `status` is `answered` or `failed`, or an `undercut` attack on the
inference. An `open` bias question counts when it records why it stays open (`why_open`: the
article never says, no other source): an honestly open question is a legitimate state, and
`critical-question-open` (AM117, info) lists it. An open question with no reason does not count,
so the rule never pushes an analyst to mark answered what the text does not answer. Option
`topics` (default `[bias]`) lists the critical-question topics that count as addressing bias.

**Why:** Walton's critical questions for testimony ask first whether the witness is biased.
Officials denying their side's involvement, or a party claiming credit, are the classic case.

**Anti-pattern**

```yaml
actors:
  - {id: qaani, name: Esmail Qaani, interested: true, interest: clearing Iran's name}
inferences:
  - id: inf-meeting
    premises: [qaani-says-meeting-tense]
    conclusion: meeting-was-tense
    scheme: position_to_know
```

**Best practice**

```yaml
    critical_questions:
      - question: Does Qaani gain from the meeting being seen as tense?
        topic: bias
        status: answered
        answer: Yes; the claim distances Iran from the militias, so it is weighed low.
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding
from argmap.lint.rules._common import anchoring_quotes
from argmap.model import Actor, Inference

ID = "AM115"
NAME = "interested-party-unchallenged"
LEVEL = "warning"
OPTIONS = {"topics": ("bias",)}


def check(ctx: RuleContext) -> Iterator[Finding]:
    topics = {topic.lower() for topic in ctx.words("topics")}
    for inference in ctx.model.inferences:
        if _addresses_bias(ctx, inference, topics):
            continue
        for number, premise_id in enumerate(inference.premises):
            actor = _interested_speaker(ctx, premise_id)
            if actor is not None:
                interest = f" ({actor.interest})" if actor.interest else ""
                yield ctx.at(inference.id, "premises", number,
                             message=f"`{premise_id}` comes from interested party `{actor.id}`"
                                     f"{interest}, but inference `{inference.id}` does not "
                                     "address bias: answer a critical question with "
                                     "`topic: bias` (or, if the text does not answer it, leave "
                                     "it open and say why in `why_open`), or undercut the "
                                     "inference")


def _addresses_bias(ctx: RuleContext, inference: Inference, topics: set[str]) -> bool:
    if any(attack.kind == "undercut" for attack in ctx.graph.attacked_by.get(inference.id, ())):
        return True
    return any((question.topic or "").lower() in topics
               and (question.status != "open" or question.why_open is not None)
               for question in inference.critical_questions)


def _interested_speaker(ctx: RuleContext, proposition_id: str) -> Actor | None:
    proposition = ctx.index.proposition(proposition_id)
    if proposition is None:
        return None
    for _, quote in anchoring_quotes(ctx, proposition):
        actor = ctx.index.actor(quote.speaker)
        if actor is not None and actor.interested:
            return actor
    return None
