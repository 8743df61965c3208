"""Proposition that drops or adds a negation its quotes do not.

A quote says "never acknowledged"; the proposition says "acknowledged". Or the proposition says
"did not attend" where every quote says "attended". The rule reads negations ("not", "no",
"never", "without", "n't", "nobody", "failed to", ...) on each side. A negation a quote has is
reported lost when the words it negates are in the proposition and the proposition negates
nothing and says nothing else negative in meaning ("rejected", "denied", "unlikely", "refused":
a paraphrase may turn "did not accept" into "rejected"). A negation the proposition adds is
reported when none of its quotes' sentences negates or says anything negative in meaning.

**Why:** a lost "not" reverses the evidence while the quote stays verbatim, so nothing else in
the lint can see it.

**Anti-pattern**

```yaml
  - id: q-denial
    text: the ministry has never acknowledged the strikes
  ...
  - id: ministry-acknowledged
    kind: reported_fact
    text: The ministry acknowledged the strikes.
    quotes: [q-denial]
```

**Best practice**

```yaml
  - id: ministry-silent
    kind: reported_fact
    text: The ministry has never acknowledged the strikes.
    quotes: [q-denial]
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from argmap.cues.fidelity import negations, negative_in_meaning, plain
from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding
from argmap.lint.rules._paraphrase import Anchor, both, checked_propositions
from argmap.model import Proposition

ID = "AM182"
NAME = "paraphrase-negation"
LEVEL = "warning"
OPTIONS: dict[str, object] = {}

# The words a negation bears on: the next few content words of its clause.
_CONTENT = re.compile(r"[a-z][a-z'-]{3,}")
_CLAUSE_END = re.compile(r"[,;:.!?\u2013\u2014]|\b(?:but|and|while|whereas|although)\b")
_FUNCTION_WORDS = frozenset(
    [
        "that",
        "this",
        "these",
        "those",
        "with",
        "from",
        "have",
        "has",
        "had",
        "been",
        "being",
        "were",
        "was",
        "will",
        "would",
        "could",
        "should",
        "might",
        "must",
        "their",
        "there",
        "they",
        "them",
        "than",
        "then",
        "also",
        "only",
        "even",
        "just",
        "such",
        "into",
        "onto",
        "over",
        "more",
        "less",
        "very",
        "much",
        "said",
        "says",
        "about",
    ]
)
SCOPE_WORDS = 3


def check(ctx: RuleContext) -> Iterator[Finding]:
    for proposition, anchors in checked_propositions(ctx):
        finding = _lost(ctx, proposition, anchors) or _added(ctx, proposition, anchors)
        if finding is not None:
            yield finding


def _lost(ctx: RuleContext, proposition: Proposition, anchors: list[Anchor]) -> Finding | None:
    if negations(proposition.text):
        return None
    own = _stems(proposition.text)
    for anchor in anchors:
        for match in negations(anchor.quote.text):
            negated = _scope(anchor.quote.text, match.end())
            kept = [word for word in negated if _stem(word) in own]
            if kept and not _negative_besides(proposition.text, kept):
                words = _through(anchor.quote.text, match.start(), negated[-1])
                return ctx.at(
                    proposition.id,
                    "text",
                    message=(
                        f'proposition `{proposition.id}` drops the negation "{words}" '
                        f"of quote `{anchor.quote.id}` ("
                        f"{both(proposition, anchor)}): keep the negation, or say why the quote "
                        "means the opposite"
                    ),
                )
    return None


def _added(ctx: RuleContext, proposition: Proposition, anchors: list[Anchor]) -> Finding | None:
    found = negations(proposition.text)
    if not found or any(negative_in_meaning(anchor.sentence_text) for anchor in anchors):
        return None
    written = found[0].group(0)
    return ctx.at(
        proposition.id,
        "text",
        message=(
            f'proposition `{proposition.id}` negates ("{written}") where none of its quotes\' '
            f"sentences negates anything ({both(proposition, anchors[0], sentence=True)}): check "
            "the proposition says what the quotes say"
        ),
    )


def _scope(text: str, start: int) -> list[str]:
    """The first content words after a negation, within its clause."""
    rest = plain(text)[start:].lower()
    end = _CLAUSE_END.search(rest)
    words = [
        word
        for word in _CONTENT.findall(rest[: end.start() if end else len(rest)])
        if word not in _FUNCTION_WORDS
    ]
    return words[:SCOPE_WORDS]


def _negative_besides(text: str, negated: list[str]) -> bool:
    """Whether a clause of ``text`` that has the negated words says something else negative
    in meaning ("refused to acknowledge" for "never acknowledged"); the negated words
    themselves do not count ("has denied" for "has not denied" is the slip, not a
    rewording)."""
    stems = {_stem(word) for word in negated}
    for clause in _CLAUSE_END.split(plain(text).lower()):
        words = _CONTENT.findall(clause)
        if any(_stem(word) in stems for word in words):
            rest = " ".join(word for word in words if _stem(word) not in stems)
            if negative_in_meaning(rest):
                return True
    return False


def _through(text: str, start: int, last: str) -> str:
    """The quote's own words from a negation to the last word it bears on."""
    end = plain(text).lower().find(last, start)
    return text[start : end + len(last)] if end >= 0 else text[start:]


def _stem(word: str) -> str:
    return word[:5]


def _stems(text: str) -> set[str]:
    return {_stem(word) for word in _CONTENT.findall(plain(text).lower())}
