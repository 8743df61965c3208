"""Proposition with a number its quotes do not have.

A proposition restates its quotes; a figure, a range end, a count or a unit that differs from
its quote's is a number the analyst changed. The rule compares figures ("270", "1,195",
"31.5%", "3 million") and counting words ("three drones") by value, so "7 November" and
"November 7" agree, and reports two things:

* a number in the proposition that stands where its quote has another ("between 170 and 200"
  where the quote says "between 270 and 300": the words around it agree, the number does not);
* a number the source never states anywhere. A year may also come from the date the map
  records (the source's title and publication date, the map's title and summary).

A number that the source states elsewhere (a total the article gives in another paragraph) is
the analyst's to bring in, and is not reported.

**Why:** every later step inherits the number. "270-300 fighters" paraphrased as "170-200" is
an error nobody will catch downstream, because the quote is still verbatim.

**Anti-pattern**

```yaml
  - id: q-fighters
    text: between 270 and 300 fighters crossed the border
  ...
  - id: fighters-crossed
    kind: reported_fact
    text: Between 170 and 200 fighters crossed the border.
    quotes: [q-fighters]
```

**Best practice**

```yaml
  - id: fighters-crossed
    kind: reported_fact
    text: Between 270 and 300 fighters crossed the border.
    quotes: [q-fighters]
```
(or anchor the proposition in the quote that gives its number).
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.cues.fidelity import figures
from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding
from argmap.lint.rules._paraphrase import Anchor, both, checked_propositions, quoted, shown, swaps
from argmap.model import Proposition

ID = "AM181"
NAME = "paraphrase-number"
LEVEL = "warning"
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    stated = _stated(ctx)
    for proposition, anchors in checked_propositions(ctx):
        finding = _swapped(ctx, proposition, anchors, stated[""]) \
            or _unstated(ctx, proposition, anchors, stated)
        if finding is not None:
            yield finding


def _swapped(ctx: RuleContext, proposition: Proposition, anchors: list[Anchor],
             dated: set[float]) -> Finding | None:
    for anchor in anchors:
        around = {figure.value for figure in figures(anchor.sentence_text)}
        for theirs, ours, _, _ in swaps(anchor.quote.text, proposition.text):
            old = {figure.value for figure in figures(theirs, counting_only=False)}
            new = [figure for figure in figures(ours, counting_only=False)
                   if figure.value not in around and figure.value not in old
                   and not (figure.year and figure.value in dated)]
            if old and new:
                was = ", ".join(figure.written for figure in figures(theirs, counting_only=False))
                return ctx.at(proposition.id, "text", message=(
                    f"proposition `{proposition.id}` says \"{new[0].written}\" where quote "
                    f"`{anchor.quote.id}` says \"{was}\" ({both(proposition, anchor)}): "
                    "correct the number"))
    return None


def _unstated(ctx: RuleContext, proposition: Proposition, anchors: list[Anchor],
              stated: dict[str, set[float]]) -> Finding | None:
    known = set().union(*(stated.get(anchor.quote.source, set()) for anchor in anchors))
    dated = stated[""]
    for figure in figures(proposition.text):
        if figure.value in known or (figure.year and figure.value in dated):
            continue
        texts = quoted(anchors)
        return ctx.at(proposition.id, "text", message=(
            f"proposition `{proposition.id}` says \"{figure.written}\", a number its source "
            f"never states (proposition: \"{shown(proposition.text)}\"; {texts}): correct "
            "the number, or anchor it in the quote that gives it"))
    return None


def _stated(ctx: RuleContext) -> dict[str, set[float]]:
    """The numbers each source's text states, by source id; under ``""`` the years the map
    dates itself with (its title and summary, each source's title and publication date)."""
    stated: dict[str, set[float]] = {}
    dated = [ctx.model.map.title, ctx.model.map.summary or ""]
    for source in ctx.model.sources:
        text = ctx.sources.text_of(source.id)
        if text is not None:
            stated[source.id] = {figure.value for figure in figures(text.text.original)}
        dated += [source.title, str(source.published or "").replace("-", " ")]
    stated[""] = {figure.value for text in dated for figure in figures(text)}
    return stated
