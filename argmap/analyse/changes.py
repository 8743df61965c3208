"""Stage 3, analyse: what the *analysis* says differently between two versions of a map.

Elements are paired by id, and where an id changed, by content (:mod:`argmap.analyse.matching`);
each pair is then compared field by field in the terms an analyst uses: a proposition reworded,
a claim now taken as fact, a likelihood band raised, a premise dropped. What is only form — list
order, re-wrapped text, YAML comments — compares equal, because the models are compared, not the
text. References are compared after renames are undone, so renaming an id is not a change to
everything that names it.

Then the consequences: every judgment whose basis (what it rests on, down to quotes, speakers and
sources) holds a changed element, and how far its support now reaches (evidence, assumption,
assertion); and every judgment whose grounded label (:mod:`argmap.analyse.evaluation`) moved
between ``in``, ``undec`` and ``out``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from argmap.analyse.basis import JUDGMENT_KINDS, MAX_CAUSES, affected_judgments
from argmap.analyse.graph import ArgumentGraph
from argmap.analyse.matching import match_elements
from argmap.model.elements import (
    ArgumentMap,
    CriticalQuestion,
    Element,
    EvidenceRating,
    Grade,
    Likelihood,
    Suppression,
)
from argmap.model.vocabulary import band_of

# Change categories, the names ``--fail-on`` takes. Only the cosmetic group is not substance.
CATEGORIES: tuple[str, ...] = (
    "added", "removed", "text", "kind", "likelihood", "confidence", "credibility", "grade",
    "premises", "conclusion", "scheme", "quotes", "attribution", "attack", "questions", "ach",
    "source", "expect", "other", "basis", "label", "renamed", "note", "suppress",
)
COSMETIC = frozenset({"renamed", "note", "suppress"})
CONSEQUENCES = frozenset({"basis", "label"})

UP, DOWN = "up", "down"
_CONFIDENCE = ("low", "moderate", "high")
# Admiralty grades: A (completely reliable) to E (unreliable); F is "cannot be judged", unranked.
_RELIABILITY = ("E", "D", "C", "B", "A")
# A `drafted` mark removed is a review done, not a change to the argument.
_ELEMENT_FIELDS = {"id": "renamed", "note": "note", "suppress": "suppress", "drafted": "note"}
# Every field of every model of the format, by model, to the category its changes are reported
# under. tests/test_diff.py walks the models and fails on a field missing here, so a new field
# of the format cannot go unseen by diff. Lists of ids are compared as sets; nested models
# (likelihood, grade, critical questions, ACH rows, suppressions) field by field.
FIELD_CATEGORIES: dict[str, dict[str, str]] = {
    "ArgumentMap": {"map": "other", "sources": "added", "actors": "added", "quotes": "added",
                    "propositions": "added", "inferences": "added", "attacks": "added",
                    "questions": "added", "expect": "expect"},
    "MapInfo": {"id": "other", "title": "other", "format": "other", "summary": "other",
                "analyst": "other", "created": "other", "likelihood_vocabulary": "other"},
    "Suppression": {"rule": "suppress", "reason": "suppress"},
    "Grade": {"reliability": "grade", "rationale": "grade"},
    "Likelihood": {"band": "likelihood", "phrase": "likelihood"},
    "CriticalQuestion": {"question": "questions", "topic": "questions", "status": "questions",
                         "answer": "questions", "why_open": "questions"},
    "EvidenceRating": {"proposition": "ach", "ratings": "ach", "note": "note"},
    "Source": {**_ELEMENT_FIELDS, "path": "source", "title": "other", "publisher": "other",
               "author": "attribution", "url": "source", "published": "other",
               "sha256": "source", "grade": "grade"},
    "Actor": {**_ELEMENT_FIELDS, "name": "other", "role": "other", "affiliation": "other",
              "interested": "attribution", "interest": "attribution", "grade": "grade"},
    "Quote": {**_ELEMENT_FIELDS, "source": "attribution", "text": "text",
              "speaker": "attribution", "mode": "attribution", "via": "attribution",
              "start": "note", "end": "note"},
    "Proposition": {**_ELEMENT_FIELDS, "text": "text", "kind": "kind", "quotes": "quotes",
                    "credibility": "credibility", "likelihood": "likelihood",
                    "confidence": "confidence", "if_wrong": "text"},
    "Inference": {**_ELEMENT_FIELDS, "premises": "premises", "conclusion": "conclusion",
                  "scheme": "scheme", "warrant": "text", "quotes": "quotes", "by": "attribution",
                  "critical_questions": "questions"},
    "Attack": {**_ELEMENT_FIELDS, "attacker": "attack", "target": "attack", "kind": "attack",
               "by": "attack"},
    "Question": {**_ELEMENT_FIELDS, "text": "text", "hypotheses": "questions", "evidence": "ach"},
}
# Reference fields hold ids: compared after renames are undone.
_REFERENCE_FIELDS = frozenset({"quotes", "premises", "conclusion", "attacker", "target", "source",
                               "speaker", "via", "author", "hypotheses"})
_IGNORED_FIELDS = frozenset({"id"})  # a changed id is a rename, found by pairing


@dataclass(frozen=True)
class Change:
    """One difference. ``element`` is the id in the new map (the old one when removed)."""

    section: str
    element: str
    category: str
    field: str = ""
    old: str | None = None
    new: str | None = None
    direction: str = ""
    old_id: str = ""
    causes: tuple[str, ...] = ()
    reason: str = ""
    about: str = ""  # the part of the element it is in: a critical question, an ACH row

    @property
    def substantive(self) -> bool:
        return self.category not in COSMETIC

    @property
    def consequence(self) -> bool:
        return self.category in CONSEQUENCES

    @property
    def sort_key(self) -> tuple[str, ...]:
        return (self.section, self.element, self.category, self.field, self.about,
                self.old or "", self.new or "")

    def mirrored(self) -> Change:
        """The same change seen from the other side: ``diff(B, A)`` for ``diff(A, B)``."""
        category = {"added": "removed", "removed": "added"}.get(self.category, self.category)
        direction = {UP: DOWN, DOWN: UP}.get(self.direction, self.direction)
        element, old_id = (self.old_id, self.element) if self.old_id else (self.element, "")
        return replace(self, category=category, old=self.new, new=self.old, direction=direction,
                       element=element, old_id=old_id)


@dataclass(frozen=True)
class MapChanges:
    """Every change between two versions of one map, elements first, consequences last."""

    old_label: str
    new_label: str
    changes: tuple[Change, ...] = ()
    consequences: tuple[Change, ...] = field(default=())

    @property
    def all(self) -> tuple[Change, ...]:
        return self.changes + self.consequences

    def substantive(self, categories: Iterable[str] | None = None) -> list[Change]:
        wanted = set(categories) if categories is not None else None
        return [change for change in self.all if change.substantive
                and (wanted is None or change.category in wanted)]

    @property
    def edits(self) -> list[Change]:
        """What the analyst changed that is substance (not the consequences, not cosmetic)."""
        return [change for change in self.changes if change.substantive]

    @property
    def cosmetic(self) -> list[Change]:
        return [change for change in self.changes if not change.substantive]

    @property
    def judgments_affected(self) -> list[str]:
        """Each judgment with a consequence, once (a judgment may have a basis and a label one)."""
        return sorted({change.element for change in self.consequences})


def compare_maps(old: ArgumentMap, new: ArgumentMap, old_label: str = "old",
                 new_label: str = "new") -> MapChanges:
    """Every difference of substance (and the cosmetic ones, marked) between two maps."""
    pairs = match_elements(old, new)
    rename = pairs.old_to_new
    changes: list[Change] = list(_map_info_changes(old, new))
    for section, old_element, new_element in pairs.matched:
        if old_element == new_element and not rename:
            continue  # the common case on a large map: untouched (models compare by value)
        if old_element.id != new_element.id:
            changes.append(Change(section, new_element.id, "renamed", "id", old_element.id,
                                  new_element.id, old_id=old_element.id))
        found = _element_changes(section, old_element, new_element, rename, new)
        if old_element.id != new_element.id:  # each change of a renamed element names both ids
            found = (replace(change, old_id=old_element.id) for change in found)
        changes.extend(found)
    for section, element in pairs.removed:
        changes.append(Change(section, element.id, "removed", old=_summary(element)))
    for section, element in pairs.added:
        changes.append(Change(section, element.id, "added", new=_summary(element)))
    changes.extend(_expect_changes(old, new, rename))
    changes.sort(key=lambda change: change.sort_key)
    consequences = _basis_consequences(old, new, rename, changes)
    consequences.extend(_label_consequences(old, new, rename))
    return MapChanges(old_label, new_label, tuple(changes), tuple(consequences))


def _map_info_changes(old: ArgumentMap, new: ArgumentMap) -> Iterator[Change]:
    categories = FIELD_CATEGORIES["MapInfo"]
    for name in type(old.map).model_fields:
        before, after = getattr(old.map, name), getattr(new.map, name)
        if _normal(before) != _normal(after):
            yield Change("map", new.map.id, categories.get(name, "other"), name, _show(before),
                         _show(after))


def _expect_changes(old: ArgumentMap, new: ArgumentMap, rename: Mapping[str, str]
                    ) -> Iterator[Change]:
    """An expected outcome added, dropped or changed; ids after renames are undone."""
    before = {(rename.get(element, element), semantics): label
              for element, semantics, label in old.expectations()}
    after = {(element, semantics): label for element, semantics, label in new.expectations()}
    for element, semantics in sorted(before.keys() | after.keys()):
        was, now = before.get((element, semantics)), after.get((element, semantics))
        if was != now:
            name = "expect" if semantics == "grounded" else f"expect.{semantics}"
            yield Change("expect", element, "expect", name, was, now)


def _element_changes(section: str, old: Element, new: Element, rename: Mapping[str, str],
                     new_map: ArgumentMap) -> Iterator[Change]:
    categories = FIELD_CATEGORIES.get(type(new).__name__, {})
    for name in type(new).model_fields:
        if name in _IGNORED_FIELDS:
            continue
        before, after = getattr(old, name), getattr(new, name)
        if name in _REFERENCE_FIELDS:
            before = _renamed(before, rename)
        category = categories.get(name, "other")
        compare = _FIELD_COMPARERS_BY_NAME.get(name) or _FIELD_COMPARERS.get(
            type(after if after is not None else before))
        if compare is not None:
            yield from compare(section, new.id, category, name, before, after, new_map)
        elif isinstance(after, tuple) or isinstance(before, tuple):
            yield from _compare_collection(section, new.id, category, name, before, after)
        else:
            yield from _compare_scalar(section, new.id, category, name, before, after, new_map)


def _renamed(value: Any, rename: Mapping[str, str]) -> Any:
    if isinstance(value, str):
        return rename.get(value, value)
    if isinstance(value, tuple):
        return tuple(rename.get(item, item) if isinstance(item, str) else item for item in value)
    return value


def _compare_scalar(section: str, element: str, category: str, name: str, before: Any,
                    after: Any, new_map: ArgumentMap) -> Iterator[Change]:
    if _normal(before) == _normal(after):
        return
    direction = ""
    if name == "confidence":
        direction = _ordered_direction(_CONFIDENCE, before, after)
    elif name == "credibility":
        # Admiralty credibility 1 (confirmed) .. 5 (improbable); 6 cannot be judged.
        direction = _ordered_direction((5, 4, 3, 2, 1), before, after)
    yield Change(section, element, category, name, _show(before), _show(after), direction)


def _compare_collection(section: str, element: str, category: str, name: str, before: Any,
                        after: Any) -> Iterator[Change]:
    """Lists of ids are sets: a reordered list is the same list; each id added or dropped is
    its own change, so a reviewer sees exactly which premise went."""
    old_items, new_items = set(before or ()), set(after or ())
    for item in sorted(old_items - new_items):
        yield Change(section, element, category, name, old=_show(item))
    for item in sorted(new_items - old_items):
        yield Change(section, element, category, name, new=_show(item))


def _compare_likelihood(section: str, element: str, category: str, name: str,
                        before: Likelihood | None, after: Likelihood | None,
                        new_map: ArgumentMap) -> Iterator[Change]:
    old_band = before.band if before else None
    new_band = after.band if after else None
    if old_band != new_band:
        vocabulary = new_map.map.likelihood_vocabulary
        yield Change(section, element, category, "likelihood", old_band, new_band,
                     _band_direction(vocabulary, old_band, new_band))
    old_phrase = before.phrase if before else None
    new_phrase = after.phrase if after else None
    if _normal(old_phrase) != _normal(new_phrase):
        yield Change(section, element, category, "likelihood.phrase", old_phrase, new_phrase)


def _compare_grade(section: str, element: str, category: str, name: str, before: Grade | None,
                   after: Grade | None, new_map: ArgumentMap) -> Iterator[Change]:
    old_grade = before.reliability if before else None
    new_grade = after.reliability if after else None
    if old_grade != new_grade:
        yield Change(section, element, category, name, old_grade, new_grade,
                     _ordered_direction(_RELIABILITY, old_grade, new_grade))
    old_rationale = before.rationale if before else None
    new_rationale = after.rationale if after else None
    if _normal(old_rationale) != _normal(new_rationale):
        yield Change(section, element, category, f"{name}.rationale", old_rationale,
                     new_rationale)


def _band_direction(vocabulary: str, old: str | None, new: str | None) -> str:
    old_band = band_of(vocabulary, old) if old else None
    new_band = band_of(vocabulary, new) if new else None
    if old_band is None or new_band is None:
        return ""
    middle = (new_band.low + new_band.high) - (old_band.low + old_band.high)
    return UP if middle > 0 else DOWN if middle < 0 else ""


def _ordered_direction(order: tuple[Any, ...], old: Any, new: Any) -> str:
    if old not in order or new not in order:
        return ""
    return UP if order.index(new) > order.index(old) else DOWN


def _compare_questions(section: str, element: str, category: str, name: str,
                       before: tuple[CriticalQuestion, ...], after: tuple[CriticalQuestion, ...],
                       new_map: ArgumentMap) -> Iterator[Change]:
    """Critical questions are matched by their wording; each of their fields that moved (status,
    answer, why it stays open, topic) is a change about that question."""
    old_by_text = {_normal(q.question): q for q in before}
    new_by_text = {_normal(q.question): q for q in after}
    for text in sorted(old_by_text.keys() - new_by_text.keys()):
        yield Change(section, element, category, name, old=old_by_text[text].question)
    for text in sorted(new_by_text.keys() - old_by_text.keys()):
        yield Change(section, element, category, name, new=new_by_text[text].question)
    for text in sorted(old_by_text.keys() & new_by_text.keys()):
        was, now = old_by_text[text], new_by_text[text]
        for part in type(now).model_fields:
            if part != "question" and _normal(getattr(was, part)) != _normal(getattr(now, part)):
                yield Change(section, element, category, f"{name}.{part}",
                             _show(getattr(was, part)), _show(getattr(now, part)),
                             about=now.question)


def _compare_ratings(section: str, element: str, category: str, name: str,
                     before: tuple[EvidenceRating, ...], after: tuple[EvidenceRating, ...],
                     new_map: ArgumentMap) -> Iterator[Change]:
    """ACH rows are matched by the proposition they rate; each cell that moved is a change."""
    old_rows = {row.proposition: row for row in before}
    new_rows = {row.proposition: row for row in after}
    for proposition in sorted(old_rows.keys() | new_rows.keys()):
        was_row, now_row = old_rows.get(proposition), new_rows.get(proposition)
        was = was_row.ratings if was_row else {}
        now = now_row.ratings if now_row else {}
        for hypothesis in sorted(was.keys() | now.keys()):
            if was.get(hypothesis) != now.get(hypothesis):
                yield Change(section, element, category, f"{proposition} vs {hypothesis}",
                             was.get(hypothesis), now.get(hypothesis))
        old_note = was_row.note if was_row else None
        new_note = now_row.note if now_row else None
        if _normal(old_note) != _normal(new_note):
            yield Change(section, element, "note", "evidence.note", _show(old_note),
                         _show(new_note), about=proposition)


def _compare_suppressions(section: str, element: str, category: str, name: str,
                          before: tuple[Suppression, ...], after: tuple[Suppression, ...],
                          new_map: ArgumentMap) -> Iterator[Change]:
    """A lint rule silenced or no longer silenced here, or the reason given for it."""
    def spelled(items: tuple[Suppression, ...]) -> set[str]:
        return {f"{item.rule}: {_normal(item.reason)}" for item in items}

    old_items, new_items = spelled(before), spelled(after)
    for item in sorted(old_items - new_items):
        yield Change(section, element, category, name, old=item)
    for item in sorted(new_items - old_items):
        yield Change(section, element, category, name, new=item)


_Comparer = Callable[[str, str, str, str, Any, Any, ArgumentMap], Iterator[Change]]
_FIELD_COMPARERS: dict[type, _Comparer] = {
    Likelihood: _compare_likelihood,
    Grade: _compare_grade,
}
_FIELD_COMPARERS_BY_NAME: dict[str, _Comparer] = {
    "critical_questions": _compare_questions,
    "evidence": _compare_ratings,
    "suppress": _compare_suppressions,
}


def _basis_consequences(old: ArgumentMap, new: ArgumentMap, rename: Mapping[str, str],
                        changes: list[Change]) -> list[Change]:
    """Judgments whose basis holds a changed element, and how far their support now reaches."""
    # An expectation or the map's own block is not part of any judgment's basis.
    in_basis = [change for change in changes
                if change.substantive and change.section not in ("expect", "map")]
    changed = {change.element for change in in_basis}
    changed |= {change.old_id for change in in_basis if change.old_id}
    old_graph, new_graph = ArgumentGraph.of(old), ArgumentGraph.of(new)
    # Sorted: which causes are kept (up to MAX_CAUSES) follows the order the walk starts in.
    causes = affected_judgments(new, sorted(changed))
    undo = {new_id: old_id for old_id, new_id in rename.items()}
    old_changed = sorted({undo.get(element, element) for element in changed})
    for judgment, found in affected_judgments(old, old_changed).items():
        causes.setdefault(rename.get(judgment, judgment), set()).update(
            rename.get(cause, cause) for cause in found)
    consequences = []
    for judgment in sorted(causes):
        old_id = undo.get(judgment, judgment)
        if judgment not in new_graph.propositions or old_id not in old_graph.propositions:
            continue
        was = old_graph.basis[old_id].label
        now = new_graph.basis[judgment].label
        direction = "" if was == now else (
            UP if new_graph.basis[judgment] > old_graph.basis[old_id] else DOWN)
        consequences.append(Change(
            "propositions", judgment, "basis", "basis", was, now, direction,
            old_id=old_id if old_id != judgment else "",
            causes=tuple(sorted(causes[judgment])[:MAX_CAUSES])))
    return consequences


# Standing, weakest first: a label moving toward `in` is "up".
_LABEL_ORDER = ("out", "undec", "in")


def _label_consequences(old: ArgumentMap, new: ArgumentMap,
                        rename: Mapping[str, str]) -> list[Change]:
    """Judgments whose grounded label moved, with the reason for the new label."""
    from argmap.analyse.evaluation import evaluate

    before, after = evaluate(old), evaluate(new)
    kinds = {p.id: p.kind for p in new.propositions}
    old_kinds = {p.id: p.kind for p in old.propositions}
    found = []
    for old_id, label in sorted(before.of_kind("proposition").items()):
        judgment = rename.get(old_id, old_id)
        now = after.labels.get(judgment)
        if now is None or now == label:
            continue
        if kinds.get(judgment) not in JUDGMENT_KINDS and old_kinds[old_id] not in JUDGMENT_KINDS:
            continue
        found.append(Change("propositions", judgment, "label", "label", label, now,
                            _ordered_direction(_LABEL_ORDER, label, now),
                            old_id=old_id if old_id != judgment else "",
                            reason=after.reasons.get(judgment, "")))
    return found


def _normal(value: Any) -> Any:
    """Whitespace is form, not content: re-wrapped text compares equal."""
    if isinstance(value, str):
        return " ".join(value.split())
    return value


def _show(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return " ".join(value.split())
    return str(value)


def _summary(element: Element) -> str:
    for name in ("text", "name", "title"):
        value = getattr(element, name, None)
        if isinstance(value, str):
            return " ".join(value.split())
    conclusion = getattr(element, "conclusion", None)
    if conclusion is not None:
        return f"{', '.join(getattr(element, 'premises', ()))} -> {conclusion}"
    target = getattr(element, "target", None)
    if target is not None:
        return f"{getattr(element, 'attacker', '')} {getattr(element, 'kind', '')}s {target}"
    return element.id
