"""Proposition that drops a qualifier of time, condition or attribution its quote has.

A quote limits what it says: "as of 28 October" (time), "if the results are ratified"
(condition), "according to officials" or "reportedly" (attribution, in the author's voice).
A proposition that states the same content with no such limit says more than the quote:
timelessly, unconditionally, or as the author's own knowledge. The rule reports:

* a time qualifier in a quote ("as of", "so far", "to date", "until", "currently", ...) when
  the proposition reports a fact or a claim and has no time word, date or year (a judgment
  or hypothesis is an estimate as of the writing: "on the evidence so far" is its nature);
* a condition in a quote ("if", "unless", "provided that", ...) when the proposition has no
  conditional word ("if", "would", "could", "when", "in exchange for", ...) and restates the
  quote's main clause rather than its condition (a proposition that states the condition
  itself, as an assumption or a presupposed fact does, is not reported); assumptions and
  hypotheses are not checked;
* an attribution in a quote the map gives to the author ("according to", "reportedly", "it is
  believed", ...) when the proposition is a reported fact or the author's judgment and
  attributes nothing.

Hedges are the estimative rules' concern (AM121, AM122, AM126): a proposition may carry its
quote's hedge in a `likelihood`.

**Why:** a dropped qualifier is the commonest way a faithful quote turns into an unfaithful
proposition: the words are all there, the limit is not.

**Anti-pattern**

```yaml
  - id: q-talks
    text: As of 28 October, no agreement had been reached.
  ...
  - id: no-agreement
    kind: reported_fact
    text: No agreement was reached.
    quotes: [q-talks]
```

**Best practice**

```yaml
  - id: no-agreement
    kind: reported_fact
    text: As of 28 October 2025, no agreement had been reached.
    quotes: [q-talks]
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from argmap.cues.fidelity import figures, first, plain
from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding
from argmap.lint.rules._paraphrase import Anchor, both, checked_propositions
from argmap.model import Proposition

ID = "AM185"
NAME = "paraphrase-drops-qualifier"
LEVEL = "warning"
OPTIONS: dict[str, object] = {}

_TIME_WORDS = re.compile(
    r"\b(?:now|still|since|recent|recently|yet|already|before|after|until|by|ago|last|"
    r"current|currently|present|time|today|so far|to date|as of|during|earlier|later|"
    r"january|february|march|april|may|june|july|august|september|october|november|"
    r"december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year)\b",
    re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;:\u2013\u2014]|$")
_CONTENT = re.compile(r"[a-z][a-z'-]{3,}")
# Reports of how things stand; a judgment or hypothesis is an estimate as of the writing.
STATE_KINDS = frozenset({"reported_fact", "attributed_claim"})
UNCONDITIONAL_KINDS = frozenset({"assumption", "hypothesis"})
OWN_VOICE_KINDS = frozenset({"reported_fact", "author_judgment"})


def check(ctx: RuleContext) -> Iterator[Finding]:
    for proposition, anchors in checked_propositions(ctx):
        for anchor in anchors:
            dropped = (_time(proposition, anchor) or _condition(proposition, anchor)
                       or _attribution(proposition, anchor))
            if dropped is not None:
                what, words = dropped
                yield ctx.at(proposition.id, "text", message=(
                    f"proposition `{proposition.id}` drops the {what} \"{words}\" of quote "
                    f"`{anchor.quote.id}` ({both(proposition, anchor)}): keep the limit the "
                    "quote puts on what it says"))
                break


def _time(proposition: Proposition, anchor: Anchor) -> tuple[str, str] | None:
    found = first("time", anchor.quote.text)
    if found is None or proposition.kind not in STATE_KINDS \
            or _TIME_WORDS.search(proposition.text) \
            or any(figure.year for figure in figures(proposition.text)):
        return None
    return "time limit", found.group(0)


def _condition(proposition: Proposition, anchor: Anchor) -> tuple[str, str] | None:
    text = plain(anchor.quote.text)
    found = first("condition", text)
    if found is None or proposition.kind in UNCONDITIONAL_KINDS \
            or first("conditional", proposition.text):
        return None
    end = _CLAUSE_END.search(text, found.end())
    clause = text[found.start(): end.start() if end else len(text)]
    main = text[: found.start()] + " " + text[found.start() + len(clause):]
    own = _words(proposition.text)
    if len(own & _words(main)) <= len(own & _words(clause)):
        return None  # the proposition states the condition, not what it conditions
    return "condition", clause.strip()


def _attribution(proposition: Proposition, anchor: Anchor) -> tuple[str, str] | None:
    if anchor.quote.mode != "author" or proposition.kind not in OWN_VOICE_KINDS:
        return None
    found = first("attribution", anchor.quote.text)
    if found is None or first("attributing", proposition.text):
        return None
    return "attribution", found.group(0)


def _words(text: str) -> set[str]:
    return {word[:5] for word in _CONTENT.findall(plain(text).lower())}
