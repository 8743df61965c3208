"""YAML syntax errors come with what to do, under libyaml and under PyYAML's own parser alike."""

from __future__ import annotations

import pytest
import yaml

from argmap.read import YamlError, parse_yaml, yaml_tree
from argmap.read.yaml_hints import explain

CASES = {
    "colon in a value": ("a:\n  text: We said: no\n", (2, 16), "a `: ` inside the value of `text`"),
    "quoted phrase first": ('a:\n  text: "survival pacts" with the insurgents.\n  b: 1\n', (2, 26),
                            "starts with a quoted phrase"),
    "single-quoted phrase first": ("a:\n  text: 'survival' pacts\n", (2, 20),
                                   "quote the whole value with \""),
    "colon in a flow mapping": ("a: {reliability: C, rationale: note: this}\n", (1, 36),
                                "breaks the `{...}` mapping"),
    "tab indentation": ("a:\n  b: 1\n\t c: 2\n", (3, 1), "YAML indents with spaces only"),
    "deeper indentation": ("a:\n  b: 1\n   c: 2\n", (3, 5), "indented deeper than the keys"),
    "misaligned list item": ("a:\n  - id: x\n    text: y\n  text: z\n", (4, 3),
                             "does not line up with the list"),
    "unclosed quote": ('a:\n  text: "abc\n  b: 2\n', (4, 1),
                       "quoted value on line 2 is never closed"),
    "apostrophe in single quotes": ("a: 'it's'\n", (1, 8), "write it twice"),
    "value opens a list": ("a:\n  text: [sic] the thing\n", (2, 15), "opens a YAML list"),
    "backquote": ("a: `x`\n", (1, 4), "cannot start with a backquote"),
    "no space after colon": ("a:\n  b:1\n  c: 2\n", (3, 4), "needs a space after the colon"),
    "folded header with text": ("a: > text\n  more\n", (1, 6), "starts on the next line"),
    "line without colon": ("a:\n- b\nc\n", (4, 1), "neither `key: value` nor a list item"),
    "unclosed flow list": ("a: [x, y\nb: 2\n", (2, 2), "breaks the `[...]` list"),
}


@pytest.fixture(params=["libyaml", "pure"])
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "pure":
        monkeypatch.setattr(yaml_tree, "_Loader", yaml.SafeLoader)
    elif not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML was built without libyaml")
    return str(request.param)


@pytest.mark.parametrize("name", CASES)
def test_syntax_error_says_what_to_do(name: str, loader: str) -> None:
    text, _, fragment = CASES[name]
    with pytest.raises(YamlError) as caught:
        parse_yaml(text)
    message = caught.value.message
    assert fragment in message
    assert message.startswith("YAML syntax error: ")
    assert "(parser: " in message, "the parser's own words stay, for searching"
    assert "\n" not in message


@pytest.mark.parametrize("name", CASES)
def test_position_is_the_parsers(name: str) -> None:
    text, position, _ = CASES[name]
    with pytest.raises(YamlError) as caught:
        parse_yaml(text)
    assert (caught.value.line, caught.value.column) == position


def test_an_error_no_hint_knows_keeps_the_parser_message() -> None:
    assert explain("something new", "(while testing)", "a: b\n", 1, 1) == \
        "YAML syntax error: something new (while testing)"


def test_position_past_the_end_of_the_text_does_not_fail() -> None:
    assert explain("did not find expected key", "", "a: b", 9, 40).startswith("YAML syntax error")


def test_anchor_sign_in_text_is_explained() -> None:
    with pytest.raises(YamlError, match="quote it if the `&` is part of the text"):
        parse_yaml("a: &x\n")
