"""Quote whose speaker or mode disagrees with who speaks in its sentence.

The source says who speaks: "…, he had warned", "according to the ministry", "Qaani told
reporters", a passage in quotation marks. The rule reads the quote's sentence (and, for a quote
given to a party, the sentence before it in its paragraph) and reports three disagreements:

* a quote in the **author's voice** (`mode: author`) that stands inside quotation marks or in a
  clause the sentence gives to someone ("X said", "according to X", "…, he had warned"): a
  quoted party's words given to the author;
* a quote given to a **party** whose clause names another actor of the map as the one who
  speaks, and not the quote's speaker or its `via`;
* a quote given to a **party** in a source that has an `author`, whose sentence and the
  sentence before neither attribute nor quote anything (no speech verb, no "according to", no
  view verb such as "believe" or "suspect", no "reportedly" or "unconfirmed reports", no
  quotation marks) and do not name the speaker: the author's own words given to a party.

A speech verb after "not", "never" or a form of "to be" ("has not said", "were claimed by")
gives no one's words; nor does one in another clause than the quote's (after a "which", "but",
"and", a semicolon), so "Those attacks were claimed by militias, which means ..." leaves "which
means ..." in the author's voice.

A quote of at least `min-quoted-words` words (default 4) inside quotation marks is speech; a
shorter one may be the author's scare quotes ("the so-called \u201caxis\u201d"). The finding
quotes the source's words it relied on; a "he" or "she" by the speech verb is read as the actor
named in the sentence before. Speech verbs and attributing phrases are the
lists of `argmap/cues/attribution.py` (docs/lint.md, "Cue lists").

**Why:** the voice decides everything after it: the author's words are the author's reasoning;
a party's words are testimony, weighed by who speaks and why.

**Anti-pattern** (source: "Sanctions will not stop the programme, he had warned.")

```yaml
  - id: q-sanctions
    text: Sanctions will not stop the programme
    speaker: author
    mode: author
```

**Best practice**

```yaml
  - id: q-sanctions
    text: Sanctions will not stop the programme
    speaker: minister
    mode: indirect
```
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analyse.passage import Passage
from argmap.cues.attribution import find_attributions, find_speaker_pronouns, find_views
from argmap.cues.reliability import find_doubts
from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding
from argmap.lint.rules._passages import (
    ActorNames,
    cue_in_sentence,
    governing_attribution,
    in_quotation_marks,
    named_in,
)
from argmap.model import Actor, Quote

ID = "AM171"
NAME = "speaker-against-attribution"
LEVEL = "warning"
OPTIONS = {"min-quoted-words": 4}
_WINDOW = 60  # characters either side of a speech verb in which its speaker is named


def check(ctx: RuleContext) -> Iterator[Finding]:
    names = ActorNames(ctx.model.actors)
    for quote in ctx.model.quotes:
        passage = ctx.passage(quote)
        if passage is None:
            continue
        if quote.mode == "author":
            finding = _party_words_as_author(ctx, quote, passage, names)
        else:
            finding = _author_words_as_party(ctx, quote, passage, names)
        if finding is not None:
            yield finding


def _party_words_as_author(ctx: RuleContext, quote: Quote, passage: Passage,
                           names: ActorNames) -> Finding | None:
    if in_quotation_marks(passage) and len(quote.text.split()) >= ctx.number("min-quoted-words"):
        return ctx.at(quote.id, "mode",
                      message=f"quote `{quote.id}` is in the author's voice, but the source "
                              "puts these words in quotation marks: "
                              f"\"{_opening(passage)}…\"; give them to the speaker (`direct`)")
    attribution = governing_attribution(passage)
    if attribution is None:
        return None
    who = _named_speaker(names, passage, attribution.cue.start, attribution.cue.end)
    party = f"`{who.id}`" if who is not None else "someone other than the author"
    return ctx.at(quote.id, "mode",
                  message=f"quote `{quote.id}` is in the author's voice, but its sentence gives "
                          f"these words to {party} ({cue_in_sentence(passage, attribution.cue)}): "
                          "set `speaker` and `mode: indirect` (or `direct`)")


def _author_words_as_party(ctx: RuleContext, quote: Quote, passage: Passage,
                           names: ActorNames) -> Finding | None:
    speaker = ctx.index.actor(quote.speaker)
    if speaker is None:
        return None
    attribution = governing_attribution(passage)
    if attribution is not None:
        other = _named_speaker(names, passage, attribution.cue.start, attribution.cue.end)
        if other is None or other.id in (quote.speaker, quote.via) \
                or named_in(speaker, passage.sentence_text):
            return None
        return ctx.at(quote.id, "speaker",
                      message=f"quote `{quote.id}` is given to `{speaker.id}`, but its sentence "
                              f"gives these words to `{other.id}` "
                              f"({cue_in_sentence(passage, attribution.cue)})")
    source = ctx.index.source(quote.source)
    if source is None or source.author is None or _attributes(passage, speaker):
        return None  # with no author, there are no author's words to mistake
    return ctx.at(quote.id, "speaker",
                  message=f"quote `{quote.id}` is given to `{speaker.id}` ({quote.mode}), but "
                          "nothing in its sentence or the one before attributes or quotes it "
                          f"(\"{_opening(passage)}…\"): if these are the author's words, use "
                          "`mode: author`")


def _attributes(passage: Passage, speaker: Actor) -> bool:
    """Whether the sentence or the one before speaks of someone speaking, quotes, or names
    the speaker."""
    nearby = passage.previous_text + " " + passage.sentence_text
    return bool(find_attributions(nearby) or find_views(nearby) or find_doubts(nearby)) \
        or in_quotation_marks(passage) \
        or any(mark in nearby for mark in '"\u201c\u201d') or named_in(speaker, nearby) is not None


def _named_speaker(names: ActorNames, passage: Passage, start: int, end: int) -> Actor | None:
    """The actor named nearest the cue in its sentence (within 60 characters of it), else, when
    a "he", "she" or "they" stands by the cue, the last actor the sentence before names."""
    first, last = passage.sentence
    window_start = max(first, start - _WINDOW)
    nearby = names.mentions(passage.text[window_start:min(last, end + _WINDOW)])
    if nearby:
        return min(nearby, key=lambda found: min(abs(window_start + found[0] - start),
                                                 abs(window_start + found[0] - end)))[1]
    if passage.prior is None:
        return None
    if not find_speaker_pronouns(passage.text[max(first, start - 20):end + 20]):
        return None
    before = names.mentions(passage.text[passage.prior[0]:passage.prior[1]])
    return before[-1][1] if before else None


def _opening(passage: Passage) -> str:
    words = passage.sentence_text.split()
    return " ".join(words[:12]).replace('"', "'")
