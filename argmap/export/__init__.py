"""Stage 4, export: a validated map written out as YAML, JSON, AIF (AIFdb, OVA+) or Argdown."""

from argmap.export.aif import to_aif
from argmap.export.argdown import to_argdown
from argmap.export.data import dump_data_yaml, dump_json, dump_yaml, to_data

__all__ = ["dump_data_yaml", "dump_json", "dump_yaml", "to_aif", "to_argdown", "to_data"]
