"""``argmap import``: a map from AIF, xAIF, OVA+, SADFace, arguebuf or Argdown JSON, with what
did not fit listed."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from argmap.atomic import check_replaceable, make_folder, write_text_atomic
from argmap.problems import ArgmapError, MapInvalidError, UnreadableInputError, UsageError
from argmap.read import DEFAULT_LIMITS, YamlError, decode_utf8, read_bytes

if TYPE_CHECKING:
    from argmap.importers.graph import AifGraph
    from argmap.importers.result import ImportResult


@dataclass(frozen=True)
class ImportSettings:
    path: Path
    output: Path | None = None
    force: bool = False


def read_json(path: Path) -> Any:
    """The file's JSON; a syntax error is located (``file:line:column``), exit 1."""
    from argmap.importers.shape import bounded_int

    try:
        text = decode_utf8(read_bytes(path, DEFAULT_LIMITS.max_source_bytes))
        return json.loads(text, parse_int=bounded_int)
    except json.JSONDecodeError as error:
        raise YamlError(error.lineno, error.colno, f"not valid JSON: {error.msg}") from None
    except RecursionError:
        raise YamlError(1, 1, "not valid JSON: nested too deeply") from None


FORMAT_NAMES = "AIF, xAIF, OVA+, SADFace, arguebuf or Argdown JSON"


def read_graph(document: dict[str, Any]) -> AifGraph | None:
    """The argument graph of a document in one of the graph formats, or None if it is in none."""
    from argmap.importers.graph import read_aif_family
    from argmap.importers.neighbours import (
        is_arguebuf,
        is_sadface,
        read_arguebuf,
        read_sadface,
    )

    if isinstance(document.get("AIF"), dict):
        return read_aif_family(document)
    if isinstance(document.get("nodes"), list):
        return read_sadface(document) if is_sadface(document) else read_aif_family(document)
    if is_arguebuf(document):
        return read_arguebuf(document)
    return None


def convert(document: Any, path: Path, output: Path) -> ImportResult:
    """The map data for ``document`` (read from ``path``), to be written to ``output``."""
    from argmap.importers.aif import build_from_aif
    from argmap.importers.argdown import build_from_argdown, is_argdown
    from argmap.importers.graph import ImportFormatError
    from argmap.importers.result import ImportResult, slugify

    if not isinstance(document, dict):
        raise UsageError(f"{path}: not {FORMAT_NAMES} (the top level is a "
                         f"{type(document).__name__}, not an object)")
    result = ImportResult()
    result.data["map"] = {"id": slugify(path.stem), "title": f"Imported from {path.name}",
                          "format": 1}
    source_path = f"{output.stem}.txt"
    try:
        if is_argdown(document):
            result.dialect = "Argdown JSON"
            build_from_argdown(document, result)
        elif (graph := read_graph(document)) is not None:
            result.dialect = graph.dialect
            if graph.title and graph.title.strip():
                result.data["map"]["title"] = graph.title.strip()
            build_from_aif(graph, result, source_path)
            if (graph.extension or {}).get("sources"):
                _move_sources(result, path.parent, output.parent)
        else:
            raise UsageError(f"{path}: not {FORMAT_NAMES} (no `nodes` list or object, `AIF` "
                             "or `statements`)")
    except ImportFormatError as error:
        raise UsageError(f"{path}: {error}") from None
    if not result.data.get("propositions"):
        # A map with nothing in it would pass for a successful import of a file misread.
        dropped = len(result.lines())
        raise UsageError(f"{path}: read as {result.dialect}, but it holds no proposition to "
                         "import" + (f" ({dropped} kind(s) of element not carried)" if dropped
                                     else ""))
    return result


def _move_sources(result: ImportResult, old_folder: Path, new_folder: Path) -> None:
    """An exported map's relative source paths are relative to the exported file: written
    again relative to the imported map."""
    from argmap.export.paths import rebase

    for source in result.data.get("sources") or []:
        if isinstance(source, dict) and isinstance(source.get("path"), str):
            source["path"] = rebase(source["path"], old_folder, new_folder)


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
    source_file = output.with_name(f"{output.stem}.txt")
    try:
        _check_output(settings, output, source_file)
        result = convert(read_json(settings.path), settings.path, output)
        if result.source_text is not None:
            check_replaceable(source_file)
            if source_file.exists() and not settings.force:
                raise UsageError(f"{source_file}: already exists (the map's source text would "
                                 "replace it; use --force, or -o to name the map elsewhere)")
        text = map_text(result, settings.path)
        _check(load_map_text, text, output, result)
        _write(output, source_file, text, result)
    except YamlError as error:
        err.write(error.located(settings.path) + "\n")
        return 1
    except ArgmapError as error:
        err.write(f"argmap: {error}\n")
        return error.exit_code
    _report(settings.path, output, result, err)
    return 0


def _check_output(settings: ImportSettings, output: Path, source_file: Path) -> None:
    """Refuse, before anything is read or written, an output that cannot or must not be
    replaced: the input, the map's own source text, a folder, a device, a FIFO, a link."""
    if output.resolve() == settings.path.resolve():
        raise UsageError(f"{output}: the output would replace the input (use -o)")
    if source_file == output:
        raise UsageError(f"{output}: the map's source text is written to NAME.txt beside the "
                         "map, so the map cannot be NAME.txt itself (name it .yaml)")
    check_replaceable(output)
    if output.exists() and not settings.force:
        raise UsageError(f"{output}: already exists (use --force to replace it)")


def _check(load: Any, text: str, output: Path, result: ImportResult) -> None:
    """The map must validate; a failure here is argmap's fault, said as such, nothing written."""
    try:
        load(text, output)
    except MapInvalidError as error:
        if result.extended:
            raise UnreadableInputError(f"the file's `argmap` extension does not give a valid "
                                       f"map: {error.problems[0]}") from None
        raise UnreadableInputError(f"the imported map does not validate (a bug in argmap "
                                   f"import; please report it): {error.problems[0]}") from None


def _write(output: Path, source_file: Path, text: str, result: ImportResult) -> None:
    """The source text, then the map; when the map cannot be written, a source text this run
    created is removed again, so a failed import leaves nothing behind."""
    make_folder(output.parent if str(output.parent) else Path("."))
    created = result.source_text is not None and not source_file.exists()
    if result.source_text is not None:
        write_text_atomic(source_file, result.source_text)
    try:
        write_text_atomic(output, text)
    except BaseException:
        if created:
            source_file.unlink(missing_ok=True)
        raise


def _report(path: Path, output: Path, result: ImportResult, err: TextIO) -> None:
    data = result.data
    counts = ", ".join(f"{len(data.get(section) or [])} {section}" for section in
                       ("quotes", "propositions", "inferences", "attacks"))
    err.write(f"wrote {output} from {path} ({result.dialect}): {counts}\n")
    for line in result.lines():
        err.write(f"{path}: not carried: {line}\n")
