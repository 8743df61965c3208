"""What ``argmap diff`` reports and how: the parts of a map it once missed (expectations, why a
critical question stays open, suppressions, ACH row notes), the same output on every run, counts
that keep edits, cosmetic changes and consequences apart, and a pull-request comment that leads
with what a reviewer must decide and stays under GitHub's limit on any map."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from test_diff import changes_of, element

from argmap.analyse.changes import compare_maps
from argmap.commands.diff_report import MAX_COMMENT, format_json, format_markdown, headline
from argmap.model import ArgumentMap
from benchmarks.generate import generate

ROOT = Path(__file__).parent.parent
HARBOUR = ROOT / "tests" / "examples" / "valid" / "harbour.yaml"
SEED = ROOT / "maps" / "qaani-baghdad-2021-11.yaml"


# --- what was missed --------------------------------------------------------------------------

def test_an_expectation_added_changed_or_dropped_is_a_change_of_substance() -> None:
    def edit(data: dict[str, Any]) -> None:
        expect = data["expect"]
        first, second = list(expect)[:2]
        expect[first] = "undec" if expect[first] != "undec" else "in"
        del expect[second]
        expect["f-same-drones"] = "out"

    report = changes_of(edit, SEED)
    assert {change.category for change in report.changes} == {"expect"}
    assert len(report.edits) == 3 and not report.consequences  # not part of any basis
    assert any(change.old is None and change.new == "out" for change in report.changes)


def test_why_a_question_stays_open_is_reported_with_the_question() -> None:
    def edit(data: dict[str, Any]) -> None:
        question = element(data, "inferences", "skipped-from-records")["critical_questions"][0]
        question["why_open"] = "No load figures were published."

    [change] = changes_of(edit).changes
    assert change.field == "critical_questions.why_open" and change.category == "questions"
    assert change.about.startswith("Could the cable")
    assert "No load figures" in format_markdown([changes_of(edit)])


def test_a_suppression_is_reported_but_is_not_substance() -> None:
    def edit(data: dict[str, Any]) -> None:
        element(data, "propositions", "cable-snapped")["suppress"] = [
            {"rule": "AM101", "reason": "The wire story has the full quote."}]

    report = changes_of(edit)
    [change] = report.changes
    assert change.category == "suppress"
    assert change.new == "AM101: The wire story has the full quote."
    assert report.cosmetic == [change] and report.substantive() == []


def test_an_ach_row_note_is_reported() -> None:
    def edit(data: dict[str, Any]) -> None:
        row = data["questions"][0]["evidence"][0]
        row["note"] = "Rated on the wire story."

    [change] = changes_of(edit, SEED).changes
    assert change.field == "evidence.note" and change.new == "Rated on the wire story."
    assert change.about  # the proposition the row rates


# --- the same output every time -----------------------------------------------------------------

def test_the_output_is_the_same_under_any_hash_seed(tmp_path: Path) -> None:
    data = yaml.safe_load(SEED.read_text())
    for quote in data["quotes"]:  # every quote reworded: most judgments rest on over five
        quote["text"] = quote["text"] + " (as reported)"
    new = tmp_path / "new.yaml"
    new.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    outputs = set()
    for seed in ("1", "2", "3"):
        environment = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        result = subprocess.run([sys.executable, "-m", "argmap", "diff", str(SEED), str(new),
                                 "-f", "json"], capture_output=True, text=True, timeout=120,
                                env=environment)
        assert result.returncode == 1, result.stderr
        outputs.add(result.stdout)
    assert len(outputs) == 1
    assert '"causes"' in outputs.pop()


# --- counts ---------------------------------------------------------------------------------------

def test_counts_keep_edits_cosmetic_changes_and_consequences_apart() -> None:
    def edit(data: dict[str, Any]) -> None:
        element(data, "quotes", "q-cable")["speaker"] = "reporter"  # one edit of substance
        element(data, "propositions", "cable-snapped")["note"] = "Checked."  # one cosmetic

    report = changes_of(edit)
    assert len(report.edits) == 1 and len(report.cosmetic) == 1
    judgments = report.judgments_affected
    assert judgments and len(judgments) == len(set(judgments))
    line = headline(report)
    assert line.startswith("1 edit of substance, 1 cosmetic; ")
    assert f"{len(judgments)} judgment" in line
    data = format_json([report])
    assert '"edits": 1' in data and '"cosmetic": 1' in data


def test_a_judgment_with_two_consequences_is_one_judgment_affected() -> None:
    def edit(data: dict[str, Any]) -> None:
        data["propositions"].append({"id": "f-weld", "kind": "reported_fact",
                                     "text": "The crane's weld failed first."})
        data["attacks"].append({"id": "x-weld", "attacker": "f-weld",
                                "target": "cable-snapped", "kind": "rebut"})

    report = changes_of(edit)
    per_judgment = [change.element for change in report.consequences]
    assert len(per_judgment) > len(set(per_judgment)), "the edit should give one judgment two"
    assert f"{len(set(per_judgment))} judgment" in headline(report)


# --- the pull-request comment ---------------------------------------------------------------------

def test_the_comment_leads_with_what_a_reviewer_must_decide() -> None:
    def edit(data: dict[str, Any]) -> None:
        element(data, "propositions", "cable-snapped")["likelihood"]["band"] = "likely"
        element(data, "propositions", "cable-snapped")["note"] = "Checked."

    comment = format_markdown([changes_of(edit)])
    decide, folded = comment.split("<details>", 1)
    assert "**To decide**" in decide and "likelihood" in decide
    assert "note" not in decide and "note" in folded


def test_a_comment_on_any_map_stays_under_githubs_limit() -> None:
    data = yaml.safe_load(generate(800).text)
    old = ArgumentMap.model_validate(data)
    for proposition in data["propositions"]:
        proposition["text"] = "Reworded: " + proposition["text"]
    for quote in data["quotes"]:
        quote["note"] = "Checked against the archive copy. " * 40
    report = compare_maps(old, ArgumentMap.model_validate(data))
    full = sum(len(change.new or "") for change in report.all)
    assert full > 2 * MAX_COMMENT, "the edit should be far too big for one comment"
    comment = format_markdown([report] * 3)
    assert len(comment) <= MAX_COMMENT < 65_536
    assert "more: run `argmap diff` to see every one" in comment
    assert comment.count("### ") == 3


EXAMPLE = re.compile(r"<!-- diff-example: (\w+) -->\n```markdown\n(.*?)\n```", re.DOTALL)


def test_the_comments_in_the_docs_are_what_argmap_prints_on_the_seed_history() -> None:
    examples = EXAMPLE.findall((ROOT / "docs" / "diff.md").read_text())
    assert len(examples) == 2
    for commit, shown in examples:
        if subprocess.run(["git", "cat-file", "-e", f"{commit}^{{commit}}"], cwd=ROOT,
                          capture_output=True).returncode:
            pytest.skip(f"this checkout has no commit {commit} (a shallow clone)")
        seed = "maps/qaani-baghdad-2021-11.yaml"
        result = subprocess.run([sys.executable, "-m", "argmap", "diff", f"{commit}~1:{seed}",
                                 f"{commit}:{seed}", "-f", "markdown"], cwd=ROOT,
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 1, result.stderr
        assert result.stdout.rstrip("\n") == shown


def test_an_expectation_under_another_semantics_is_named_with_it() -> None:
    def edit(data: dict[str, Any]) -> None:
        data["expect"]["j-two-militias"] = {"grounded": "in", "preferred": "undec"}

    [change] = changes_of(edit, SEED).changes
    assert (change.field, change.old, change.new) == ("expect.preferred", None, "undec")
    assert "now expected **`undec`** under preferred semantics" in format_markdown(
        [changes_of(edit, SEED)])
