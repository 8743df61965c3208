"""Source text without a recorded sha256.

A source whose `sha256` is missing cannot tell when its text changes. The message gives the
current checksum to record.

**Why:** `source-hash-mismatch` can only warn about a changed text when the map recorded what the
text was. Pinning costs one line.

**Anti-pattern**

```yaml
  - id: article
    path: article.txt
    title: Qaani's visit to Baghdad
```

**Best practice**

```yaml
  - id: article
    path: article.txt
    title: Qaani's visit to Baghdad
    sha256: 3f6c...   # the value in the message, or `sha256sum article.txt`
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding

ID = "AM106"
NAME = "source-unpinned"
LEVEL = "info"
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for source in ctx.model.sources:
        if source.sha256:
            continue
        text = ctx.sources.text_of(source.id)
        value = f"; it is {text.sha256}" if text is not None else ""
        yield ctx.at(source.id, "path",
                     message=f"source `{source.id}` has no sha256, so a changed text would go "
                             f"unnoticed: record `sha256:`{value}")
