"""`argmap coverage`: sentences no quote covers, those that estimate, attribute or reason first."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from argmap.analyse.coverage import ATTRIBUTION, ESTIMATIVE, REASONING, coverage
from argmap.commands.coverage import CoverageSettings, run_coverage

ARTICLE = (
    "Reservoir falls\n"
    "The reservoir fell to 31 per cent. Farmers say they lack water. The fields are brown.\n\n"
    "Norrflod sells power in winter, which means summer releases cost it money. Rain will "
    "probably come in October. The river is low.\n"
)

MAP = """\
map: {{id: m, title: Reservoir, format: 1}}
sources:
  - {{id: source, path: ../seeds/article.txt, title: Reservoir, author: author}}
actors:
  - {{id: author, name: The author}}
quotes:
{quotes}
propositions:
  - {{id: p, kind: reported_fact, text: The reservoir fell to 31 per cent., quotes: [q-1]}}
"""


def write_repo(tmp_path: Path, quotes: str) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "seeds").mkdir()
    (tmp_path / "maps").mkdir()
    (tmp_path / "seeds" / "article.txt").write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / "maps" / "m.yaml"
    path.write_text(MAP.format(quotes=quotes), encoding="utf-8")
    return path


def run(settings: CoverageSettings) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return run_coverage(settings, out, err), out.getvalue(), err.getvalue()


def test_uncovered_sentences_marked_ones_first() -> None:
    quoted = [(ARTICLE.index("The reservoir"), ARTICLE.index("Farmers") - 1)]
    found = coverage(ARTICLE, quoted)
    texts = [sentence.text for sentence in found.uncovered]
    assert found.sentences == 7
    assert texts[:3] == ["Farmers say they lack water.",
                         "Norrflod sells power in winter, which means summer releases cost it "
                         "money.", "Rain will probably come in October."]
    assert "The reservoir fell to 31 per cent." not in texts
    kinds = [{kind for kind, _ in sentence.marks} for sentence in found.uncovered[:3]]
    assert kinds == [{ATTRIBUTION}, {REASONING}, {ESTIMATIVE}]
    assert found.marked == 3
    assert texts[3:] == ["Reservoir falls", "The fields are brown.", "The river is low."]


def test_any_overlap_covers_a_sentence_and_pieces_count_separately() -> None:
    start = ARTICLE.index("Farmers say")
    found = coverage(ARTICLE, [(start, start + 7), (ARTICLE.index("low."), len(ARTICLE) - 2)])
    texts = [sentence.text for sentence in found.uncovered]
    assert "Farmers say they lack water." not in texts
    assert "The river is low." not in texts
    assert "The fields are brown." in texts


def test_command_reports_in_the_source_with_line_and_column(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    path = write_repo(tmp_path, "  - {id: q-1, source: source, speaker: author, mode: author, "
                                "text: The reservoir fell ... 31 per cent.}")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(CoverageSettings([path], "text"))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == ('seeds/article.txt:2:36: no quote covers this sentence (attribution: '
                        '"say"): "Farmers say they lack water."')
    assert len(lines) == 6
    assert "source `source`: 6 of 7 sentences quoted nowhere, 3 of them" in err


def test_marked_only_and_strict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_repo(tmp_path, "  - {id: q-1, source: source, speaker: author, mode: author, "
                                "text: The reservoir fell to 31 per cent.}")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(CoverageSettings([path], "json", marked_only=True, strict=True))
    records = json.loads(out)
    assert code == 1
    assert len(records) == 3 and {record["level"] for record in records} == {"warning"}


def test_unreadable_source_is_exit_two(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_repo(tmp_path, "  - {id: q-1, source: source, speaker: author, mode: author, "
                                "text: x}")
    (tmp_path / "seeds" / "article.txt").unlink()
    monkeypatch.chdir(tmp_path)
    code, out, err = run(CoverageSettings([path], "text"))
    assert code == 2 and out == ""
    assert "source text `../seeds/article.txt` not found" in err


def test_invalid_map_and_missing_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_repo(tmp_path, "  - {id: q-1, source: nowhere, speaker: author, mode: author, "
                                "text: x}")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(CoverageSettings([path], "text"))
    assert code == 1 and "`nowhere` is not defined" in out
    code, _, err = run(CoverageSettings([tmp_path / "nothing.yaml"], "text"))
    assert code == 2 and "no such file" in err
