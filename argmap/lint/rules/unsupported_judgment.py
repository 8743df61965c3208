"""Author judgment that no inference supports.

An `author_judgment` is the analyst's (or the author's) conclusion. It must be the conclusion of
at least one inference whose premises lead back to evidence. A judgment that is taken as given
is an assumption: declare it `kind: assumption` and say in `if_wrong` what follows if it is wrong.

**Why:** ICD 203 asks analysis to distinguish information from assumptions and judgments. A
judgment with nothing under it is the failure the map exists to expose.

**Anti-pattern**

```yaml
propositions:
  - id: iran-controls
    kind: author_judgment
    text: Iran coordinates the militias' attacks.
    confidence: moderate
```

**Best practice**

```yaml
inferences:
  - id: inf-control
    premises: [drones-iranian, militias-claimed-bases]
    conclusion: iran-controls
    scheme: sign
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding

ID = "AM112"
NAME = "unsupported-judgment"
LEVEL = "error"
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for proposition in ctx.graph.unsupported():
        yield ctx.at(proposition.id, "kind",
                     message=f"author judgment `{proposition.id}` rests on nothing: no inference "
                             "concludes it; add one from its evidence, or declare it "
                             "`kind: assumption` with `if_wrong`")
