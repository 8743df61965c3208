"""Quote offsets that disagree with the quote's text.

When a quote has `start` and `end`, the source text between those character offsets must be the
quote (after the same normalisation as `quote-not-in-source`). The message says what the offsets
hold and, when the quote occurs elsewhere, the offsets where it is.

**Why:** offsets are how tools and readers jump to the evidence. Offsets that point elsewhere
(because the source was re-saved, or the quote was edited afterwards) send them to the wrong
words, which is worse than no offsets.

**Anti-pattern**

```yaml
  - id: q-threat
    text: threatened to resort to force
    start: 1200          # the text was edited; these offsets now hold other words
    end: 1229
```

**Best practice**

```yaml
  - id: q-threat
    text: threatened to resort to force
    start: 2101
    end: 2130
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analyse.quote_match import offsets_hold
from argmap.analyse.text import shorten
from argmap.lint.context import QuoteSearch, RuleContext
from argmap.lint.rule import Finding
from argmap.lint.rules._common import quoted
from argmap.model import Quote

ID = "AM103"
NAME = "quote-offsets-mismatch"
LEVEL = "error"
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for quote in ctx.model.quotes:
        if quote.start is None or quote.end is None:
            continue
        search = ctx.search(quote)
        if search is None or not search.found:
            continue  # not in the source at all: quote-not-in-source says so
        message = _mismatch(quote, quote.start, quote.end, search)
        if message is not None:
            yield ctx.at(quote.id, "start", message=message)


def _mismatch(quote: Quote, start: int, end: int, search: QuoteSearch) -> str | None:
    text = search.source.text
    length = len(text.original)
    if end > length:
        held = f"`end` {end} is past the end of the source ({length} characters)"
    else:
        if offsets_hold(text, quote.text, start, end):
            return None
        held = text.normalised_slice(start, end)
        held = f"offsets {start}-{end} hold {quoted(shorten(held, 60))}"
    return f"quote `{quote.id}`: {held}; the quote is at {search.spans()}"
