"""Source text changed since it was recorded: its sha256 no longer matches.

When a source has `sha256`, it must be the SHA-256 of the text file's bytes. A mismatch means
the text changed after the map was made: every quote from it must be checked again (lint does
check them against the new text) and the checksum updated.

**Why:** a silently replaced source (a corrected article, a re-export with other line breaks, a
different edition) can change what the quotes mean even when they still match.

**Anti-pattern**

```yaml
  - id: article
    path: article.txt
    sha256: 0000000000000000000000000000000000000000000000000000000000000000
```

**Best practice**: check the quotes, then record the checksum printed in the message
(`sha256sum article.txt` prints the same).
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding

ID = "AM105"
NAME = "source-hash-mismatch"
LEVEL = "error"
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for source in ctx.model.sources:
        text = ctx.sources.text_of(source.id) if source.sha256 else None
        if text is None or text.sha256 == source.sha256:
            continue
        count = len(ctx.evidence.quotes_of_source.get(source.id, ()))
        quotes = "its quote" if count == 1 else f"all {count} of its quotes"
        yield ctx.at(source.id, "sha256",
                     message=f"source `{source.id}` changed: `{source.path}` now has sha256 "
                             f"{text.sha256}; recheck {quotes}, then record the new sha256")
