"""Actor who is a party to the question, quoted as evidence with no interest recorded.

`interested-party-unchallenged` (AM115) asks that testimony from an actor marked
`interested: true` be tested for bias. This rule finds the actors who should have been marked:
an actor not marked interested whose quotes anchor evidence the map uses (a premise of an
inference or a row of an ACH matrix), and who is a party to what the map weighs:

* **named in a hypothesis** ("Ostrelia's state hackers broke into the port" makes Ostrelia's
  officials a party);
* **the subject of their own claims**: an attributed claim anchored in their quote names them
  (a company saying the company did nothing wrong); a name followed by a speech verb ("the
  council said ...") is the speaker, not the subject;
* **belonging to an implicated organisation**: their `affiliation` is an actor marked
  interested, or is named in a hypothesis.

An actor is named by its `name`, or a person by the surname (the last capitalised word of a name
of two words or more). The author of a source is left out: their stake is the source's grade.

**Why:** a party's account of itself is the first thing a reviewer discounts; an interest not
recorded is a bias question never asked (AM115 only asks it of actors marked interested).

**Anti-pattern** (hypothesis: "The operator skipped the crane's maintenance.")

```yaml
actors:
  - {id: operator, name: The operator}
```

**Best practice**

```yaml
actors:
  - {id: operator, name: The operator, interested: true,
     interest: Faces fines if found negligent.}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.cues.attribution import find_attributions
from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding
from argmap.lint.rules._passages import named_in
from argmap.model import Actor, Proposition

ID = "AM179"
NAME = "interested-party-unmarked"
LEVEL = "warning"
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    authors = {source.author for source in ctx.model.sources if source.author}
    hypotheses = [proposition for proposition in ctx.model.propositions
                  if proposition.kind == "hypothesis"]
    used = _used_speakers(ctx)
    actors = ctx.model.actors
    interested = [actor for actor in actors if actor.interested]
    for actor in actors:
        if actor.interested or actor.id in authors or actor.id not in used:
            continue
        why = _party(ctx, actor, used[actor.id], hypotheses, interested)
        if why is not None:
            yield ctx.at(actor.id, "name",
                         message=f"`{actor.id}` is quoted as evidence (`{used[actor.id][0]}`) "
                                 f"but is a party to the question: {why}; mark it "
                                 "`interested: true` with its `interest`")


def _used_speakers(ctx: RuleContext) -> dict[str, list[str]]:
    """Each speaker's propositions that the map uses as evidence (premises or ACH rows)."""
    used_ids = set(ctx.graph.premise_of) | {row.proposition for question in ctx.model.questions
                                            for row in question.evidence}
    speakers: dict[str, list[str]] = {}
    for proposition in ctx.model.propositions:
        if proposition.id not in used_ids:
            continue
        for quote_id in proposition.quotes:
            quote = ctx.index.quote(quote_id)
            if quote is not None and quote.mode != "author":
                speakers.setdefault(quote.speaker, []).append(proposition.id)
    return speakers


def _party(ctx: RuleContext, actor: Actor, uses: list[str], hypotheses: list[Proposition],
           interested: list[Actor]) -> str | None:
    for hypothesis in hypotheses:
        found = named_in(actor, hypothesis.text)
        if found is not None:
            return f"hypothesis `{hypothesis.id}` names \"{found.group()}\""
    for proposition_id in uses:
        proposition = ctx.index.proposition(proposition_id)
        if proposition is None or proposition.kind != "attributed_claim":
            continue
        found = named_in(actor, proposition.text)
        if found is not None and not find_attributions(proposition.text[found.end():][:30]):
            return f"its own claim `{proposition_id}` is about \"{found.group()}\""
    return _implicated_affiliation(actor, hypotheses, interested)


def _implicated_affiliation(actor: Actor, hypotheses: list[Proposition],
                            interested: list[Actor]) -> str | None:
    affiliation = actor.affiliation
    if not affiliation:
        return None
    for other in interested:
        if other.id != actor.id and (
                affiliation in (other.id, other.name) or named_in(other, affiliation)):
            return f"it belongs to `{other.id}`, which is marked interested"
    for hypothesis in hypotheses:
        if affiliation.lower() in hypothesis.text.lower():
            return f"it belongs to {affiliation}, named in hypothesis `{hypothesis.id}`"
    return None
