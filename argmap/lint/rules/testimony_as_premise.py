"""Attributed claim used as a premise of a judgment as if it were fact.

"The officials said A" supports A only through the officials' testimony. When an
`attributed_claim` is a premise of an inference that concludes an `author_judgment`, the
testimony must be handled, in either of two ways:

* the step is itself testimony: its `scheme` is a testimony scheme (option `schemes`, default
  `position_to_know`, `witness_testimony`, `expert_opinion`);
* the step asks about the speaker: it has a critical question whose `topic` is one of option
  `topics` (default `honesty`, `bias`, `position`, `reliability`, `credibility`, `testimony`,
  `consistency`), answered, failed or open with `why_open`; the step itself may then use any
  scheme (a causal step from what the officials said is `cause_to_effect`, not "position to
  know").

An Admiralty `credibility` on the claim does not count by itself: it grades the information, but
says nothing of why this speaker is believed for this step.

**Why:** in Inference Anchoring Theory, reporting "Bob said that A" commits the author only to
"Bob said A". Skipping the testimony step silently upgrades a claim to a fact.

**Anti-pattern**

```yaml
inferences:
  - id: inf-culprits
    premises: [officials-say-drones-match]     # an attributed_claim
    conclusion: militias-did-it                # an author_judgment
    scheme: sign
```

**Best practice** (a testimony step, or any step that asks about the speaker)

```yaml
inferences:
  - id: inf-culprits
    premises: [officials-say-drones-match]
    conclusion: militias-did-it
    scheme: sign
    critical_questions:
      - {question: Are the officials in a position to know?, topic: position, status: open,
         why_open: The article does not say who examined the drones.}
  - id: inf-drones-match
    premises: [officials-say-drones-match]
    conclusion: drones-match                   # the content, now resting on testimony
    scheme: position_to_know
    critical_questions:
      - {question: Are the officials biased?, topic: bias, status: answered, answer: ...}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding
from argmap.model import Inference

ID = "AM114"
NAME = "testimony-as-premise"
LEVEL = "warning"
OPTIONS = {
    "schemes": ("position_to_know", "witness_testimony", "expert_opinion"),
    "topics": ("honesty", "bias", "position", "reliability", "credibility", "testimony",
               "consistency"),
}


def check(ctx: RuleContext) -> Iterator[Finding]:
    schemes = ctx.words("schemes")
    topics = {topic.lower() for topic in ctx.words("topics")}
    for inference in ctx.model.inferences:
        conclusion = ctx.index.proposition(inference.conclusion)
        if conclusion is None or conclusion.kind != "author_judgment" \
                or inference.scheme in schemes or _asks_about_speaker(inference, topics):
            continue
        for number, premise_id in enumerate(inference.premises):
            premise = ctx.index.proposition(premise_id)
            if premise is not None and premise.kind == "attributed_claim":
                scheme = f"scheme `{inference.scheme}`" if inference.scheme else "no scheme"
                yield ctx.at(inference.id, "premises", number,
                             message=f"attributed claim `{premise_id}` supports judgment "
                                     f"`{conclusion.id}` as if it were fact ({scheme}): handle "
                                     "the testimony: ask a critical question about the speaker "
                                     f"(topic {', '.join(sorted(topics))}; open with `why_open` "
                                     f"counts), or use scheme {' or '.join(schemes)}")


def _asks_about_speaker(inference: Inference, topics: set[str]) -> bool:
    """A question on the speaker that was answered, failed, or is open for a stated reason."""
    return any((question.topic or "").lower() in topics
               and (question.status != "open" or question.why_open is not None)
               for question in inference.critical_questions)
