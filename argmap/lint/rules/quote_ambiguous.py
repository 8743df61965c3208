"""Quote found more than once in its source, with no offsets to say which.

When the same words occur at several places in a source, `start` and `end` (character offsets
into the source text) say which occurrence the quote is. The message lists the offsets of the
first occurrences so the right pair can be copied.

**Why:** the same words can mean different things in different paragraphs (a denial quoted in
one place, asserted in another); a reader checking the quote must land on the right one.

**Anti-pattern**

```yaml
quotes:
  - id: q-visit
    source: article
    speaker: author
    mode: author
    text: Qaani's visit          # occurs three times in the article
```

**Best practice**

```yaml
quotes:
  - id: q-visit
    source: article
    speaker: author
    mode: author
    text: Qaani's visit to Iraq came amid mounting escalation   # longer, or:
    start: 656
    end: 669
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding

ID = "AM102"
NAME = "quote-ambiguous"
LEVEL = "warning"
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for quote in ctx.model.quotes:
        search = ctx.search(quote) if quote.start is None else None
        if search is None or len(search.found) < 2:
            continue
        times = "twice" if len(search.found) == 2 else "three times or more"
        more = ", ..." if len(search.found) > 2 else ""
        yield ctx.at(quote.id, "text",
                     message=f"quote `{quote.id}` occurs {times} in source `{quote.source}` "
                             f"(at {search.spans()}{more}); add "
                             "`start` and `end` to say which, or quote more words")
