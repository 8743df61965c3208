"""The map as plain data, YAML or JSON: what was loaded, in the order it was written."""

from __future__ import annotations

import json
from typing import Any

import yaml

from argmap.model.elements import ArgumentMap
from argmap.read import resolve_plain


def to_data(model: ArgumentMap) -> dict[str, Any]:
    """Plain data that loads back to an equal model; defaults and empty sections are left out."""
    data: dict[str, Any] = model.model_dump(mode="json", exclude_defaults=True)
    return data


class _Dumper(yaml.SafeDumper):
    """Block style, long lines kept whole: maps are read by people and diffed line by line."""


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    if style is None and resolve_plain(value) is not value:
        # PyYAML's emitter decides quoting by YAML 1.1 rules; our reader follows YAML 1.2, where
        # e.g. `1e5` is a number. Quote whatever our reader would not read back as this string.
        style = "'"
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)


def dump_yaml(model: ArgumentMap) -> str:
    return dump_data_yaml(to_data(model))


def dump_data_yaml(data: Any) -> str:
    """YAML that argmap's YAML 1.2 reader reads back as exactly ``data``."""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=False)


def dump_json(model: ArgumentMap) -> str:
    return json.dumps(to_data(model), indent=2, ensure_ascii=False) + "\n"
