"""Stage 1, read: files on disk to plain data with positions. Knows YAML, nothing of maps."""

from argmap.read.files import (
    decode_utf8,
    forget_inputs_read,
    iter_map_files,
    open_regular,
    read_bytes,
    read_text,
    release_input,
    resolved,
    was_read,
)
from argmap.read.limits import DEFAULT_LIMITS, Limits
from argmap.read.yaml_tree import (
    LineTable,
    Loc,
    Positions,
    YamlDocument,
    YamlError,
    line_and_column,
    parse_yaml,
    resolve_plain,
)

__all__ = [
    "DEFAULT_LIMITS",
    "Limits",
    "LineTable",
    "Loc",
    "Positions",
    "YamlDocument",
    "YamlError",
    "decode_utf8",
    "forget_inputs_read",
    "iter_map_files",
    "line_and_column",
    "open_regular",
    "parse_yaml",
    "read_bytes",
    "read_text",
    "release_input",
    "resolve_plain",
    "resolved",
    "was_read",
]
