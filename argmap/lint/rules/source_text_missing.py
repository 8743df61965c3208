"""Source text missing or unreadable.

Every source's `path` (relative to the map file) must name a readable UTF-8 text file inside the
repository. A path outside the repository (the folder holding `.git`, or the current folder when
there is none) is refused unless `--allow-outside-paths` or `allow-outside-paths: true` allows it,
because lint prints passages of source texts and a map must not be able to copy a private file
into a CI log. Each source is reported once; its quotes are then not checked (and their
suppressions of quote rules are not reported as unused).

**Why:** without the text no quote can be checked, so every quote from the source is unverified.

**Anti-pattern**

```yaml
sources:
  - id: article
    path: ../../Downloads/article.txt
    title: Qaani's visit to Baghdad
```

**Best practice**

```yaml
sources:
  - id: article
    path: ../seeds/qaani-baghdad-visit-2021-11.txt   # committed beside the map
    title: Qaani's visit to Baghdad
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analyse.sources import SourceFailure
from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding

ID = "AM104"
NAME = "source-text-missing"
LEVEL = "error"
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for source in ctx.model.sources:
        result = ctx.sources.read(source)
        if isinstance(result, SourceFailure):
            yield ctx.at(source.id, "path", message=result.message)
