"""Author judgment anchored only in what someone else says.

An `author_judgment` is the author's own conclusion. When every quote that anchors it is spoken
by someone other than the source's author (the source's `author` actor; for a source with no
author, any quote not in `mode: author`), the map says one thing and the evidence another:
either the speaker is wrong (the author says it: fix `speaker` and `mode`), or the kind is (it is
that speaker's claim: `kind: attributed_claim`, which the author may then adopt by an inference).

**Why:** a judgment the author only reports becomes, mapped this way, the author's own, and the
claim's testimony (was the speaker honest, in a position to know?) is never weighed.

**Anti-pattern**

```yaml
quotes:
  - {id: q-wet, source: article, speaker: varga, mode: direct, text: was written for a wet decade}
propositions:
  - {id: pact-outdated, kind: author_judgment, text: The pact was written for wetter years.,
     quotes: [q-wet]}
```

**Best practice**

```yaml
propositions:
  - {id: varga-pact-outdated, kind: attributed_claim, quotes: [q-wet],
     text: Dr Varga says the pact was written for a wet decade.}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding
from argmap.lint.rules._common import anchoring_quotes
from argmap.model import Quote

ID = "AM145"
NAME = "judgment-in-another-voice"
LEVEL = "warning"
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for proposition in ctx.model.propositions:
        if proposition.kind != "author_judgment":
            continue
        quotes = [quote for _, quote in anchoring_quotes(ctx, proposition)]
        if not quotes or any(_authors_voice(ctx, quote) for quote in quotes):
            continue
        speakers = ", ".join(dict.fromkeys(f"`{quote.speaker}`" for quote in quotes))
        yield ctx.at(proposition.id, "kind",
                     message=f"author judgment `{proposition.id}` is anchored only in quotes of "
                             f"{speakers}: if the author says it, fix the quotes' `speaker`; if "
                             "not, it is their claim (`kind: attributed_claim`)")


def _authors_voice(ctx: RuleContext, quote: Quote) -> bool:
    source = ctx.index.source(quote.source)
    if source is not None and source.author is not None:
        return quote.speaker == source.author
    return quote.mode == "author"
