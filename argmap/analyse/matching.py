"""Pair the elements of two versions of a map: by id, and where an id changed, by content.

An analyst who renames `p-drones` to `p-drone-match` has not removed one proposition and added
another. Elements left unpaired by id are paired by what they say: the same (or nearly the same)
text for quotes, propositions and questions; the same name for actors; the same path or title for
sources; the same conclusion and premises for inferences; the same attacker and target for
attacks. Pairing is greedy, best score first, with ties broken by the pair's ids taken in a fixed
order, so that pairing B with A gives exactly the mirror of pairing A with B.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from argmap.model.elements import ArgumentMap, Element

# Fuzzy text comparison is quadratic in the unpaired elements; past this many candidate pairs a
# section is paired by exact content only, which keeps a diff of huge maps fast.
MAX_FUZZY_PAIRS = 40_000
TEXT_SIMILARITY = 0.75
PREMISE_OVERLAP = 0.5

# Content first, then structure: inferences and attacks are compared through propositions already
# paired, so a renamed premise does not stop its inference from pairing.
SECTION_ORDER = ("sources", "actors", "quotes", "propositions", "questions", "inferences",
                 "attacks")


@dataclass
class Pairs:
    matched: list[tuple[str, Element, Element]] = field(default_factory=list)
    removed: list[tuple[str, Element]] = field(default_factory=list)
    added: list[tuple[str, Element]] = field(default_factory=list)
    old_to_new: dict[str, str] = field(default_factory=dict)


def match_elements(old: ArgumentMap, new: ArgumentMap) -> Pairs:
    pairs = Pairs()
    for section in SECTION_ORDER:
        old_items: Sequence[Element] = getattr(old, section)
        new_items: Sequence[Element] = getattr(new, section)
        new_by_id = {element.id: element for element in new_items}
        old_ids = {element.id for element in old_items}
        for element in old_items:
            if element.id in new_by_id:
                pairs.matched.append((section, element, new_by_id[element.id]))
        old_rest = [element for element in old_items if element.id not in new_by_id]
        new_rest = [element for element in new_items if element.id not in old_ids]
        renamed = _pair_by_content(section, old_rest, new_rest, pairs.old_to_new)
        paired_old = {a.id for a, _ in renamed}
        paired_new = {b.id for _, b in renamed}
        for a, b in renamed:
            pairs.matched.append((section, a, b))
            pairs.old_to_new[a.id] = b.id
        pairs.removed.extend((section, e) for e in old_rest if e.id not in paired_old)
        pairs.added.extend((section, e) for e in new_rest if e.id not in paired_new)
    return pairs


def _pair_by_content(section: str, old: Sequence[Element], new: Sequence[Element],
                     rename: Mapping[str, str]) -> list[tuple[Element, Element]]:
    if not old or not new:
        return []
    if len(old) * len(new) > MAX_FUZZY_PAIRS:
        return _pair_exactly(section, old, new, rename)
    score = _SCORERS[section]
    candidates = [(s, a, b) for a in old for b in new if (s := score(a, b, rename)) > 0]
    candidates.sort(key=lambda item: (-item[0], *sorted((item[1].id, item[2].id))))
    taken_old: set[str] = set()
    taken_new: set[str] = set()
    chosen = []
    for _, a, b in candidates:
        if a.id not in taken_old and b.id not in taken_new:
            taken_old.add(a.id)
            taken_new.add(b.id)
            chosen.append((a, b))
    return chosen


def _pair_exactly(section: str, old: Sequence[Element], new: Sequence[Element],
                  rename: Mapping[str, str]) -> list[tuple[Element, Element]]:
    """The pairs the greedy pairing above would choose among pairs of identical content, without
    forming every such pair (thousands of elements with one text would make millions).

    Every candidate scores 1, so the greedy order is that of the pair's ids, smaller first: the
    smallest id left on either side pairs with the smallest left on the other side, which within
    one content key is the two sides' ids sorted and zipped. Keys do not share elements, so each
    key is paired on its own; the pairs come out in the greedy order."""
    key = _KEYS[section]
    groups: dict[Any, tuple[list[Element], list[Element]]] = {}
    for side, elements in enumerate((old, new)):
        for element in elements:
            groups.setdefault(key(element, rename), ([], []))[side].append(element)
    chosen = [pair for olds, news in groups.values()
              for pair in zip(sorted(olds, key=_id), sorted(news, key=_id), strict=False)]
    chosen.sort(key=lambda pair: sorted((pair[0].id, pair[1].id)))
    return chosen


def _id(element: Element) -> str:
    return element.id


def _words(text: str) -> str:
    return " ".join(text.casefold().split())


def _text_key(element: Element, rename: Mapping[str, str]) -> Any:
    return _words(getattr(element, "text", ""))


def _text_score(a: Element, b: Element, rename: Mapping[str, str]) -> float:
    left, right = _text_key(a, rename), _text_key(b, rename)
    if left == right:
        return 1.0
    # difflib's ratio depends on the order of its arguments: compare in one fixed order, so that
    # pairing B with A mirrors pairing A with B.
    left, right = sorted((left, right))
    matcher = difflib.SequenceMatcher(None, left, right, autojunk=False)
    if matcher.real_quick_ratio() < TEXT_SIMILARITY or matcher.quick_ratio() < TEXT_SIMILARITY:
        return 0.0
    ratio = matcher.ratio()
    return ratio if ratio >= TEXT_SIMILARITY else 0.0


def _actor_key(element: Element, rename: Mapping[str, str]) -> Any:
    return _words(getattr(element, "name", ""))


def _source_key(element: Element, rename: Mapping[str, str]) -> Any:
    return _words(getattr(element, "path", ""))


def _source_score(a: Element, b: Element, rename: Mapping[str, str]) -> float:
    if _source_key(a, rename) == _source_key(b, rename):
        return 1.0
    return 0.9 if _words(getattr(a, "title", "")) == _words(getattr(b, "title", "")) else 0.0


def _inference_key(element: Element, rename: Mapping[str, str]) -> Any:
    premises = frozenset(rename.get(p, p) for p in getattr(element, "premises", ()))
    conclusion = getattr(element, "conclusion", "")
    return (rename.get(conclusion, conclusion), premises)


def _inference_score(a: Element, b: Element, rename: Mapping[str, str]) -> float:
    (conclusion_a, premises_a), (conclusion_b, premises_b) = (
        _inference_key(a, rename), _inference_key(b, rename))
    if conclusion_a != conclusion_b:
        return 0.0
    overlap = len(premises_a & premises_b) / len(premises_a | premises_b)
    return overlap if overlap >= PREMISE_OVERLAP else 0.0


def _attack_key(element: Element, rename: Mapping[str, str]) -> Any:
    attacker, target = getattr(element, "attacker", ""), getattr(element, "target", "")
    return (rename.get(attacker, attacker), rename.get(target, target))


def _exact_score(key: Callable[[Element, Mapping[str, str]], Any]) -> _Scorer:
    def score(a: Element, b: Element, rename: Mapping[str, str]) -> float:
        return 1.0 if key(a, rename) == key(b, rename) else 0.0
    return score


_Scorer = Callable[[Element, Element, Mapping[str, str]], float]
_KEYS: dict[str, Callable[[Element, Mapping[str, str]], Any]] = {
    "sources": _source_key, "actors": _actor_key, "quotes": _text_key,
    "propositions": _text_key, "questions": _text_key, "inferences": _inference_key,
    "attacks": _attack_key,
}
_SCORERS: dict[str, _Scorer] = {
    "sources": _source_score, "actors": _exact_score(_actor_key), "quotes": _text_score,
    "propositions": _text_score, "questions": _text_score, "inferences": _inference_score,
    "attacks": _exact_score(_attack_key),
}

