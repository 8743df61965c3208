"""Ellipsis quote whose pieces come from different sentences.

An ellipsis (`A ... B`) may leave words out of one sentence. Pieces taken from different
sentences and joined read as one statement the text never made: "the minister said talks ...
had failed" can join a sentence about talks to a sentence about something else that failed.
The rule reports a quote whose pieces stand in more than one sentence of its source, with the
sentences, so a reader can see whether together they say what neither says.

**Why:** the quote is verbatim piece by piece, so the verbatim check passes; only the
sentences show that the words were never said together.

**Anti-pattern**

```yaml
  - id: q-joined
    text: the talks ... had failed
```
(where "the talks" ends one sentence and "had failed" is about a ceasefire in the next)

**Best practice**

```yaml
  - id: q-talks
    text: the talks were postponed
  - id: q-ceasefire
    text: the ceasefire had failed
```
(one quote per sentence, each anchoring what it says).
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding
from argmap.lint.rules._paraphrase import pieces, shown

ID = "AM186"
NAME = "ellipsis-across-sentences"
LEVEL = "warning"
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for quote in ctx.model.quotes:
        placed, _ = pieces(ctx, quote)
        sentences = list(dict.fromkeys(passage.sentence for passage in placed))
        if len(sentences) > 1:
            text = placed[0].text
            shown_sentences = " | ".join(f"\"{shown(text[start:end], 120)}\""
                                         for start, end in sentences)
            yield ctx.at(quote.id, "text", message=(
                f"quote `{quote.id}` joins pieces of {len(sentences)} sentences "
                f"({shown_sentences}): quote each sentence apart, unless together they say "
                "only what each says"))
