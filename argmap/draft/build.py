"""A first draft of a map's content from a source text, read sentence by sentence with the cues.

Every sentence that is not a heading becomes one quote, or one per clause where a reasoning
connective splits it ("..., which means ...", "... because ..."); a direct quotation becomes a
quote of the words in quotation marks. Each quote's speaker is the one its attribution names
(:mod:`argmap.draft.speakers`), and each quote anchors one proposition whose kind the cues
suggest: someone else's words are an attributed claim; the author's words with an estimative
phrase, or concluding a step, a judgment (with the phrase's band where it names one); "one
possibility" a hypothesis; the rest a reported fact. Connectives give inferences: a forward one
("so", "which means") makes what follows it the conclusion of what precedes it (at the start of
a sentence, of the sentence before), a backward one ("because") the other way round.

Offsets are the source's own, so every quote is verbatim by construction.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection
from dataclasses import dataclass, field

from argmap.analyse.quote_match import Span, sentence_spans
from argmap.cues.connectives import Connective, find_connectives
from argmap.cues.estimative import find_phrases, hedge_band, in_vocabulary
from argmap.cues.judgment import judges
from argmap.cues.speakers import ACT_VERBS
from argmap.draft.speakers import Actor, Attribution, Cast

MAX_SENTENCE_CHARS = 2_000
MAX_SENTENCES = 10_000
_HEADING_WORDS = 20
_POSSIBILITY = re.compile(r"\b(?:one|another|a third|the second|the third) (?:possibility|"
                          r"explanation|hypothesis|theory)\b", re.IGNORECASE)
_KIND_PREFIX = {"reported_fact": "f", "attributed_claim": "c", "author_judgment": "j",
                "hypothesis": "h"}


@dataclass(frozen=True)
class DraftQuote:
    id: str
    start: int
    end: int
    speaker: str
    mode: str


@dataclass(frozen=True)
class DraftProposition:
    id: str
    text: str
    kind: str
    quote: str
    band: str | None = None
    phrase: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class DraftInference:
    id: str
    premises: tuple[str, ...]
    conclusion: str
    quote: str


@dataclass
class Draft:
    """What the drafter wrote, and what it left out and why."""

    actors: list[Actor] = field(default_factory=list)
    quotes: list[DraftQuote] = field(default_factory=list)
    propositions: list[DraftProposition] = field(default_factory=list)
    inferences: list[DraftInference] = field(default_factory=list)
    sentences: int = 0
    skipped: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Clause:
    span: Span  # within the source text
    content: Span
    connective: Connective | None  # the connective that opens the clause
    conclusion: bool  # whether the clause concludes a step
    authors: bool = False  # a step the author draws from someone's words


def draft(text: str, cast: Cast, vocabulary: str = "icd203",
          only: Collection[Span] | None = None, taken: Collection[str] = ()) -> Draft:
    """Draft quotes, propositions and inferences for the sentences of ``text`` (only those in
    ``only`` when given), with ids not in ``taken``."""
    result = Draft()
    writer = _Writer(result, cast, vocabulary, set(taken))
    wanted = set(only) if only is not None else None
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        if _heading(sentence):
            continue
        if end - start > MAX_SENTENCE_CHARS:
            result.skipped.append(f"a sentence of {end - start:,} characters at character "
                                  f"{start} (longer than {MAX_SENTENCE_CHARS:,})")
            continue
        attribution = cast.attribute(sentence)
        if wanted is not None and (start, end) not in wanted:
            writer.previous = None
            continue
        if result.sentences >= MAX_SENTENCES:
            result.skipped.append(f"every sentence after the first {MAX_SENTENCES:,}")
            break
        result.sentences += 1
        writer.sentence(text, start, end, attribution)
    result.actors = [actor for actor in cast.actors.values()
                     if actor.id in writer.speakers and not actor.existing]
    return result


class _Writer:
    """Turns each sentence's clauses into quotes, propositions and the inferences between them."""

    def __init__(self, result: Draft, cast: Cast, vocabulary: str, taken: set[str]) -> None:
        self.result, self.cast, self.vocabulary, self.taken = result, cast, vocabulary, taken
        self.previous: DraftProposition | None = None
        self.speakers: set[str] = set()
        self.numbers: dict[str, int] = {}

    def sentence(self, text: str, start: int, end: int, attribution: Attribution) -> None:
        starts = [0, *[after for _, after, _ in attribution.tails]]
        stops = [*[before for before, _, _ in attribution.tails], end - start]
        parts = [attribution, *[tail for _, _, tail in attribution.tails]]
        for low, high, part in zip(starts, stops, parts, strict=True):
            stop = len(text[:start + high].rstrip(" ,;:\n\t"))
            if stop > start + low:
                self._part(text, start + low, stop, part)

    def _part(self, text: str, start: int, end: int, attribution: Attribution) -> None:
        clauses = _clauses(text, start, end, attribution)
        made = [self._clause(text, clause, attribution) for clause in clauses]
        for index, (clause, proposition) in enumerate(zip(clauses, made, strict=True)):
            if clause.connective is None:
                continue
            if clause.connective.direction == "backward" and index > 0:
                self._infer((proposition,), made[index - 1], proposition.quote)
            elif clause.connective.direction == "forward":
                ground = made[index - 1] if index > 0 else self.previous
                if ground is not None:
                    self._infer((ground,), proposition, proposition.quote)
        self.previous = made[-1]

    def _clause(self, text: str, clause: _Clause, attribution: Attribution) -> DraftProposition:
        # "..., which means ..." after someone's words is the author drawing the conclusion.
        speaker = self.cast.author if clause.authors else attribution.speaker
        self.speakers.add(speaker.id)
        mode = attribution.mode if speaker is not self.cast.author else "author"
        quote = DraftQuote(self._id("q", text[clause.span[0]:clause.span[1]]), *clause.span,
                           speaker.id, mode)
        self.result.quotes.append(quote)
        words = " ".join(text[clause.content[0]:clause.content[1]].split())
        if attribution.verb in ACT_VERBS and speaker is attribution.speaker:
            # "Biden ordered ...": the map uses that the act happened, in the text's words.
            proposition = _Proposal(_as_statement(text[clause.span[0]:clause.span[1]]),
                                    "reported_fact")
        else:
            proposition = _proposition(words, speaker is self.cast.author, clause.conclusion,
                                       self.vocabulary)
        made = DraftProposition(self._id(_KIND_PREFIX[proposition.kind], words),
                                proposition.text, proposition.kind, quote.id, proposition.band,
                                proposition.phrase, proposition.note)
        self.result.propositions.append(made)
        return made

    def _infer(self, premises: tuple[DraftProposition, ...], conclusion: DraftProposition,
               quote: str) -> None:
        inference = DraftInference(self._id("i", conclusion.text), tuple(p.id for p in premises),
                                   conclusion.id, quote)
        self.result.inferences.append(inference)

    def _id(self, prefix: str, words: str) -> str:
        slug = "-".join(re.findall(r"[a-z0-9]+", words.lower())[:5])[:48].strip("-") or "x"
        base = f"{prefix}-{slug}"
        candidate, number = base, self.numbers.get(base, 2)
        while candidate in self.taken:
            candidate, number = f"{base}-{number}", number + 1
        self.numbers[base] = number  # the next number to try: repeated openings cost no search
        self.taken.add(candidate)
        return candidate


def vocabulary_of(text: str) -> str:
    """The yardstick whose own phrases the text uses more: `phia` ("realistic possibility",
    "highly unlikely") or `icd203` (the default, and on a tie)."""
    counts = {"icd203": 0, "phia": 0}
    for match in find_phrases(text):
        for vocabulary in counts:
            if in_vocabulary(vocabulary, match.phrase) is not None:
                counts[vocabulary] += 1
    return "phia" if counts["phia"] > counts["icd203"] else "icd203"


def _heading(sentence: str) -> bool:
    """A heading or headline: no end punctuation, and short."""
    ends = ".!?\"'\u201d\u2019)"
    return sentence.rstrip()[-1:] not in ends and len(sentence.split()) <= _HEADING_WORDS


def _clauses(text: str, start: int, end: int, attribution: Attribution) -> list[_Clause]:
    """The sentence's clauses: split before each connective that opens one (a direct quotation
    is kept whole), each with the words its proposition restates."""
    sentence = text[start:end]
    if attribution.mode == "direct":
        quoted = (start + attribution.quote[0], start + attribution.quote[1])
        return [_Clause(quoted, quoted, None, False)]
    found = find_connectives(sentence)
    opening = next((c for c in found if c.start == 0 or _parenthetical(sentence, c)), None)
    # A connective inside the attribution ("who spoke on condition of anonymity because they
    # were not authorised") belongs to it, not to what is reported.
    reported_from = attribution.content[0] if attribution.mode != "author" else 0
    cuts = [c for c in found if c.start > reported_from and _opens_clause(sentence, c)]
    bounds = [0, *[c.start for c in cuts], len(sentence)]
    clauses = []
    for index, (low, high) in enumerate(itertools.pairwise(bounds)):
        connective = cuts[index - 1] if index > 0 else opening
        span = _trim(sentence, low, high)
        content = _content(sentence, span, attribution, connective, index == 0)
        concludes = (connective is not None and connective.direction == "forward") \
            or any(c.direction == "backward" for c in cuts[index:index + 1])
        authors = index > 0 and connective is not None and connective.direction == "forward"
        clauses.append(_Clause((start + span[0], start + span[1]),
                               (start + content[0], start + content[1]), connective, concludes,
                               authors))
    return clauses


def _opens_clause(sentence: str, connective: Connective) -> bool:
    """A connective splits the sentence when it follows a comma or semicolon, or is one of the
    words that open a clause of their own ("because", "which means")."""
    before = sentence[:connective.start].rstrip()
    if len(before.split()) < 3 or _parenthetical(sentence, connective):
        return False
    return before.endswith((",", ";")) or connective.words in ("because", "which means",
                                                               "which is why", "given that")


def _parenthetical(sentence: str, connective: Connective) -> bool:
    """", therefore," and "position therefore will": a step from the sentence before."""
    after = sentence[connective.end:connective.end + 1]
    before = sentence[:connective.start].rstrip()
    return connective.words in ("therefore", "thus", "hence", "consequently") and (
        after == "," or not before.endswith((",", ";")))


def _content(sentence: str, span: Span, attribution: Attribution, connective: Connective | None,
             first: bool) -> Span:
    low, high = span
    if connective is not None and connective.start == low:
        low = connective.end
    if first and attribution.content[0] > low and attribution.content[0] < high:
        low = attribution.content[0]
    return _trim(sentence, low, high)


def _trim(sentence: str, low: int, high: int) -> Span:
    while low < high and sentence[low] in " ,;:\n\t":
        low += 1
    while high > low and sentence[high - 1] in " ,;:\n\t":
        high -= 1
    return low, high


@dataclass(frozen=True)
class _Proposal:
    text: str
    kind: str
    band: str | None = None
    phrase: str | None = None
    note: str | None = None


def _proposition(words: str, by_author: bool, concludes: bool, vocabulary: str) -> _Proposal:
    text = _as_statement(words)
    if not by_author:
        return _Proposal(text, "attributed_claim")
    if _POSSIBILITY.search(words):
        return _Proposal(text, "hypothesis")
    phrases = find_phrases(words)
    if phrases:
        phrase = phrases[0]
        band = hedge_band(vocabulary, phrase.phrase)
        if band is None:
            note = f"\"{phrase.written}\" names no probability: choose the band the author means."
            return _Proposal(text, "author_judgment", note=note)
        return _Proposal(text, "author_judgment", band.term, phrase.written)
    return _Proposal(text, "author_judgment" if concludes or judges(words) else "reported_fact")


def _as_statement(words: str) -> str:
    words = words.strip().strip("\"\u201c\u201d").strip()
    if not words:
        return "(no words)"
    words = words[0].upper() + words[1:]
    return words if words[-1] in ".!?" else words + "."
