"""Likelihood stronger than its evidence or than the words of the source.

A judgment's or hypothesis's `likelihood` must be one its evidence and its source's words can
carry. Four cases are reported:

* **poor evidence**: a band of `very_likely` / `highly_likely` or stronger (option `min-band`,
  the band's lower bound, default 0.8) whose support reaches quotes only from speakers or
  sources graded D, E or F (option `poor-grades`), or only one independent report whose
  speaker or source is not graded A or B (one report from a usually reliable witness in a
  position to know can carry a strong band);
* **a bare hedge**: such a band on a judgment whose anchoring quotes say only "could", "might",
  "may", "possibly" (a hedge that names no probability) and no estimative term;
* **certainty without a band**: a judgment with no likelihood whose anchoring quote says
  "certainly", "must have", "it became apparent" (`argmap/cues/reasoning.py`): a certainty
  claim is an estimate, and needs a band like any other;
* **a condition read as an estimate**: a judgment with a likelihood, anchored in a sentence that
  opens with "If", "Unless", "Even if" (`argmap/cues/clauses.py`), whose own text has no
  condition: "if it is confirmed" is a conditional, not an estimate that it will be.

A band that translates an estimative term of the judgment's own text or quotes ("almost
certainly", "likely"), or a certainty word of its quotes ("must have"), is the source's
estimate, recorded as such; whether it is translated rightly is
`likelihood-disagrees-with-phrase` (AM123). Such judgments are not reported here: the rule
looks for bands the analyst added beyond the source's words. The finding quotes the
source's words it relied on.

**Why:** a band is a claim about the evidence. "Almost certain" on the word of one poorly
graded source, or on an author's "could", overstates what the map holds.

**Anti-pattern** (source: "The drones could have been launched from Iran.")

```yaml
  - id: j-launched-iran
    kind: author_judgment
    text: The drones were launched from Iran.
    quotes: [q-could]
    likelihood: {band: almost_certain}
```

**Best practice**

```yaml
    likelihood: {band: roughly_even_chance, phrase: could}
    confidence: low
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.cues.clauses import opener
from argmap.cues.estimative import TERM
from argmap.cues.reasoning import find_certainty
from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding
from argmap.lint.rules._common import anchoring_quotes, estimative_phrases, quoted
from argmap.lint.rules._passages import anchored_passages, cue_in_sentence, in_source
from argmap.model import Proposition, Quote
from argmap.model.elements import ESTIMATIVE_KINDS
from argmap.model.vocabulary import find_band

ID = "AM174"
NAME = "likelihood-beyond-evidence"
LEVEL = "warning"
OPTIONS = {"min-band": 0.8, "poor-grades": ("D", "E", "F")}

_CONDITION_WORDS = ("if", "unless", "would", "should", "provided", "whether")


def check(ctx: RuleContext) -> Iterator[Finding]:
    grades = _Grades(ctx)
    for proposition in ctx.model.propositions:
        if proposition.kind not in ESTIMATIVE_KINDS:
            continue
        if proposition.likelihood is None:
            yield from _certainty_without_band(ctx, proposition)
            continue
        if _source_term(ctx, proposition):
            continue  # the band is the source's own estimate (likelihood-disagrees-with-phrase)
        finding = _conditional(ctx, proposition)
        if finding is None and _strong(ctx, proposition):
            finding = _bare_hedge(ctx, proposition) or _poor_evidence(ctx, proposition, grades)
        if finding is not None:
            yield finding


def _source_term(ctx: RuleContext, proposition: Proposition) -> bool:
    """Whether the text or the quotes of the judgment use an estimative term (the band then
    translates the source's words, and other rules check that it does so rightly)."""
    return any(match.phrase.strength == TERM
               for _, match in estimative_phrases(ctx, proposition)) \
        or any(find_certainty(quote.text) for _, quote in anchoring_quotes(ctx, proposition))


def _strong(ctx: RuleContext, proposition: Proposition) -> bool:
    likelihood = proposition.likelihood
    band = find_band(ctx.vocabulary, likelihood.band) if likelihood is not None else None
    return band is not None and band.low >= ctx.number("min-band")


def _band(proposition: Proposition) -> str:
    return f"`{proposition.likelihood.band}`" if proposition.likelihood is not None else ""


def _bare_hedge(ctx: RuleContext, proposition: Proposition) -> Finding | None:
    found = [(place, match) for place, match in estimative_phrases(ctx, proposition)
             if place != ("text",)]
    if not found or any(match.phrase.probability is not None for _, match in found):
        return None
    hedge = found[0][1].written
    return ctx.at(proposition.id, "likelihood", "band",
                  message=f"`{proposition.id}` is {_band(proposition)}, but its source says only "
                          f"{quoted(hedge)}, a hedge that names no probability: a band this "
                          "strong needs words or evidence that carry it")


def _poor_evidence(ctx: RuleContext, proposition: Proposition, grades: _Grades
                   ) -> Finding | None:
    letters, examples = grades.of(proposition.id)
    poor = set(ctx.words("poor-grades"))
    if letters and letters <= poor:  # an ungraded speaker ("?") is not poor
        listed = ", ".join(f"`{who}` {grade}" for who, grade in examples)
        more = ", ..." if len(examples) == _EXAMPLES else ""
        return ctx.at(proposition.id, "likelihood", "band",
                      message=f"`{proposition.id}` is {_band(proposition)}, but every source it "
                              f"rests on is poorly graded ({listed}{more})")
    reports = ctx.evidence.support_reports(proposition.id, cap=2).independent
    if reports == 1 and not letters & {"A", "B"}:
        return ctx.at(proposition.id, "likelihood", "band",
                      message=f"`{proposition.id}` is {_band(proposition)}, but it rests on one "
                              "independent report: a band this strong needs corroboration")
    return None


_EXAMPLES = 4
_Summary = tuple[frozenset[str], tuple[tuple[str, str], ...]]


class _Grades:
    """The reliability grades of the speakers (else sources) whose quotes each proposition
    rests on, transitively: the set of grade letters (``?`` for ungraded) and a few examples.
    Each proposition is summed up once, from its premises' sums, so the walk is linear; inside
    a support cycle a member sees what was reached before the cycle closed."""

    def __init__(self, ctx: RuleContext) -> None:
        self.ctx = ctx
        self._memo: dict[str, _Summary] = {}

    def of(self, proposition_id: str) -> _Summary:
        pending: list[tuple[str, bool]] = [(proposition_id, False)]
        open_nodes: set[str] = set()
        while pending:
            node, expanded = pending.pop()
            if node in self._memo:
                continue
            premises = [premise for step in self.ctx.graph.supported_by.get(node, ())
                        for premise in step.premises]
            if expanded:
                self._memo[node] = self._sum(node, premises)
                open_nodes.discard(node)
                continue
            open_nodes.add(node)
            pending.append((node, True))
            pending.extend((premise, False) for premise in premises
                           if premise not in self._memo and premise not in open_nodes)
        return self._memo[proposition_id]

    def _sum(self, node: str, premises: list[str]) -> _Summary:
        letters: set[str] = set()
        examples: dict[str, str] = {}
        proposition = self.ctx.index.proposition(node)
        for _, quote in anchoring_quotes(self.ctx, proposition) if proposition else ():
            who, grade = self._grade(quote)
            letters.add(grade)
            if len(examples) < _EXAMPLES:
                examples.setdefault(who, grade)
        for premise in premises:
            their_letters, their_examples = self._memo.get(premise, (frozenset(), ()))
            letters |= their_letters
            for who, grade in their_examples:
                if len(examples) < _EXAMPLES:
                    examples.setdefault(who, grade)
        return frozenset(letters), tuple(sorted(examples.items()))

    def _grade(self, quote: Quote) -> tuple[str, str]:
        actor = self.ctx.index.actor(quote.speaker)
        source = self.ctx.index.source(quote.source)
        if actor is not None and actor.grade is not None:
            return actor.id, actor.grade.reliability
        if source is not None and source.grade is not None:
            return source.id, source.grade.reliability
        return f"{quote.speaker} (ungraded)", "?"


def _certainty_without_band(ctx: RuleContext, proposition: Proposition) -> Iterator[Finding]:
    if any(True for _ in estimative_phrases(ctx, proposition)):
        return  # the estimative rules already ask for the likelihood
    for _, quote, passage in anchored_passages(ctx, proposition):
        cues = find_certainty(quote.text)
        if cues:
            cue = in_source(passage, cues[0])
            yield ctx.at(proposition.id, "kind",
                         message=f"`{proposition.id}` has no likelihood, but its source is "
                                 f"certain ({cue_in_sentence(passage, cue)}): record "
                                 f"`likelihood: {{band: ..., phrase: {cue.written}}}`")
            return


def _conditional(ctx: RuleContext, proposition: Proposition) -> Finding | None:
    words = set(proposition.text.lower().replace(",", " ").split())
    if words & set(_CONDITION_WORDS):
        return None
    for _, _, passage in anchored_passages(ctx, proposition):
        found = opener(passage.sentence_text)
        if found is not None and found[0] == "conditional":
            shown = " ".join(passage.sentence_text.split()[:14])
            return ctx.at(proposition.id, "likelihood", "band",
                          message=f"`{proposition.id}` is {_band(proposition)}, but its source "
                                  f"states it under a condition (\"{shown}…\"): a conditional "
                                  "is not an estimate; keep the condition in the text and drop "
                                  "the band, or estimate the condition itself")
    return None
