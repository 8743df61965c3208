"""Half an Admiralty grade: information credibility with no source reliability.

An Admiralty (NATO STANAG 2511) grade has two halves written together, e.g. "B2": the
reliability of the source (A-F, `grade.reliability` on a source or on an actor) and the
credibility of the information (1-6, `credibility` on a reported fact or attributed claim). A
proposition with a `credibility` must have a graded source, speaker or relaying actor among its
quotes, or the grade is malformed. (Letters outside A-F and numbers outside 1-6 are rejected when
the map is loaded, as AM010.)

**Why:** the two halves are judged independently so that a reader can see "usually reliable
source, doubtful report" (B4). A credibility alone hides who is vouched for.

**Anti-pattern**

```yaml
sources:
  - {id: article, path: article.txt, title: Qaani's visit}     # no grade
propositions:
  - {id: visit, kind: reported_fact, text: ..., quotes: [q-visit], credibility: 2}
```

**Best practice**

```yaml
sources:
  - id: article
    path: article.txt
    title: Qaani's visit
    grade: {reliability: C, rationale: Think tank with a stated regional stance.}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding
from argmap.lint.rules._common import anchoring_quotes
from argmap.model import Proposition

ID = "AM131"
NAME = "incomplete-grade"
LEVEL = "warning"
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for proposition in ctx.model.propositions:
        if proposition.credibility is None or _has_reliability(ctx, proposition):
            continue
        yield ctx.at(proposition.id, "credibility",
                     message=f"`{proposition.id}` has credibility {proposition.credibility} but "
                             "none of its sources or speakers has a reliability grade: an "
                             "Admiralty grade needs both halves (e.g. B2)")


def _has_reliability(ctx: RuleContext, proposition: Proposition) -> bool:
    for _, quote in anchoring_quotes(ctx, proposition):
        source = ctx.index.source(quote.source)
        if source is not None and source.grade is not None:
            return True
        for actor_id in (quote.speaker, quote.via):
            actor = ctx.index.actor(actor_id) if actor_id else None
            if actor is not None and actor.grade is not None:
                return True
    return False
