"""Causal step whose cause is dated after its effect.

A `cause_to_effect` inference argues from a cause (its premises) to an effect (its conclusion);
`effect_to_cause` the other way. When both sides carry dates, the cause cannot come after the
effect. A proposition's dates are those written in its own text, else those in its anchoring
quotes, else in the quotes' sentences when a sentence has exactly one: "7 November 2021",
"November 7", "November 2021", "2021" (`argmap/cues/dates.py`). A day or month written without
a year takes the year of the date before it in the source, or the source's `published` year.
Dates are compared at the precision both have: "2021" is not after "November 2021".

**Why:** a cause dated after its effect is a misreading of the text or a mistyped premise, and
the step it supports proves nothing.

**Anti-pattern** (source: "The intrusion began in January 2024. Dravia announced the review on
2 March 2024.")

```yaml
inferences:
  - id: i-review-caused-intrusion
    premises: [f-review-announced]      # 2 March 2024
    conclusion: f-intrusion-january     # January 2024
    scheme: cause_to_effect
```

**Best practice**: reverse the step (the intrusion may have caused the review), or choose the
scheme that fits (`sign`, `correlation_to_cause`).
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.cues.dates import TextDate, find_dates
from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding
from argmap.lint.rules._passages import anchored_passages
from argmap.model import Inference, Proposition

ID = "AM180"
NAME = "cause-after-effect"
LEVEL = "warning"
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    dated = _Dated(ctx)
    for inference in ctx.model.inferences:
        if inference.scheme not in ("cause_to_effect", "effect_to_cause"):
            continue
        conclusion = ctx.index.proposition(inference.conclusion)
        if conclusion is None:
            continue
        for number, premise_id in enumerate(inference.premises):
            premise = ctx.index.proposition(premise_id)
            if premise is None:
                continue
            finding = _out_of_order(ctx, inference, number, (premise, dated.of(premise)),
                                    (conclusion, dated.of(conclusion)))
            if finding is not None:
                yield finding


_Dates = tuple[Proposition, list[TextDate]]


def _out_of_order(ctx: RuleContext, inference: Inference, number: int, premise: _Dates,
                  conclusion: _Dates) -> Finding | None:
    if not premise[1] or not conclusion[1]:
        return None
    cause, effect = (premise, conclusion) if inference.scheme == "cause_to_effect" \
        else (conclusion, premise)
    first_cause = min(cause[1], key=TextDate.key)
    last_effect = max(effect[1], key=TextDate.key)
    if not last_effect.before(first_cause):
        return None
    return ctx.at(inference.id, "premises", number,
                  message=f"`{inference.id}` ({inference.scheme}) has cause `{cause[0].id}` "
                          f"dated \"{first_cause.written}\" after its effect `{effect[0].id}` "
                          f"dated \"{last_effect.written}\": a cause cannot follow its effect")


class _Dated:
    """The dates of propositions, from the dates of each source text found once."""

    def __init__(self, ctx: RuleContext) -> None:
        self.ctx = ctx
        self._of: dict[str, list[TextDate]] = {}
        self._in_source: dict[str, list[TextDate]] = {}

    def of(self, proposition: Proposition) -> list[TextDate]:
        if proposition.id not in self._of:
            self._of[proposition.id] = find_dates(proposition.text) or self._quoted(proposition)
        return self._of[proposition.id]

    def _quoted(self, proposition: Proposition) -> list[TextDate]:
        in_quotes: list[TextDate] = []
        in_sentences: list[TextDate] = []
        for _, quote, passage in anchored_passages(self.ctx, proposition):
            dates = self._source_dates(quote.source, passage.text)
            sentence = [date for date in dates
                        if passage.sentence[0] <= date.start < passage.sentence[1]]
            in_quotes += [date for date in sentence if passage.start <= date.start < passage.end]
            if len(sentence) == 1:
                in_sentences += sentence
        return in_quotes or in_sentences

    def _source_dates(self, source_id: str, text: str) -> list[TextDate]:
        if source_id not in self._in_source:
            source = self.ctx.index.source(source_id)
            year = source.published.year if source is not None and source.published else None
            self._in_source[source_id] = find_dates(text, year)
        return self._in_source[source_id]
