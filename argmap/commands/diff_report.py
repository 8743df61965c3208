"""What ``argmap diff`` prints: the changes of each map as text, Markdown or JSON.

Text reads like ``git diff --word-diff`` in an analyst's terms, one change a line; Markdown is for
a pull-request comment (a summary table first, then the details); JSON is for tools. Every piece
of map text is passed through :func:`one_line` (text) or escaped (Markdown), so a hostile map
cannot write terminal escapes or HTML into a report.
"""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from argmap.analyse.changes import Change, MapChanges
from argmap.model.index import KIND_NAMES
from argmap.problems import one_line
from argmap.terminal import Styled

_DIRECTION_WORDS = {"likelihood": ("raised", "lowered"), "confidence": ("raised", "lowered"),
                    "basis": ("strengthened", "weakened")}
_STANDING = {"in": "stands", "out": "falls", "undec": "undecided"}
_RED, _GREEN, _YELLOW, _BOLD, _RESET = "\033[31m", "\033[32m", "\033[33m", "\033[1m", "\033[0m"


# How a writer marks text: spell(op, text, prose) with op "-" removed, "+" added, "=" kept.
Spell = Callable[..., str]


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """``old`` to ``new`` as (op, words) runs; op is ``=``, ``-`` or ``+``."""
    before, after = old.split(), new.split()
    runs: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(("=", " ".join(before[i1:i2])))
            continue
        if i2 > i1:
            runs.append(("-", " ".join(before[i1:i2])))
        if j2 > j1:
            runs.append(("+", " ".join(after[j1:j2])))
    return runs


def describe(change: Change, spell: Spell) -> str:
    """One change in words; ``spell(op, text)`` marks removed (``-``) and added (``+``) text.
    Map text is shown only through ``spell`` or :func:`one_line`, so the words hold no escapes."""
    name = one_line(change.field)
    if change.category in ("added", "removed"):
        return f"{change.category}: {spell('=', _quoted(change.old or change.new))}"
    if change.category == "renamed":
        return f"renamed from `{one_line(change.old or '')}`"
    if change.category == "basis":
        return _describe_basis(change, spell)
    if change.category == "label":
        reason = f": {one_line(change.reason)}" if change.reason else ""
        return (f"now {_STANDING.get(change.new or '', change.new)} "
                f"({spell('-', change.old or '')} -> {spell('+', change.new or '')}){reason}")
    if change.old is not None and change.new is not None:
        if change.category in ("text", "note") or name in ("warrant", "title", "summary"):
            words = " ".join(spell(op, text, True)
                             for op, text in word_diff(change.old, change.new))
            return f"{name} reworded: {words}"
        return f"{name}: {spell('-', change.old)} -> {spell('+', change.new)}{_direction(change)}"
    if change.old is not None:
        return f"{name}: dropped {spell('-', change.old)}"
    if change.new is not None:
        return f"{name}: added {spell('+', change.new)}"
    return name


def _describe_basis(change: Change, spell: Spell) -> str:
    through = one_line(", ".join(change.causes))
    if change.old == change.new:
        return f"basis changed under it (through {through}); still rests on {change.old}"
    return (f"basis changed (through {through}): rests on {spell('-', change.old or '')} -> "
            f"{spell('+', change.new or '')}{_direction(change)}")


def _direction(change: Change) -> str:
    if not change.direction:
        return ""
    up, down = _DIRECTION_WORDS.get(change.category, ("up", "down"))
    return f" ({up if change.direction == 'up' else down})"


def _quoted(text: str | None) -> str:
    text = text or ""
    return f'"{text[:157]}..."' if len(text) > 160 else f'"{text}"'


def _counts(report: MapChanges) -> Counter[str]:
    return Counter(change.category for change in report.all)


def _headline(report: MapChanges) -> str:
    substantive = len(report.substantive())
    total = len(report.all)
    if not total:
        return "no changes"
    if not substantive:
        return f"no changes of substance ({total} cosmetic)"
    judgments = len(report.consequences)
    plural = "s" if judgments != 1 else ""
    affected = f", {judgments} judgment{plural} affected" if judgments else ""
    return f"{substantive} change{'s' if substantive != 1 else ''} of substance{affected}"


# --- text ----------------------------------------------------------------------------------------

def format_text(reports: Sequence[MapChanges], colour: bool = False) -> str:
    def spell(op: str, text: str, prose: bool = False) -> str:
        text = one_line(text)
        if op == "-":
            return f"{_RED}[-{text}-]{_RESET}" if colour else f"[-{text}-]"
        if op == "+":
            return f"{_GREEN}{{+{text}+}}{_RESET}" if colour else f"{{+{text}+}}"
        return text

    lines = []
    for report in reports:
        title = f"{one_line(report.old_label)} -> {one_line(report.new_label)}"
        lines.append(f"{_BOLD}{title}{_RESET}: {_headline(report)}" if colour
                     else f"{title}: {_headline(report)}")
        for change in report.all:
            where = f"{KIND_NAMES.get(change.section, change.section)} {change.element}"
            marker = _text_marker(change)
            lines.append(f"  {marker} {one_line(where)}: {describe(change, spell)}")
    text = "".join(f"{line}\n" for line in lines)
    # Every outside piece went through one_line: the colours are argmap's own.
    return Styled(text) if colour else text


def _text_marker(change: Change) -> str:
    if change.category in ("basis", "label"):
        return "!"
    return {"added": "+", "removed": "-"}.get(change.category, "~" if change.substantive else " ")


# --- markdown ------------------------------------------------------------------------------------

# Inline Markdown's marks (text never starts a line here, so block marks such as `#` stay plain).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]|~])")
_TOKEN = re.compile(r"^[\w.:-]+$")


def escape_markdown(text: str) -> str:
    """Map text in Markdown: HTML is written as entities and Markdown's marks are escaped, so a
    proposition cannot inject a link, an image, HTML or a table break into a review comment."""
    text = one_line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def format_markdown(reports: Sequence[MapChanges], colour: bool = False) -> str:
    def spell(op: str, text: str, prose: bool = False) -> str:
        # Ids, bands and grades read best as code; prose is escaped.
        text = f"`{text}`" if not prose and _TOKEN.match(text) else escape_markdown(text)
        return {"-": f"~~{text}~~", "+": f"**{text}**"}.get(op, text)

    out: list[str] = []
    for report in reports:
        out.append(f"### {_code(report.new_label)}\n\n")
        out.append(f"Compared with {_code(report.old_label)}: {_headline(report)}.\n\n")
        counts = _counts(report)
        if counts:
            out.append("| change | count |\n|---|---:|\n")
            out.extend(f"| {category} | {count} |\n" for category, count in sorted(counts.items()))
            out.append("\n")
        if report.changes:
            out.append("**Changes**\n\n")
            out.extend(_markdown_item(change, spell) for change in report.changes)
            out.append("\n")
        if report.consequences:
            out.append("**Consequences**\n\n")
            out.extend(_markdown_item(change, spell) for change in report.consequences)
            out.append("\n")
    return "".join(out)


def _code(text: str) -> str:
    plain = one_line(text).replace("`", "'")
    return f"`{plain}`"


def _markdown_item(change: Change, spell: Spell) -> str:
    kind = KIND_NAMES.get(change.section, change.section)
    return f"- {kind} `{change.element}` {describe(change, spell)}\n"


# --- json ----------------------------------------------------------------------------------------

def format_json(reports: Sequence[MapChanges], colour: bool = False) -> str:
    return json.dumps({"maps": [_json_report(report) for report in reports]}, indent=2,
                      ensure_ascii=False) + "\n"


def _json_report(report: MapChanges) -> dict[str, Any]:
    return {
        "old": report.old_label,
        "new": report.new_label,
        "substantive": len(report.substantive()),
        "counts": dict(sorted(_counts(report).items())),
        "changes": [_json_change(change) for change in report.changes],
        "consequences": [_json_change(change) for change in report.consequences],
    }


def _json_change(change: Change) -> dict[str, Any]:
    record: dict[str, Any] = {
        "section": change.section, "element": change.element, "category": change.category,
        "field": change.field, "old": change.old, "new": change.new,
        "substantive": change.substantive,
    }
    if change.direction:
        record["direction"] = change.direction
    if change.old_id:
        record["old_id"] = change.old_id
    if change.causes:
        record["causes"] = list(change.causes)
    if change.reason:
        record["reason"] = change.reason
    if change.category == "text" and change.old is not None and change.new is not None:
        record["words"] = [[op, text] for op, text in word_diff(change.old, change.new)]
    return record


DIFF_FORMATS: dict[str, Callable[[Sequence[MapChanges], bool], str]] = {
    "text": format_text,
    "markdown": format_markdown,
    "json": format_json,
}
