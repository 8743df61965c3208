"""`argmap lint`, `argmap rules` and `argmap explain` as a user runs them: exit codes, formats,
configuration, and broken input alongside good input."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from argmap.commands.lint import LintCommandSettings, run_lint
from argmap.output import choose_format

HARBOUR = ROOT / "tests" / "examples" / "valid" / "harbour.yaml"
TEXT_LINE = re.compile(r"^[^:]+:\d+:\d+: AM\d{3} \S")
WARNING_ONLY = """\
map: {id: t, title: T, format: 1}
propositions:
  - {id: h, kind: hypothesis, text: Iran knew of the plan.}
"""
WITH_ERROR = """\
map: {id: t, title: T, format: 1}
propositions:
  - {id: f, kind: reported_fact, text: The drones matched.}
  - {id: h, kind: hypothesis, text: Iran knew of the plan.}
inferences:
  - {id: i, premises: [f], conclusion: h}
"""


def argmap(*args: str | Path, cwd: Path = ROOT, env: dict[str, str] | None = None
           ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60)


def repo(tmp_path: Path, **files: str) -> Path:
    """A folder that looks like a repository, holding the given files."""
    (tmp_path / ".git").mkdir(parents=True)
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def lint(*paths: Path, **options: object) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    settings = LintCommandSettings(paths=list(paths), **{"output_format": "text", **options})
    return run_lint(settings, out, err), out.getvalue(), err.getvalue()


def test_clean_map_exits_zero_and_says_so() -> None:
    result = argmap("lint", HARBOUR)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert "1 file linted: no problems" in result.stderr


def test_warnings_exit_zero_unless_strict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo(tmp_path, **{"map.yaml": WARNING_ONLY}))
    code, out, _ = lint(Path("map.yaml"))
    assert code == 0
    assert out == "map.yaml:3:10: AM143 nothing uses proposition `h`\n"
    assert lint(Path("map.yaml"), strict=True)[0] == 1


def test_errors_exit_one_with_text_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo(tmp_path, **{"map.yaml": WITH_ERROR}))
    code, out, err = lint(Path("map.yaml"))
    assert code == 1
    assert out.splitlines() == ["map.yaml:3:19: AM111 reported fact `f` has no anchoring quote: "
                                "add the quote that reports it to `quotes`"]
    assert all(TEXT_LINE.match(line) for line in out.splitlines())
    assert err == "1 file linted: 1 error\n"


def test_broken_file_is_a_problem_and_the_others_are_still_linted(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = repo(tmp_path, **{"maps/a-broken.yaml": "map: [unclosed\n",
                               "maps/b.yaml": WARNING_ONLY})
    monkeypatch.chdir(folder)
    code, out, err = lint(Path("maps"))
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("maps/a-broken.yaml:2:1: AM001 YAML syntax error")
    assert lines[1].startswith("maps/b.yaml:3:10: AM143 ")
    assert "2 files linted: 1 error, 1 warning; 1 did not load" in err


def test_missing_path_is_exit_two_and_others_still_linted(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo(tmp_path, **{"map.yaml": WARNING_ONLY}))
    code, out, err = lint(Path("nope.yaml"), Path("map.yaml"))
    assert code == 2
    assert "argmap: nope.yaml: no such file or folder" in err
    assert "AM143" in out


def test_unknown_format_is_a_usage_error() -> None:
    result = argmap("lint", "--format", "xml", HARBOUR)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_json_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo(tmp_path, **{"map.yaml": WITH_ERROR}))
    records = json.loads(lint(Path("map.yaml"), output_format="json")[1])
    assert records == [{"path": "map.yaml", "line": 3, "column": 19, "code": "AM111",
                        "rule": "unanchored-claim", "level": "error",
                        "message": "reported fact `f` has no anchoring quote: add the quote "
                                   "that reports it to `quotes`"}]


def test_sarif_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo(tmp_path, **{"maps/map.yaml": WITH_ERROR, "maps/bad.yaml": "- a\n"}))
    log = json.loads(lint(Path("maps"), output_format="sarif")[1])
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = {result["ruleId"]: result for result in run["results"]}
    assert set(results) == {"AM010", "AM111"}
    am111 = results["AM111"]
    assert rules[am111["ruleIndex"]]["id"] == "AM111"
    assert rules[am111["ruleIndex"]]["name"] == "unanchored-claim"
    assert am111["level"] == "error"
    location = am111["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "maps/map.yaml"
    assert location["region"] == {"startLine": 3, "startColumn": 19}
    assert rules[results["AM010"]["ruleIndex"]]["id"] == "AM010"


def test_github_format_is_chosen_under_github_actions(tmp_path: Path) -> None:
    folder = repo(tmp_path, **{"map.yaml": WITH_ERROR})
    env = {**_clean_env(), "GITHUB_ACTIONS": "true"}
    result = argmap("lint", "map.yaml", cwd=folder, env=env)
    assert result.returncode == 1
    assert result.stdout.startswith("::error file=map.yaml,line=3,col=19,title=AM111::")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_auto_format_colours_a_terminal_unless_no_color() -> None:
    assert choose_format("auto", _Terminal(), {}) == "color"
    assert choose_format("auto", _Terminal(), {"NO_COLOR": "1"}) == "text"
    assert choose_format("auto", _Terminal(), {"NO_COLOR": ""}) == "color"
    assert choose_format("auto", _Terminal(), {"TERM": "dumb"}) == "text"
    assert choose_format("auto", io.StringIO(), {}) == "text"
    assert choose_format("auto", _Terminal(), {"GITHUB_ACTIONS": "true"}) == "github"
    assert choose_format("sarif", _Terminal(), {"GITHUB_ACTIONS": "true"}) == "sarif"


def test_color_format_keeps_the_text_layout(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo(tmp_path, **{"map.yaml": WITH_ERROR}))
    out = lint(Path("map.yaml"), output_format="color")[1]
    assert "\033[" in out
    assert re.sub(r"\033\[[0-9;]*m", "", out).startswith("map.yaml:3:19: AM111 reported fact")


def test_config_turns_rules_off_and_changes_levels(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    config = "lint:\n  rules:\n    AM111: off\n    unused-element: error\n"
    text = WITH_ERROR + "  - {id: spare, premises: [f], conclusion: h}\n"
    monkeypatch.chdir(repo(tmp_path, **{"map.yaml": text, ".argmap.yaml": config}))
    assert [(record["code"], record["level"]) for record in
            json.loads(lint(Path("map.yaml"), output_format="json")[1])] == []
    monkeypatch.chdir(repo(tmp_path / "other", **{"map.yaml": WARNING_ONLY,
                                                  ".argmap.yaml": config}))
    code, out, _ = lint(Path("map.yaml"), output_format="json")
    assert code == 1
    assert [(record["code"], record["level"]) for record in json.loads(out)] == [
        ("AM143", "error")]


def test_pyproject_config_is_found_from_a_subfolder(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    pyproject = '[tool.argmap.lint.rules]\nunused-element = "error"\n'
    folder = repo(tmp_path, **{"maps/map.yaml": WARNING_ONLY, "pyproject.toml": pyproject})
    monkeypatch.chdir(folder / "maps")
    code, out, _ = lint(Path("map.yaml"), output_format="json")
    assert code == 1
    assert [record["level"] for record in json.loads(out)] == ["error"]


def test_unknown_option_is_an_error_naming_the_rule(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    config = "lint:\n  rules:\n    not-standalone:\n      pronoun: [he]\n"
    monkeypatch.chdir(repo(tmp_path, **{"map.yaml": WARNING_ONLY, ".argmap.yaml": config}))
    code, out, err = lint(Path("map.yaml"))
    assert code == 2
    assert out == ""
    assert err.startswith("argmap: .argmap.yaml:4:7: rule AM144 (not-standalone) has no option "
                          "`pronoun`; did you mean `pronouns`?")


def test_unknown_rule_in_pyproject_is_an_error(tmp_path: Path) -> None:
    folder = repo(tmp_path, **{"map.yaml": WARNING_ONLY,
                               "pyproject.toml": '[tool.argmap.lint.rules]\nAM999 = "off"\n'})
    result = argmap("lint", "map.yaml", cwd=folder)
    assert result.returncode == 2
    assert "[tool.argmap.lint.rules.AM999]" in result.stderr
    assert "no rule is called `AM999`" in result.stderr
    assert "Traceback" not in result.stderr


def test_explicit_config_file_and_bad_values(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo(tmp_path, **{
        "map.yaml": WARNING_ONLY,
        "a.yaml": "lint:\n  rules:\n    AM132: {min-reports: two}\n",
        "b.yaml": "likelihood-vocabulary: kent\n",
        "c.yaml": "lint:\n  rules:\n    AM132: loud\n",
        "d.yaml": "lints: {}\n",
    }))
    messages = {name: lint(Path("map.yaml"), config_path=Path(name))[2]
                for name in ("a.yaml", "b.yaml", "c.yaml", "d.yaml")}
    assert "option `min-reports` must be a whole number; found `two`" in messages["a.yaml"]
    assert "likelihood-vocabulary must be one of: icd203, phia" in messages["b.yaml"]
    assert "the level must be off, error, warning or info; found `loud`" in messages["c.yaml"]
    assert "unknown setting `lints`; did you mean `lint`?" in messages["d.yaml"]
    assert lint(Path("map.yaml"), config_path=Path("missing.yaml"))[0] == 2


def test_allow_outside_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "outside.txt").write_text("The port reopened.\n", encoding="utf-8")
    text = ("map: {id: t, title: T, format: 1}\nsources:\n"
            "  - {id: s, path: ../outside.txt, title: S}\n")
    monkeypatch.chdir(repo(tmp_path / "repo", **{"map.yaml": text}))
    refused = lint(Path("map.yaml"), output_format="json")[1]
    allowed = lint(Path("map.yaml"), output_format="json", allow_outside_paths=True)[1]
    assert "AM104" in {record["code"] for record in json.loads(refused)}
    assert "AM104" not in {record["code"] for record in json.loads(allowed)}


def test_rules_lists_every_rule_and_explain_prints_one() -> None:
    listing = argmap("rules")
    assert listing.returncode == 0
    assert re.search(r"^AM101\s+quote-not-in-source\s+error\s+Quote not found", listing.stdout,
                     re.MULTILINE)
    explained = argmap("explain", "quote-ambiguous")
    assert explained.returncode == 0
    assert explained.stdout.startswith("AM102 quote-ambiguous (default level: warning)")
    assert "**Anti-pattern**" in explained.stdout
    unknown = argmap("explain", "quote-ambigous")
    assert unknown.returncode == 2
    assert "did you mean `quote-ambiguous`?" in unknown.stderr


def _clean_env() -> dict[str, str]:
    import os

    return {key: value for key, value in os.environ.items()
            if key not in {"GITHUB_ACTIONS", "NO_COLOR"}}
