"""The seed map (maps/qaani-baghdad-2021-11.yaml) against its article.

The map is the product's showcase: a reviewer reads the article and the diagram side by side. These
tests hold it to that: every quote is the article's own words, every sentence that argues anything
is anchored, the reasoning the issue names is there (the drone inference, Qaani's claim and its
rebuttal, the four aims, the competing hypotheses), and no judgment floats free. They also hold
the line between the author's argument and the analyst's: the article's step markers are cited by
the steps they state, and what the map adds is marked `by: analyst` with its reason. The ACH
matrices rate every hypothesis, and the walkthrough's tables of them agree with the map.

Each check is a small function that returns what is wrong, so the last tests can show that the
checks catch a broken map, not only pass on this one.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from argmap.export.aif import to_aif
from argmap.model import ArgumentMap, LoadedMap, Proposition, Question, Quote, load_map

ROOT = Path(__file__).parent.parent
MAP = ROOT / "maps" / "qaani-baghdad-2021-11.yaml"
SEED = ROOT / "seeds" / "qaani-baghdad-visit-2021-11.txt"
WALKTHROUGH = ROOT / "docs" / "walkthrough.md"

TESTIMONY = frozenset({"position_to_know", "witness_testimony", "expert_opinion"})

# Sentences of the article that argue nothing: section headings. (The connective "The following
# notes should be considered:" argues: it states the step from the notes to the escalation.)
NOT_ARGUMENT = frozenset({
    "The timing of the visit",
    "1- Failed assassination attempt of al-Kadhimi:",
    "2- In anticipation of the final results of the elections:",
    "The Purpose of Qaani\u2019s Visit",
})

# The author's estimative words and the PHIA band each is read as (hedges: nearest band).
ESTIMATIVE = {"highly unlikely": "highly_unlikely", "it seems": "likely", "might":
              "realistic_possibility"}

# The article's words that state a step of its argument. Each must be cited by exactly one
# inference, and that inference is the author's.
STEP_MARKERS = (
    "The following notes should be considered", "The accusation was based on", "He was implying",
    "indicates", "which means", "That is why Qaani sought", "That is why Qaani claimed",
    "This will consequently", "This is especially so if", "a sign that", "That is, Iran",
    "might help Qaani achieve", "to match the majority of seats", "This would mean", "Overall",
    "In conclusion",
)

INCONSISTENCY = {"I": 1, "II": 2}

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


def anchoring_quotes(model: ArgumentMap) -> set[str]:
    """Quotes that anchor a proposition or state an inference."""
    return ({q for proposition in model.propositions for q in proposition.quotes}
            | {q for inference in model.inferences for q in inference.quotes})


def uncovered_sentences(seed: str, model: ArgumentMap) -> list[str]:
    """Sentences no anchoring quote overlaps, apart from those that argue nothing."""
    anchored = anchoring_quotes(model)
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
    used |= {row.proposition for question in model.questions for row in question.evidence}
    anchored = anchoring_quotes(model)
    speaking = {quote.speaker for quote in model.quotes} | {s.author for s in model.sources}
    return ([p.id for p in model.propositions if p.id not in used]
            + [q.id for q in model.quotes if q.id not in anchored]
            + [a.id for a in model.actors if a.id not in speaking])


def marker_problems(model: ArgumentMap) -> list[str]:
    """Step markers not cited by exactly one inference, or cited by an analyst's step."""
    quotes = {quote.id: quote.text for quote in model.quotes}
    found = []
    for marker in STEP_MARKERS:
        citing = [i for i in model.inferences if any(marker in quotes[q] for q in i.quotes)]
        if len(citing) != 1:
            found.append(f"\"{marker}\" is cited by {len(citing)} inferences")
        elif citing[0].by != "author":
            found.append(f"\"{marker}\" states {citing[0].id}, which is marked {citing[0].by}")
    return found


def attribution_problems(model: ArgumentMap) -> list[str]:
    """Steps whose `by` contradicts the text, and analyst marks given without a reason.

    A step is the author's when the text argues it: in words (it cites them) or by structure
    (its note says how). It is the analyst's when its conclusion is nowhere in the text, and an
    analyst's step cannot cite words that state it.
    """
    authors = {source.author for source in model.sources}
    voices = {quote.id: quote.speaker for quote in model.quotes}
    unstated = {p.id for p in model.propositions if not p.quotes}
    found = []
    for inference in model.inferences:
        if inference.by == "analyst" and inference.quotes:
            found.append(f"{inference.id}: the analyst's, yet it cites words that state it")
        if any(voices[q] not in authors for q in inference.quotes):
            found.append(f"{inference.id}: cites a quote that is not the author's voice")
        if inference.by == "author" and inference.conclusion in unstated:
            found.append(f"{inference.id}: the text never states {inference.conclusion}")
        if not (inference.quotes or inference.note):
            found.append(f"{inference.id}: neither cites the text nor says how it argues the step")
    found += [f"{attack.id}: the analyst's, without a note saying why"
              for attack in model.attacks if attack.by == "analyst" and not attack.note]
    return found


def matrix_problems(model: ArgumentMap) -> list[str]:
    """ACH matrices that are missing, incomplete, or rate a judgment call without a reason."""
    kinds = {p.id: p.kind for p in model.propositions}
    found = []
    for question in model.questions:
        if not question.evidence:
            found.append(f"{question.id}: no evidence matrix")
        rated = [row.proposition for row in question.evidence]
        if len(set(rated)) != len(rated):
            found.append(f"{question.id}: an evidence item is rated twice")
        for row in question.evidence:
            where = f"{question.id}/{row.proposition}"
            if set(row.ratings) != set(question.hypotheses):
                found.append(f"{where}: does not rate every hypothesis")
            if kinds[row.proposition] == "hypothesis":
                found.append(f"{where}: a hypothesis is not evidence")
            if set(row.ratings.values()) & {"I", "II", "N"} and not row.note:
                found.append(f"{where}: a judgment call (N, I or II) without a note")
        if not any(len(set(row.ratings.values())) > 1 for row in question.evidence):
            found.append(f"{question.id}: no diagnostic row")
    return found


def inconsistency(question: Question) -> dict[str, int]:
    """Heuer's score: I = 1, II = 2 per row; lower is better."""
    return {h: sum(INCONSISTENCY.get(row.ratings.get(h, ""), 0) for row in question.evidence)
            for h in question.hypotheses}


def documented_matrices(text: str) -> dict[tuple[str, ...], list[tuple[str, tuple[str, ...]]]]:
    """The ACH tables of a Markdown page: header hypotheses -> [(evidence id, ratings)]."""
    tables: dict[tuple[str, ...], list[tuple[str, tuple[str, ...]]]] = {}
    rows: list[tuple[str, tuple[str, ...]]] | None = None
    width = 0
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("| evidence |"):
            hypotheses = tuple(cell.strip("`") for cell in cells if cell.startswith("`"))
            rows, width = tables.setdefault(hypotheses, []), len(hypotheses)
        elif rows is not None and line.startswith("| `"):
            rows.append((cells[0].split("`")[1], tuple(cells[1:1 + width])))
        elif not line.startswith("|"):
            rows = None
    return tables


def table_mismatches(model: ArgumentMap, text: str) -> list[str]:
    """Questions whose matrix the page shows differently from the map (or not at all)."""
    tables = documented_matrices(text)
    found = []
    for question in model.questions:
        expected = [(row.proposition, tuple(row.ratings.get(h, "") for h in question.hypotheses))
                    for row in question.evidence]
        if tables.get(tuple(question.hypotheses)) != expected:
            found.append(question.id)
    return found


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
    assert inference.by == "author"
    stated = [quote for quote in model.quotes if quote.id in inference.quotes]
    assert any(quote.text.startswith("which means") for quote in stated)
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
    assert testimony.by == "analyst", "the article never says that it accepts the claims"
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
    assert testimony.by == "analyst", "Qaani's implied argument, which the article rejects"
    (attack,) = [a for a in model.attacks if a.target == testimony.id]
    assert attack.kind == "undercut" and attack.by == "author"
    attacker = proposition(model, attack.attacker)
    assert attacker.kind == "author_judgment"
    (explained,) = [i for i in model.inferences if i.conclusion == attacker.id]
    assert any("That is why Qaani claimed" in q.text for q in model.quotes
               if q.id in explained.quotes)


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


def test_the_articles_step_markers_are_cited_by_the_authors_steps(model: ArgumentMap) -> None:
    assert marker_problems(model) == []
    cited = [q for i in model.inferences for q in i.quotes]
    assert len(cited) == len(set(cited)) == len(STEP_MARKERS)


def test_what_the_map_adds_is_marked_the_analysts(model: ArgumentMap) -> None:
    assert attribution_problems(model) == []
    analyst = [i for i in model.inferences if i.by == "analyst"]
    assert analyst and len(analyst) < len(model.inferences) / 2
    assert all(i.note for i in analyst)


def test_the_tension_inside_the_article_is_the_analysts_undermine(model: ArgumentMap) -> None:
    (undermine,) = [a for a in model.attacks if a.kind == "undermine"]
    assert undermine.by == "analyst" and undermine.note
    (thesis,) = anchored_in(model, "bring its Iraqi armed groups under control")
    assert undermine.attacker == thesis.id
    assert proposition(model, undermine.target).kind == "assumption"
    assert all(a.by == "author" for a in model.attacks if a is not undermine)


def test_each_question_has_a_complete_ach_matrix(model: ArgumentMap) -> None:
    assert len(model.questions) == 2
    assert matrix_problems(model) == []


def test_the_matrices_agree_with_the_argument(model: ArgumentMap) -> None:
    (rebut,) = [a for a in model.attacks if a.kind == "rebut"]
    (militia,) = [q for q in model.questions if rebut.target in q.hypotheses]
    scores = inconsistency(militia)
    assert scores[rebut.target] > max(s for h, s in scores.items() if h != rebut.target)
    (threat,) = [row for row in militia.evidence
                 if "threatened to kill" in proposition(model, row.proposition).text]
    (accused,) = [h for h, rating in threat.ratings.items() if rating == "C"]
    assert "Asaib Ahl al-Haq" in proposition(model, accused).text
    # The Iran question rates both sides of the tension the analyst's undermine marks.
    (undermine,) = [a for a in model.attacks if a.kind == "undermine"]
    (iran,) = [q for q in model.questions if q is not militia]
    rows = {row.proposition: row.ratings for row in iran.evidence}
    (rogue,) = anchored_in(model, "undisciplined militias", "hypothesis")
    (coordinated,) = [h for h in iran.hypotheses if h != rogue.id]
    assert rows[undermine.target][rogue.id] in INCONSISTENCY
    assert rows[undermine.attacker][coordinated] in INCONSISTENCY


def test_the_walkthrough_shows_the_maps_matrices(model: ArgumentMap) -> None:
    text = WALKTHROUGH.read_text(encoding="utf-8")
    assert table_mismatches(model, text) == []
    assert "argmap ach maps/qaani-baghdad-2021-11.yaml" in text


def test_the_aif_export_argues_the_stated_steps(model: ArgumentMap) -> None:
    aif = to_aif(model)
    types = {node["nodeID"]: (node["type"], node["text"]) for node in aif["nodes"]}
    edges = {(edge["fromID"], edge["toID"]) for edge in aif["edges"]}
    arguing = {(source, target) for source, ya in edges for middle, target in edges
               if ya == middle and types[ya] == ("YA", "Arguing")}
    expected = {(f"L_{q}", f"RA_{i.id}") for i in model.inferences for q in i.quotes}
    assert arguing == expected
    (narrowing,) = anchored_in(model, "narrowed down", "author_judgment")
    (drone,) = [i for i in model.inferences if i.conclusion == narrowing.id]
    assert any(target == f"RA_{drone.id}" for _, target in arguing)
    assert not any(target == f"RA_{i.id}" for _, target in arguing
                   for i in model.inferences if i.by == "analyst")


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
    # The sentence is anchored twice: by the judgment and by the step its "That is," states.
    unanchored = model.model_copy(update={"propositions": tuple(
        p.model_copy(update={"quotes": ()}) if p.id == settlement.id else p
        for p in model.propositions)})
    assert uncovered_sentences(seed, unanchored) == []
    unanchored = unanchored.model_copy(update={"inferences": tuple(
        i.model_copy(update={"quotes": ()}) if i.conclusion == settlement.id else i
        for i in model.inferences)})
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


def test_checks_catch_a_misattributed_step(model: ArgumentMap) -> None:
    (narrowing,) = anchored_in(model, "narrowed down", "author_judgment")
    drone = next(i for i in model.inferences if i.conclusion == narrowing.id)
    unquoted = model.model_copy(update={"inferences": tuple(
        i.model_copy(update={"quotes": ()}) if i is drone else i for i in model.inferences)})
    assert any("which means" in problem for problem in marker_problems(unquoted))
    disowned = model.model_copy(update={"inferences": tuple(
        i.model_copy(update={"by": "analyst"}) if i is drone else i for i in model.inferences)})
    assert any(drone.id in problem for problem in attribution_problems(disowned))
    credited = model.model_copy(update={"inferences": tuple(
        i.model_copy(update={"by": "author"}) for i in model.inferences)})
    assert len(attribution_problems(credited)) >= 2
    silent = model.model_copy(update={"attacks": tuple(
        a.model_copy(update={"note": None}) for a in model.attacks)})
    assert any("without a note" in problem for problem in attribution_problems(silent))


def test_checks_catch_a_broken_matrix(model: ArgumentMap) -> None:
    question = model.questions[0]
    first, *rest = question.evidence
    dropped = dict(list(first.ratings.items())[1:])
    gapped = question.model_copy(update={"evidence": (
        first.model_copy(update={"ratings": dropped}), *rest)})
    broken = model.model_copy(update={"questions": (gapped, *model.questions[1:])})
    assert any("every hypothesis" in problem for problem in matrix_problems(broken))
    assert table_mismatches(broken, WALKTHROUGH.read_text(encoding="utf-8")) == [question.id]
    bare = model.model_copy(update={"questions": tuple(
        q.model_copy(update={"evidence": ()}) for q in model.questions)})
    assert len(matrix_problems(bare)) >= 2 * 2
