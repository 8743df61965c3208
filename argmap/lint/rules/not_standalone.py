"""Proposition text that does not stand alone: it opens with an unresolved pronoun.

A proposition's `text` is read on its own, in a diagram node, a report or another map. It must
not open with a pronoun whose referent is in some other sentence ("He", "They", "This", "Its"
...; option `pronouns`). An impersonal "It" ("It is likely that ...", "It seems ...") is not a
reference and is allowed, and neither is an acronym in capitals ("US forces ...", "IT staff ...").

**Why:** the same quote can be resolved differently; "He was implying that pro-Iran militias
were involved" is only evidence once "he" is named. AIF and Inference Anchoring Theory make the
proposition, not the locution, the unit of argument for this reason.

**Anti-pattern**

```yaml
  - id: kadhimi-implied
    kind: attributed_claim
    text: He was implying that pro-Iran militias were involved in the attack.
```

**Best practice**

```yaml
    text: Al-Kadhimi implied that pro-Iran militias were involved in the attack on him.
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding

ID = "AM144"
NAME = "not-standalone"
LEVEL = "warning"
OPTIONS = {"pronouns": (
    "he", "she", "it", "they", "him", "her", "them", "his", "hers", "its", "their", "theirs",
    "this", "that", "these", "those", "we", "our", "us",
)}
_FIRST_WORD = re.compile(r"[\W_]*([A-Za-z']+)")
_IMPERSONAL_IT = re.compile(
    r"it(?:'s|\s+(?:is|was|seems|seemed|appears|appeared|remains|would|will|may|might|could|"
    r"looks|has been|had been))\b", re.IGNORECASE)


def check(ctx: RuleContext) -> Iterator[Finding]:
    pronouns = {word.lower() for word in ctx.words("pronouns")}
    for proposition in ctx.model.propositions:
        match = _FIRST_WORD.match(proposition.text)
        if match is None:
            continue
        word = match.group(1).split("'")[0]  # "Their'" and "It's" start with "Their", "It"
        # An all-capitals word of two or more letters is an acronym ("US", "IT"), not a pronoun.
        if word.lower() not in pronouns or (len(word) > 1 and word.isupper()):
            continue
        if word.lower() == "it" and _IMPERSONAL_IT.match(proposition.text, match.start(1)):
            continue
        yield ctx.at(proposition.id, "text",
                     message=f"`{proposition.id}` opens with \"{word}\": name who or what it "
                             "refers to, so the proposition reads on its own")
