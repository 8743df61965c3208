"""Proposition that names someone or something its quotes do not.

A quote names one country and the proposition another; a statement by one ministry is given
to a different one. The rule reads names in the proposition (runs of capitalised words; a
sentence's first word only when the source also writes it as a name; months and days are
dates) and reports two things:

* a name that stands where its quote has another ("supplied by Syria" where the quote says
  "supplied by Iran": the words around it agree, the name does not), unless it is an alias of
  the quote's ("Baghdad" for "the Iraqi capital") or names the quoted speaker ("Halvorsen
  Labs" for "Okafor", who works there);
* a name the source never gives, nor the map's actors (name, role, affiliation) nor the titles
  of the map and the source.

A name matches on any of its distinctive words ("Kataib Hezbollah" matches "Hezbollah
Brigades"; titles such as "Minister" or "Council" do not count), on common aliases ("US" and
"United States") and on initials ("IRGC"). A proposition that makes a quote stand alone by
naming what the quote leaves implicit ("the government" -> "the Dravian government") is doing
its job, and is not reported.

**Why:** a swapped name keeps a verbatim quote and a plausible sentence, so it passes every
other check, and it moves the evidence onto the wrong party.

**Anti-pattern**

```yaml
  - id: q-drones
    text: The drones were supplied by Iran.
  ...
  - id: drones-supplied
    kind: reported_fact
    text: The drones were supplied by Syria.
    quotes: [q-drones]
```

**Best practice**

```yaml
  - id: drones-supplied
    kind: reported_fact
    text: The drones were supplied by Iran.
    quotes: [q-drones]
```
(if the name comes from elsewhere in the text, anchor the proposition there too).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from argmap.cues.fidelity import Name, aliases, initials, name_key, name_words, names, plain
from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding
from argmap.lint.rules._paraphrase import Anchor, both, checked_propositions, quoted, shown, swaps
from argmap.model import Proposition

ID = "AM184"
NAME = "paraphrase-name"
LEVEL = "warning"
OPTIONS: dict[str, object] = {}

_CAPITALISED = re.compile(r"(?<=[a-z,;] )[A-Z][\w'-]*")
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")


class Mentioned(NamedTuple):
    """What the map's texts name: name keys, initials, and the text to find aliases in."""

    words: set[str]
    acronyms: set[str]
    lowered: str


def check(ctx: RuleContext) -> Iterator[Finding]:
    known = _capitalised_words(ctx)
    mentioned = _mentioned(_map_texts(ctx))
    for proposition, anchors in checked_propositions(ctx):
        finding = _unmentioned(ctx, proposition, anchors, known, mentioned) \
            or _swapped(ctx, proposition, anchors, known)
        if finding is not None:
            yield finding


def _swapped(ctx: RuleContext, proposition: Proposition, anchors: list[Anchor],
             known: frozenset[str]) -> Finding | None:
    ours = names(proposition.text, known, first_is_name=True)
    kept = {key for name in ours for key in name.keys}
    for anchor in anchors:
        speakers = _mentioned(_speaker_texts(ctx, anchor))
        theirs = names(anchor.quote.text, known)
        quoted = {key for name in theirs for key in name.keys}
        for swap in swaps(anchor.quote.text, proposition.text):
            old = [name for name in _within(theirs, swap.their_span)
                   if not set(name.keys) & kept]
            new = [name for name in _within(ours, swap.our_span)
                   if not _same(name, quoted) and not _found(name, speakers)]
            if old and new:
                return ctx.at(proposition.id, "text", message=(
                    f"proposition `{proposition.id}` says \"{new[0].written}\" where quote "
                    f"`{anchor.quote.id}` says \"{old[0].written}\" ({both(proposition, anchor)}): "
                    "check the name"))
    return None


def _within(found: list[Name], span: tuple[int, int]) -> list[Name]:
    """The names that overlap ``span``, whole (a swapped word may be half of a name)."""
    return [name for name in found if name.start < span[1] and span[0] < name.end]


def _unmentioned(ctx: RuleContext, proposition: Proposition, anchors: list[Anchor],
                 known: frozenset[str], mentioned: Mentioned) -> Finding | None:
    for name in names(proposition.text, known):
        if not _found(name, mentioned):
            texts = quoted(anchors)
            return ctx.at(proposition.id, "text", message=(
                f"proposition `{proposition.id}` names \"{name.written}\", which neither its "
                f"source nor the map's actors name (proposition: \"{shown(proposition.text)}\"; "
                f"{texts}): check the name, or record who it is"))
    return None


def _same(name: Name, keys: set[str]) -> bool:
    """Whether a name is one of ``keys`` or an alias of one ("Baghdad" for "Iraqi")."""
    return any(key in keys or aliases(key) & keys for key in name.keys)


def _speaker_texts(ctx: RuleContext, anchor: Anchor) -> list[str]:
    """The quoted speaker's and relay's entries: a speaker may be named by their
    organisation ("Okafor said" -> "Halvorsen Labs")."""
    texts = []
    for actor_id in (anchor.quote.speaker, anchor.quote.via):
        actor = ctx.index.actor(actor_id) if actor_id else None
        if actor is not None:
            texts += [actor.name, actor.role or "", actor.affiliation or ""]
    return texts


def _found(name: Name, mentioned: Mentioned) -> bool:
    if any(key in mentioned.words for key in name.keys):
        return True
    whole = " ".join(name_key(word) for word in name.written.split())
    if any((" " + alias + " ") in mentioned.lowered or alias in mentioned.words
           for alias in aliases(whole)):
        return True
    spelled = "".join(word[0] for word in name.written.split() if word[0].isupper()).lower()
    return name.written.lower() in mentioned.acronyms \
        or (len(spelled) >= 2 and spelled in mentioned.acronyms)


def _mentioned(texts: list[str]) -> Mentioned:
    text = " ".join(texts)
    acronyms = initials(text) | {word.lower() for word in _ACRONYM.findall(text)}
    return Mentioned(name_words(text), acronyms, " " + " ".join(plain(text).lower().split()) + " ")


def _map_texts(ctx: RuleContext) -> list[str]:
    """The texts a name may come from: the sources, the actors, the titles."""
    texts = [ctx.model.map.title]
    for source in ctx.model.sources:
        read = ctx.sources.text_of(source.id)
        texts += [source.title, read.text.original if read is not None else ""]
    for actor in ctx.model.actors:
        texts += [actor.name, actor.role or "", actor.affiliation or ""]
    return texts


def _capitalised_words(ctx: RuleContext) -> frozenset[str]:
    """Name keys of words the map's sources write capitalised mid-sentence, and actor names."""
    found = {name_key(actor.name.split()[0]) for actor in ctx.model.actors if actor.name}
    for source in ctx.model.sources:
        text = ctx.sources.text_of(source.id)
        if text is not None:
            found |= {name_key(word) for word in _CAPITALISED.findall(text.text.original)}
    return frozenset(found)
