"""The YAML reader: YAML 1.2 scalars, positions, safety and resource bounds."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.read import Limits, YamlError, decode_utf8, parse_yaml, read_text


def test_plain_scalars_follow_yaml_1_2_core() -> None:
    data = parse_yaml(
        "a: no\nb: true\nc: 12\nd: 1.5\ne: ~\nf: '12'\ng: 2021-11-07\nh: Yes\ni: -3\nj:\n"
    ).data
    assert data == {"a": "no", "b": True, "c": 12, "d": 1.5, "e": None, "f": "12",
                    "g": "2021-11-07", "h": "Yes", "i": -3, "j": None}


def test_positions_of_values_and_keys() -> None:
    doc = parse_yaml("map:\n  id: x\nitems:\n  - first\n  -   second\n")
    assert doc.positions.of_value(("map", "id")) == (2, 7)
    assert doc.positions.of_key(("map", "id")) == (2, 3)
    assert doc.positions.of_value(("items", 1)) == (5, 7)
    # A location that does not exist falls back to its nearest existing ancestor.
    assert doc.positions.of_value(("items", 1, "nope")) == (5, 7)


def test_byte_order_mark_is_accepted() -> None:
    assert decode_utf8(b"\xef\xbb\xbfa: 1\n") == "a: 1\n"


def test_bad_utf8_byte_is_located() -> None:
    with pytest.raises(YamlError) as caught:
        decode_utf8(b"a: 1\nb: caf" + b"\xe9\n")
    assert (caught.value.line, caught.value.column) == (2, 7)


@pytest.mark.parametrize("depth", [33, 1000, 200_000])
def test_deep_flow_nesting_is_refused_without_crashing(depth: int) -> None:
    # PyYAML's C composer recurses and crashes the interpreter near 100,000 levels.
    with pytest.raises(YamlError, match="nesting deeper than 32"):
        parse_yaml("a: " + "[" * depth + "]" * depth)


@pytest.mark.parametrize("shape", ["{a: [", "[ ", "{a: "])
def test_libyaml_nesting_limit_never_speaks_first(shape: str) -> None:
    # libyaml 0.2.6 stops at 1,000 levels with its own message, before it hands out an event
    # when the levels sit within its look-ahead; argmap's bound is reported, in its own words.
    with pytest.raises(YamlError, match="nesting deeper than 32") as caught:
        parse_yaml("a: " + shape * 1_100 + "x")
    assert caught.value.code == "AM005"


def test_first_problem_before_a_libyaml_error_is_argmaps() -> None:
    # `{[` makes a list a mapping key: argmap's error at column 5, not libyaml's at column 1,000.
    with pytest.raises(YamlError, match="mapping keys must be plain strings") as caught:
        parse_yaml("a: " + "[{" * 600)
    assert (caught.value.line, caught.value.column) == (1, 6)


def test_block_nesting_is_bounded_too() -> None:
    text = "".join(f"{' ' * level}k{level}:\n" for level in range(40))
    with pytest.raises(YamlError, match="nesting"):
        parse_yaml(text)


def test_alias_bomb_costs_nothing() -> None:
    bomb = "a: &a [x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(20)
    )
    with pytest.raises(YamlError, match="anchors are not allowed"):
        parse_yaml(bomb)


def test_no_tag_constructs_objects() -> None:
    with pytest.raises(YamlError, match="tags are not allowed"):
        parse_yaml("a: !!python/object/apply:os.system ['true']\n")


def test_string_length_limit() -> None:
    with pytest.raises(YamlError, match="longer than the limit"):
        parse_yaml("a: " + "x" * 101, Limits(max_string_chars=100))


def test_node_count_limit() -> None:
    with pytest.raises(YamlError, match="more than 10 YAML values"):
        parse_yaml("a: [" + ", ".join("1" * 20) + "]", Limits(max_yaml_nodes=10))


def test_file_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("a: " + "x" * 200)
    with pytest.raises(YamlError, match="over the limit of 100"):
        read_text(big, Limits(max_file_bytes=100))


def test_complex_keys_are_refused() -> None:
    with pytest.raises(YamlError, match="mapping keys must be plain strings"):
        parse_yaml("? [a, b]\n: c\n")


def test_a_problem_is_always_one_line() -> None:
    from argmap.problems import Problem

    problem = Problem("m.yaml", 1, 2, "AM010", "unknown field `a\nb\x1b[31m`")
    assert str(problem) == "m.yaml:1:2: unknown field `a\\nb\\x1b[31m`"
