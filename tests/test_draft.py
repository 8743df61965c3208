"""`argmap draft`: a valid first map of a text, speakers from attributions, kinds and steps from
cues, everything marked for review; `--merge` adds only what a map does not cover; bad input
gets one line and no file."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.commands.draft import DraftSettings, run_draft
from argmap.model import ArgumentMap, LoadedMap, load_map, load_map_text

TEXT = (
    "Port hit by intrusion\n\n"
    "The outage began on 14 March. "
    "Anton Vass, the authority's chief executive, told reporters on Tuesday that no data had "
    "been stolen. "
    "He added that the authority had not paid a ransom. "
    "\"We have no evidence that anything left our network,\" he said. "
    "According to the Dravian Shippers' Council, customers lost 30 to 45 million euros. "
    "At least one shipping line has reportedly moved its traffic to Ardel. "
    "The intrusion began in January, which means the review cannot have been the trigger. "
    "It is likely that a state-linked group was behind it, because the ransom was abandoned.\n"
)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def run(settings: DraftSettings) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_draft(settings, out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def drafted(source: Path, tmp_path: Path) -> LoadedMap:
    target = tmp_path / "draft.yaml"
    code, _, err = run(DraftSettings(source, target))
    assert code == 0, err
    return load_map(target)


def quote_with(model: ArgumentMap, words: str) -> tuple[str, str, str]:
    (quote,) = [q for q in model.quotes if words in q.text]
    return quote.id, quote.speaker, quote.mode


def anchored(model: ArgumentMap, quote_id: str) -> tuple[str, str | None]:
    (proposition,) = [p for p in model.propositions if quote_id in p.quotes]
    return proposition.kind, proposition.likelihood.band if proposition.likelihood else None


def test_the_draft_quotes_verbatim_and_fails_lint_until_reviewed(drafted: LoadedMap) -> None:
    from argmap.lint.engine import LintSettings, lint_loaded

    findings = lint_loaded(drafted, LintSettings(allow_outside_paths=True))
    assert not [f for f in findings if f.code in ("AM101", "AM102", "AM103", "AM104", "AM105")]
    elements = [*drafted.model.quotes, *drafted.model.propositions, *drafted.model.inferences]
    assert all(element.drafted for element in elements)
    assert sum(f.code == "AM170" for f in findings) >= len(elements)


def test_headings_are_left_out_and_every_sentence_quoted(drafted: LoadedMap) -> None:
    texts = [quote.text for quote in drafted.model.quotes]
    assert not any("Port hit by intrusion" in text for text in texts)
    assert any(text.startswith("The outage began") for text in texts)


def test_speakers_come_from_the_attributions(drafted: LoadedMap) -> None:
    model = drafted.model
    actors = {actor.id: actor for actor in model.actors}
    _, told, mode = quote_with(model, "told reporters")
    assert actors[told].name == "Anton Vass"
    assert actors[told].role == "the authority's chief executive"
    assert mode == "indirect"
    assert quote_with(model, "He added")[1] == told  # a pronoun refers back
    assert quote_with(model, "We have no evidence")[1:] == (told, "direct")
    assert actors[quote_with(model, "customers lost")[1]].name == "Dravian Shippers' Council"
    assert actors[quote_with(model, "reportedly")[1]].name == "Unattributed reports"
    assert quote_with(model, "The outage began")[1:] == ("author", "author")


def test_kinds_and_bands_come_from_the_cues(drafted: LoadedMap) -> None:
    model = drafted.model
    assert anchored(model, quote_with(model, "The outage began")[0]) == ("reported_fact", None)
    assert anchored(model, quote_with(model, "told reporters")[0]) == ("attributed_claim", None)
    assert anchored(model, quote_with(model, "It is likely")[0]) == ("author_judgment", "likely")
    claim = next(p for p in model.propositions if p.kind == "attributed_claim"
                 and quote_with(model, "told reporters")[0] in p.quotes)
    assert claim.text == "No data had been stolen."  # the reported words, not the attribution


def test_connectives_give_inferences_in_the_right_direction(drafted: LoadedMap) -> None:
    model = drafted.model
    by_quote = {q: p.id for p in model.propositions for q in p.quotes}
    steps = {(inference.premises, inference.conclusion) for inference in model.inferences}
    january = by_quote[quote_with(model, "The intrusion began")[0]]
    trigger = by_quote[quote_with(model, "which means")[0]]
    likely = by_quote[quote_with(model, "It is likely")[0]]
    abandoned = by_quote[quote_with(model, "because the ransom")[0]]
    assert ((january,), trigger) in steps  # "A, which means B": A -> B
    assert ((abandoned,), likely) in steps  # "B, because A": A -> B
    assert anchored(model, quote_with(model, "which means")[0])[0] == "author_judgment"


def test_printed_without_output_and_the_cli_runs(source: Path) -> None:
    code, out, err = run(DraftSettings(source, quiet=True))
    assert code == 0 and err == ""
    assert load_map_text(out, source.parent / "draft.yaml").model.quotes
    done = subprocess.run([sys.executable, "-m", "argmap", "draft", str(source), "-q"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout == out


def test_merge_adds_only_what_the_map_does_not_cover(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "map.yaml"
    target.write_text(
        "map: {id: m, title: M, format: 1}\n"
        "sources:\n  - {id: article, path: article.txt, title: A, author: writer}\n"
        "actors:\n  - {id: writer, name: The writer}\n"
        "  - {id: vass, name: Anton Vass}\n"
        "quotes:\n  - id: q-outage\n    source: article\n    speaker: writer\n"
        "    mode: author\n    text: The outage began on 14 March.\n"
        "# the assertion layer\n"
        "propositions:\n  - {id: f-outage, kind: reported_fact, text: The outage began.,"
        " quotes: [q-outage]}\n", encoding="utf-8")
    before = target.read_text(encoding="utf-8")
    code, _, err = run(DraftSettings(source, merge=target))
    assert code == 0, err
    merged = load_map(target).model
    assert merged.quotes[0].id == "q-outage" and not merged.quotes[0].drafted
    assert not [q for q in merged.quotes[1:] if "outage began" in q.text]
    assert quote_with(merged, "told reporters")[1] == "vass"  # an existing actor, by name
    assert [a.id for a in merged.actors if a.drafted] and "vass" not in \
        [a.id for a in merged.actors if a.drafted]
    assert all(q.source == "article" for q in merged.quotes)
    assert quote_with(merged, "The intrusion began")[1] == "writer"
    text = target.read_text(encoding="utf-8")
    assert text.startswith(before.split("quotes:")[0])
    assert text.index("drafted: true") < text.index("# the assertion layer")
    again = run(DraftSettings(source, merge=target))
    assert again[0] == 1 and "nothing to add" in again[2]


@pytest.mark.parametrize(("content", "code", "words"), [
    (b"", 1, "the text is empty"),
    (b"   \n\n ", 1, "the text is empty"),
    (b"\x00\x01binary\x00", 2, "not a text file"),
    (b"caf\xe9 au lait.", 2, "not valid UTF-8"),
    (b"A heading\n\nAnother heading\n", 1, "no sentence that is not a heading"),
    (("word " * 3000).encode(), 1, "longer than"),
])
def test_bad_input_gets_one_line_and_no_file(tmp_path: Path, content: bytes, code: int,
                                             words: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    target = tmp_path / "out.yaml"
    result = run(DraftSettings(path, target))
    assert result[0] == code
    assert words in result[2] and result[2].count("\n") == 1 and "Traceback" not in result[2]
    assert not target.exists()


def test_existing_output_and_wrong_merge_source_are_refused(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "draft.yaml"
    target.write_text("keep\n", encoding="utf-8")
    code, _, err = run(DraftSettings(source, target))
    assert code == 2 and "already exists" in err and target.read_text() == "keep\n"
    other = tmp_path / "other.txt"
    other.write_text("Another text.\n", encoding="utf-8")
    assert run(DraftSettings(source, tmp_path / "first.yaml"))[0] == 0
    code, _, err = run(DraftSettings(other, merge=tmp_path / "first.yaml"))
    assert code == 2 and "no source of the map is" in err
    broken = tmp_path / "broken.yaml"
    broken.write_text("map: {id: b}\n", encoding="utf-8")
    assert run(DraftSettings(source, merge=broken))[0] == 1


def test_the_drafter_reads_the_hand_mapped_fixtures_well() -> None:
    """A floor under the benchmark's figures on the hand maps (docs/draft.md has them all)."""
    from benchmarks.draft import DEFAULT_MAPS, score

    scores = [score(path) for path in DEFAULT_MAPS]
    assert sum(s.quotes_found for s in scores) == sum(s.hand_quotes for s in scores)
    assert sum(s.speakers_right for s in scores) >= 0.9 * sum(s.quotes_found for s in scores)
    assert sum(s.kinds_right for s in scores) >= 0.75 * sum(s.kinds_compared for s in scores)


def test_merge_into_a_bare_map_adds_sections_and_the_author(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "bare.yaml"
    target.write_text("map: {id: b, title: B, format: 1}\nsources:\n"
                      "  - {id: article, path: article.txt, title: A}\nquotes: []\n",
                      encoding="utf-8")
    code, _, err = run(DraftSettings(source, merge=target))
    assert code == 0, err
    merged = load_map(target).model
    assert merged.actors[0].id == "author" and merged.actors[0].drafted
    assert merged.quotes and merged.propositions and merged.inferences
    text = target.read_text(encoding="utf-8")
    assert "quotes: []" not in text and text.count("\nactors:") == 1


def test_entries_written_plain_read_back_as_written() -> None:
    """The writer skips the parser for text it knows is plain; it must never be wrong."""
    import random
    import string

    from argmap.draft.write import _value
    from argmap.read import parse_yaml

    rng = random.Random(3)
    alphabet = string.ascii_letters + string.digits + " ,.'()%/&$-:#\u2019\"[]{}!*"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14)))
        assert parse_yaml(f"text: {_value(text)}\n").data == {"text": text}, text
    for word in ("yes", "No", "null", "True", "on"):
        assert parse_yaml(f"text: {_value(word)}\n").data == {"text": word}
