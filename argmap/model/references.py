"""Checks that need the whole map: ids, references between elements, and vocabulary.

Each check yields a :class:`Finding` at a location; :mod:`argmap.model.load` turns locations into
line and column. These are validation errors (a map that fails them is invalid), unlike lint rules,
which judge the analysis of a valid map.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from argmap.model.elements import ArgumentMap
from argmap.model.index import KIND_NAMES, MapIndex
from argmap.model.vocabulary import VOCABULARIES
from argmap.read import Loc, Positions
from argmap.suggest import did_you_mean

DANGLING = "AM020"
DUPLICATE_ID = "AM021"
WRONG_KIND = "AM022"
SELF_REFERENCE = "AM023"
UNKNOWN_BAND = "AM024"
SPEAKER_NOT_AUTHOR = "AM025"
REPEATED_ROW = "AM026"
EVALUATED = ("propositions", "inferences", "attacks")


class Finding(NamedTuple):
    loc: Loc
    code: str
    message: str


class Reference(NamedTuple):
    """A field of the elements of ``section`` that holds ids of elements of ``targets``."""

    section: str
    field: str
    targets: tuple[str, ...]


# An attack's target depends on its kind: see _attack_targets.
_REFERENCES: tuple[Reference, ...] = (
    Reference("sources", "author", ("actors",)),
    Reference("quotes", "source", ("sources",)),
    Reference("quotes", "speaker", ("actors",)),
    Reference("quotes", "via", ("actors",)),
    Reference("propositions", "quotes", ("quotes",)),
    Reference("inferences", "premises", ("propositions",)),
    Reference("inferences", "conclusion", ("propositions",)),
    Reference("attacks", "attacker", ("propositions",)),
    Reference("questions", "hypotheses", ("propositions",)),
    Reference("inferences", "quotes", ("quotes",)),
)


def check_references(
    model: ArgumentMap, index: MapIndex, positions: Positions
) -> Iterator[Finding]:
    yield from _duplicate_ids(index, positions)
    for ref in _REFERENCES:
        for position, element in enumerate(getattr(model, ref.section)):
            yield from _check_field(index, (ref.section, position, ref.field),
                                    getattr(element, ref.field), ref.targets)
    yield from _attack_targets(model, index)
    yield from _self_references(model)
    yield from _hypotheses(model, index)
    yield from _evidence_ratings(model, index)
    yield from _bands(model)
    yield from _author_voice(model, index)
    yield from _expectations(model, index)


def _duplicate_ids(index: MapIndex, positions: Positions) -> Iterator[Finding]:
    for first, again in index.repeated:
        line, _ = positions.of_value((*first.loc, "id"))
        yield Finding((*again.loc, "id"), DUPLICATE_ID,
                      f"duplicate id `{again.element.id}`: already used by the {first.kind_name} "
                      f"on line {line}")


def _check_field(index: MapIndex, loc: Loc, value: object, expected: tuple[str, ...]
                 ) -> Iterator[Finding]:
    if value is None:
        return
    if isinstance(value, tuple):
        for number, ref in enumerate(value):
            yield from _check_ref(index, (*loc, number), ref, expected)
    else:
        yield from _check_ref(index, loc, str(value), expected)


def _check_ref(index: MapIndex, loc: Loc, ref: str, expected: tuple[str, ...]
               ) -> Iterator[Finding]:
    wanted = " or ".join(KIND_NAMES[section] for section in expected)
    entry = index.get(ref)
    if entry is None:
        candidates = [key for key, found in index.by_id.items() if found.section in expected]
        hint = did_you_mean(ref, candidates)
        yield Finding(loc, DANGLING, f"`{ref}` is not defined: no {wanted} has this id{hint}")
    elif entry.section not in expected:
        yield Finding(loc, WRONG_KIND, f"`{ref}` is {_article(entry.kind_name)} {entry.kind_name}, "
                      f"but this must name {_article(wanted)} {wanted}")


def _attack_targets(model: ArgumentMap, index: MapIndex) -> Iterator[Finding]:
    for position, attack in enumerate(model.attacks):
        expected = ("inferences",) if attack.kind == "undercut" else ("propositions",)
        loc: Loc = ("attacks", position, "target")
        entry = index.get(attack.target)
        if entry is not None and entry.section not in expected and entry.section in KIND_NAMES:
            wanted = KIND_NAMES[expected[0]]
            yield Finding(loc, WRONG_KIND, f"{_article(attack.kind)} {attack.kind} must target "
                          f"{_article(wanted)} {wanted}; `{attack.target}` is "
                          f"{_article(entry.kind_name)} {entry.kind_name}")
        else:
            yield from _check_ref(index, loc, attack.target, expected)


def _self_references(model: ArgumentMap) -> Iterator[Finding]:
    for position, inference in enumerate(model.inferences):
        if inference.conclusion in inference.premises:
            yield Finding(("inferences", position, "conclusion"), SELF_REFERENCE,
                          f"conclusion `{inference.conclusion}` is also one of the premises")
    for position, attack in enumerate(model.attacks):
        if attack.attacker == attack.target:
            yield Finding(("attacks", position, "target"), SELF_REFERENCE,
                          f"`{attack.target}` attacks itself")


def _hypotheses(model: ArgumentMap, index: MapIndex) -> Iterator[Finding]:
    for position, question in enumerate(model.questions):
        for number, ref in enumerate(question.hypotheses):
            proposition = index.proposition(ref)
            if proposition is not None and proposition.kind != "hypothesis":
                yield Finding(("questions", position, "hypotheses", number), WRONG_KIND,
                              f"`{ref}` is {_article(proposition.kind)} {proposition.kind}, "
                              "not a hypothesis")


def _evidence_ratings(model: ArgumentMap, index: MapIndex) -> Iterator[Finding]:
    for position, question in enumerate(model.questions):
        rated: dict[str, int] = {}
        for row, rating in enumerate(question.evidence):
            loc: Loc = ("questions", position, "evidence", row)
            yield from _check_ref(index, (*loc, "proposition"), rating.proposition,
                                  ("propositions",))
            if rating.proposition in rated:
                yield Finding((*loc, "proposition"), REPEATED_ROW,
                              f"`{rating.proposition}` is already rated in row "
                              f"{rated[rating.proposition] + 1}: one item, one row, or it counts "
                              "twice")
            rated.setdefault(rating.proposition, row)
            for hypothesis in rating.ratings:
                if hypothesis not in question.hypotheses:
                    yield Finding((*loc, "ratings", hypothesis), WRONG_KIND,
                                  f"`{hypothesis}` is not one of this question's hypotheses "
                                  f"({', '.join(question.hypotheses)})")


def _bands(model: ArgumentMap) -> Iterator[Finding]:
    vocabulary = model.map.likelihood_vocabulary
    named = "likelihood_vocabulary" in model.map.model_fields_set
    # A map that names no vocabulary may rely on the project's configured default (lint checks
    # the band against it), so any yardstick's band is accepted here.
    vocabularies = [vocabulary] if named else list(VOCABULARIES)
    terms = list(dict.fromkeys(band.term for name in vocabularies for band in VOCABULARIES[name]))
    for position, proposition in enumerate(model.propositions):
        likelihood = proposition.likelihood
        if likelihood is not None and likelihood.band not in terms:
            hint = did_you_mean(likelihood.band, terms)
            yield Finding(("propositions", position, "likelihood", "band"), UNKNOWN_BAND,
                          f"`{likelihood.band}` is not a band of the {vocabulary} vocabulary "
                          f"({', '.join(terms)}){hint}")


def _author_voice(model: ArgumentMap, index: MapIndex) -> Iterator[Finding]:
    for position, quote in enumerate(model.quotes):
        source = index.source(quote.source)
        if quote.mode == "author" and source is not None and source.author is not None \
                and quote.speaker != source.author:
            yield Finding(("quotes", position, "speaker"), SPEAKER_NOT_AUTHOR,
                          f"mode `author` means the source's author speaks, but the author of "
                          f"`{source.id}` is `{source.author}`, not `{quote.speaker}`")


def _expectations(model: ArgumentMap, index: MapIndex) -> Iterator[Finding]:
    """Evaluation labels propositions, inferences and attacks; nothing else can be expected."""
    for element_id in model.expect:
        yield from _check_ref(index, ("expect", element_id), element_id, EVALUATED)


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"
