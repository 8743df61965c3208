"""Text as a YAML scalar that reads back unchanged (for entries argmap writes into maps)."""

from __future__ import annotations

import json

from argmap.read.yaml_tree import YamlError, parse_yaml


def yaml_scalar(value: str) -> str:
    """``value`` as a YAML scalar that reads back as exactly ``value``: plain when that is safe,
    else double-quoted (a JSON string is a valid YAML double-quoted scalar)."""
    try:
        if parse_yaml(f"text: {value}\n").data == {"text": value}:
            return value
    except YamlError:
        pass
    return json.dumps(value, ensure_ascii=False)
