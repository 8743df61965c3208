"""Stage 4, export: a validated map written out as YAML, JSON or AIF (for OVA+ and friends)."""

from argmap.export.aif import to_aif
from argmap.export.data import dump_data_yaml, dump_json, dump_yaml, to_data

__all__ = ["dump_data_yaml", "dump_json", "dump_yaml", "to_aif", "to_data"]
