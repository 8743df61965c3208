"""`argmap quote`: the exact words of a phrase, ready to paste, and a clear miss."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.analyse.text import normalise
from argmap.commands.quote import QuoteSettings, run_quote, yaml_scalar
from argmap.read import parse_yaml

TEXT = (
    "Dry summer tests the pact\n"
    "Farmers say the schedule agreed in 2019 \u2013 the so\u2011called Velna pact \u2013 no longer "
    "works.\n\n\u201cWe were promised 40: we are getting 22,\u201d said Mara Osk. The operator "
    "denied it. The operator said it \u201chas released every litre\u201d.\n"
)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def run(settings: QuoteSettings) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_quote(settings, out, err)
    return code, out.getvalue(), err.getvalue()


def entry_of(output: str) -> dict[str, object]:
    """The YAML entry printed last, read back with argmap's own reader."""
    block = output[output.rindex("  - id:"):]
    data = parse_yaml("quotes:\n" + block).data
    assert isinstance(data, dict)
    [entry] = data["quotes"]
    return dict(entry)


def test_exact_words_of_a_forgiving_search(source: Path) -> None:
    code, out, _ = run(QuoteSettings(source, "SO-CALLED velna pact - no longer"))
    assert code == 0
    entry = entry_of(out)
    assert entry["text"] == "so\u2011called Velna pact \u2013 no longer"
    assert TEXT.find(str(entry["text"])) > 0, "the printed words are verbatim"
    assert "U+2011 NON-BREAKING HYPHEN" in out, "the look-alike the user typed is named"
    assert "sentence: Farmers say the schedule agreed in 2019" in out
    assert "start" not in entry, "one place needs no offsets"


def test_entry_with_a_colon_and_quotes_reads_back_unchanged(source: Path) -> None:
    code, out, _ = run(QuoteSettings(source, "we were promised 40: we are getting 22",
                                     speaker="osk", quote_id="q-promised"))
    assert code == 0
    entry = entry_of(out)
    assert entry == {"id": "q-promised", "source": "source", "speaker": "osk", "mode": "direct",
                     "text": "We were promised 40: we are getting 22"}


def test_several_places_are_listed_with_offsets(source: Path) -> None:
    code, out, _ = run(QuoteSettings(source, "the operator"))
    assert code == 0
    assert "found 2 times" in out
    assert out.count("  - id: q-the-operator") == 2
    starts = [line for line in out.splitlines() if line.strip().startswith("start:")]
    assert len(starts) == 2


def test_mode_outside_quotation_marks_is_indirect_for_a_speaker(source: Path) -> None:
    _, out, _ = run(QuoteSettings(source, "denied it", speaker="operator"))
    assert entry_of(out)["mode"] == "indirect"
    _, out, _ = run(QuoteSettings(source, "has released every litre", speaker="operator"))
    assert entry_of(out)["mode"] == "direct"


def test_ellipsis_phrase_gives_pieces(source: Path) -> None:
    code, out, _ = run(QuoteSettings(source, "the operator denied ... every litre",
                                     output_format="json"))
    assert code == 0
    [found] = json.loads(out)["found"]
    assert len(found["pieces"]) == 2
    assert found["text"] == "The operator denied ... every litre"


def test_not_found_shows_where_the_closest_passage_parts(source: Path) -> None:
    code, out, err = run(QuoteSettings(source, "The operator refused it."))
    assert code == 1 and out == ""
    assert err.startswith(f"argmap: {source}: phrase not found: ")
    assert 'the phrase has "refused" where the source has "denied"' in err


def test_unreadable_source_and_empty_phrase_are_usage_errors(source: Path, tmp_path: Path
                                                             ) -> None:
    code, _, err = run(QuoteSettings(tmp_path / "missing.txt", "x"))
    assert code == 2 and "missing.txt" in err
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9\n")
    code, _, err = run(QuoteSettings(bad, "caf"))
    assert code == 2 and f"{bad}:1:4: not valid UTF-8" in err
    code, _, err = run(QuoteSettings(source, "  "))
    assert code == 2 and "empty" in err


@pytest.mark.parametrize("value", [
    "plain words", "a: colon", '"quoted" start', "it's", "#hash", "- dash", "[sic] x", "yes",
    "12", "", "tab\there", "trailing space ", "ends with colon:",
])
def test_yaml_scalar_reads_back_as_the_same_string(value: str) -> None:
    assert parse_yaml(f"text: {yaml_scalar(value)}\n").data == {"text": value}


def test_cli_prints_and_exits(source: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "argmap", "quote", str(source), "pact",
                             "--speaker", "author", "--id", "q-pact"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "  - id: q-pact" in result.stdout
    assert normalise(TEXT).count("pact") == 2 and "found 2 times" in result.stdout
