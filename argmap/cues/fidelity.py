"""What a paraphrase must keep: numbers, negations, quantifiers, names and qualifiers.

A proposition restates the words it is anchored in. Synonyms, reordering, tense and summary are
the analyst's right; what it must not do is change the facts those words state. These are the
cues that tell, each read from text alone (whole words, case-folded, typographic apostrophes
straightened):

* **numbers**: figures ("270", "1,195", "31.5"), number words ("three", "a dozen") and the
  unit or per cent after them. A year (1800-2099) is kept apart: an analyst may date a
  proposition from the source's own date or elsewhere in the text.
* **negations**: "not", "no", "never", "without", "n't", "nobody", ... A word that means a
  negative ("rejected", "denied", "failed", "unlikely", "lack") is *negative in meaning*: a
  paraphrase may turn it into a "not" and back, so it counts on either side.
* **quantifiers** in four ranks: a few / some / several (1) < many (2) < most (3) < all /
  every / always / none (4). "After all", "at all", "all but" quantify nothing.
* **names**: runs of capitalised words, the word that opens a sentence only when it is a name
  elsewhere; titles and common words of organisations ("Minister", "Council") are not enough to
  match on their own; a few aliases (US / United States, UN / United Nations) and initials
  ("IRGC" for "Islamic Revolutionary Guard Corps") are the same name.
* **qualifiers** that limit a statement: of time ("as of 28 October", "so far", "to date"),
  of condition ("if", "unless", "provided that"; built on :mod:`argmap.cues.clauses`) and of
  attribution ("according to", "reportedly"; built on :mod:`argmap.cues.attribution` and
  :mod:`argmap.cues.reliability`).
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from argmap.cues.attribution import ATTRIBUTING_PHRASES, SPEECH_VERBS
from argmap.cues.clauses import CONDITIONAL
from argmap.cues.reliability import HEARSAY, RUMOUR

_APOSTROPHES = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2011": "-", "\u2010": "-"}
)


def plain(text: str) -> str:
    """Straight apostrophes and hyphens (one character for one, so offsets hold)."""
    return text.translate(_APOSTROPHES)


# ---------------------------------------------------------------------------------------------
# Numbers

NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
    "half": 0.5,
    "twice": 2,
    "double": 2,
    "triple": 3,
    "single": 1,
    "first": 1,
    "second": 2,
    "third": 3,
}
# "one" is left out: it is mostly "a" ("one aim", "one of the factors").
# Scale words multiply the figure before them ("3 million", "1.2bn").
SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "bn": 1e9,
    "m": 1e6,
    "k": 1e3,
}
_FIGURE = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s*(%|per\s?cent|"
    r"percent|thousand|million|billion|trillion|bn|m|k)\b)?",
    re.IGNORECASE,
)
_NUMBER_WORD = re.compile(
    r"\b(" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)
# "one of the", "one aim": a word-number that counts nothing; only figures and number words
# that stand before a plural or a scale count.
_COUNTED = re.compile(
    r"\s+(?:[a-z-]+\s+){0,2}?[a-z-]+s\b|\s+(?:thousand|million|billion)\b", re.IGNORECASE
)


class Figure(NamedTuple):
    """A number read from text: its value, whether it is a year, and the words as written."""

    value: float
    year: bool
    written: str


def figures(text: str, *, counting_only: bool = True) -> list[Figure]:
    """Every number in ``text``: figures always, number words only where they count something
    ("three drones", not "one of the aims"); with ``counting_only`` false, every number word
    (for a few words known to stand where a number stood)."""
    found = []
    for match in _FIGURE.finditer(text):
        whole, fraction, unit = match.group(1), match.group(2), match.group(3)
        value = float(whole.replace(",", "") + ("." + fraction if fraction else ""))
        scale = SCALES.get((unit or "").lower().replace(" ", ""), 1.0)
        year = not fraction and not unit and "," not in whole and 1800 <= value <= 2099
        found.append(Figure(value * scale, year, match.group(0)))
    for match in _NUMBER_WORD.finditer(text):
        word = match.group(1).lower()
        if word in {"first", "second", "third", "single", "half", "double", "twice", "triple"}:
            continue  # ordinals and the like: rewordings ("the second visit") are too common
        if not counting_only or _COUNTED.match(text, match.end()):
            found.append(Figure(float(NUMBER_WORDS[word]), False, match.group(0)))
    return found


# ---------------------------------------------------------------------------------------------
# Negations

NEGATORS = (
    "not",
    "no",
    "never",
    "without",
    "nobody",
    "nothing",
    "none",
    "neither",
    "nor",
    "cannot",
    "nowhere",
    "n't",
    "no one",
    "non",
    "absence of",
    "lack of",
    "lacks",
    "lacked",
    "lacking",
    "fails to",
    "failed to",
    "refused to",
    "refuses to",
)
# Words whose meaning is negative: a paraphrase may say them with a "not" ("rejected" ->
# "did not accept"), so their presence on one side answers a negation on the other.
NEGATIVE_STEMS = (
    "reject",
    "deny",
    "denie",
    "denial",
    "refus",
    "fail",
    "unlikel",
    "lack",
    "absen",
    "dismiss",
    "disput",
    "oppos",
    "unabl",
    "impossib",
    "halt",
    "stopp",
    "banned",
    "bans",
    "prevent",
    "exclud",
    "exclusion",
    "withh",
    "withdr",
    "avoid",
    "resist",
    "ceas",
    "block",
    "declin",
    "doubt",
    "instead",
    "rather",
    "unable",
    "refrain",
    "abstain",
    "forgo",
    "forego",
    "spare",
    "un",
    "dis",
    "non",
)
# Prefixes count only on words of seven letters or more that are not among these.
_NOT_NEGATIVE = (
    "under",
    "unit",
    "univ",
    "union",
    "uniq",
    "unif",
    "until",
    "discuss",
    "distan",
    "distric",
    "display",
    "distrib",
    "discover",
    "disclos",
    "dispatch",
)
_NEGATOR = re.compile(
    r"(?:\b(?:" + "|".join(re.escape(word) for word in NEGATORS if word != "n't") + r")\b|n't\b)",
    re.IGNORECASE,
)
_WORDS = re.compile(r"[a-z][a-z'-]*")


def negations(text: str) -> list[re.Match[str]]:
    """Where ``text`` negates ("not", "never", "without", "n't", ...)."""
    return list(_NEGATOR.finditer(plain(text)))


def negative_in_meaning(text: str) -> bool:
    """Whether ``text`` has a negation or a word of negative meaning (see NEGATIVE_STEMS; a
    prefix such as "un" counts only on words of seven letters or more, "unknown", "disagree")."""
    if negations(text):
        return True
    for word in _WORDS.findall(plain(text).lower()):
        if word.startswith(_NOT_NEGATIVE):
            continue
        for stem in NEGATIVE_STEMS:
            if word.startswith(stem) and (len(stem) > 3 or len(word) >= 7):
                return True
    return False


# ---------------------------------------------------------------------------------------------
# Quantifiers

QUANTIFIERS = {
    "a few": 1,
    "few": 1,
    "some": 1,
    "several": 1,
    "a number of": 1,
    "certain": 1,
    "a handful of": 1,
    "occasionally": 1,
    "sometimes": 1,
    "a minority of": 1,
    "many": 2,
    "numerous": 2,
    "often": 2,
    "frequently": 2,
    "a lot of": 2,
    "much of": 2,
    "most": 3,
    "majority": 3,
    "mostly": 3,
    "largely": 3,
    "usually": 3,
    "nearly all": 3,
    "nearly every": 3,
    "nearly everything": 3,
    "almost every": 3,
    "almost everything": 3,
    "almost all": 3,
    "the bulk of": 3,
    "all": 4,
    "every": 4,
    "each": 4,
    "always": 4,
    "entire": 4,
    "entirely": 4,
    "whole": 4,
    "universally": 4,
    "everyone": 4,
    "everything": 4,
    "everywhere": 4,
}
# "All" that quantifies nothing ("after all", "23 per cent in all"). "Any" is not read at all:
# it is mostly a negation's or a question's ("no evidence that any data left").
_NOT_QUANTIFYING = re.compile(
    r"\b(?:after all|at all|in all|each other|all but|all the same|above all|once and "
    r"for all|all in all|if any|any longer|any more|anymore|first of "
    r"all|all along|whole-of)\b",
    re.IGNORECASE,
)
_QUANTIFIER = re.compile(
    r"\b("
    + "|".join(sorted((re.escape(word) for word in QUANTIFIERS), key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)


class Quantifier(NamedTuple):
    """A quantifying word and its rank (1 some, 2 many, 3 most, 4 all)."""

    written: str
    rank: int


def quantifiers(text: str) -> list[Quantifier]:
    """Quantifiers in ``text``, strongest reading of each ("almost all" is 3, not 4)."""
    cleaned = _NOT_QUANTIFYING.sub(" ", plain(text))
    return [
        Quantifier(match.group(1), QUANTIFIERS[match.group(1).lower()])
        for match in _QUANTIFIER.finditer(cleaned)
    ]


# ---------------------------------------------------------------------------------------------
# Names

# Words that are capitalised in names but say nothing of *which* one: a name matches another
# only on its other words.
TITLE_WORDS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "president",
        "prime",
        "minister",
        "ministers",
        "ministry",
        "deputy",
        "vice",
        "secretary",
        "general",
        "chief",
        "head",
        "leader",
        "commander",
        "director",
        "chairman",
        "chairwoman",
        "chair",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "official",
        "officials",
        "senator",
        "governor",
        "mayor",
        "king",
        "queen",
        "prince",
        "sheikh",
        "ayatollah",
        "imam",
        "council",
        "committee",
        "commission",
        "movement",
        "party",
        "parties",
        "group",
        "groups",
        "force",
        "forces",
        "front",
        "army",
        "navy",
        "corps",
        "brigade",
        "brigades",
        "militia",
        "militias",
        "bank",
        "company",
        "corporation",
        "agency",
        "office",
        "department",
        "authority",
        "union",
        "organisation",
        "organization",
        "association",
        "assembly",
        "parliament",
        "court",
        "government",
        "state",
        "states",
        "republic",
        "kingdom",
        "federal",
        "national",
        "international",
        "central",
        "security",
        "defence",
        "defense",
        "interior",
        "foreign",
        "affairs",
        "affair",
        "public",
        "new",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "upper",
        "lower",
        "great",
        "greater",
        "supreme",
        "high",
        "grand",
        "the",
        "of",
        "and",
        "for",
        "in",
        "on",
        "at",
        "to",
        "a",
        "an",
        "al",
        "el",
        "de",
        "la",
        "le",
        "von",
        "van",
        "bin",
        "ibn",
        "abu",
    ]
)
# Words that open sentences and are not names (a capitalised first word is a name only when
# the text also writes it capitalised elsewhere, or it is in no list here).
SENTENCE_OPENERS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "there",
        "their",
        "its",
        "it",
        "his",
        "her",
        "he",
        "she",
        "they",
        "we",
        "our",
        "us",
        "i",
        "you",
        "your",
        "one",
        "some",
        "any",
        "all",
        "each",
        "every",
        "both",
        "either",
        "neither",
        "no",
        "not",
        "none",
        "many",
        "most",
        "several",
        "few",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "without",
        "after",
        "before",
        "during",
        "since",
        "until",
        "while",
        "when",
        "where",
        "whether",
        "if",
        "as",
        "of",
        "to",
        "into",
        "over",
        "under",
        "about",
        "against",
        "between",
        "through",
        "despite",
        "although",
        "though",
        "because",
        "but",
        "and",
        "or",
        "so",
        "yet",
        "also",
        "however",
        "moreover",
        "furthermore",
        "meanwhile",
        "still",
        "even",
        "only",
        "just",
        "such",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "why",
        "how",
        "than",
        "then",
        "thus",
        "hence",
        "therefore",
        "instead",
        "overall",
    ]
)
# Months and days are dates, not names.
CALENDAR = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()  # noqa: SIM905
)
ALIASES = (
    ("us", "u.s", "united states", "america", "american", "washington"),
    ("uk", "u.k", "united kingdom", "britain", "british"),
    ("un", "u.n", "united nations"),
    ("eu", "european union"),
    ("nato", "north atlantic treaty organization", "north atlantic treaty organisation"),
    ("uae", "united arab emirates", "emirati"),
    ("russia", "russian", "moscow", "kremlin"),
    ("china", "chinese", "beijing"),
    ("iran", "iranian", "tehran"),
    ("iraq", "iraqi", "baghdad"),
)
_NAME = re.compile(
    r"(?:[A-Z][\w'-]*|[a-z]{1,3}-[A-Z][\w'-]*)"
    r"(?:\s+(?:(?:of|the|al|for|and|de|la|bin|ibn)\s+)*"
    r"(?:[A-Z][\w'-]*|[a-z]{1,3}-[A-Z][\w'-]*))*"
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*)[\"'(\[]*$")


class Name(NamedTuple):
    """A run of capitalised words as written, the words that say which name it is, and where
    it stands in the text."""

    written: str
    keys: tuple[str, ...]
    start: int
    end: int


def name_key(word: str) -> str:
    """How a word of a name is compared: lower case, no ``al-`` or ``pro-`` prefix, no
    possessive, and its first six letters (so "Iraqi" and "Iraq's" meet, "Iran" and "Iraq" do
    not)."""
    word = re.sub(r"^[a-z]{1,4}-(?=[A-Z])", "", plain(word).strip("'-"))
    word = re.sub(r"^(?:al|el|ad|as|ash|an|ar)-", "", word.lower())
    word = re.sub(r"'s?$", "", word)
    return word[:6] if len(word) > 6 else word


def names(text: str, capitalised_elsewhere: frozenset[str] = frozenset(), *,
          first_is_name: bool = False) -> list[Name]:
    """Names in ``text``. A run that opens a sentence keeps its first word only when
    ``capitalised_elsewhere`` (name keys of words the wider text writes capitalised
    mid-sentence) says it is a name, or ``first_is_name`` (the text is a piece of a sentence),
    and it is no common opener ("The", "During")."""
    text = plain(text)
    found = []
    for match in _NAME.finditer(text):
        words = match.group(0).split()
        at_start = _SENTENCE_START.search(text, 0, match.start()) is not None
        unknown = name_key(words[0]) not in capitalised_elsewhere and not first_is_name
        start = match.start()
        if at_start and (words[0].lower() in SENTENCE_OPENERS or unknown):
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else start
            words = words[1:]
        keys = tuple(dict.fromkeys(
            name_key(word) for word in words
            if word.lower() not in TITLE_WORDS | CALENDAR and len(word) > 1))
        if keys:
            found.append(Name(" ".join(words), keys, start, match.end()))
    return found


def name_words(text: str) -> set[str]:
    """Every word of ``text`` as a name key (what a name may be matched against)."""
    return {name_key(word) for word in re.findall(r"[\w'-]+", plain(text)) if len(word) > 1}


def initials(text: str) -> set[str]:
    """Acronyms a text spells out: "Islamic Revolutionary Guard Corps" -> "irgc" (title words
    count here: they are part of the acronym)."""
    words = [word for word in re.findall(r"[A-Z][\w'-]*", plain(text))]
    runs: set[str] = set()
    for start in range(len(words)):
        for end in range(start + 2, min(len(words), start + 7) + 1):
            runs.add("".join(word[0] for word in words[start:end]).lower())
    return runs


@cache
def _alias_groups() -> dict[str, frozenset[str]]:
    table: dict[str, frozenset[str]] = {}
    for group in ALIASES:
        keys = frozenset(" ".join(name_key(word) for word in alias.split()) for alias in group)
        for key in keys:
            table[key] = keys
    return table


def aliases(key: str) -> frozenset[str]:
    """Other spellings of one name key (``"us"`` -> ``"united states"`` ...)."""
    return _alias_groups().get(key, frozenset({key}))


# ---------------------------------------------------------------------------------------------
# Qualifiers

TIME_QUALIFIERS = (
    "not yet",
    "yet to",
    "as of",
    "so far",
    "to date",
    "until now",
    "up to now",
    "for now",
    "for the time being",
    "at present",
    "at the time",
    "at that time",
    "currently",
    "as yet",
    "thus far",
    "for the moment",
    "at this stage",
    "until",
    "as things stand",
)
# Conditions: the clause openers of :mod:`argmap.cues.clauses` (but "were" and "should", which
# open a condition only at the head of a sentence), and those that open none ("at this rate").
CONDITIONS = (*(words for words in CONDITIONAL if words not in {"were", "should"}),
              "on condition that", "as long as", "so long as", "only when",
              "in the event that", "should it", "were it", "assuming that", "at this rate",
              "at the present rate", "at the current rate", "at that rate")
# A proposition keeps a condition when it has any of these (a conditional may be reworded).
CONDITIONAL_WORDS = (*CONDITIONS, "while", "would", "could", "might", "may", "when",
                     "whether", "depends", "depending", "conditional", "in exchange for",
                     "once", "subject to", "requires", "only after")
# Attribution inside a quote in the author's voice: the attributing phrases of
# :mod:`argmap.cues.attribution` and the hearsay words of :mod:`argmap.cues.reliability`.
ATTRIBUTIONS = (*ATTRIBUTING_PHRASES, *HEARSAY, *RUMOUR, "claimed", "claims")
# A proposition keeps an attribution with any of these.
ATTRIBUTING_WORDS = (*ATTRIBUTIONS, *SPEECH_VERBS, "claim", "reported", "reports",
                     "according", "believed", "suspected", "account", "accounts", "statement",
                     "statements", "version", "story", "assertion", "cited", "citing",
                     "testimony", "sources")


def _phrase_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(words, key=len, reverse=True)
    return re.compile(
        r"\b(?:" + "|".join(re.escape(word) for word in ordered) + r")\b", re.IGNORECASE
    )


@cache
def pattern(family: str) -> re.Pattern[str]:
    """The compiled whole-word pattern of one qualifier family (``time``, ``condition``,
    ``conditional``, ``attribution``, ``attributing``)."""
    words = {
        "time": TIME_QUALIFIERS,
        "condition": CONDITIONS,
        "conditional": CONDITIONAL_WORDS,
        "attribution": ATTRIBUTIONS,
        "attributing": ATTRIBUTING_WORDS,
    }[family]
    return _phrase_pattern(words)


def first(family: str, text: str) -> re.Match[str] | None:
    """The first qualifier of ``family`` in ``text``."""
    return pattern(family).search(plain(text))
