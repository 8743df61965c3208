"""A draft as YAML entries, added to a map's text at the end of each section.

The map's own text is kept as it is (comments, order, layout): new entries go after the last
entry of their section, an empty flow list (`quotes: []`) becomes a block list, and a section
the map lacks is appended. Every entry carries ``drafted: true``.
"""

from __future__ import annotations

import re

from argmap.draft.build import Draft, DraftProposition
from argmap.problems import UsageError
from argmap.read.scalar import yaml_scalar

# Text YAML reads back as written without quotes: a letter first, then letters, digits, spaces
# and punctuation that means nothing to YAML in a block mapping's value; no trailing space.
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ,.'\u2019()%/&$-]*[A-Za-z0-9.'\u2019)%]|[A-Za-z]")
_YAML_WORDS = frozenset({"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"})
_SECTIONS = ("actors", "quotes", "propositions", "inferences")
_TOP_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*):(?P<rest>.*)$", re.M)


def draft_entries(draft: Draft, text: str, source_id: str) -> dict[str, list[str]]:
    """The YAML text of each section's new entries (each ends with a newline)."""
    actors = [_entry([("id", actor.id), ("name", actor.name), ("role", actor.role)])
              for actor in draft.actors]
    quotes = [_entry([("id", quote.id), ("source", source_id),
                      ("text", text[quote.start:quote.end]), ("speaker", quote.speaker),
                      ("mode", quote.mode), ("start", quote.start), ("end", quote.end)])
              for quote in draft.quotes]
    propositions = [_proposition(p) for p in draft.propositions]
    inferences = [_entry([("id", inference.id), ("premises", list(inference.premises)),
                          ("conclusion", inference.conclusion), ("quotes", [inference.quote])])
                  for inference in draft.inferences]
    return {"actors": actors, "quotes": quotes, "propositions": propositions,
            "inferences": inferences}


def add_entries(map_text: str, entries: dict[str, list[str]]) -> str:
    """``map_text`` with each section's entries added at its end."""
    if map_text and not map_text.endswith("\n"):
        map_text += "\n"
    for section in _SECTIONS:
        if entries.get(section):
            map_text = _add_to_section(map_text, section, "".join(entries[section]))
    return map_text


def _proposition(proposition: DraftProposition) -> str:
    fields: list[tuple[str, object]] = [
        ("id", proposition.id), ("text", proposition.text), ("kind", proposition.kind),
        ("quotes", [proposition.quote])]
    lines = _entry(fields, close=False)
    if proposition.band is not None:
        lines += (f"    likelihood:\n      band: {proposition.band}\n"
                  f"      phrase: {yaml_scalar(proposition.phrase or '')}\n")
    if proposition.note is not None:
        lines += f"    note: {yaml_scalar(proposition.note)}\n"
    return lines + "    drafted: true\n"


def _entry(fields: list[tuple[str, object]], close: bool = True) -> str:
    lines = []
    for index, (key, value) in enumerate(fields):
        if value is None:
            continue
        lead = "  - " if index == 0 else "    "
        lines.append(f"{lead}{key}: {_value(value)}\n")
    return "".join(lines) + ("    drafted: true\n" if close else "")


def _value(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(str(item) for item in value) + "]"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _PLAIN.fullmatch(text) and ": " not in text and text.lower() not in _YAML_WORDS:
        return text  # plainly safe: no need to ask the parser, which costs ~0.4 ms a value
    return yaml_scalar(text)


def _add_to_section(map_text: str, section: str, entries: str) -> str:
    keys = list(_TOP_KEY.finditer(map_text))
    found = next((key for key in keys if key.group("key") == section), None)
    if found is None:
        separator = "" if map_text.endswith("\n") or not map_text else "\n"
        return f"{map_text}{separator}\n{section}:\n{entries}"
    rest = found.group("rest").split("#")[0].strip()
    if rest == "[]":
        return f"{map_text[:found.start()]}{section}:\n{entries}{map_text[found.end() + 1:]}"
    if rest:
        raise UsageError(f"cannot add to `{section}:`, which is written on one line "
                         f"(`{section}: {rest}`); write it as a block list first")
    following = next((key.start() for key in keys if key.start() > found.start()), len(map_text))
    insert_at = _end_of_entries(map_text, found.end(), following)
    return f"{map_text[:insert_at]}{entries}{map_text[insert_at:]}"


def _end_of_entries(map_text: str, start: int, stop: int) -> int:
    """Where the section's last entry ends: before the blank and comment lines that lead into
    the next section."""
    lines = map_text[start:stop].splitlines(keepends=True)
    offset = stop
    for line in reversed(lines):
        if line.strip() and not line.startswith("#"):
            break
        offset -= len(line)
    if offset <= start:  # an empty section: right after its key line
        newline = map_text.find("\n", start)
        return stop if newline < 0 or newline >= stop else newline + 1
    return offset
