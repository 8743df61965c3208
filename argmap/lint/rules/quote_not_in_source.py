"""Quote not found verbatim in its source.

A quote's `text` must occur in the text of its `source`, once both are normalised: runs of
whitespace count as one space and typographic quotes (curly single and double quotes,
guillemets) as straight ones. Case, spelling, punctuation and dashes must match. When the
quote is not found, the message shows the closest passage of the source.

**Why:** the evidence layer is the map's claim to be checkable. A quote that was paraphrased,
tidied or misremembered is the analyst's words wearing the source's authority.

**Anti-pattern**

```yaml
quotes:
  - id: q-council
    source: article
    speaker: nsc
    mode: direct
    text: nobody is above the law and the criminals will be prosecuted   # two quotes merged
```

**Best practice**

```yaml
quotes:
  - id: q-council
    source: article
    speaker: nsc
    mode: direct
    text: nobody is above the law
```

Option `min-similarity` (0-1, default 0.5): the closest passage is shown only when it is at least
this similar to the quote.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding
from argmap.lint.rules._common import quoted
from argmap.lint.text import shorten

ID = "AM101"
NAME = "quote-not-in-source"
LEVEL = "error"
OPTIONS = {"min-similarity": 0.5}


def check(ctx: RuleContext) -> Iterator[Finding]:
    minimum = ctx.number("min-similarity")
    for quote in ctx.model.quotes:
        search = ctx.search(quote)
        if search is None or search.found:
            continue
        closest = search.source.text.closest_passage(search.needle)
        hint = ""
        if closest is not None and closest[1] >= minimum:
            hint = f"; closest passage: {quoted(shorten(closest[0]))}"
        yield ctx.at(quote.id, "text",
                     message=f"quote `{quote.id}` is not in source `{quote.source}`{hint}")
