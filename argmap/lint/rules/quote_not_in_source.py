"""Quote not found verbatim in its source.

A quote's `text` must occur in the text of its `source`, once both are normalised: runs of
whitespace count as one space and typographic quotes (curly single and double quotes,
guillemets) as straight ones. Case, spelling, punctuation and dashes must match. A quote that
leaves words out with an ellipsis (`A ... B`, `A … B`, `A [...] B`) is verbatim when its pieces
occur in that order within one paragraph of the source.

When the quote is not found, the message says where it parts from the closest passage of the
source: the character of the quote where they differ, what each side has there (with Unicode
code points for look-alikes such as the hyphen U+002D and the en dash U+2013), and the source
around the difference, which is marked `[[...]]`. For a quote with an ellipsis it says which
piece fails.

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

Option `min-similarity` (0-1, default 0.5): the difference is shown only when the closest
passage is at least this similar to the quote. `argmap quote SOURCE "some words"` prints the exact
words of a passage, ready to paste.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analyse.quote_match import explain_miss
from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding

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
        why = explain_miss(search.source.text, quote.text, minimum)
        yield ctx.at(quote.id, "text", message=f"quote `{quote.id}` is not in source "
                                               f"`{quote.source}`{': ' + why if why else ''}")
