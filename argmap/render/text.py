"""Map text made safe for DOT and SVG, and shaped for a label: cleaned, wrapped, escaped.

Every piece of user text reaches the layout engine through one of three doors, each with its own
escaping, all defined here:

* **labels** are Graphviz HTML-like labels. The graphviz package passes a string that starts with
  ``<`` and ends with ``>`` on "as is, i.e. without quoting/escaping" (its manual, *Quoting and
  HTML-like labels*), so this module escapes ``& < > "`` itself: map text can never open a tag or
  close the label. Graphviz still expands ``\\N``, ``\\G``... inside HTML labels (both system
  Graphviz 2.43 and graphviz-pure do), so a backslash is doubled to stay literal.
* **tooltips** are quoted escString attributes. The package's manual says backslashes "are (mostly)
  passed on as is" and that literal backslashes "need to be escaped (doubled) by the user"; the SVG
  writer unescapes tooltips twice (measured on both engines: ``\\\\N`` shows the node name), so a
  backslash is written four times. Newlines become the ``\\n`` escape, never a raw line break (a
  backslash before a raw newline would be read as a DOT line continuation). The result is wrapped in
  :func:`graphviz.nohtml` so that a tooltip such as ``<b>`` is quoted, not taken for HTML.
* **links** are only ever ``http(s)`` URLs, percent-encoded down to characters that need no escaping
  anywhere (no quote, angle bracket, backslash or space survives).

Both engines read character and entity references (``&#x1;``, ``&amp;``) inside quoted attributes:
the SVG writer decodes ``&#x1;`` to a raw U+0001 and ``&#xD800;`` to bytes that are not UTF-8,
while Graphviz 2.43 writes a url's ``&`` raw into ``href`` and both pass entity-looking text
(``&foo;``) through. So every ``&`` of a tooltip or a link is written as ``&amp;``: measured on
system Graphviz 2.43 and graphviz-pure, the SVG then holds ``&amp;`` and shows the text typed.

Graphviz 2.43 reads no quoted or HTML string longer than 16,384 bytes ("longer than 16384?"; a
map's text may be 100,000 characters). Every door bounds what it lets through: labels are wrapped
to a bounded number of lines, a tooltip keeps its first :data:`TOOLTIP_CHARS` characters (each
written as at most five bytes: ``&amp;``, four backslashes, a UTF-8 character) and says how much
it left out, a link longer than :data:`LINK_CHARS` is not made (its text is in the tooltip).

Characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD before
any of this, so the SVG is always well-formed whatever the YAML smuggled in with ``\\x01``.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote as percent_encode
from urllib.parse import urlsplit

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"\s+")
_URL_SAFE = "/:?#[]@!$&()*+,;=%-._~"
ELLIPSIS = "..."
# Bounds that keep every string under Graphviz 2.43's 16,384 bytes whatever the text holds.
TOOLTIP_CHARS = 3000
LINK_CHARS = 3000

# graphviz-pure measures every non-ASCII character as a space and warns about each; the article's
# typographic quotes and dashes would all be measured short. In *labels* (sized by the engine) they
# become their ASCII look-alikes; tooltips, which the engine never measures, keep the verbatim text.
_LAYOUT_ASCII = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "--", "\u2015": "--",
    "\u2026": "...", "\u00a0": " ", "\u202f": " ", "\u2009": " ",
})


def clean(text: str) -> str:
    """Replace characters that cannot appear in an XML document with U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def for_layout(text: str) -> str:
    """One line of clean text with typographic punctuation as ASCII, for a label."""
    return _SPACES.sub(" ", clean(text).translate(_LAYOUT_ASCII)).strip()


def wrap(text: str, width: int, max_lines: int) -> list[str]:
    """Wrap ``text`` at ``width`` characters; past ``max_lines`` the last line ends in ``...``.

    Greedy and word-based like :func:`textwrap.wrap` (a word longer than a line is cut), but
    stops at ``max_lines``: labels of long quotes are cut short anyway, and this runs for every
    node of maps with thousands."""
    lines: list[str] = []
    current = ""
    for word in for_layout(text).split(" "):
        while len(word) > width:
            if current:
                lines.append(current)
            current, word = word[:width], word[width:]
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= width:
            current = f"{current} {word}"
        else:
            lines.append(current)
            current = word
        if len(lines) > max_lines:
            break
    lines.append(current)
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    last = kept[-1]
    if len(last) + len(ELLIPSIS) > width:
        last = last[: width - len(ELLIPSIS)]
        last = last.rsplit(" ", 1)[0] if " " in last else last
    kept[-1] = last.rstrip() + ELLIPSIS
    return kept


def truncate(text: str, limit: int) -> str:
    """One line of at most ``limit`` characters."""
    line = for_layout(text)
    return line if len(line) <= limit else line[: limit - len(ELLIPSIS)].rstrip() + ELLIPSIS


def html_text(text: str) -> str:
    """Text for the inside of an HTML-like label: markup escaped, backslashes literal."""
    escaped = html.escape(clean(text), quote=False).replace('"', "&quot;")
    return escaped.replace("\\", "\\\\")


def tooltip(text: str) -> str:
    """A quoted-string attribute value that shows ``text`` verbatim as an SVG tooltip."""
    from graphviz import nohtml  # type: ignore[import-untyped]

    if len(text) > TOOLTIP_CHARS:
        text = (text[:TOOLTIP_CHARS] + f"{ELLIPSIS}\n({len(text) - TOOLTIP_CHARS:,} more "
                "characters: the map has the whole text)")
    escaped = clean(text).replace("\\", "\\\\\\\\").replace("\r\n", "\n").replace("\r", "\n")
    escaped = escaped.replace("&", "&amp;")
    quoted: str = nohtml(escaped.replace("\n", "\\n"))
    return quoted


def safe_url(url: str | None) -> str | None:
    """``url`` if it is http(s) with a host, percent-encoded to inert characters; else None."""
    if not url:
        return None
    candidate = clean(url).strip()
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return percent_encode(candidate, safe=_URL_SAFE)


def link(url: str | None) -> str | None:
    """The DOT ``URL`` attribute for ``url``: :func:`safe_url` with ``&`` written as ``&amp;``."""
    kept = safe_url(url)
    if kept is None or len(kept) > LINK_CHARS:
        return None
    return kept.replace("&", "&amp;")
