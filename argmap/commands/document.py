"""A report as blocks (headings, paragraphs, tables), spelled as plain text or as Markdown.

Commands that print a report (``ach``, ``evaluate``) decide its layout once, as blocks, and
each writer only spells them: the text and Markdown versions cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from argmap.problems import one_line


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    body: tuple[tuple[str, ...], ...]
    footer: tuple[tuple[str, ...], ...] = ()


Block = Heading | Paragraph | Table


def write_text(blocks: Sequence[Block]) -> str:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            lines += [block.text, ("=" if block.level == 1 else "-") * len(block.text)]
        elif isinstance(block, Table):
            lines += _aligned(block)
        else:
            lines.append(block.text)
        lines.append("")
    return "\n".join(lines)


def _aligned(table: Table) -> list[str]:
    rows = [table.header, *table.body, *table.footer]
    widths = [max(len(row[number]) for row in rows) for number in range(len(table.header))]

    def line(row: Sequence[str]) -> str:
        return "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)
                         ).rstrip()

    rule = line(["-" * width for width in widths])
    footer = [rule, *map(line, table.footer)] if table.footer else []
    return [line(table.header), rule, *map(line, table.body), *footer]


def write_markdown(blocks: Sequence[Block]) -> str:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            lines.append(f"{'#' * block.level} {_inert(block.text)}")
        elif isinstance(block, Table):
            footer = [(f"**{_inert(label)}**", *map(_inert, rest)) for label, *rest in block.footer]
            lines += [_markdown_row(table_row)
                      for table_row in (tuple(map(_inert, block.header)),
                                        tuple("---" for _ in block.header),
                                        *(tuple(map(_inert, row)) for row in block.body), *footer)]
        else:
            lines.append(_inert(block.text))
        lines.append("")
    return "\n".join(lines)


def _inert(text: str) -> str:
    """Markdown passes HTML through: a map's ``<script>`` or ``<img onerror=...>`` would be live
    in a rendered report. ``& < >`` become entities, which Markdown shows as the characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _markdown_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def clean(text: str) -> str:
    """One line, no control characters: a map's text must not steer the terminal or the table."""
    return one_line(" ".join(text.split()))
