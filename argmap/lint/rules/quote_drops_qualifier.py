"""Quote whose boundaries change what the sentence says: it leaves out the condition, the
concession's main clause, or a negation.

The rule reads the quote's sentence in its source and reports a quote that

* is the **condition** of a conditional sentence ("If the overlap is confirmed, ...", "Unless",
  "Even if") without the word that makes it a condition, or its **consequent** from its first
  word without the condition ("the slide is a correction" from "If that assessment is right,
  the slide is a correction"): the quoted words state as true what the sentence only supposes.
  A later clause of the consequent (", but they could also ...", ", which means ...") is not
  reported: it reads as part of a longer argument, not as a plain statement;
* is the **conceded** clause of a concessive sentence ("While the theory has the government's
  backing, few researchers accept it") without "While" and without the main clause: the
  quoted words alone give the concession the weight of the point;
* stops just before a word that reverses or limits it ("not", "never", "no longer", "except",
  "unless", or ", but" followed by "not", "only", "never", "without", "little", "hardly");
* starts just after a negation of its own clause ("denied that", "no evidence that", "not").

The openers, turns and negations are the lists of `argmap/cues/clauses.py`; the finding quotes
the source's words it relied on.

**Why:** a verbatim quote can still misquote: "the drones came from Iran" is verbatim in "There
is no evidence that the drones came from Iran".

**Anti-pattern** (source: "If the code overlap is confirmed, it would rule out criminals.")

```yaml
  - {id: q-overlap, text: the code overlap is confirmed, speaker: author, mode: author}
```

**Best practice**: quote the whole sentence, condition and all, and keep the condition in the
proposition ("If the code overlap is confirmed, criminals are ruled out").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from argmap.analyse.passage import Passage
from argmap.cues.clauses import find_negations, opener
from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding
from argmap.lint.rules._passages import words_around
from argmap.model import Quote

ID = "AM177"
NAME = "quote-drops-qualifier"
LEVEL = "warning"
OPTIONS: dict[str, object] = {}

# Right after the quote: a word that reverses or limits it.
_TURN_AFTER = re.compile(
    r"[\s\"'\u201d\u2019]*(?:(?:not|never|no longer|nor|except|unless|only if|rather than)\b"
    r"|[,;]?\s*(?:but|yet)\s+(?:\w+\s+)?(?:not|never|only|without|no|little|hardly|less)\b)",
    re.IGNORECASE)
_CLAUSE_END = re.compile(r",\s")
_PUNCTUATION = " ,;\"'\u201d\u2019"


def check(ctx: RuleContext) -> Iterator[Finding]:
    for quote in ctx.model.quotes:
        passage = ctx.passage(quote)
        if passage is None:
            continue
        why = _subordinate_only(passage) or _turn_after(passage) or _negated_before(passage)
        if why is not None:
            yield _finding(ctx, quote, passage, why)


def _finding(ctx: RuleContext, quote: Quote, passage: Passage, why: str) -> Finding:
    first, last = passage.sentence
    shown = words_around(passage.text[first:last], passage.start - first, passage.end - first)
    return ctx.at(quote.id, "text",
                  message=f"quote `{quote.id}` leaves out {why} (\"{shown}\"): the quoted "
                          "words alone say what the sentence does not; quote the words that "
                          "qualify them, or the whole sentence")


def _subordinate_only(passage: Passage) -> str | None:
    """The quote lies inside the clause a concessive or conditional opener opens, without the
    opener, and stops before the main clause."""
    sentence = passage.sentence_text
    found = opener(sentence)
    if found is None:
        return None
    kind, word, opener_end = found
    start, end = passage.start - passage.sentence[0], passage.end - passage.sentence[0]
    clause_end = _CLAUSE_END.search(sentence, opener_end)
    if start < opener_end or clause_end is None:
        return None
    if start == clause_end.end() and kind == "conditional":  # the consequent alone
        condition = " ".join(sentence[:clause_end.start()].split())
        return f"the condition (\"{condition}\") its words hold under"
    if end > clause_end.end():
        return None
    return f"the \"{word}\" that makes it a condition" if kind == "conditional" else \
        f"the \"{word}\" that makes it a concession, and the sentence's main clause"


def _turn_after(passage: Passage) -> str | None:
    found = _TURN_AFTER.match(passage.text, passage.end, passage.sentence[1])
    if found is None:
        return None
    words = " ".join(found.group().strip(_PUNCTUATION).split())
    return f"the \"{words}\" right after it"


def _negated_before(passage: Passage) -> str | None:
    before = passage.before
    negations = [cue for cue in find_negations(before)
                 if before[cue.end:].strip(" ,") in ("", "that")]
    if not negations:
        return None
    return f"the \"{negations[-1].written}\" before it"
