"""The argument map format, version 1, as pydantic models.

Two layers that never blur:

* the **evidence layer**: :class:`Source` documents, the :class:`Actor` who speak in them, and
  :class:`Quote` spans copied verbatim from a source;
* the **assertion layer**: :class:`Proposition` built from quotes, the :class:`Inference` steps
  between them and the :class:`Attack` relations against them.

Every section is a list, so YAML order is preserved end to end; elements refer to each other by
``id``. Cross-references are checked in :mod:`argmap.model.references`, not here, because they
need the whole map. ``docs/format.md`` documents each field; keep the two in step.

No ``from __future__ import annotations`` here: pydantic would then compile every annotation
string back into an object (89 calls to ``compile`` at each start).
"""

import datetime
import re
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StrictBool,
    StringConstraints,
    ValidationInfo,
    field_serializer,
    field_validator,
)

from argmap.model.vocabulary import VOCABULARIES, band_pattern, bands_in_words, normalise_term

FORMAT_VERSION = 1

SLUG_PATTERN = r"^[a-z0-9][a-z0-9_.-]{0,79}$"
URL_PATTERN = r"^https?://\S+$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"

# Types are strict, as the JSON Schema (and so the editor) has them: a number is not text unless
# quoted (`title: "1984"`), quoted digits are not a number, `yes` is not a boolean.
Slug = Annotated[
    str,
    Strict(),
    StringConstraints(pattern=SLUG_PATTERN),
    Field(description="A short readable id: lowercase letters, digits, `-`, `_`, `.`."),
]
NON_BLANK_PATTERN = r"\S"
Text = Annotated[
    str, Strict(),
    StringConstraints(strip_whitespace=True, min_length=1, pattern=NON_BLANK_PATTERN),
]
Url = Annotated[str, Strict(), StringConstraints(strip_whitespace=True, pattern=URL_PATTERN)]
Sha256 = Annotated[str, Strict(), StringConstraints(pattern=SHA256_PATTERN)]
Count = Annotated[int, Strict()]


def _date_as_written(value: object) -> object:
    """A date is text ``YYYY-MM-DD`` (or a date): not a number of seconds, not a timestamp."""
    if isinstance(value, datetime.date) or (
            isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)):
        return value
    shown = str(value) if len(str(value)) <= 60 else str(value)[:59] + "…"
    raise ValueError(f"`{shown}` is not a date: write it as YYYY-MM-DD, e.g. 2021-11-07")


def _not_a_boolean(value: object) -> object:
    if isinstance(value, bool):
        raise ValueError(f"`{str(value).lower()}` is not a format version: write `format: 1`")
    return value


Date = Annotated[datetime.date, BeforeValidator(_date_as_written)]

PropositionKind = Literal[
    "reported_fact", "attributed_claim", "author_judgment", "assumption", "hypothesis"
]
QuoteMode = Literal["author", "direct", "indirect"]
AttackKind = Literal["rebut", "undermine", "undercut"]
Confidence = Literal["low", "moderate", "high"]
Reliability = Literal["A", "B", "C", "D", "E", "F"]
Scheme = Literal[
    "position_to_know", "witness_testimony", "expert_opinion", "popular_opinion", "sign",
    "cause_to_effect", "effect_to_cause", "correlation_to_cause", "abduction", "analogy",
    "example", "practical_reasoning", "consequences", "established_rule", "verbal_classification",
    "ethotic", "bias", "commitment", "deduction", "induction", "elimination",
]
QuestionStatus = Literal["open", "answered", "failed"]
Author = Literal["author", "analyst"]
# Heuer's ACH ratings: very consistent ... very inconsistent, not applicable.
Consistency = Literal["CC", "C", "N", "I", "II", "NA"]
# Evaluation's labels (docs/evaluation.md): stands, falls, undecided.
ExpectedLabel = Literal["in", "out", "undec"]
# The semantics an expectation is checked under (docs/evaluation.md); grounded when not named.
ExpectedSemantics = Literal["grounded", "preferred", "stable"]
EXPECTATION_SEMANTICS: tuple[str, ...] = ("grounded", "preferred", "stable")

GRADED_KINDS = frozenset({"reported_fact", "attributed_claim"})
ESTIMATIVE_KINDS = frozenset({"author_judgment", "hypothesis"})
# Fields that only some kinds of proposition may have.
KIND_FIELDS: dict[str, frozenset[str]] = {
    "credibility": GRADED_KINDS, "likelihood": ESTIMATIVE_KINDS, "confidence": ESTIMATIVE_KINDS,
    "if_wrong": frozenset({"assumption"}),
}


class _Model(BaseModel):
    # defer_build: each model's validator is built when first used, not when its class is made.
    # Built at class creation, every model built its own validator with those of the models it
    # holds (a Quote's three times over: its own, the map's, ...): 50 ms of every start. Deferred,
    # the map's one validator is built once, in 7 ms, when the first map is validated.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Suppression(_Model):
    """Silence one lint rule on the element that carries it, for a stated reason."""

    rule: Text = Field(description="Rule code (`AM101`) or name (`quote-not-verbatim`).")
    reason: Text = Field(description="Why the finding does not apply here.")


class Element(_Model):
    """Fields every element of every section has."""

    id: Slug
    note: Text | None = Field(None, description="The analyst's note; not part of the argument.")
    suppress: tuple[Suppression, ...] = Field((), description="Lint rules silenced here.")
    drafted: bool = Field(False, description=(
        "Written by `argmap draft`, not yet reviewed by a person; remove it once reviewed."))


class MapInfo(_Model):
    """The map's own metadata (the `map:` block)."""

    id: Slug
    title: Text = Field(description="The map's title, as a reader sees it.")
    format: Annotated[Literal[1], BeforeValidator(_not_a_boolean)] = Field(
        description="Format version; this is version 1.")
    summary: Text | None = Field(None, description="What the map shows, in a sentence or two.")
    analyst: Text | None = Field(None, description="Who made the map.")
    created: Date | None = Field(None, description="When the map was made (YYYY-MM-DD).")
    likelihood_vocabulary: Literal["icd203", "phia"] = Field(
        "icd203", description="Yardstick for likelihood bands: US ICD 203 or the UK PHIA."
    )


class Grade(_Model):
    """Admiralty (NATO STANAG 2511) reliability of a source, A-F, with its reason."""

    reliability: Reliability = Field(
        description="Admiralty source reliability: A completely reliable, B usually, C fairly, "
        "D not usually, E unreliable, F cannot be judged."
    )
    rationale: Text = Field(description="Why this grade: record, access, interest.")


class Source(Element):
    """A document the map quotes. `path` is relative to the map file."""

    path: Text = Field(description="Path of the source text, relative to the map file.")
    title: Text = Field(description="The document's title.")
    publisher: Text | None = Field(None, description="Who published it.")
    author: Slug | None = Field(None, description="Actor id of the author, if known.")
    url: Url | None = Field(None, description="Where it was published (http or https).")
    published: Date | None = Field(None, description="Publication date (YYYY-MM-DD).")
    sha256: Sha256 | None = Field(None, description="SHA-256 of the text file's bytes.")
    grade: Grade | None = Field(
        None, description="Admiralty reliability of this source, with its rationale."
    )


class Actor(Element):
    """Someone who speaks or acts: the author, a person, an organisation, a group of officials."""

    name: Text = Field(description="How the text names them.")
    role: Text | None = Field(None, description="Their office or function.")
    affiliation: Text | None = Field(None, description="Whom they belong to or speak for.")
    interested: StrictBool = Field(False, description="Has a stake in how the claim is believed.")
    interest: Text | None = Field(None, description="What the stake is.")
    grade: Grade | None = Field(
        None, description="Admiralty reliability of this actor as a source of reports."
    )


def _offsets_in_pairs(schema: dict[str, Any]) -> None:
    """JSON Schema: `start` and `end` come together (that `end` follows `start` it cannot say)."""
    schema["allOf"] = [
        {"if": {"required": [one], "properties": {one: {"type": "integer"}}},
         "then": {"required": [other], "properties": {other: {"type": "integer"}}}}
        for one, other in (("start", "end"), ("end", "start"))
    ]


class Quote(Element):
    """Evidence layer: a verbatim span of a source and who says it."""

    model_config = ConfigDict(json_schema_extra=_offsets_in_pairs)

    source: Slug
    text: Text = Field(description="Copied verbatim from the source.")
    speaker: Slug = Field(description="Actor id of whoever says it.")
    mode: QuoteMode = Field(
        description="`author`: the author's own voice; `direct`: quoted words; "
        "`indirect`: reported speech."
    )
    via: Slug | None = Field(None, description="Actor id of whoever relays it, if not the author.")
    start: Annotated[Count, Field(ge=0)] | None = Field(None, description="Character offset.")
    end: Annotated[Count, Field(ge=1)] | None = Field(
        None, description="Offset after the span.", validate_default=True
    )

    @field_validator("end")
    @classmethod
    def _end_after_start(cls, end: int | None, info: ValidationInfo) -> int | None:
        start = info.data.get("start")
        if (start is None) != (end is None):
            raise ValueError("give both `start` and `end`, or neither")
        if start is not None and end is not None and end <= start:
            raise ValueError(f"`end` ({end}) must be greater than `start` ({start})")
        return end


class Likelihood(_Model):
    """An estimative judgment's probability band, named in the map's vocabulary."""

    band: Text = Field(description="Band term, e.g. `very_unlikely` (ICD 203).",
                       json_schema_extra={"pattern": band_pattern(),
                                          "patternErrorMessage": bands_in_words()})
    phrase: Text | None = Field(None, description="The estimative words as the text has them.")

    @field_validator("band")
    @classmethod
    def _normalise(cls, band: str) -> str:
        return normalise_term(band)


def _fields_per_kind(schema: dict[str, Any]) -> None:
    """JSON Schema: the fields that only some kinds of proposition may have (as validated).

    The rule applies only to a kind the format has: a misspelt kind is one error, about the
    kind (it said "credibility: 2 is not of type 'null'" first). ``errorMessage`` is the words
    editors (yaml-language-server, VS Code) show instead of "Expected null"."""
    every_kind = frozenset(get_args(PropositionKind))
    schema["allOf"] = [
        {"if": {"required": ["kind"],
                "properties": {"kind": {"enum": sorted(every_kind - kinds)}}},
         "then": {"properties": {name: {
             "type": "null",
             "errorMessage": f"`{name}` is only for propositions of kind "
                             f"{' or '.join(sorted(kinds))}"}}}}
        for name, kinds in KIND_FIELDS.items()
    ]


class Proposition(Element):
    """Assertion layer: a standalone statement, anchored in quotes."""

    model_config = ConfigDict(json_schema_extra=_fields_per_kind)

    text: Text = Field(description="Standalone: pronouns resolved, readable on its own.")
    kind: PropositionKind = Field(
        description="reported_fact (the source reports it), attributed_claim (someone claims it), "
        "author_judgment (the author concludes it), assumption (unstated, needed), hypothesis."
    )
    quotes: tuple[Slug, ...] = Field((), description="Ids of the quotes that anchor it.")
    credibility: Annotated[Count, Field(ge=1, le=6)] | None = Field(
        None, description="Admiralty information credibility 1-6 (facts and claims)."
    )
    likelihood: Likelihood | None = Field(
        None, description="Probability band of a judgment or hypothesis, in the map's vocabulary."
    )
    confidence: Confidence | None = Field(
        None, description="How well founded the judgment is: low, moderate or high (not a "
        "probability)."
    )
    if_wrong: Text | None = Field(None, description="What follows if an assumption is wrong.")

    @field_validator("credibility")
    @classmethod
    def _graded_kinds(cls, value: int | None, info: ValidationInfo) -> int | None:
        _require_kind(value, info, KIND_FIELDS["credibility"], "credibility")
        return value

    @field_validator("likelihood", "confidence")
    @classmethod
    def _estimative_kinds(cls, value: object, info: ValidationInfo) -> object:
        _require_kind(value, info, KIND_FIELDS[str(info.field_name)], str(info.field_name))
        return value

    @field_validator("if_wrong")
    @classmethod
    def _assumption_kind(cls, value: str | None, info: ValidationInfo) -> str | None:
        _require_kind(value, info, KIND_FIELDS["if_wrong"], "if_wrong")
        return value


def _require_kind(value: object, info: ValidationInfo, kinds: frozenset[str], name: str) -> None:
    kind = info.data.get("kind")
    if value is not None and kind is not None and kind not in kinds:
        allowed = " or ".join(sorted(kinds))
        raise ValueError(f"`{name}` applies to {allowed} propositions, not to {kind}")


class CriticalQuestion(_Model):
    """A question the inference's scheme raises, and where it stands."""

    question: Text = Field(description="The critical question, as the analyst asks it.")
    topic: Text | None = Field(None, description="e.g. `bias`, `honesty`, `alternative`.")
    status: QuestionStatus = Field(
        "open", description="open (default), answered (in the argument's favour) or failed "
        "(against it)."
    )
    answer: Text | None = Field(None, description="The answer, for answered or failed questions.")
    why_open: Text | None = Field(
        None, description="Why the question stays open (the text never says; no other source); "
        "only with `status: open`."
    )

    @field_validator("why_open")
    @classmethod
    def _only_open(cls, value: str | None, info: ValidationInfo) -> str | None:
        status = info.data.get("status")
        if value is not None and status is not None and status != "open":
            raise ValueError(f"`why_open` is for open questions; this one is {status}")
        return value


class Inference(Element):
    """Premises support one conclusion, by a scheme and an (often unstated) warrant."""

    premises: tuple[Slug, ...] = Field(min_length=1, description="Ids of the premise propositions.")
    conclusion: Slug = Field(description="Id of the proposition concluded.")
    scheme: Scheme | None = Field(
        None, description="Walton's argumentation scheme of the step, e.g. `sign`, "
        "`cause_to_effect`, `position_to_know`."
    )
    warrant: Text | None = Field(None, description="The rule that licenses the step.")
    quotes: tuple[Slug, ...] = Field(
        (), description="Quotes whose words state this step (`which means`, `That is why`)."
    )
    by: Author = Field(
        "author", description="`author`: the text argues this step; `analyst`: the map-maker "
        "reconstructs it."
    )
    critical_questions: tuple[CriticalQuestion, ...] = Field(
        (), description="The questions the scheme raises, and where each stands."
    )


class Attack(Element):
    """A proposition attacks a proposition (rebut, undermine) or an inference (undercut)."""

    attacker: Slug = Field(description="Id of the attacking proposition.")
    target: Slug = Field(description="Id of the attacked proposition or inference.")
    kind: AttackKind = Field(
        description="rebut (the conclusion), undermine (a premise) or undercut (the inference)."
    )
    by: Author = Field(
        "author", description="`author`: the text makes this objection; `analyst`: the map-maker "
        "raises it."
    )


class EvidenceRating(_Model):
    """One row of an ACH matrix: how consistent one proposition is with each hypothesis."""

    proposition: Slug = Field(description="Id of the proposition rated (the evidence item).")
    ratings: dict[Slug, Consistency] = Field(
        description="Hypothesis id to CC, C, N, I, II or NA (very consistent ... very "
        "inconsistent, not applicable)."
    )
    note: Text | None = Field(None, description="Why the item is rated so.")


class Question(Element):
    """A question with competing hypotheses (Analysis of Competing Hypotheses)."""

    text: Text = Field(description="The question the hypotheses answer.")
    hypotheses: tuple[Slug, ...] = Field(min_length=2, description="Hypothesis proposition ids.")
    evidence: tuple[EvidenceRating, ...] = Field(
        (), description="The ACH matrix: each evidence item rated against each hypothesis."
    )


def _under_grounded(value: object) -> object:
    """`j-x: in` is short for `j-x: {grounded: in}`."""
    if value == {}:
        raise ValueError("name the semantics and the label expected under it, e.g. "
                         "`{grounded: in}`, or write the label alone for grounded semantics")
    return {"grounded": value} if isinstance(value, str) else value


_LabelsBySemantics = dict[ExpectedSemantics, ExpectedLabel]
ExpectedOutcome = Annotated[
    _LabelsBySemantics,
    BeforeValidator(_under_grounded, json_schema_input_type=ExpectedLabel | Annotated[
        _LabelsBySemantics, Field(min_length=1)]),
]


def _bands_of_the_vocabulary(schema: dict[str, Any]) -> None:
    """JSON Schema: a map that names its likelihood vocabulary uses that yardstick's bands.

    Only the bands of the other yardsticks are refused here: a band of none is already refused
    where the band is defined, and said once, not twice."""
    schema["allOf"] = []
    for name in VOCABULARIES:
        others = [other for other in VOCABULARIES if other != name]
        foreign = {"not": {"pattern": band_pattern(*others, without=name)},
                   "errorMessage": f"this map's likelihood_vocabulary is {name}, and "
                                   f"{bands_in_words(name)}"}
        schema["allOf"].append(
            {"if": {"required": ["map"], "properties": {"map": {
                "required": ["likelihood_vocabulary"],
                "properties": {"likelihood_vocabulary": {"const": name}}}}},
             "then": {"properties": {"propositions": {"items": {"properties": {"likelihood": {
                 "properties": {"band": foreign}}}}}}}})


class ArgumentMap(_Model):
    """A whole map file."""

    model_config = ConfigDict(json_schema_extra=_bands_of_the_vocabulary)

    map: MapInfo = Field(description="The map's own metadata: id, title, format version.")
    sources: tuple[Source, ...] = Field((), description="The documents the map quotes.")
    actors: tuple[Actor, ...] = Field((), description="Who speaks or acts in them.")
    quotes: tuple[Quote, ...] = Field(
        (), description="The evidence layer: verbatim spans of the sources, with speakers."
    )
    propositions: tuple[Proposition, ...] = Field(
        (), description="The assertion layer: standalone statements, anchored in quotes."
    )
    inferences: tuple[Inference, ...] = Field(
        (), description="Reasoning steps from premises to a conclusion."
    )
    attacks: tuple[Attack, ...] = Field((), description="Rebuttals, underminers and undercutters.")
    questions: tuple[Question, ...] = Field(
        (), description="Questions with competing hypotheses (ACH matrices)."
    )
    expect: dict[Slug, ExpectedOutcome] = Field(
        default_factory=dict,
        description="Expected outcomes: proposition, inference or attack id to `in`, `out` or "
        "`undec` under grounded evaluation, or to a mapping from semantics (`grounded`, "
        "`preferred`, `stable`) to the label expected under each; lint (AM161) and `argmap "
        "evaluate` fail when the evaluation disagrees.")

    def expectations(self, semantics: str | None = None
                     ) -> list[tuple[str, str, ExpectedLabel]]:
        """Every expected outcome as (element, semantics, label), in map order; only those
        under ``semantics`` when given."""
        found: list[tuple[str, str, ExpectedLabel]] = []
        for element, expected in self.expect.items():
            found.extend((element, name, label) for name, label in expected.items()
                         if semantics is None or name == semantics)
        return found

    @field_serializer("expect")
    def _grounded_as_written(self, expect: dict[str, dict[str, str]]) -> dict[str, Any]:
        """A grounded-only expectation is written back as its plain label, as maps have it."""
        return {element: labels["grounded"] if list(labels) == ["grounded"] else dict(labels)
                for element, labels in expect.items()}


SECTIONS: tuple[str, ...] = (
    "sources", "actors", "quotes", "propositions", "inferences", "attacks", "questions",
)
