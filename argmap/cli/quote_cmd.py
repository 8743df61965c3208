"""``argmap quote`` and ``argmap coverage``: help to quote a source verbatim, and completely."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from argmap.cli.typer_app import FormatOption, QuietOption, app


class QuoteFormat(str, Enum):
    text = "text"
    json = "json"


class QuoteMode(str, Enum):
    author = "author"
    direct = "direct"
    indirect = "indirect"


@app.command()
def quote(
    source: Annotated[Path, typer.Argument(help="The source text (UTF-8).", metavar="SOURCE")],
    phrase: Annotated[str, typer.Argument(
        help="Words to find; case, spaces, quote marks and dashes need not match; `...` for "
             "words left out.", metavar="PHRASE")],
    speaker: Annotated[str, typer.Option(help="Actor id of whoever says it.")] = "author",
    quote_id: Annotated[
        str | None, typer.Option("--id", help="The quote's id (default: from its first words).")
    ] = None,
    source_id: Annotated[
        str, typer.Option("--source-id", help="The source's id in the map.")
    ] = "source",
    mode: Annotated[
        QuoteMode | None,
        typer.Option(help="Default: direct inside quotation marks, author for the author, "
                          "else indirect."),
    ] = None,
    output_format: Annotated[
        QuoteFormat, typer.Option("--format", "-f", help="text, or json for tools.")
    ] = QuoteFormat.text,
    limit: Annotated[int, typer.Option(min=1, help="Show at most this many places.")] = 20,
) -> None:
    """Find a phrase in a source text; print its exact words, sentence, offsets and a ready
    YAML quote entry.

    Exit 0 when found, 1 when not (the closest passage is shown), 2 when the source is unreadable.
    """
    from argmap.commands.quote import QuoteSettings, run_quote

    settings = QuoteSettings(source, phrase, speaker, quote_id, source_id,
                             mode.value if mode else None, output_format.value, limit)
    raise typer.Exit(run_quote(settings))


@app.command()
def coverage(
    paths: Annotated[
        list[Path], typer.Argument(help="Map files or folders of maps.", metavar="MAP")
    ],
    output_format: FormatOption = "auto",
    marked: Annotated[bool, typer.Option(
        "--marked", help="Only sentences with estimative, attribution or reasoning words.")
    ] = False,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Exit 1 when such a sentence is quoted nowhere.")] = False,
    allow_outside_paths: Annotated[bool, typer.Option(
        "--allow-outside-paths", help="Read source texts outside the repository.")] = False,
    quiet: QuietOption = False,
) -> None:
    """List the sentences of each source that no quote covers: those that estimate, attribute
    ("said", "according to") or reason ("which means") first.

    Each is reported at its line and column in the source text. Exit 0 (1 with --strict when a
    marked sentence is uncovered; 2 when a map or source cannot be read).
    """
    from argmap.commands.coverage import CoverageSettings, run_coverage

    settings = CoverageSettings(paths, output_format, marked, strict, quiet,
                                allow_outside_paths)
    raise typer.Exit(run_coverage(settings))
