"""Every lint rule against its fixture file (tests/lint/<rule-name>.yaml), and the rule catalogue.

Each case lints a complete map with every rule on and compares the fixture's rule's problems
(position and message) with the expectation. Each fixture must have cases that pass and cases
that fail, and the failing ones must fail when the rule is turned off: the rule, not some other
part of lint, is what the fixture tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lint_harness import Case, all_cases, check_case, fixture_paths, load_fixture, run_case

from argmap.lint.docs import rules_markdown
from argmap.lint.rule import all_rules

ROOT = Path(__file__).parent.parent
CASES = all_cases()


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_rule_case(case: Case, tmp_path: Path) -> None:
    check_case(case, run_case(case, tmp_path))


FAILING = [case for case in CASES if case.expect]


@pytest.mark.parametrize("case", FAILING, ids=[case.id for case in FAILING])
def test_failing_case_needs_its_rule(case: Case, tmp_path: Path) -> None:
    problems = run_case(case, tmp_path, rule_enabled=False)
    with pytest.raises(AssertionError):
        check_case(case, problems)


def test_every_rule_has_one_fixture_named_after_it() -> None:
    fixtures = {path.stem: load_fixture(path)[0].rule for path in fixture_paths()}
    assert fixtures == {rule.name: rule.code for rule in all_rules()}


@pytest.mark.parametrize("path", fixture_paths(), ids=lambda path: path.stem)
def test_fixture_has_passing_and_failing_cases(path: Path) -> None:
    cases = load_fixture(path)
    assert any(not case.expect for case in cases), f"{path.name}: no passing case"
    assert any(case.expect for case in cases), f"{path.name}: no failing case"


@pytest.mark.parametrize("rule", all_rules(), ids=lambda rule: rule.code)
def test_rule_docstring_documents_why_and_the_fix(rule: object) -> None:
    from argmap.lint.rule import Rule

    assert isinstance(rule, Rule)
    assert "**Why:**" in rule.doc, f"{rule.code}: say why the rule matters"
    assert "**Anti-pattern**" in rule.doc, f"{rule.code}: show an anti-pattern"
    assert "**Best practice**" in rule.doc, f"{rule.code}: show the fix"
    for option in rule.options:
        assert f"`{option}`" in rule.doc, f"{rule.code}: document option {option}"


def test_docs_rules_md_is_generated_from_the_rules() -> None:
    expected = rules_markdown(all_rules())
    actual = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/rules.md is stale: argmap rules -f markdown > docs/rules.md"


def test_codes_and_names_are_unique_and_well_formed() -> None:
    rules = all_rules()
    assert len({rule.code for rule in rules}) == len(rules)
    assert len({rule.name for rule in rules}) == len(rules)
    assert [rule.code for rule in rules] == sorted(rule.code for rule in rules)


def test_a_case_whose_map_does_not_load_fails(tmp_path: Path) -> None:
    # Lint would report only the validation problem and run no rule: the case must not pass.
    case = Case("x.yaml", "AM152", "duplicate id", "map: {id: t, title: T, format: 1}\n"
                "propositions:\n  - {id: a, kind: claim, text: A.}\n"
                "  - {id: a, kind: claim, text: A.}\n", [])
    with pytest.raises(pytest.fail.Exception, match="does not load"):
        run_case(case, tmp_path)
