"""What ``argmap diff`` prints: the changes of each map as text, Markdown or JSON.

Text reads like ``git diff --word-diff`` in an analyst's terms, one change a line; Markdown is for
a pull-request comment: what a reviewer must decide first (labels and likelihoods that moved,
judgments whose basis lost evidence), the rest folded into ``<details>``, the whole kept under
GitHub's comment limit by summarising long lists; JSON is for tools and holds everything. The
order is always the same: changes sorted by section, element and field; consequences by
judgment. Every piece of map text is passed through :func:`one_line` (text) or escaped
(Markdown), so a hostile map cannot write terminal escapes or HTML into a report.
"""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

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
    if change.category == "expect":
        return _describe_expect(change, spell)
    if change.about:
        name = f"{name} (on {spell('=', _quoted(change.about), True)})"
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
                             for op, text in shortened(word_diff(change.old, change.new)))
            return f"{name} reworded: {words}"
        return f"{name}: {spell('-', change.old)} -> {spell('+', change.new)}{_direction(change)}"
    if change.old is not None:
        return f"{name}: dropped {spell('-', change.old)}"
    if change.new is not None:
        return f"{name}: added {spell('+', change.new)}"
    return name


def _describe_expect(change: Change, spell: Spell) -> str:
    _, _, semantics = change.field.partition(".")
    under = f" under {semantics} semantics" if semantics else ""
    if change.old is None:
        return f"now expected {spell('+', change.new or '')}{under}"
    if change.new is None:
        return f"no longer expected {spell('-', change.old)}{under}"
    return f"expected {spell('-', change.old)} -> {spell('+', change.new)}{under}"


# A run of unchanged words longer than this is shown by its ends: enough to find the place.
_CONTEXT_WORDS = 6
# A run of changed text longer than this many characters is cut (JSON keeps it whole).
_MAX_RUN = 400


def shortened(runs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Word-diff runs as a reader needs them: the words around each change, not the whole
    paragraph; very long runs cut."""
    shown = []
    for index, (op, text) in enumerate(runs):
        words = text.split()
        if op == "=" and len(words) > 2 * _CONTEXT_WORDS + 1:
            head = words[:_CONTEXT_WORDS] if index else []
            tail = words[-_CONTEXT_WORDS:] if index < len(runs) - 1 else []
            text = " ".join([*head, "…", *tail])
        if len(text) > _MAX_RUN:
            text = text[:_MAX_RUN - 1] + "…"
        shown.append((op, text))
    return shown


def _describe_basis(change: Change, spell: Spell) -> str:
    through = one_line(", ".join(change.causes))
    if change.old == change.new:
        return f"basis changed under it (through {through}); still {_basis_words(change.old)}"
    return (f"basis changed (through {through}): rests on {spell('-', change.old or '')} -> "
            f"{spell('+', change.new or '')}{_direction(change)}")


def _basis_words(label: str | None) -> str:
    """``hinges`` reads "hinges on weak links"; ``evidence``, "rests on evidence"."""
    return "hinges on weak links" if label == "hinges" else f"rests on {label}"


def _direction(change: Change) -> str:
    if not change.direction:
        return ""
    up, down = _DIRECTION_WORDS.get(change.category, ("up", "down"))
    return f" ({up if change.direction == 'up' else down})"


def _quoted(text: str | None) -> str:
    text = text or ""
    return f'"{text[:157]}..."' if len(text) > 160 else f'"{text}"'


def _counts(changes: Sequence[Change]) -> Counter[str]:
    return Counter(change.category for change in changes)


def judgment_groups(report: MapChanges) -> dict[str, list[str]]:
    """Each judgment with a consequence in one group: its label moved, else its basis moved,
    else it only rests on something that changed (its basis as before)."""
    groups: dict[str, list[str]] = {"label": [], "basis": [], "unchanged": []}
    moved = {change.element for change in report.consequences if change.category == "label"}
    shifted = {change.element for change in report.consequences
               if change.category == "basis" and change.old != change.new}
    for judgment in report.judgments_affected:
        group = "label" if judgment in moved else "basis" if judgment in shifted else "unchanged"
        groups[group].append(judgment)
    return groups


def headline(report: MapChanges) -> str:
    """Edits, cosmetic changes and consequences counted apart, in one line."""
    edits, cosmetic = len(report.edits), len(report.cosmetic)
    if not report.all:
        return "no changes"
    if not edits and not report.consequences:
        return f"no changes of substance ({cosmetic} cosmetic)"
    parts = [f"{edits} edit{_s(edits)} of substance"]
    if cosmetic:
        parts.append(f"{cosmetic} cosmetic")
    line = ", ".join(parts)
    affected = len(report.judgments_affected)
    if not affected:
        return line
    groups = judgment_groups(report)
    detail = ", ".join(f"{words}: {len(groups[name])}" for name, words in (
        ("label", "label moved"), ("basis", "basis moved"), ("unchanged", "basis as before"))
        if groups[name])
    return f"{line}; {affected} judgment{_s(affected)} affected ({detail})"


def _s(number: int) -> str:
    return "" if number == 1 else "s"


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
        lines.append(f"{_BOLD}{title}{_RESET}: {headline(report)}" if colour
                     else f"{title}: {headline(report)}")
        for change in [*report.changes, *_telling(report.consequences)]:
            lines.append(f"  {_text_marker(change)} {_where(change)}: {describe(change, spell)}")
        resting = _resting(report)
        if resting:
            verb = "rests" if len(resting) == 1 else "rest"
            lines.append(f"  ! {len(resting)} judgment{_s(len(resting))} {verb} on what changed, "
                         f"basis as before: {one_line(', '.join(resting))}")
    text = "".join(f"{line}\n" for line in lines)
    # Every outside piece went through one_line: the colours are argmap's own.
    return Styled(text) if colour else text


def _where(change: Change) -> str:
    return one_line(f"{_SECTION_NAMES.get(change.section, change.section)} {change.element}")


_SECTION_NAMES = {**KIND_NAMES, "expect": "expectation"}


def _telling(consequences: Sequence[Change]) -> list[Change]:
    """Consequences that say something moved (a basis as before is listed once, by id)."""
    return [change for change in consequences
            if change.category != "basis" or change.old != change.new]


def _resting(report: MapChanges) -> list[str]:
    """Judgments whose only consequence is a basis that holds a changed element but reaches
    as far as before."""
    telling = {change.element for change in _telling(report.consequences)}
    return sorted({change.element for change in report.consequences} - telling)


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
    """A pull-request comment under :data:`MAX_COMMENT` characters: when the whole does not
    fit, every folded list is cut to the same length (halved until it fits), then maps."""
    blocks = [_markdown_map(report) for report in reports]
    limit: int | None = None
    while True:
        text = "".join(block.render(limit) for block in blocks)
        if len(text) <= MAX_COMMENT or limit == 0:
            break
        longest = max(block.longest() for block in blocks)
        limit = longest // 2 if limit is None else limit // 2
    shown = len(blocks)
    while len(text) > MAX_COMMENT and shown > 1:
        shown -= 1
        text = "".join(block.render(0) for block in blocks[:shown]) + (
            f"\n… and {len(blocks) - shown} more maps: run `argmap diff` to see them.\n")
    return text


# GitHub refuses a comment over 65,536 characters; the rest is room for the job's own words.
MAX_COMMENT = 60_000


def _markdown_spell(op: str, text: str, prose: bool = False) -> str:
    # Ids, bands and grades read best as code; prose is escaped.
    text = f"`{text}`" if not prose and _TOKEN.match(text) else escape_markdown(text)
    return {"-": f"~~{text}~~", "+": f"**{text}**"}.get(op, text)


class _Section(NamedTuple):
    title: str
    items: list[str]
    folded: bool = True  # inside <details>: a reviewer opens it when they want it


class _MarkdownMap:
    """One map's part of the comment: a fixed head and lists that may be cut to fit."""

    def __init__(self, head: str, sections: list[_Section]) -> None:
        self.head = head
        self.sections = sections

    def longest(self) -> int:
        return max((len(section.items) for section in self.sections), default=0)

    def render(self, limit: int | None) -> str:
        out = [self.head]
        for title, items, folded in self.sections:
            if not items:
                continue
            shown = items if limit is None else items[:limit]
            rest = len(items) - len(shown)
            more = [f"- … and {rest} more: run `argmap diff` to see every one\n"] if rest else []
            body = "".join([*shown, *more])
            out.append(f"<details><summary>{title}</summary>\n\n{body}\n</details>\n\n"
                       if folded else f"{title}\n\n{body}\n")
        return "".join(out)


def _markdown_map(report: MapChanges) -> _MarkdownMap:
    decide = [change for change in report.all if _to_decide(change)]
    edits = [change for change in report.edits if not _to_decide(change)]
    others = [change for change in _telling(report.consequences) if not _to_decide(change)]
    resting = _resting(report)
    head = [f"### {_code(report.new_label)}\n\n",
            f"Compared with {_code(report.old_label)}: {headline(report)}.\n\n"]
    if report.all and not decide:
        head.append("Nothing to decide: no label, likelihood, confidence or expected outcome "
                    "moved and no judgment lost evidence.\n\n")
    sections = [
        _Section("**To decide**", [_markdown_item(change) for change in decide], folded=False),
        _Section(f"{len(edits)} other edit{_s(len(edits))} of substance "
                 f"({_by_category(edits)})", [_markdown_item(change) for change in edits]),
        _Section(f"{len(others)} other consequence{_s(len(others))}",
                 [_markdown_item(change) for change in others]),
        _Section(f"{len(resting)} judgment{_s(len(resting))} resting on what changed, basis as "
                 "before", [f"- proposition `{judgment}`\n" for judgment in resting]),
        _Section(f"{len(report.cosmetic)} cosmetic change{_s(len(report.cosmetic))} (not "
                 "substance)", [_markdown_item(change) for change in report.cosmetic]),
    ]
    return _MarkdownMap("".join(head), sections)


# What a reviewer must decide on: a judgment's standing, expected standing or estimate moved, or
# its basis weakened.
_DECIDE_CATEGORIES = frozenset({"label", "expect", "likelihood", "confidence"})


def _to_decide(change: Change) -> bool:
    if change.category == "basis":
        return change.direction == "down"
    return change.category in _DECIDE_CATEGORIES


def _by_category(changes: Sequence[Change]) -> str:
    return ", ".join(f"{category} {count}" for category, count in sorted(_counts(changes).items()))


def _code(text: str) -> str:
    plain = one_line(text).replace("`", "'")
    return f"`{plain}`"


def _markdown_item(change: Change) -> str:
    kind = _SECTION_NAMES.get(change.section, change.section)
    return f"- {kind} `{change.element}` {describe(change, _markdown_spell)}\n"


# --- json ----------------------------------------------------------------------------------------

def format_json(reports: Sequence[MapChanges], colour: bool = False) -> str:
    return json.dumps({"maps": [_json_report(report) for report in reports]}, indent=2,
                      ensure_ascii=False) + "\n"


def _json_report(report: MapChanges) -> dict[str, Any]:
    return {
        "old": report.old_label,
        "new": report.new_label,
        "substantive": len(report.substantive()),
        "edits": len(report.edits),
        "cosmetic": len(report.cosmetic),
        "judgments_affected": len(report.judgments_affected),
        "counts": dict(sorted(_counts(report.all).items())),
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
    if change.about:
        record["about"] = change.about
    if change.category == "text" and change.old is not None and change.new is not None:
        record["words"] = [[op, text] for op, text in word_diff(change.old, change.new)]
    return record


DIFF_FORMATS: dict[str, Callable[[Sequence[MapChanges], bool], str]] = {
    "text": format_text,
    "markdown": format_markdown,
    "json": format_json,
}
