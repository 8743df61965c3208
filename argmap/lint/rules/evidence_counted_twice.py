"""One piece of evidence counted twice: two premises of a step, or two rows of an ACH matrix,
anchored in the same words of the source.

Two premises of one inference whose anchoring quotes are the same quote, or overlapping spans of
one source, are one report split in two: the step looks as if two things support it where the
source said one. The same holds for two evidence rows of one ACH question: the matrix then
counts one report twice for (or against) each hypothesis. The finding quotes the words both
rest on. Two premises that also have quotes of their own (other words of the source) are not
reported: each adds something. Only reported facts and attributed claims count as evidence
here: an assumption read out of the same sentence ("if the commission continues to resist")
is the analyst's, not a second report. Nor are two premises that say what two different
clauses of the sentence say ("Inflation reached 18 percent, and the deficit doubled"), or
quotes of different speakers (bankers who cite "reports that ...": the reports are another
report).

**Why:** corroboration is counted in independent reports; splitting one report into two
premises or two rows inflates the support and hides that everything hangs on one sentence.

**Anti-pattern**

```yaml
propositions:
  - {id: f-drones, kind: reported_fact, text: Three drones struck., quotes: [q-attack]}
  - {id: f-night, kind: reported_fact, text: The attack came at night., quotes: [q-attack]}
inferences:
  - {id: i-planned, premises: [f-drones, f-night], conclusion: j-planned}
```

**Best practice** (one premise for what one sentence reports; or two premises with their own
quotes)

```yaml
  - {id: f-attack, kind: reported_fact, text: Three drones struck at night., quotes: [q-attack]}
inferences:
  - {id: i-planned, premises: [f-attack], conclusion: j-planned}
```
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from argmap.analyse import EVIDENCE_KINDS
from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding
from argmap.lint.rules._common import closest_clause
from argmap.model import Proposition, Quote

ID = "AM173"
NAME = "evidence-counted-twice"
LEVEL = "warning"
OPTIONS: dict[str, object] = {}

_Span = tuple[str, int, int, str]  # source, start, end, speaker


def check(ctx: RuleContext) -> Iterator[Finding]:
    for inference in ctx.model.inferences:
        for (_, a), (second, b) in itertools.combinations(
                enumerate(inference.premises), 2):
            shared = _same_words(ctx, a, b)
            if shared is not None:
                yield ctx.at(inference.id, "premises", second,
                             message=f"premises `{a}` and `{b}` of `{inference.id}` rest on the "
                                     f"same words of the source ({shared}): one report counted "
                                     "twice; make them one premise, or anchor each in its own "
                                     "quote")
    for question in ctx.model.questions:
        for (_, a), (second, b) in itertools.combinations(
                enumerate(row.proposition for row in question.evidence), 2):
            shared = _same_words(ctx, a, b)
            if shared is not None:
                yield ctx.at(question.id, "evidence", second, "proposition",
                             message=f"evidence rows `{a}` and `{b}` of `{question.id}` rest on "
                                     f"the same words of the source ({shared}): the matrix "
                                     "counts one report twice; rate it once")


def _same_words(ctx: RuleContext, first_id: str, second_id: str) -> str | None:
    """The shared words when every quote of each proposition overlaps a quote of the other
    with the same speaker, and both propositions say what the same clause says."""
    first, second = ctx.index.proposition(first_id), ctx.index.proposition(second_id)
    if first is None or second is None or not first.quotes or not second.quotes \
            or first.kind not in EVIDENCE_KINDS or second.kind not in EVIDENCE_KINDS:
        return None
    spans_a, spans_b = _spans(ctx, first), _spans(ctx, second)
    pairs = [(qa, qb) for qa, a in spans_a.items() for qb, b in spans_b.items()
             if a[0] == b[0] and a[1] < b[2] and b[1] < a[2] and a[3] == b[3]]
    if not pairs or {qa for qa, _ in pairs} != set(spans_a) \
            or {qb for _, qb in pairs} != set(spans_b):
        return None
    quote_a, quote_b = pairs[0]
    words = _union_text(ctx, spans_a[quote_a], spans_b[quote_b], quote_a)
    one = closest_clause(words, first.text)
    if one is None or one != closest_clause(words, second.text):
        return None  # two clauses of one sentence: two reports' worth of content
    shown = words if len(words) <= 80 else words[:79] + "…"
    same = f"quote `{quote_a}`" if quote_a == quote_b else f"quotes `{quote_a}` and `{quote_b}`"
    return f"{same}: \"{shown}\""


def _union_text(ctx: RuleContext, a: _Span, b: _Span, quote_id: str) -> str:
    source = ctx.sources.text_of(a[0])
    if source is None:
        quote = ctx.index.quote(quote_id)
        return quote.text if quote is not None else ""
    return " ".join(source.text.original[min(a[1], b[1]):max(a[2], b[2])].split())


def _spans(ctx: RuleContext, proposition: Proposition) -> dict[str, _Span]:
    found: dict[str, _Span] = {}
    for quote_id in proposition.quotes:
        quote = ctx.index.quote(quote_id)
        if quote is None:
            continue
        passage = ctx.passage(quote)
        found[quote_id] = (quote.source, passage.start, passage.end, quote.speaker) \
            if passage is not None else _unplaced(quote)
    return found


def _unplaced(quote: Quote) -> _Span:
    """A quote not found in its source overlaps only itself."""
    return (f"quote {quote.id}", 0, 1, quote.speaker)
