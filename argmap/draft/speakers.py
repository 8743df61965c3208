"""Who speaks in a sentence, read the way a reader follows attributions.

A sentence's speaker is found, in this order, from: a direct quotation followed by its speaker
(`"...," he said`); "according to X"; a subject and a saying verb at the start of the sentence
(`Anton Vass, the authority's chief executive, told reporters that ...`); an attribution set
into the sentence (`..., she said, ...`); a passive one (`were denied by the customs service`);
hearsay words (`reportedly`, `it is believed`), given to one actor, "unattributed reports"; and
otherwise the author. A negated saying verb (`did not say`, `has not denied`) is the author's
report that someone did *not* speak.

The :class:`Cast` keeps every actor named so far in the order of their last mention, so a
pronoun ("she", "they", "One of them") and a short name ("Osei", "the firm") find their actor.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from argmap.cues.connectives import find_connectives
from argmap.cues.estimative import fold, word_pattern
from argmap.cues.speakers import (
    BODY_WORDS,
    HEARSAY_SUBJECTS,
    HEARSAY_WORDS,
    SAYING_VERBS,
    TITLES,
    UNATTRIBUTED,
)

AUTHOR = "author"
_RECENT = 200
_CAP = r"(?:(?:al|el|bin|ibn|de|van|von)-)?[A-Z][\w'\u2019.\-]*"
_NAME = re.compile(rf"(?:{_CAP})(?:\s+(?:&\s+)?(?:al-|el-|de |van |von |bin |ibn )?{_CAP})*")
_VERBS = word_pattern(SAYING_VERBS)
_HEARSAY = word_pattern(HEARSAY_WORDS)
_TITLE = re.compile("(?:{})\\s+".format("|".join(
    re.escape(title) for title in sorted(TITLES, key=len, reverse=True))))
_BODY = frozenset(BODY_WORDS)
_NEGATED = re.compile(r"\b(?:not|never|no longer|n't)\s+(?:\w+\s+)?$")
_AUX = re.compile(r"(?:\s+(?:also|later|then|publicly|repeatedly|previously|again|has|have|had|"
                  r"would|will|did|does|do|often|still))+\s*$")
_PASSIVE_BEFORE = re.compile(r"\b(?:being|been|be|is|are|was|were)\s*$")
_DETERMINER_BEFORE = re.compile(r"(?:^|\s)(?:the|a|an|this|that|its|his|her|their|our|any|no|"
                                r"whose|such)\s*$", re.IGNORECASE)
# Forms that are nouns as often as verbs: a verb only when the next word is not one.
_AMBIGUOUS = frozenset({"claim", "claims", "estimate", "estimates", "dispute", "disputes",
                        "notes", "calls", "states", "reports", "tell", "say", "deny"})
_NAMED = re.compile(rf"(?:called|calling itself|named|known as)?\s*"
                    rf"(?P<name>{_CAP}(?:\s+(?:&\s+)?{_CAP})*)$")
_HEAD_CUT = re.compile(r"\s(?:of|in|at|with|from|for|who|which|that|familiar|close|on|to|"
                       r"calling|called|named)\b")
_LEADING = re.compile(r"^(?:But|And|Yet|Still|However|Meanwhile|Instead|Now|Later|Earlier)\b,?\s*")
_ADVERBIAL = re.compile(r"^(?:[A-Z][a-z]+ing|In|On|At|After|Before|During|Asked|Writing|Since|"
                        r"Last|This|Earlier|Later|Speaking|Until|Within|For|From|By|If|When|"
                        r"While|Although|Unless|Because|As|Once)\b")
_THAT = re.compile(r"(?:\s+[\w'\u2019,-]+){0,7}?\s+that\s")
_CLAUSE_VERBS = frozenset({"said", "says", "say", "added", "adds", "argued", "argues", "claimed",
                           "claims", "warned", "warns", "insisted", "insists", "noted", "stated",
                           "suggested", "suggests", "explained", "maintained", "maintains",
                           "suspect", "suspects"})
_UNATTRIBUTED = "unattributed-reports"
_TAIL = re.compile(r"(?:,\s+(?:and|but)\s+|,\s+(?:which\s+|an?\s+\w+\s+(?:that\s+|which\s+)?)"
                   r"|:\s+)")
_PART_OF = re.compile(r"^(?:one|two|three|some|several|many|most|all|none) of (?:the )?"
                      r"(?P<rest>.+)$", re.IGNORECASE)
_PRONOUNS = {"he": "he", "she": "she", "it": "it", "they": "they", "them": "they",
             "one of them": "they", "both": "they"}
_FINITE = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would", "can",
                     "could", "did", "does", "do", "began", "fell", "rose", "came", "went",
                     "made", "took", "faces", "remains", "seems", "should", "must", "may",
                     "might", "shall", "means", "mean", "show", "shows", "showed", "shown",
                     "indicates", "explains"})
_ARTICLES = ("the ", "a ", "an ", "its ", "his ", "her ", "their ", "our ")
_QUOTES = "\"\u201c\u201d"
_DIRECT_LEAD = re.compile(r"^[\"\u201c](?P<words>[^\"\u201c\u201d]+?)[,.?!]?[\"\u201d],?\s+"
                          r"(?P<rest>\S.*)$", re.S)
_WHOLLY_QUOTED = re.compile(r"^[\"\u201c](?P<words>[^\"\u201c\u201d]+?)[\"\u201d]$", re.S)
_ACCORDING = re.compile(r"\b(?:[Aa]ccording to (?P<np>[^,.;:]+)|"
                        r"[Ii]n (?P<pronoun>his|her|their|its) (?:view|opinion|words))")
_INSERTED = re.compile(r",\s+(?P<np>[^,\"\u201c\u201d]{1,60}?)\s+(?:said|says|say|added|argued|"
                       r"warned|insisted|insists)\s*(?P<end>[,.]|$)")
_PASSIVE = re.compile(r"\b(?:was|were|been|is|are)\s+(?:denied|disputed|rejected|confirmed|"
                      r"dismissed|criticised|criticized|claimed|announced|reported|said|"
                      r"ordered)\s+by\s+(?P<np>[^,.;]+?)"
                      r"(?:\s+(?:on|in|at|last|this|earlier|after|before)\b[^,.;]*)?(?=[,.;]|$)")
_APPOSITION = re.compile(rf"(?P<name>{_CAP}(?:\s+{_CAP})+),\s+(?P<role>(?:a|an|the)\s[^,.;]{{3,90}}"
                         rf"|[A-Z]\w+['\u2019]s\s[^,.;]{{3,90}})[,.]")


@dataclass
class Actor:
    """Someone the text names: a person, a body, or a group of people."""

    id: str
    name: str
    role: str | None = None
    kind: str = "person"  # "person", "body" or "group"
    pronoun: str | None = None
    speaks: bool = False
    existing: bool = False


@dataclass
class Attribution:
    """Who speaks a sentence, how, and which of its characters carry the content."""

    speaker: Actor
    mode: str  # "author", "direct" or "indirect"
    quote: tuple[int, int]  # the span worth quoting, within the sentence
    content: tuple[int, int]  # the words the proposition restates, within the sentence
    # A last part with a speaker of its own (", which the ministry denied"): where it starts in
    # the sentence, and its attribution (offsets within that part).
    tails: tuple[tuple[int, int, Attribution], ...] = ()
    verb: str | None = None  # the saying verb, where a subject and verb name the speaker


@dataclass
class Cast:
    """The actors named so far, most recently mentioned last."""

    author_id: str = AUTHOR
    actors: dict[str, Actor] = field(default_factory=dict)
    order: dict[str, None] = field(default_factory=dict)  # ids, most recently mentioned last
    by_name: dict[str, Actor] = field(default_factory=dict)
    previous: Actor | None = None  # the speaker of the sentence before, if not the author

    def __post_init__(self) -> None:
        # The map being drafted or merged into has its author already, unless told otherwise.
        self.author = self._add(Actor(self.author_id, "The author", kind="person", speaks=True,
                                      existing=True))

    def known(self, actor_id: str, name: str, role: str | None) -> None:
        """An actor an existing map already has: found by its name, never written again."""
        if actor_id != self.author_id:
            self._add(Actor(actor_id, name, role, _kind(name), existing=True))

    def attribute(self, sentence: str) -> Attribution:
        """The sentence's speaker (registering any actor it names on the way)."""
        self._register_appositions(sentence)
        found = (_direct(self, sentence) or _according(self, sentence)
                 or _subject(self, sentence) or _inserted(self, sentence)
                 or _passive(self, sentence) or _hearsay(self, sentence))
        if found is None or found.speaker is self.author or found.speaker.id == _UNATTRIBUTED:
            found = found or Attribution(self.author, "author", (0, len(sentence)),
                                         (0, len(sentence)))
            found.tails = _tails(self, sentence)
        for speaker in [found.speaker, *[tail.speaker for _, _, tail in found.tails]]:
            if speaker is not self.author:
                speaker.speaks = True
                self.mention(speaker)
        last = found.tails[-1][2].speaker if found.tails else found.speaker
        self.previous = last if last is not self.author else None
        return found

    def mention(self, actor: Actor) -> None:
        self.order.pop(actor.id, None)
        self.order[actor.id] = None

    def actor(self, phrase: str, role: str | None = None) -> Actor | None:
        """The actor a noun phrase names: a pronoun's referent, a known name, or a new actor."""
        phrase = _tidy(phrase)
        if not phrase or len(phrase.split()) > 12:
            return None
        pronoun = _PRONOUNS.get(phrase.lower())
        if pronoun is not None:
            return self._referent(pronoun)
        if _HEARSAY.fullmatch(fold(phrase)) or fold(phrase) in HEARSAY_SUBJECTS \
                or fold(phrase).startswith(("unconfirmed reports", "reports ", "rumours ")):
            return self.unattributed()
        part = _PART_OF.match(phrase)
        whole = self._group(part.group("rest")) if part else None
        if whole is not None:
            return whole
        role, name = _split_title(phrase, role)
        name, role = _named_within(name, role)
        return self._known(name) or self._add(_new_actor(name, role, self.actors))

    def unattributed(self) -> Actor:
        known = self.actors.get("unattributed-reports")
        return known or self._add(Actor("unattributed-reports", UNATTRIBUTED, kind="group"))

    def _referent(self, pronoun: str) -> Actor | None:
        wanted = {"he": "person", "she": "person", "it": "body", "they": "group"}[pronoun]
        for actor in self._recent():
            if actor.kind == wanted and actor.pronoun in (None, pronoun) \
                    and actor is not self.author:
                if pronoun in ("he", "she"):
                    actor.pronoun = pronoun
                return actor
        return None

    def _group(self, words: str) -> Actor | None:
        """The group "one of the bankers" belongs to: the last group whose name has "bankers"."""
        head = words.split()[0].lower()
        return next((actor for actor in self._recent()
                     if actor.kind == "group" and head in actor.name.lower().split()), None)

    def _known(self, name: str) -> Actor | None:
        """An actor already met whose name or role this phrase names ("Osei", "the firm")."""
        words = name.lower().removeprefix("the ").split()
        if not words:
            return None
        same = self.by_name.get(" ".join(words))
        if same is not None:
            return same
        for actor in self._recent():
            if actor is self.author:
                continue
            full = actor.name.lower()
            if full == " ".join(words) or (len(words) == 1 and full.split()[-1] == words[0]):
                return actor
            if name.lower().startswith("the ") and len(words) <= 2 and actor.role \
                    and words[-1] in actor.role.lower().split():
                return actor
            if len(words) >= 2 and all(word in full.split() for word in words):
                return actor
        return None

    def _recent(self) -> Iterator[Actor]:
        """The actors mentioned last, most recent first: a pronoun or a short name refers to
        one of the last few, so a text naming thousands costs no more per sentence."""
        for actor_id in itertools.islice(reversed(self.order), _RECENT):
            yield self.actors[actor_id]

    def _add(self, actor: Actor) -> Actor:
        self.actors[actor.id] = actor
        self.by_name.setdefault(actor.name.lower().removeprefix("the "), actor)
        self.mention(actor)
        return actor

    def _register_appositions(self, sentence: str) -> None:
        """Names introduced with a description ("Tomas Reyes, the bank's envoy,") are remembered
        even when the sentence gives them no words, so a later "he" finds them."""
        start = _TITLE.match(sentence)
        lead = _NAME.match(sentence, start.end()) if start else None
        if start and lead and len(lead.group().split()) >= 2:
            self.actor(sentence[:lead.end()])
        for match in _APPOSITION.finditer(sentence):
            if match.group("name").split()[0] not in ("The", "A", "An", "In", "On"):
                self.actor(match.group("name"), _tidy(match.group("role")))


def _tails(cast: Cast, sentence: str) -> tuple[tuple[int, int, Attribution], ...]:
    """Parts of the sentence with speakers of their own, each running to the next such part:
    ", which Ambara's defence ministry denied", ", a step that Ambaran officials have publicly
    urged", ", and his spokesman said that ...", ": Ambara's foreign minister said ..."."""
    cuts = list(_TAIL.finditer(sentence))
    found: list[tuple[int, int, Attribution]] = []
    for index, cut in enumerate(cuts):
        stop = cuts[index + 1].start() if index + 1 < len(cuts) else len(sentence)
        part = sentence[cut.end():stop]
        said = _subject_and_verb(cast, part)
        if said is not None and said[0] is not None and said[0] is not cast.author:
            content = _strip(part, (said[1], len(part)))
            found.append((cut.start(), cut.end(),
                          Attribution(said[0], "indirect", (0, len(part)), content,
                                      verb=_verb_of(part))))
    return tuple(found)


def _direct(cast: Cast, sentence: str) -> Attribution | None:
    """`"Words," Name, role, said ...` and a sentence wholly in quotation marks."""
    lead = _DIRECT_LEAD.match(sentence)
    if lead is not None:
        said = _subject_and_verb(cast, lead.group("rest"))
        if said is not None and said[0] is not None:
            words = lead.span("words")
            return Attribution(said[0], "direct", words, words)
    whole = _WHOLLY_QUOTED.match(sentence.strip())
    if whole is not None and cast.previous is not None:
        words = whole.span("words")
        return Attribution(cast.previous, "direct", words, words)
    return None


def _according(cast: Cast, sentence: str) -> Attribution | None:
    match = _ACCORDING.search(sentence)
    if match is None:
        return None
    pronoun = match.group("pronoun")
    phrase = {"his": "he", "her": "she", "their": "they", "its": "it"}.get(pronoun or "")
    speaker = cast.actor(phrase or _owner(match.group("np")))
    if speaker is None:
        return None
    if match.start() == 0:
        comma = sentence.find(",", match.end())
        content = (comma + 1 if comma >= 0 else match.end(), len(sentence))
    else:
        content = (0, sentence.rfind(",", 0, match.start()) % (len(sentence) + 1))
    return Attribution(speaker, "indirect", (0, len(sentence)), _strip(sentence, content))


def _subject(cast: Cast, sentence: str) -> Attribution | None:
    said = _subject_and_verb(cast, sentence)
    if said is None:
        return None
    speaker, content_start = said
    if speaker is None:  # a negated saying verb: the author says someone did not speak
        return Attribution(cast.author, "author", (0, len(sentence)), (0, len(sentence)))
    return Attribution(speaker, "indirect", (0, len(sentence)),
                       _strip(sentence, (content_start, len(sentence))), verb=_verb_of(sentence))


def _inserted(cast: Cast, sentence: str) -> Attribution | None:
    match = _INSERTED.search(sentence)
    if match is None:
        return None
    speaker = cast.actor(match.group("np"))
    if speaker is None:
        return None
    return Attribution(speaker, "indirect", (0, len(sentence)), (0, match.start()))


def _passive(cast: Cast, sentence: str) -> Attribution | None:
    match = _PASSIVE.search(sentence)
    speaker = cast.actor(match.group("np")) if match else None
    if match is None or speaker is None:
        return None
    return Attribution(speaker, "indirect", (0, len(sentence)), (0, len(sentence)))


def _hearsay(cast: Cast, sentence: str) -> Attribution | None:
    if not _HEARSAY.search(fold(sentence)):
        return None
    return Attribution(cast.unattributed(), "indirect", (0, len(sentence)), (0, len(sentence)))


def _verb_of(text: str) -> str | None:
    verb = _saying_verb(text)
    return " ".join(verb.group().split()) if verb else None


def _saying_verb(text: str) -> re.Match[str] | None:
    """The first saying verb of ``text`` that is used as one."""
    return next((match for match in _VERBS.finditer(fold(text))
                 if _verb_here(text, match.group(), match.end())), None)


def _subject_and_verb(cast: Cast, text: str) -> tuple[Actor | None, int] | None:
    """The speaker named before the first saying verb of ``text`` and where the content starts;
    ``(None, 0)`` when the verb is negated; None when no subject stands before the verb."""
    verb = _saying_verb(text)
    if verb is None or verb.start() == 0:
        return None
    before = text[:verb.start()]
    if "," in before and text[verb.end():].lstrip().startswith(","):
        return None  # "..., most economists say, ...": an inserted attribution
    if _NEGATED.search(before):
        return None, 0
    if _PASSIVE_BEFORE.search(before) or _DETERMINER_BEFORE.search(before):
        return None
    subject = _subject_phrase(_AUX.sub("", _after_connective(before).rstrip()))
    if subject is None:
        return _pronoun_subject(cast, text, before, verb.group(), verb.end())
    name, role = subject
    speaker = cast.actor(name, role)
    return (speaker, _content_start(text, verb.group(), verb.end())) if speaker else None


def _after_connective(before: str) -> str:
    """"That is why some researchers" -> "some researchers": a step's marker is no subject."""
    opening = next((c for c in find_connectives(before) if c.start == 0), None)
    return before[opening.end:].lstrip(" ,") if opening is not None else before


def _pronoun_subject(cast: Cast, text: str, before: str, verb: str,
                     verb_end: int) -> tuple[Actor | None, int] | None:
    """"..., in which it reiterated that": a pronoun right before the verb is its subject."""
    last = re.search(r"(?:,|\bwhich|\bthat|\bwhom)\s+(he|she|it|they)\s*$",
                     _AUX.sub("", before.rstrip()), re.IGNORECASE)
    speaker = cast.actor(last.group(1)) if last else None
    return (speaker, _content_start(text, verb, verb_end)) if speaker is not None else None


def _verb_here(text: str, verb: str, end: int) -> bool:
    """Whether a saying verb is one here, not a noun ("the hacktivist claim explains") nor part
    of a name ("the United States")."""
    start = end - len(verb)
    if start > 0 and text[start].isupper():
        return False
    following = text[end:].split()
    nxt = following[0].strip(",.;:") if following else ""
    if verb in ("called", "calls", "named") and nxt[:1].isupper():
        return False  # "a company called Teller & Sons" names; it says nothing
    if verb not in _AMBIGUOUS:
        return True
    return not (nxt.islower() and (nxt in _FINITE or nxt.endswith(("s", "ed"))))


def _subject_phrase(before: str) -> tuple[str, str | None] | None:
    """``(name, role)`` when ``before`` is a subject with appositions, after optional adverbial
    openers ("Speaking in parliament on Wednesday, she"); None when it is a clause."""
    segments = [segment.strip() for segment in _LEADING.sub("", before).split(",")]
    if segments[-1]:  # no comma right before the verb: a subject after adverbial openers only
        openers = segments[:-1]
        if not all(_ADVERBIAL.match(seg) or _adverb(seg) for seg in openers if seg):
            return None
        segments = segments[-1:]
    segments = [segment for segment in segments if segment]
    while len(segments) > 1 and (_ADVERBIAL.match(segments[0]) or _adverb(segments[0])):
        segments.pop(0)
    if not segments or not _noun_phrase(segments[0]) \
            or re.match(r"(?:which|who|that|where|when)\b", segments[0]):
        return None
    appositions = [s for s in segments[1:] if not re.match(r"(?:who|which|speaking|whose)\b", s)]
    if not all(_noun_phrase(s, apposition=True) for s in appositions):
        return None
    names = [s for s in [segments[0], *appositions] if _is_name(s)]
    if not names:  # "The contractor, a maintenance company called Teller & Sons"
        inner = [_named_within(s, None) for s in appositions]
        named = next(((n, r) for n, r in inner if _is_name(n)), None)
        if named is not None:
            return named[0], ", ".join(p for p in (segments[0], named[1]) if p)
    name = names[0] if names else segments[0]
    roles = [s for s in [segments[0], *appositions] if s != name]
    return name, ", ".join(roles) or None


def _adverb(segment: str) -> bool:
    words = segment.split()
    return len(words) <= 3 and words[-1].lower().endswith("ly")


def _noun_phrase(segment: str, apposition: bool = False) -> bool:
    """A subject has no finite verb nor (outside "who ...") a participle; an apposition may have
    one ("a private security firm hired by the port authority")."""
    head = re.split(r"\bwho\b", segment)[0]
    words = head.split()
    return 0 < len(words) <= 14 and not any(word in _FINITE for word in words) \
        and (apposition or not any(w.endswith("ed") and w.islower() for w in words[1:]))


def _is_name(segment: str) -> bool:
    if segment.lower().startswith(_ARTICLES):
        return False
    match = _NAME.fullmatch(_TITLE.sub("", segment))
    return match is not None


def _content_start(text: str, verb: str, verb_end: int) -> int:
    """Where the reported words begin: after "that" when one follows the verb within a few words
    ("told reporters on Tuesday that"), right after a verb of saying ("she said the attack"),
    else at the start (a speech act with an object: "Ostrelia denied any involvement")."""
    that = _THAT.match(text, verb_end)
    if that is not None:
        return that.end()
    return verb_end if verb in _CLAUSE_VERBS else 0


def _named_within(phrase: str, role: str | None) -> tuple[str, str | None]:
    """"A hacktivist channel calling itself Free Harbour" is Free Harbour, a hacktivist channel;
    "The ratings agency Meridian" is Meridian."""
    if not phrase.lower().startswith(_ARTICLES):
        return phrase, role
    named = _NAMED.search(phrase)
    if named is None or named.start("name") == 0:
        return phrase, role
    described = phrase[:named.start()].strip()
    if described.lower() in ("the", "a", "an"):
        described = ""
    return named.group("name"), ", ".join(part for part in (described, role) if part) or None


def _split_title(phrase: str, role: str | None) -> tuple[str | None, str]:
    title = _TITLE.match(phrase)
    if title is None or not _NAME.fullmatch(phrase[title.end():]):
        return role, phrase
    rest = phrase[title.end():]
    titled = phrase[:title.end()].strip()
    return (f"{titled}, {role}" if role else titled), rest


def _new_actor(name: str, role: str | None, actors: dict[str, Actor]) -> Actor:
    base = re.sub(r"[^a-z0-9]+", "-", name.lower().removeprefix("the ")).strip("-")[:60] or "actor"
    actor_id, number = base, 2
    while actor_id in actors:
        actor_id, number = f"{base}-{number}", number + 1
    return Actor(actor_id, name[0].upper() + name[1:], role, _kind(name))


def _kind(name: str) -> str:
    words = name.split()
    head = _HEAD_CUT.split(name)[0].split()[-1]
    plural = head.lower().endswith("s") and not head.endswith(("'s", "\u2019s")) \
        and (head.islower() or head == words[0])
    if plural:
        return "group"
    if any(word.strip("'\u2019") in _BODY for word in words) or len(words) == 1:
        return "body"
    return "body" if name[0].islower() or words[0] in ("The", "A", "An") else "person"


def _owner(phrase: str) -> str:
    """"the central bank's own weekly statement" speaks for "the central bank"."""
    match = re.match(r"(?P<owner>.+?)['\u2019]s\s+(?:own\s+)?(?:\w+\s+)?(?:statement|report|data|"
                     r"figures|records|website|account)\b", phrase.strip())
    return match.group("owner") if match else phrase


def _tidy(phrase: str) -> str:
    return " ".join(phrase.strip(" ,;:" + _QUOTES).split())


def _strip(sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    while start < end and sentence[start] in " ,;:":
        start += 1
    return start, max(start, end)
