"""``argmap diff``: changes by meaning, consequences, formats, exit codes, git sides, properties."""

from __future__ import annotations

import copy
import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import valid_maps

from argmap.analyse.changes import Change, MapChanges, compare_maps
from argmap.commands.diff import DiffSettings, run_diff
from argmap.commands.diff_report import escape_markdown, word_diff
from argmap.export.data import dump_data_yaml, dump_yaml
from argmap.model import ArgumentMap, load_map_text

ROOT = Path(__file__).parent.parent
HARBOUR = ROOT / "tests" / "examples" / "valid" / "harbour.yaml"


def changes_of(edit: Callable[[dict[str, Any]], None], path: Path = HARBOUR) -> MapChanges:
    old: dict[str, Any] = yaml.safe_load(path.read_text())
    new = copy.deepcopy(old)
    edit(new)
    return compare_maps(ArgumentMap.model_validate(old), ArgumentMap.model_validate(new))


def element(data: dict[str, Any], section: str, element_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(item for item in data[section] if item["id"] == element_id)
    return found


def only(report: MapChanges, category: str) -> list[Change]:
    return [change for change in report.changes if change.category == category]


# --- element changes ---------------------------------------------------------------------------

def test_a_map_has_no_changes_against_itself() -> None:
    report = changes_of(lambda data: None)
    assert report.all == () and report.substantive() == []


def test_reword_is_a_text_change_with_a_word_level_diff() -> None:
    def edit(data: dict[str, Any]) -> None:
        element(data, "propositions", "cable-snapped")["text"] = (
            "A frayed cable caused the crane collapse.")

    [change] = only(changes_of(edit), "text")
    assert (change.element, change.field) == ("cable-snapped", "text")
    assert word_diff(change.old or "", change.new or "") == [
        ("=", "A"), ("-", "snapped"), ("+", "frayed"), ("=", "cable caused the crane collapse.")]


def test_kind_changed_claim_now_taken_as_fact() -> None:
    def edit(data: dict[str, Any]) -> None:
        element(data, "propositions", "operator-claims-inspection")["kind"] = "reported_fact"

    [change] = only(changes_of(edit), "kind")
    assert (change.old, change.new) == ("attributed_claim", "reported_fact")


@pytest.mark.parametrize(("band", "direction"), [("almost_certain", "up"), ("unlikely", "down")])
def test_likelihood_band_moves_with_its_direction(band: str, direction: str) -> None:
    def edit(data: dict[str, Any]) -> None:
        element(data, "propositions", "cable-snapped")["likelihood"]["band"] = band

    [change] = only(changes_of(edit), "likelihood")
    assert (change.old, change.new, change.direction) == ("very_likely", band, direction)


def test_confidence_credibility_and_grades_have_directions() -> None:
    def edit(data: dict[str, Any]) -> None:
        element(data, "propositions", "maintenance-skipped")["confidence"] = "high"
        element(data, "propositions", "operator-claims-inspection")["credibility"] = 5
        element(data, "sources", "report")["grade"]["reliability"] = "D"
        element(data, "actors", "harbour-officials")["grade"]["reliability"] = "A"

    report = changes_of(edit)
    assert [(c.element, c.direction) for c in only(report, "confidence")] == [
        ("maintenance-skipped", "up")]
    assert [(c.element, c.old, c.new, c.direction) for c in only(report, "credibility")] == [
        ("operator-claims-inspection", "4", "5", "down")]
    grades = {c.element: (c.old, c.new, c.direction) for c in only(report, "grade")}
    assert grades == {"report": ("B", "D", "down"), "harbour-officials": ("B", "A", "up")}


def test_each_premise_added_or_dropped_is_its_own_change() -> None:
    def edit(data: dict[str, Any]) -> None:
        element(data, "inferences", "skipped-from-records")["premises"] = [
            "cable-snapped", "no-inspection-record", "operator-claims-inspection"]

    premises = only(changes_of(edit), "premises")
    assert {(c.old, c.new) for c in premises} == {
        ("records-complete", None), (None, "operator-claims-inspection")}


def test_reordered_lists_and_rewrapped_text_are_no_change() -> None:
    def edit(data: dict[str, Any]) -> None:
        data["propositions"].reverse()
        data["quotes"].reverse()
        step = element(data, "inferences", "skipped-from-records")
        step["premises"] = list(reversed(step["premises"]))
        prop = element(data, "propositions", "records-complete")
        prop["text"] = prop["text"].replace(" every ", "\n  every  ")

    assert changes_of(edit).all == ()


def test_added_and_removed_elements() -> None:
    def edit(data: dict[str, Any]) -> None:
        data["attacks"] = []
        data["propositions"].append({"id": "overload", "kind": "assumption",
                                     "text": "The crane was not overloaded that day.",
                                     "if_wrong": "Overload, not maintenance, explains the snap."})

    report = changes_of(edit)
    assert [(c.section, c.element) for c in only(report, "removed")] == [
        ("attacks", "records-vs-claim")]
    assert [(c.section, c.element) for c in only(report, "added")] == [
        ("propositions", "overload")]


def test_a_renamed_element_is_matched_by_content_and_its_references_follow() -> None:
    def edit(data: dict[str, Any]) -> None:
        element(data, "propositions", "cable-snapped")["id"] = "cable-cause"
        for step in data["inferences"]:
            step["premises"] = ["cable-cause" if p == "cable-snapped" else p
                                for p in step["premises"]]
            if step["conclusion"] == "cable-snapped":
                step["conclusion"] = "cable-cause"

    report = changes_of(edit)
    assert [(c.element, c.old_id) for c in report.changes] == [("cable-cause", "cable-snapped")]
    assert report.changes[0].category == "renamed" and report.substantive() == []


def test_critical_question_status_and_ach_rating_changes() -> None:
    def edit(data: dict[str, Any]) -> None:
        question = element(data, "inferences", "skipped-from-records")["critical_questions"][0]
        question.update(status="answered", answer="The load log shows a normal lift.")
        question.pop("why_open", None)  # a reason to stay open goes when the question is answered

    found = {change.field: change for change in only(changes_of(edit), "questions")}
    status, answer = found["critical_questions.status"], found["critical_questions.answer"]
    assert (status.old, status.new) == ("open", "answered")
    assert answer.new == "The load log shows a normal lift." and answer.about == status.about
    assert status.about.startswith("Could the cable")  # the question the change is about
    assert found["critical_questions.why_open"].new is None


def test_notes_are_reported_but_are_not_substance() -> None:
    report = changes_of(lambda data: element(data, "propositions", "cable-snapped").update(
        note="Checked against the wire story."))
    assert [c.category for c in report.changes] == ["note"] and report.substantive() == []


# --- consequences ------------------------------------------------------------------------------

def test_a_changed_quote_reaches_the_judgments_built_on_it() -> None:
    def edit(data: dict[str, Any]) -> None:
        element(data, "quotes", "q-cable")["speaker"] = "reporter"

    report = changes_of(edit)
    affected = {c.element: c.causes for c in report.consequences}
    assert affected == {"cable-snapped": ("q-cable",), "maintenance-skipped": ("q-cable",)}
    assert {c.element: c.new for c in report.consequences} == {
        "cable-snapped": "evidence", "maintenance-skipped": "hinges"}


def test_a_judgment_that_loses_its_evidence_says_so_with_the_direction() -> None:
    def edit(data: dict[str, Any]) -> None:
        data["inferences"] = [step for step in data["inferences"]
                              if step["id"] != "officials-in-position"]

    report = changes_of(edit)
    cable = next(c for c in report.consequences if c.element == "cable-snapped")
    assert (cable.old, cable.new, cable.direction) == ("evidence", "assertion", "down")
    assert cable.causes == ("officials-in-position",)


def test_a_judgment_own_change_is_not_its_own_consequence() -> None:
    report = changes_of(lambda data: element(data, "propositions", "maintenance-skipped").update(
        confidence="low"))
    assert report.consequences == ()


# --- formats -----------------------------------------------------------------------------------

def test_markdown_escapes_hostile_text() -> None:
    escaped = escape_markdown("<img src=x onerror=alert(1)> [link](javascript:x) | *b*")
    assert "<" not in escaped and "[link](" not in escaped and "\\|" in escaped and "\\*" in escaped


def argmap(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=60)


@pytest.fixture
def two_versions(tmp_path: Path) -> tuple[Path, Path]:
    old = tmp_path / "old.yaml"
    new = tmp_path / "new.yaml"
    text = HARBOUR.read_text()
    old.write_text(text)
    new.write_text(text.replace("band: very_likely", "band: likely").replace(
        "snapped cable.\n    kind: attributed_claim",
        "broken cable.\n    kind: attributed_claim"))
    for name in ("harbour-report.txt",):
        (tmp_path / name).write_bytes((HARBOUR.parent / name).read_bytes())
    return old, new


def test_cli_text_markdown_and_json(two_versions: tuple[Path, Path]) -> None:
    old, new = two_versions
    text = argmap("diff", old, new)
    assert text.returncode == 1, text.stderr
    assert "likelihood: [-very_likely-] -> {+likely+} (lowered)" in text.stdout
    assert "[-snapped-] {+broken+}" in text.stdout
    markdown = argmap("diff", old, new, "-f", "markdown")
    decide, folded = markdown.stdout.split("<details>", 1)
    assert "**To decide**" in decide and "likelihood: ~~`very_likely`~~ -> **`likely`**" in decide
    assert "~~snapped~~ **broken**" in folded and "resting on what changed" in folded
    data = json.loads(argmap("diff", old, new, "-f", "json").stdout)
    [report] = data["maps"]
    assert {c["category"] for c in report["changes"]} == {"likelihood", "text"}
    assert [c["element"] for c in report["consequences"]] == ["cable-snapped",
                                                              "maintenance-skipped"]


def test_cli_fail_on_selects_the_categories_that_fail(two_versions: tuple[Path, Path]) -> None:
    old, new = two_versions
    assert argmap("diff", old, new, "--fail-on", "confidence,label").returncode == 0
    assert argmap("diff", old, new, "--fail-on", "likelihood").returncode == 1
    unknown = argmap("diff", old, new, "--fail-on", "likelyhood")
    assert unknown.returncode == 2
    assert unknown.stderr.count("\n") == 1 and "did you mean `likelihood`?" in unknown.stderr


def test_cli_no_change_of_substance_exits_0(tmp_path: Path) -> None:
    old = tmp_path / "old.yaml"
    new = tmp_path / "new.yaml"
    old.write_text(HARBOUR.read_text())
    # The export round trip drops comments and re-spells every scalar: form, not substance.
    new.write_text(dump_yaml(load_map_text(HARBOUR.read_text(), HARBOUR).model))
    result = argmap("diff", old, new)
    assert (result.returncode, result.stdout.strip()) == (0, f"{old} -> {new}: no changes")


@pytest.mark.parametrize("args", [["only-one.yaml"], ["a.yaml", "b.yaml", "c.yaml"],
                                  ["missing.yaml", "missing-too.yaml"]])
def test_cli_usage_errors_are_one_line_exit_2(tmp_path: Path, args: list[str]) -> None:
    result = argmap("diff", *args, cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr


def test_cli_invalid_map_gives_located_errors_and_exit_1(two_versions: tuple[Path, Path]) -> None:
    old, new = two_versions
    new.write_text(new.read_text().replace("kind: rebut", "kind: rebuttal"))
    result = argmap("diff", old, new)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith(f"{new}:") and "rebuttal" in result.stderr
    as_json = argmap("diff", old, new, "--problem-format", "json")
    assert as_json.returncode == 1 and json.loads(as_json.stderr)[0]["path"] == str(new)


# --- git sides ---------------------------------------------------------------------------------

def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@e", *args], cwd=repo,
                   check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q")
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "harbour.yaml").write_text(HARBOUR.read_text())
    (tmp_path / "ci.yaml").write_text("jobs: {}\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "first")
    return tmp_path


def test_git_revision_against_the_work_tree(repo: Path) -> None:
    path = repo / "maps" / "harbour.yaml"
    path.write_text(path.read_text().replace("confidence: moderate", "confidence: high", 1))
    result = argmap("diff", "HEAD:maps/harbour.yaml", "maps/harbour.yaml", cwd=repo)
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("HEAD:maps/harbour.yaml -> maps/harbour.yaml:")
    assert "confidence: [-moderate-] -> {+high+} (raised)" in result.stdout


def test_git_ref_compares_every_changed_map_and_skips_other_yaml(repo: Path) -> None:
    (repo / "ci.yaml").write_text("jobs: {build: {}}\n")
    path = repo / "maps" / "harbour.yaml"
    path.write_text(path.read_text().replace("kind: rebut", "kind: undermine"))
    (repo / "maps" / "second.yaml").write_text(HARBOUR.read_text().replace(
        "id: harbour-crane", "id: second"))
    git(repo, "add", "maps/second.yaml")
    result = argmap("diff", "--git", "HEAD", "-f", "json", cwd=repo)
    assert result.returncode == 1, result.stderr
    reports = {report["new"]: report for report in json.loads(result.stdout)["maps"]}
    assert set(reports) == {"maps/harbour.yaml", "maps/second.yaml"}
    assert {c["category"] for c in reports["maps/harbour.yaml"]["changes"]} == {"attack"}
    assert all(c["category"] == "added" for c in reports["maps/second.yaml"]["changes"])


def test_git_unchanged_work_tree_exits_0(repo: Path) -> None:
    result = argmap("diff", "--git", "HEAD", cwd=repo)
    assert result.returncode == 0 and "no maps changed since HEAD" in result.stderr


@pytest.mark.parametrize("args", [["HEAD~5:maps/harbour.yaml", "maps/harbour.yaml"],
                                  ["HEAD:maps/nothing.yaml", "maps/harbour.yaml"],
                                  ["--git", "no-such-branch"]])
def test_git_bad_refs_and_paths_are_one_line_exit_2(repo: Path, args: list[str]) -> None:
    result = argmap("diff", *args, cwd=repo)
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr


def test_git_outside_a_repository_is_one_line_exit_2(tmp_path: Path) -> None:
    result = argmap("diff", "--git", "HEAD", cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr


@pytest.mark.parametrize("spec", ["--output=notes:maps/harbour.yaml",
                                  "--output=../outside:maps/harbour.yaml",
                                  "-p:maps/harbour.yaml", "--textconv:maps/harbour.yaml"])
def test_git_never_takes_a_side_as_an_option(repo: Path, spec: str) -> None:
    before = sorted(path.name for path in repo.rglob("*") if ".git" not in path.parts)
    result = argmap("diff", "--", spec, "maps/harbour.yaml", cwd=repo)
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert "no such commit" in result.stderr
    after = sorted(path.name for path in repo.rglob("*") if ".git" not in path.parts)
    assert after == before and not (repo.parent / "outside").exists()


def test_git_never_takes_a_ref_as_an_option(repo: Path) -> None:
    result = argmap("diff", "--git", "--output=written", cwd=repo)
    assert result.returncode == 2 and "no such commit" in result.stderr, result.stderr
    assert not (repo / "written").exists()


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(ref=st.text(min_size=1, max_size=40).map(lambda text: "-" + text.replace(":", "")),
       path=st.text(max_size=20))
def test_no_side_reaches_git_as_an_option(repo: Path, ref: str, path: str) -> None:
    def files() -> list[Path]:
        return sorted([*repo.parent.iterdir(), *(repo / "maps").iterdir(), *repo.iterdir()])

    before = files()
    out, err = io.StringIO(), io.StringIO()
    sides = [f"{ref}:{path or 'maps/harbour.yaml'}", "maps/harbour.yaml"]
    assert run_diff(DiffSettings(sides=sides, cwd=repo), out, err) == 2
    assert err.getvalue().count("\n") == 1 and "internal error" not in err.getvalue()
    assert files() == before
    assert run_diff(DiffSettings(git_ref=ref, cwd=repo), out, err) == 2


def test_git_one_unreadable_map_is_reported_and_the_others_compared(repo: Path) -> None:
    path = repo / "maps" / "harbour.yaml"
    path.write_text(path.read_text().replace("confidence: moderate", "confidence: high", 1))
    (repo / "maps" / "broken.yaml").write_bytes(b"map: \xff\n")
    (repo / "maps" / "huge.yaml").write_bytes(b"map: x\n" + b"# padding\n" * 2_000_000)
    git(repo, "add", "maps/broken.yaml", "maps/huge.yaml")
    result = argmap("diff", "--git", "HEAD", cwd=repo)
    assert result.returncode == 2, result.stderr
    assert "confidence: [-moderate-] -> {+high+} (raised)" in result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and "Traceback" not in result.stderr, result.stderr
    assert any("maps/broken.yaml" in line and "UTF-8" in line for line in lines)
    assert any("maps/huge.yaml" in line for line in lines)


# --- properties --------------------------------------------------------------------------------

PROPERTY_SETTINGS = settings(max_examples=60, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow])


def reformatted(data: dict[str, Any]) -> dict[str, Any]:
    """The same map in another form: every list reversed, every text re-wrapped."""
    def rewrap(value: Any) -> Any:
        if isinstance(value, str) and " " in value:
            return value.replace(" ", "\n  ", 1)
        return value

    twisted = copy.deepcopy(data)
    for section, items in twisted.items():
        if section != "map" and isinstance(items, list):
            items.reverse()
            for item in items:
                for key in ("text", "name", "title"):
                    if key in item:
                        item[key] = rewrap(item[key])
                if isinstance(item.get("premises"), list):
                    item["premises"].reverse()
    return twisted


@PROPERTY_SETTINGS
@given(generated=valid_maps())
def test_a_map_diffs_empty_against_any_reformatting_of_itself(
    generated: tuple[dict[str, Any], str],
) -> None:
    data, _ = generated
    model = ArgumentMap.model_validate(data)
    exported = yaml.safe_load(dump_yaml(model))
    for other in (exported, reformatted(data), yaml.safe_load(dump_data_yaml(reformatted(data)))):
        assert compare_maps(model, ArgumentMap.model_validate(other)).substantive() == []


def _mirror_key(change: Change) -> tuple[Any, ...]:
    return (change.section, change.element, change.category, change.field, change.old or "",
            change.new or "", change.direction, change.old_id)


@PROPERTY_SETTINGS
@given(first=valid_maps(), second=valid_maps())
def test_diff_b_a_is_the_mirror_image_of_diff_a_b(
    first: tuple[dict[str, Any], str], second: tuple[dict[str, Any], str],
) -> None:
    a = ArgumentMap.model_validate(first[0])
    b = ArgumentMap.model_validate(second[0])
    forward, backward = compare_maps(a, b), compare_maps(b, a)
    assert sorted(_mirror_key(c.mirrored()) for c in forward.all) == sorted(
        _mirror_key(c) for c in backward.all)


def test_a_judgment_whose_label_moves_is_a_consequence_with_the_reason() -> None:
    def edit(data: dict[str, Any]) -> None:
        data["propositions"].append({
            "id": "officials-absent", "kind": "reported_fact", "quotes": ["q-records"],
            "text": "The officials were not on site on the day of the collapse."})
        data["attacks"].append({"id": "absent-undercut", "attacker": "officials-absent",
                                "target": "officials-in-position", "kind": "undercut"})

    report = changes_of(edit)
    labels = {c.element: (c.old, c.new, c.direction) for c in report.consequences
              if c.category == "label"}
    assert labels == {"cable-snapped": ("in", "out", "down"),
                      "maintenance-skipped": ("in", "out", "down")}
    cable = next(c for c in report.consequences
                 if c.category == "label" and c.element == "cable-snapped")
    assert "officials-in-position" in cable.reason and "officials-absent" in cable.reason


def test_a_change_to_a_renamed_element_names_both_ids_so_it_mirrors() -> None:
    def edit(data: dict[str, Any]) -> None:
        attack = element(data, "attacks", "records-vs-claim")
        attack.update(id="records-rebut-claim", by="analyst")

    report = changes_of(edit)
    assert {(c.category, c.element, c.old_id) for c in report.changes} == {
        ("renamed", "records-rebut-claim", "records-vs-claim"),
        ("attack", "records-rebut-claim", "records-vs-claim")}
    mirrored = {(c.category, c.element, c.old_id) for c in
                (change.mirrored() for change in report.changes)}
    assert mirrored == {("renamed", "records-vs-claim", "records-rebut-claim"),
                        ("attack", "records-vs-claim", "records-rebut-claim")}


def test_a_side_that_is_not_utf8_is_one_line_exit_2(two_versions: tuple[Path, Path]) -> None:
    old, new = two_versions
    new.write_bytes(b"map: \xff\n")
    result = argmap("diff", old, new)
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert "UTF-8" in result.stderr and "internal error" not in result.stderr
