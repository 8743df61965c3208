"""ACH rating that contradicts the map's own reasoning, or rates missing information as evidence.

An evidence row of a question rates one proposition against each hypothesis (CC ... II). The map
also says how that proposition bears on the hypotheses, in its inferences and attacks. The rule
reports a rating that says the opposite:

* rated consistent (`C`, `CC`) with a hypothesis that the proposition **rebuts or undermines**,
  or whose supporting step it **undercuts**;
* rated inconsistent (`I`, `II`) with a hypothesis that the proposition **supports** (a premise
  of an inference concluding it);
* rated inconsistent with any hypothesis when the proposition, or its quote, says only that
  something **is not known** ("it is unclear when ...", "remains to be seen": the list of
  `argmap/cues/reasoning.py`). The absence of information is no evidence against a hypothesis;
  rate it `N` or `NA`, or drop the row.

**Why:** the matrix and the map are two views of one analysis; when they disagree, one of them
is wrong, and the ACH ranking rests on the matrix alone.

**Anti-pattern**

```yaml
attacks:
  - {id: x-alibi, attacker: f-alibi, target: h-militia, kind: rebut}
questions:
  - id: ach-who
    hypotheses: [h-militia, h-other]
    evidence:
      - {proposition: f-alibi, ratings: {h-militia: C, h-other: C}}
```

**Best practice**: `{h-militia: I, h-other: C}`, or remove the attack if the rating is right.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.cues.reasoning import find_absence
from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding
from argmap.lint.rules._common import anchoring_quotes, quoted
from argmap.model import Proposition

ID = "AM178"
NAME = "ach-rating-against-map"
LEVEL = "warning"
OPTIONS: dict[str, object] = {}

_CONSISTENT = frozenset({"C", "CC"})
_INCONSISTENT = frozenset({"I", "II"})


def check(ctx: RuleContext) -> Iterator[Finding]:
    for question in ctx.model.questions:
        for number, row in enumerate(question.evidence):
            evidence = ctx.index.proposition(row.proposition)
            if evidence is None:
                continue
            absence = _absence(ctx, evidence)
            for hypothesis, rating in row.ratings.items():
                why = _contradiction(ctx, evidence.id, hypothesis, rating)
                if why is None and absence is not None and rating in _INCONSISTENT:
                    why = (f"`{evidence.id}` says only that something is not known ({absence}): "
                           "missing information is no evidence against a hypothesis")
                if why is not None:
                    yield ctx.at(question.id, "evidence", number, "ratings", hypothesis,
                                 message=f"`{evidence.id}` is rated {rating} against "
                                         f"`{hypothesis}` in `{question.id}`, but {why}")


def _contradiction(ctx: RuleContext, evidence: str, hypothesis: str, rating: str) -> str | None:
    if rating in _CONSISTENT:
        for attack in ctx.graph.attacks_from.get(evidence, ()):
            if attack.target == hypothesis:
                return f"the map has it {attack.kind} the hypothesis (`{attack.id}`)"
            step = ctx.graph.inferences.get(attack.target)
            if step is not None and step.conclusion == hypothesis:
                return f"the map has it undercut `{step.id}`, which supports the hypothesis " \
                       f"(`{attack.id}`)"
    if rating in _INCONSISTENT:
        for step in ctx.graph.premise_of.get(evidence, ()):
            if step.conclusion == hypothesis:
                return f"the map has it support the hypothesis (`{step.id}`)"
    return None


def _absence(ctx: RuleContext, proposition: Proposition) -> str | None:
    texts = [proposition.text] + [quote.text for _, quote in anchoring_quotes(ctx, proposition)]
    for text in texts:
        found = find_absence(text)
        if found:
            return quoted(found[0].written)
    return None
