"""Reported fact, high credibility or reliable grade for words the source marks as doubtful.

The words in and around a quote can say that it is not a confirmed report: **rumour**
("rumours", "speculation"), **hearsay** ("reportedly", "allegedly", "it is believed", "some have
suggested"), **anonymity** ("unnamed officials", "on condition of anonymity") or **unconfirmed**
("unconfirmed", "could not be verified"). The rule reads the quote and its clause in the
sentence (the words before it up to a clause break, and a few words after it) and reports a
proposition it anchors that

* is a `reported_fact` with no credibility or a credibility of 1-3 (the map records as fact
  what the source itself only passes on), or
* has credibility 1 or 2 ("confirmed", "probably true"), or
* whose quote's speaker is graded A or B (usually reliable) while the source passes the words
  on as rumour, hearsay, from an unnamed speaker, or unconfirmed.

The cue lists are those of `argmap/cues/reliability.py` (docs/lint.md, "Cue lists"); the finding
quotes the source's words. A `reported_fact` graded 4-6 ("doubtful" or worse) is the analyst
saying so, and is not reported; nor is a proposition whose own text has the doubting words
("The claim has not been verified" reports the doubt itself).

**Why:** hearsay recorded as fact gains, in the map, the certainty the source withheld; every
judgment built on it inherits that certainty.

**Anti-pattern** (source: "Unnamed officials said the convoy reportedly crossed the border.")

```yaml
  - id: f-crossed
    kind: reported_fact
    text: The convoy crossed the border.
    quotes: [q-crossed]
    credibility: 2
```

**Best practice**

```yaml
  - id: c-crossed
    kind: attributed_claim
    text: The convoy crossed the border.
    quotes: [q-crossed]
    credibility: 4
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from argmap.analyse.passage import Passage
from argmap.cues.estimative import fold
from argmap.cues.matching import CueMatch
from argmap.cues.reliability import find_doubts
from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding
from argmap.lint.rules._passages import anchored_passages, cue_in_sentence
from argmap.model import Proposition, Quote

ID = "AM172"
NAME = "doubted-report-as-fact"
LEVEL = "warning"
OPTIONS: dict[str, object] = {}

_CLAUSE_BREAK = re.compile(r";|\.\s|\b(?:but|while|whereas|however|although|though|which)\b",
                           re.IGNORECASE)
_WORDS_AFTER = 6
_SAID = {"rumour": "rumour", "hearsay": "hearsay", "anonymity": "from an unnamed speaker",
         "unconfirmed": "unconfirmed"}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for proposition in ctx.model.propositions:
        if proposition.kind not in ("reported_fact", "attributed_claim"):
            continue
        for number, quote, passage in anchored_passages(ctx, proposition):
            doubts = [(family, cue) for family, cue in _doubts(passage)
                      if cue.words not in fold(proposition.text)]
            if not doubts:
                continue
            finding = _finding(ctx, proposition, number, quote, passage, doubts)
            if finding is not None:
                yield finding
                break


def _finding(ctx: RuleContext, proposition: Proposition, number: int, quote: Quote,
             passage: Passage, doubts: list[tuple[str, CueMatch]]) -> Finding | None:
    family, cue = doubts[0]
    said = f"its quote `{quote.id}` is {_SAID[family]} ({cue_in_sentence(passage, cue)})"
    credibility = proposition.credibility
    if proposition.kind == "reported_fact" and (credibility is None or credibility <= 3):
        return ctx.at(proposition.id, "kind",
                      message=f"`{proposition.id}` is a reported fact, but {said}: record it "
                              "as an attributed claim with a credibility that says so")
    if credibility is not None and credibility <= 2:
        return ctx.at(proposition.id, "credibility",
                      message=f"`{proposition.id}` has credibility {credibility}, but {said}")
    grade = _speaker_grade(ctx, quote)
    if grade in ("A", "B"):
        return ctx.at(proposition.id, "quotes", number,
                      message=f"the speaker of `{quote.id}` is graded {grade} (reliable), but "
                              f"the source marks these words as {_SAID[family]} "
                              f"({cue_in_sentence(passage, cue)})")
    return None


def _doubts(passage: Passage) -> list[tuple[str, CueMatch]]:
    """Doubt cues in the quote's clause: in the quote, before it since the last clause break,
    and in the few words after it; offsets are the source's."""
    text, first = passage.text, passage.sentence[0]
    before = passage.before
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause_start = first + (breaks[-1].end() if breaks else 0)
    if _CLAUSE_BREAK.match(text, passage.start):  # the quote opens its own clause
        clause_start = passage.start
    after = passage.after
    cut = _CLAUSE_BREAK.search(after)
    after = after[:cut.start()] if cut else after
    after_words = after.split()[:_WORDS_AFTER]
    clause_end = passage.end + (len(" ".join(after_words)) + 2 if after_words else 0)
    clause = text[clause_start:min(clause_end, passage.sentence[1])]
    return [(family, cue._replace(start=cue.start + clause_start, end=cue.end + clause_start))
            for family, cue in find_doubts(clause)]


def _speaker_grade(ctx: RuleContext, quote: Quote) -> str | None:
    actor = ctx.index.actor(quote.speaker)
    return actor.grade.reliability if actor is not None and actor.grade is not None else None
