"""What the page's script knows about a map: every element as a plain record, words ready to show.

The records are JSON: the script reads them with ``JSON.parse`` and writes them into the page only
as text (never as markup), so nothing here needs escaping for HTML. Wording that needs the model
(likelihood bands, Admiralty grades, basis) is made here, so the script stays small and plain.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from argmap.analyse import ArgumentGraph, Basis
from argmap.analyse.evaluation import STANDING_WORDS
from argmap.analyse.grounded import Label
from argmap.analyse.quotes import QuotePlace
from argmap.model import LoadedMap
from argmap.model.elements import (
    ArgumentMap,
    Attack,
    Grade,
    Inference,
    Proposition,
    Question,
    Quote,
)
from argmap.model.vocabulary import INFORMATION_CREDIBILITY, SOURCE_RELIABILITY, band_of
from argmap.problems import Problem
from argmap.render.labels import (
    ANALYST_ATTACK_WORDS,
    ANALYST_INFERENCE_WORDS,
    ANALYST_SUPPORT_WORDS,
    BASIS_WORDS,
    MODE_WORDS,
)

Record = dict[str, Any]
KIND_WORDS = {
    "reported_fact": "reported fact", "attributed_claim": "attributed claim",
    "author_judgment": "author judgment", "assumption": "assumption", "hypothesis": "hypothesis",
}
# The class a proposition kind gives its quotes in the article (and the filter it belongs to).
KIND_LOOKS = {
    "reported_fact": "fact", "attributed_claim": "claim", "author_judgment": "judgment",
    "assumption": "assumption", "hypothesis": "hypothesis",
}
ATTACK_VERBS = {"rebut": "rebuts", "undermine": "undermines", "undercut": "undercuts"}
KEY_KINDS = frozenset({"author_judgment", "hypothesis"})


@dataclass
class PageFacts:
    """What the records are made from, besides the map itself."""

    loaded: LoadedMap
    graph: ArgumentGraph
    vocabulary: str
    places: Mapping[str, QuotePlace]
    findings: Mapping[str | None, Sequence[Problem]]
    labels: Mapping[str, Label] = field(default_factory=dict)  # grounded: in, out, undec
    reasons: Mapping[str, str] = field(default_factory=dict)


def key_judgments(graph: ArgumentGraph, labels: Mapping[str, Label] | None = None) -> list[str]:
    """Author judgments and hypotheses nothing else builds on: the map's conclusions. The
    thesis first (the one with the most argument beneath it), then the others by how much
    builds up to them, those the evaluation rejects (``out``) last; map order breaks ties."""
    keys = [p.id for p in graph.model.propositions
            if p.kind in KEY_KINDS and not graph.premise_of.get(p.id)]
    rejected = labels or {}
    return sorted(keys, key=lambda key: (rejected.get(key) == "out", -_beneath(graph, key)))


def _beneath(graph: ArgumentGraph, proposition_id: str) -> int:
    """How many propositions an inference chain leads up from to this one."""
    seen: set[str] = set()
    stack = [proposition_id]
    while stack:
        for inference in graph.supported_by.get(stack.pop(), ()):
            for premise in inference.premises:
                if premise not in seen:
                    seen.add(premise)
                    stack.append(premise)
    seen.discard(proposition_id)
    return len(seen)


def quote_looks(model: ArgumentMap) -> dict[str, str]:
    """The colour of each quote in the article: the kind of the first proposition it anchors,
    else ``step`` for the words of an inference, else ``unused``."""
    looks: dict[str, str] = {}
    for proposition in model.propositions:
        for quote in proposition.quotes:
            looks.setdefault(quote, KIND_LOOKS[proposition.kind])
    for inference in model.inferences:
        for quote in inference.quotes:
            looks.setdefault(quote, "step")
    return {quote.id: looks.get(quote.id, "unused") for quote in model.quotes}


def page_records(facts: PageFacts) -> Record:
    """Everything the script needs: elements by id, key judgments, map-wide findings."""
    model = facts.loaded.model
    builder = _Records(facts)
    elements: Record = {}
    for quote in model.quotes:
        elements[quote.id] = builder.quote(quote)
    for proposition in model.propositions:
        elements[proposition.id] = builder.proposition(proposition)
    for inference in model.inferences:
        elements[inference.id] = builder.inference(inference)
    for attack in model.attacks:
        elements[attack.id] = builder.attack(attack)
    for question in model.questions:
        elements[question.id] = builder.question(question)
    return {
        "map": {"id": model.map.id, "title": model.map.title},
        "elements": elements,
        "keys": key_judgments(facts.graph, facts.labels),
        "findings": [_finding(problem) for problem in facts.findings.get(None, ())],
        "evaluated": bool(facts.labels),
    }


class _Records:
    """Builds one record per element."""

    def __init__(self, facts: PageFacts) -> None:
        self.facts = facts
        model = facts.loaded.model
        self.actors = {actor.id: actor for actor in model.actors}
        self.sources = {source.id: source for source in model.sources}
        self.looks = quote_looks(model)
        self.anchors: dict[str, list[str]] = {}
        for proposition in model.propositions:
            for quote in proposition.quotes:
                self.anchors.setdefault(quote, []).append(proposition.id)
        self.states: dict[str, list[str]] = {}
        for inference in model.inferences:
            for quote in inference.quotes:
                self.states.setdefault(quote, []).append(inference.id)
        self.questions: dict[str, list[str]] = {}
        for question in model.questions:
            for hypothesis in question.hypotheses:
                self.questions.setdefault(hypothesis, []).append(question.id)

    def _common(self, element_id: str, kind: str, title: str) -> Record:
        record: Record = {"type": kind, "title": title}
        findings = self.facts.findings.get(element_id, ())
        if findings:
            record["findings"] = [_finding(problem) for problem in findings]
        label = self.facts.labels.get(element_id)
        if label is not None:
            record["label"] = label
            record["standing"] = STANDING_WORDS[label]
            record["standingWhy"] = self.facts.reasons.get(element_id, "")
        return record

    def quote(self, quote: Quote) -> Record:
        record = self._common(quote.id, "quote", quote.text)
        source = self.sources.get(quote.source)
        record.update(_drop_empty({
            "look": self.looks[quote.id], "speaker": self._actor(quote.speaker),
            "via": self._actor(quote.via) if quote.via else None, "mode": MODE_WORDS[quote.mode],
            "source": source.title if source else quote.source,
            "sourceGrade": _grade(source.grade) if source else None,
            "url": source.url if source else None, "note": quote.note,
            "anchors": self.anchors.get(quote.id), "states": self.states.get(quote.id),
        }))
        place = self.facts.places.get(quote.id)
        if place is not None and place.found:
            record["place"] = [place.start, place.end, place.occurrences, len(place.pieces)]
        elif place is not None:
            record["problem"] = place.problem
        return record

    def _actor(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        if actor is None:
            return actor_id
        words = ", ".join(part for part in (actor.name, actor.role, actor.affiliation) if part)
        if actor.grade is not None:
            words += f" (grade {_grade(actor.grade)})"
        if actor.interested:
            words += "; interested" + (f": {actor.interest}" if actor.interest else "")
        return words

    def proposition(self, proposition: Proposition) -> Record:
        graph = self.facts.graph
        basis = graph.basis.get(proposition.id, Basis.ASSERTION)
        record = self._common(proposition.id, "proposition", proposition.text)
        record.update(_drop_empty({
            "kind": proposition.kind, "look": KIND_LOOKS[proposition.kind],
            "kindWords": KIND_WORDS[proposition.kind], "quotes": list(proposition.quotes),
            "likelihood": self._likelihood(proposition), "confidence": proposition.confidence,
            "credibility": _credibility(proposition.credibility), "basis": basis.label,
            "basisWords": BASIS_WORDS[basis],
            "weakLinks": list(graph.bases.weak_links(proposition.id)),
            "reconstructed": ANALYST_SUPPORT_WORDS
            if graph.rests_on_reconstruction(proposition.id) else None,
            "ifWrong": proposition.if_wrong, "note": proposition.note,
            "supportedBy": [i.id for i in graph.supported_by.get(proposition.id, ())],
            "premiseOf": [i.id for i in graph.premise_of.get(proposition.id, ())],
            "attackedBy": [a.id for a in graph.attacked_by.get(proposition.id, ())],
            "attacks": [a.id for a in graph.attacks_from.get(proposition.id, ())],
            "questions": self.questions.get(proposition.id),
        }))
        return record

    def _likelihood(self, proposition: Proposition) -> str | None:
        likelihood = proposition.likelihood
        if likelihood is None:
            return None
        band = band_of(self.facts.vocabulary, likelihood.band)
        words = f"{band.label} ({band.percent})" if band else likelihood.band
        return words + (f', in the text "{likelihood.phrase}"' if likelihood.phrase else "")

    def inference(self, inference: Inference) -> Record:
        scheme = inference.scheme.replace("_", " ") if inference.scheme else "inference"
        record = self._common(inference.id, "inference", scheme)
        record.update(_drop_empty({
            "scheme": scheme if inference.scheme else None, "warrant": inference.warrant,
            "by": ANALYST_INFERENCE_WORDS if inference.by == "analyst" else None,
            "premises": list(inference.premises), "conclusion": inference.conclusion,
            "quotes": list(inference.quotes), "note": inference.note,
            "questions": [_drop_empty({"question": q.question, "topic": q.topic,
                                       "status": q.status, "answer": q.answer})
                          for q in inference.critical_questions],
            "attackedBy": [a.id for a in self.facts.graph.attacked_by.get(inference.id, ())],
        }))
        return record

    def attack(self, attack: Attack) -> Record:
        verb = ATTACK_VERBS[attack.kind]
        record = self._common(attack.id, "attack", f"{attack.attacker} {verb} {attack.target}")
        record.update(_drop_empty({
            "kind": attack.kind, "attacker": attack.attacker, "target": attack.target,
            "by": ANALYST_ATTACK_WORDS if attack.by == "analyst" else None, "note": attack.note,
        }))
        return record

    def question(self, question: Question) -> Record:
        record = self._common(question.id, "question", question.text)
        record.update(_drop_empty({"hypotheses": list(question.hypotheses), "note": question.note}))
        return record


def _grade(grade: Grade | None) -> str | None:
    if grade is None:
        return None
    return f"{grade.reliability}, {SOURCE_RELIABILITY[grade.reliability]}: {grade.rationale}"


def _credibility(value: int | None) -> str | None:
    return None if value is None else f"{value}, {INFORMATION_CREDIBILITY[value]}"


def _finding(problem: Problem) -> Record:
    return {"level": problem.level.value, "code": problem.code, "rule": problem.rule,
            "line": problem.line, "message": problem.message}


def _drop_empty(record: Record) -> Record:
    return {name: value for name, value in record.items() if value not in (None, [], "")}
