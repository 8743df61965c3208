"""Element written by `argmap draft` that no person has reviewed yet.

`argmap draft` writes a first map of a source: quotes with speakers read from the attributions,
propositions with suggested kinds and likelihoods, inferences from connectives. Each element it
writes carries `drafted: true`. The draft is a suggestion, and a wrong speaker or kind makes
the map say something the article does not: the analyst reads each element against the source,
corrects it (or deletes it), and then deletes its `drafted: true` line. Until then this rule
reports it, so a draft cannot pass CI before a person has curated it.

**Why:** the map's value is that a person vouches for each of its links between the text and the
argument; a drafted element is a guess no one has vouched for.

**Anti-pattern**

```yaml
quotes:
  - id: q-officials-focus
    text: Two officials familiar with the investigation, who spoke on condition of anonymity, ...
    speaker: two-officials-familiar-with-the-investigation
    mode: indirect
    drafted: true          # still as the drafter wrote it
```

**Best practice**: check the speaker, mode, kind, text and links against the source, fix them,
and delete the `drafted: true` line.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding
from argmap.model.index import iter_entries

ID = "AM170"
NAME = "drafted-unreviewed"
LEVEL = "error"
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for entry in iter_entries(ctx.model):
        if entry.element.drafted:
            yield ctx.at(entry.element.id, "drafted",
                         message=f"{entry.kind_name} `{entry.element.id}` was drafted by "
                                 "`argmap draft` and not yet reviewed: check it against the "
                                 "source, then delete `drafted: true`")
