"""``argmap import``: a map from AIF, xAIF, OVA+ or Argdown JSON, with what did not fit listed."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from argmap.atomic import write_text_atomic
from argmap.problems import ArgmapError, MapInvalidError, UnreadableInputError, UsageError
from argmap.read import DEFAULT_LIMITS, YamlError, decode_utf8, read_bytes

if TYPE_CHECKING:
    from argmap.importers.result import ImportResult


@dataclass(frozen=True)
class ImportSettings:
    path: Path
    output: Path | None = None
    force: bool = False


def read_json(path: Path) -> Any:
    """The file's JSON; a syntax error is located (``file:line:column``), exit 1."""
    try:
        text = decode_utf8(read_bytes(path, DEFAULT_LIMITS.max_source_bytes))
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise YamlError(error.lineno, error.colno, f"not valid JSON: {error.msg}") from None
    except RecursionError:
        raise YamlError(1, 1, "not valid JSON: nested too deeply") from None


def convert(document: Any, path: Path, output: Path) -> ImportResult:
    """The map data for ``document`` (read from ``path``), to be written to ``output``."""
    from argmap.importers.aif import build_from_aif
    from argmap.importers.argdown import build_from_argdown, is_argdown
    from argmap.importers.graph import ImportFormatError, read_aif_family
    from argmap.importers.result import ImportResult, slugify

    if not isinstance(document, dict):
        raise UsageError(f"{path}: not AIF, xAIF, OVA+ or Argdown JSON (the top level is a "
                         f"{type(document).__name__}, not an object)")
    result = ImportResult()
    result.data["map"] = {"id": slugify(path.stem), "title": f"Imported from {path.name}",
                          "format": 1}
    source_path = f"{output.stem}.txt"
    try:
        if is_argdown(document):
            result.dialect = "Argdown JSON"
            build_from_argdown(document, result)
        elif isinstance(document.get("AIF"), dict) or isinstance(document.get("nodes"), list):
            graph = read_aif_family(document)
            result.dialect = graph.dialect
            if graph.title:
                result.data["map"]["title"] = graph.title
            build_from_aif(graph, result, source_path)
        else:
            raise UsageError(f"{path}: not AIF, xAIF, OVA+ or Argdown JSON (no `nodes`, `AIF` "
                             "or `statements`)")
    except ImportFormatError as error:
        raise UsageError(f"{path}: {error}") from None
    return result


def map_text(result: ImportResult, path: Path) -> str:
    """The map as YAML, headed by what was not carried; validated before anything is written."""
    from argmap.export import dump_data_yaml

    data = {key: value for key, value in result.data.items() if value or key == "map"}
    header = [f"# Imported by `argmap import` from {path.name} ({result.dialect})."]
    lines = result.lines()
    if lines:
        header.append("# Not carried into this map:")
        header.extend(f"#   - {line}" for line in lines)
    return "\n".join(header) + "\n" + dump_data_yaml(data)


def run_import(settings: ImportSettings, err: TextIO = sys.stderr) -> int:
    from argmap.model import load_map_text

    output = settings.output or settings.path.with_suffix(".yaml")
    try:
        if output.resolve() == settings.path.resolve():
            raise UsageError(f"{output}: the output would replace the input (use -o)")
        if output.exists() and not settings.force:
            raise UsageError(f"{output}: already exists (use --force to replace it)")
        result = convert(read_json(settings.path), settings.path, output)
        source_file = output.with_name(f"{output.stem}.txt")
        if result.source_text is not None and source_file.exists() and not settings.force:
            raise UsageError(f"{source_file}: already exists (the map's source text would "
                             "replace it; use --force, or -o to name the map elsewhere)")
        text = map_text(result, settings.path)
        _check(load_map_text, text, output, result)
        _write(output, text, result)
    except YamlError as error:
        err.write(error.located(settings.path) + "\n")
        return 1
    except ArgmapError as error:
        err.write(f"argmap: {error}\n")
        return error.exit_code
    _report(settings.path, output, result, err)
    return 0


def _check(load: Any, text: str, output: Path, result: ImportResult) -> None:
    """The map must validate; a failure here is argmap's fault, said as such, nothing written."""
    try:
        load(text, output)
    except MapInvalidError as error:
        raise UnreadableInputError(f"the imported map does not validate (a bug in argmap "
                                   f"import; please report it): {error.problems[0]}") from None


def _write(output: Path, text: str, result: ImportResult) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    if result.source_text is not None:
        write_text_atomic(output.with_name(f"{output.stem}.txt"), result.source_text)
    write_text_atomic(output, text)


def _report(path: Path, output: Path, result: ImportResult, err: TextIO) -> None:
    data = result.data
    counts = ", ".join(f"{len(data.get(section) or [])} {section}" for section in
                       ("quotes", "propositions", "inferences", "attacks"))
    err.write(f"wrote {output} from {path} ({result.dialect}): {counts}\n")
    for line in result.lines():
        err.write(f"{path}: not carried: {line}\n")
