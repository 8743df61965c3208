"""The seed map (maps/qaani-baghdad-2021-11.yaml) against its article.

The map is the product's showcase: a reviewer reads the article and the diagram side by side. These
tests hold it to that: every quote is the article's own words, every sentence that argues anything
is anchored, the reasoning the issue names is there (the drone inference, Qaani's claim and its
rebuttal, the four aims, the competing hypotheses), and no judgment floats free.

Each check is a small function that returns what is wrong, so the last tests can show that the
checks catch a broken map, not only pass on this one.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from argmap.model import ArgumentMap, LoadedMap, Proposition, Quote, load_map

ROOT = Path(__file__).parent.parent
MAP = ROOT / "maps" / "qaani-baghdad-2021-11.yaml"
SEED = ROOT / "seeds" / "qaani-baghdad-visit-2021-11.txt"

TESTIMONY = frozenset({"position_to_know", "witness_testimony", "expert_opinion"})

# Sentences of the article that argue nothing: section headings and a connective.
NOT_ARGUMENT = frozenset({
    "The timing of the visit",
    "The following notes should be considered:",
    "1- Failed assassination attempt of al-Kadhimi:",
    "2- In anticipation of the final results of the elections:",
    "The Purpose of Qaani\u2019s Visit",
})

# The author's estimative words and the PHIA band each is read as (hedges: nearest band).
ESTIMATIVE = {"highly unlikely": "highly_unlikely", "it seems": "likely", "might":
              "realistic_possibility"}

AIMS = (
    "To contain al-Kadhimi's anger",
    "To exonerate Iran from the assassination attempt",
    "To contain US pressures",
    "To discuss the formation of the new government",
)


@pytest.fixture(scope="module")
def loaded() -> LoadedMap:
    return load_map(MAP)


@pytest.fixture(scope="module")
def model(loaded: LoadedMap) -> ArgumentMap:
    return loaded.model


@pytest.fixture(scope="module")
def seed() -> str:
    return SEED.read_text(encoding="utf-8")


# ---- checks: each returns the problems it finds ----

def quote_problem(seed: str, quote: Quote) -> str | None:
    """A quote must be an exact substring; offsets are needed when it occurs more than once."""
    count = seed.count(quote.text)
    if count == 0:
        return f"{quote.id}: not verbatim in the article"
    if quote.start is not None and seed[quote.start:quote.end] != quote.text:
        return f"{quote.id}: offsets {quote.start}-{quote.end} do not hold the quote"
    if count > 1 and quote.start is None:
        return f"{quote.id}: occurs {count} times but has no offsets"
    return None


def quote_problems(seed: str, quotes: Iterable[Quote]) -> list[str]:
    return [problem for quote in quotes if (problem := quote_problem(seed, quote))]


def sentences(seed: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every sentence: lines split after a full stop."""
    offset = 0
    for line in seed.split("\n"):
        for match in re.finditer(r"\S.*?(?:\.(?=\s|$)|$)", line):
            yield offset + match.start(), offset + match.end()
        offset += len(line) + 1


def quote_span(seed: str, quote: Quote) -> tuple[int, int]:
    if quote.start is not None and quote.end is not None:
        return quote.start, quote.end
    start = seed.index(quote.text)
    return start, start + len(quote.text)


def uncovered_sentences(seed: str, model: ArgumentMap) -> list[str]:
    """Sentences no anchoring quote overlaps, apart from those that argue nothing."""
    anchored = {quote_id for proposition in model.propositions for quote_id in proposition.quotes}
    spans = [quote_span(seed, quote) for quote in model.quotes if quote.id in anchored]
    found = []
    for start, end in sentences(seed):
        text = seed[start:end]
        if text not in NOT_ARGUMENT and not any(s < end and start < e for s, e in spans):
            found.append(text)
    return found


def unsupported_judgments(model: ArgumentMap) -> list[str]:
    concluded = {inference.conclusion for inference in model.inferences}
    return [p.id for p in model.propositions
            if p.kind == "author_judgment" and p.id not in concluded]


def claims_bypassing_testimony(model: ArgumentMap) -> list[str]:
    """Inferences that use an attributed claim as a premise without treating it as testimony."""
    kinds = {p.id: p.kind for p in model.propositions}
    return [inference.id for inference in model.inferences
            if inference.scheme not in TESTIMONY
            and any(kinds[premise] == "attributed_claim" for premise in inference.premises)]


def unchallenged_interests(model: ArgumentMap) -> list[str]:
    """Inferences resting on an interested party's words with no bias question settled."""
    interested = {actor.id for actor in model.actors if actor.interested}
    speakers = {quote.id: quote.speaker for quote in model.quotes}
    from_interested = {p.id for p in model.propositions
                       if any(speakers[q] in interested for q in p.quotes)}
    undercut = {attack.target for attack in model.attacks if attack.kind == "undercut"}
    return [inference.id for inference in model.inferences
            if from_interested.intersection(inference.premises) and inference.id not in undercut
            and not any(question.topic == "bias" and question.status != "open"
                        for question in inference.critical_questions)]


def band_mismatches(model: ArgumentMap) -> list[str]:
    """Judgments whose quotes carry an estimative phrase that their likelihood does not match."""
    quotes = {quote.id: quote.text for quote in model.quotes}
    found = []
    for proposition in model.propositions:
        if proposition.kind not in {"author_judgment", "hypothesis"}:
            continue
        band = proposition.likelihood.band if proposition.likelihood else None
        for quote_id in proposition.quotes:
            for phrase, expected in ESTIMATIVE.items():
                said = re.search(rf"\b{phrase}\b", quotes[quote_id], re.IGNORECASE)
                if said and band != expected:
                    found.append(f"{proposition.id}: \"{phrase}\" but band {band}")
    return found


def unused(model: ArgumentMap) -> list[str]:
    used = {p for inference in model.inferences for p in (*inference.premises,
                                                          inference.conclusion)}
    used |= {attack.attacker for attack in model.attacks} | {a.target for a in model.attacks}
    used |= {h for question in model.questions for h in question.hypotheses}
    anchored = {q for proposition in model.propositions for q in proposition.quotes}
    speaking = {quote.speaker for quote in model.quotes} | {s.author for s in model.sources}
    return ([p.id for p in model.propositions if p.id not in used]
            + [q.id for q in model.quotes if q.id not in anchored]
            + [a.id for a in model.actors if a.id not in speaking])


# ---- helpers to find things by what the article says, not by id ----

def proposition(model: ArgumentMap, pid: str) -> Proposition:
    return next(p for p in model.propositions if p.id == pid)


def anchored_in(model: ArgumentMap, fragment: str, kind: str | None = None) -> list[Proposition]:
    """Propositions anchored in a quote containing ``fragment``."""
    quote_ids = {quote.id for quote in model.quotes if fragment in quote.text}
    return [p for p in model.propositions
            if quote_ids.intersection(p.quotes) and (kind is None or p.kind == kind)]


def speakers_of(model: ArgumentMap, prop: Proposition) -> set[str]:
    return {quote.speaker for quote in model.quotes if quote.id in prop.quotes}


# ---- the map against the article ----

def test_map_is_valid_and_uses_the_phia_yardstick(model: ArgumentMap) -> None:
    assert model.map.likelihood_vocabulary == "phia"
    assert 40 <= len(model.propositions) <= 70


def test_source_is_the_seed_file_pinned_by_hash(loaded: LoadedMap) -> None:
    (source,) = loaded.model.sources
    path = loaded.source_path(source)
    assert path.resolve() == SEED.resolve()
    assert source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert source.grade is not None and source.grade.rationale
    assert source.author is not None and source.publisher is None and source.url is None


def test_every_quote_is_verbatim(model: ArgumentMap, seed: str) -> None:
    assert quote_problems(seed, model.quotes) == []


def test_every_arguing_sentence_is_anchored(model: ArgumentMap, seed: str) -> None:
    assert uncovered_sentences(seed, model) == []


def test_graded_propositions_are_anchored_and_graded(model: ArgumentMap) -> None:
    for prop in model.propositions:
        if prop.kind in {"reported_fact", "attributed_claim"}:
            assert prop.quotes and prop.credibility is not None, prop.id


def test_no_author_judgment_floats_free(model: ArgumentMap) -> None:
    assert unsupported_judgments(model) == []
    for prop in model.propositions:
        if prop.kind == "author_judgment":
            assert prop.confidence is not None, prop.id
            assert prop.confidence != "high", f"{prop.id}: nothing in this article is that solid"
        if prop.kind == "assumption":
            assert prop.if_wrong, prop.id


def test_estimative_phrases_carry_their_band(model: ArgumentMap) -> None:
    assert band_mismatches(model) == []
    bands = {p.likelihood.band for p in model.propositions if p.likelihood}
    assert {"highly_unlikely", "likely"} <= bands


def test_claims_reach_the_reasoning_only_as_testimony(model: ArgumentMap) -> None:
    assert claims_bypassing_testimony(model) == []


def test_interested_parties_face_the_bias_question(model: ArgumentMap) -> None:
    assert unchallenged_interests(model) == []


def test_nothing_is_left_unused(model: ArgumentMap) -> None:
    assert unused(model) == []


def test_reports_name_who_reported_them(model: ArgumentMap) -> None:
    actors = {actor.id: actor for actor in model.actors}
    (arrival,) = anchored_in(model, "had arrived in the Iraqi capital", "reported_fact")
    (drones,) = anchored_in(model, "Iraqi security officials stated", "reported_fact")
    for report in (arrival, drones):
        (speaker,) = speakers_of(model, report)
        assert speaker != "author" and actors[speaker].grade is not None, report.id
    for claim in (p for p in model.propositions if p.kind == "attributed_claim"):
        for speaker in speakers_of(model, claim):
            assert actors[speaker].grade is not None, f"{claim.id}: {speaker} is not graded"


def test_drone_inference_narrows_the_suspects_on_stated_grounds(model: ArgumentMap) -> None:
    (narrowing,) = anchored_in(model, "narrowed down", "author_judgment")
    assert "Asaib Ahl al-Haq" in narrowing.text and "Kataib Hezbollah" in narrowing.text
    (inference,) = [i for i in model.inferences if i.conclusion == narrowing.id]
    premises = [proposition(model, pid) for pid in inference.premises]
    kinds = [p.kind for p in premises]
    assert kinds.count("assumption") >= 2
    drone_reports = [p for p in premises if p.kind == "reported_fact"
                     and "security-officials" in speakers_of(model, p)]
    assert drone_reports and "drones" in drone_reports[0].text
    accepted = [p for p in premises if p.kind == "author_judgment"]
    assert accepted, "the militias' claims must enter through the author's acceptance of them"
    (testimony,) = [i for i in model.inferences if i.conclusion == accepted[0].id]
    assert testimony.scheme in TESTIMONY
    (claim,) = [proposition(model, pid) for pid in testimony.premises]
    assert claim.kind == "attributed_claim"
    assert speakers_of(model, claim) == {"pro-iran-militias"}
    assert any(q.status == "open" and q.topic == "alternative"
               for q in inference.critical_questions)


def test_qaanis_tense_meeting_is_his_claim_and_the_author_undercuts_it(
        model: ArgumentMap) -> None:
    (claim,) = anchored_in(model, "was tense and he had to cut it short", "attributed_claim")
    assert speakers_of(model, claim) == {"qaani"}
    (testimony,) = [i for i in model.inferences if claim.id in i.premises]
    assert testimony.scheme in TESTIMONY
    (attack,) = [a for a in model.attacks if a.target == testimony.id]
    assert attack.kind == "undercut"
    attacker = proposition(model, attack.attacker)
    assert attacker.kind == "author_judgment"
    assert any(i.conclusion == attacker.id for i in model.inferences)


def test_highly_unlikely_rests_on_a_declared_linchpin(model: ArgumentMap) -> None:
    (judgment,) = anchored_in(model, "highly unlikely", "author_judgment")
    assert judgment.likelihood is not None and judgment.likelihood.band == "highly_unlikely"
    (inference,) = [i for i in model.inferences if i.conclusion == judgment.id]
    linchpins = [proposition(model, pid) for pid in inference.premises
                 if proposition(model, pid).kind == "assumption"]
    assert linchpins and all(p.if_wrong for p in linchpins)


def test_each_of_the_four_aims_is_a_supported_judgment(model: ArgumentMap) -> None:
    for heading in AIMS:
        judgments = [p for p in model.propositions if p.kind == "author_judgment" and any(
            q.text == heading for q in model.quotes if q.id in p.quotes)]
        assert len(judgments) == 1, heading
        (inference,) = [i for i in model.inferences if i.conclusion == judgments[0].id]
        assert len(inference.premises) >= 2, heading


def test_competing_hypotheses_frame_who_was_behind_the_attack(model: ArgumentMap) -> None:
    kinds = {p.id: p.kind for p in model.propositions}
    concluded = {i.conclusion for i in model.inferences}
    hypotheses = {h for question in model.questions for h in question.hypotheses}
    assert all(kinds[h] == "hypothesis" for h in hypotheses)
    assert hypotheses <= concluded, "every hypothesis needs the evidence that bears on it"
    (rogue,) = anchored_in(model, "undisciplined militias", "hypothesis")
    rivals = next(q.hypotheses for q in model.questions if rogue.id in q.hypotheses)
    assert any("coordination with Iran" in proposition(model, h).text for h in rivals)
    named = " ".join(proposition(model, h).text for h in hypotheses)
    assert "Asaib Ahl al-Haq" in named and "Kataib Hezbollah" in named


def test_the_map_lints_clean(loaded: LoadedMap) -> None:
    engine = pytest.importorskip("argmap.lint.engine")
    assert engine.lint_loaded(loaded, engine.LintSettings()) == []


# ---- the checks catch a broken map ----

def test_checks_catch_a_misquote_and_an_ambiguous_quote(model: ArgumentMap, seed: str) -> None:
    quote = model.quotes[0]
    straight = quote.model_copy(update={"text": quote.text.replace("\u2019", "'")})
    repeated = "That is why"
    last = seed.rindex(repeated)
    twice = quote.model_copy(update={"text": repeated})
    offset = twice.model_copy(update={"start": last, "end": last + len(repeated)})
    shifted = twice.model_copy(update={"start": last + 1, "end": last + 1 + len(repeated)})
    assert quote_problem(seed, straight) is not None
    assert quote_problem(seed, twice) is not None
    assert quote_problem(seed, offset) is None
    assert quote_problem(seed, shifted) is not None


def test_checks_catch_dropped_anchors_and_support(model: ArgumentMap, seed: str) -> None:
    (settlement,) = anchored_in(model, "Iran seeks to reach a settlement", "author_judgment")
    unanchored = model.model_copy(update={"propositions": tuple(
        p.model_copy(update={"quotes": ()}) if p.id == settlement.id else p
        for p in model.propositions)})
    assert any("settlement" in text for text in uncovered_sentences(seed, unanchored))
    unsupported = model.model_copy(update={"inferences": tuple(
        i for i in model.inferences if i.conclusion != settlement.id)})
    assert unsupported_judgments(unsupported) == [settlement.id]


def test_checks_catch_a_bypassed_claim_and_an_unasked_bias_question(model: ArgumentMap) -> None:
    (claim,) = anchored_in(model, "was tense and he had to cut it short", "attributed_claim")
    changed = tuple(
        i.model_copy(update={"scheme": "sign", "critical_questions": ()})
        if claim.id in i.premises else i for i in model.inferences)
    undefended = model.model_copy(update={"inferences": changed, "attacks": ()})
    assert claims_bypassing_testimony(undefended) != []
    assert unchallenged_interests(undefended) != []
    wrong_band = model.model_copy(update={"propositions": tuple(
        p.model_copy(update={"likelihood": None}) if p.likelihood else p
        for p in model.propositions)})
    assert len(band_mismatches(wrong_band)) >= 3
