"""Resource bounds on input, so a hostile file costs a bounded amount of time and memory."""

from __future__ import annotations

from typing import NamedTuple


class Limits(NamedTuple):
    """Bounds applied while reading a map. Each one, when exceeded, is a located error."""

    max_file_bytes: int = 16 * 1024 * 1024
    max_depth: int = 32
    max_yaml_nodes: int = 2_000_000
    max_string_chars: int = 100_000
    max_elements: int = 200_000
    max_source_bytes: int = 64 * 1024 * 1024


DEFAULT_LIMITS = Limits()
