"""The diagram's SVG made fit to sit inside the page: parsed, cut down to what it draws, rewritten.

Graphviz already escapes map text, but the page does not rely on it: the SVG is parsed as XML and
written out again with only drawing elements and attributes (a whitelist), so no ``script``,
``foreignObject``, ``style``, event handler or link can come through, whatever a map says or an
engine emits. Links become plain groups whose tooltip moves to the node's ``title`` (clicking a
node selects it; the source's address is in the side panel). Ids become ``data-el`` attributes
naming the map element, so two drawings of one map can share a page without clashing ids.

Cleaning and writing are one walk over the parsed tree, writing what ``xml.etree``'s ``tostring``
would (``argmap watch`` does this on every save: a quarter less time than cleaning the tree,
then serialising it).
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from collections.abc import Collection

from argmap.render.dot import SVG_ID_PREFIX

_SVG = "http://www.w3.org/2000/svg"
_XLINK = "http://www.w3.org/1999/xlink"
_XML = "http://www.w3.org/XML/1998/namespace"
_DRAWING = frozenset({
    "svg", "g", "title", "path", "polygon", "polyline", "ellipse", "circle", "rect", "line",
    "text", "tspan", "defs", "linearGradient", "radialGradient", "stop",
})
_ATTRIBUTES = frozenset({
    "class", "viewBox", "transform", "d", "points", "cx", "cy", "rx", "ry", "r", "x", "y",
    "x1", "y1", "x2", "y2", "dx", "dy", "width", "height", "fill", "fill-opacity", "stroke",
    "stroke-width", "stroke-dasharray", "stroke-opacity", "stroke-linecap", "stroke-linejoin",
    "opacity", "font-family", "font-size", "font-weight", "font-style", "text-anchor",
    "text-decoration", "offset", "stop-color", "stop-opacity", "gradientUnits",
    "preserveAspectRatio",
})
_KEPT = _DRAWING | {"a"}
_XLINK_TITLE = f"{{{_XLINK}}}title"
_XML_SPACE = f"{{{_XML}}}space"
_TEXT_SPECIAL = re.compile(r"[&<>]")
_ATTRIBUTE_SPECIAL = re.compile(r"[&<>\"\r\n\t]")
_ATTRIBUTE_ENTITIES = (('"', "&quot;"), ("\r", "&#13;"), ("\n", "&#10;"), ("\t", "&#09;"))
_LENGTH = re.compile(r"^[0-9.]+(?:pt|px)?$")
# Graphviz 2.42/2.43 writes a link's `&` unescaped (`?a=1&b=2`), which is not XML; links are
# dropped anyway, so such an ampersand is escaped to let the rest be read.
_BARE_AMPERSAND = re.compile(rb"&(?!#[0-9]+;|#x[0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")


class SvgError(ValueError):
    """The engine's SVG could not be read (it is not well-formed XML)."""


def inline_svg(data: bytes, elements: Collection[str], view: str) -> str:
    """The SVG as markup for an HTML page; nodes and attack edges carry ``data-el="ID"``."""
    try:
        root = ET.fromstring(_BARE_AMPERSAND.sub(b"&amp;", data))
    except ET.ParseError as error:
        raise SvgError(f"the diagram is not well-formed SVG: {error}") from None
    writer = _Writer(elements)
    attributes = writer.attributes(root)
    attributes["class"] = f"diagram view-{view}"
    attributes["data-view"] = view
    for size in ("width", "height"):  # the page sizes it; keep the drawn size for zooming
        value = attributes.pop(size, "")
        if _LENGTH.match(value):
            attributes[f"data-{size}"] = value.rstrip("ptx")
    writer.element(_local(root.tag), attributes, root.text, _drawing(root), in_group=False)
    return "".join(writer.out)


class _Writer:
    """Cleans and writes the parsed SVG in one walk: only drawing elements (:data:`_DRAWING`,
    and links, which become plain groups) and drawing attributes (:data:`_ATTRIBUTES`) are
    written, as ``xml.etree``'s ``tostring`` would write them (short empty elements). A node or
    edge group takes the tooltip of its first link as its ``title``; an edge between two map
    elements is marked with ``data-from`` and ``data-to``."""

    def __init__(self, elements: Collection[str]) -> None:
        self.elements = elements
        self.out: list[str] = []

    def write(self, element: ET.Element, in_group: bool) -> None:
        tag = _local(element.tag)
        attributes = self.attributes(element)
        text, children = element.text, _drawing(element)
        tooltip = None
        if tag == "a":
            tag, tooltip = "g", element.get(_XLINK_TITLE)
        kind = attributes.get("class") if tag == "g" else None
        if kind == "edge":
            self._ends(children, attributes)
        if kind in ("node", "edge") and not in_group:  # it shows the first tooltip in it
            in_group = True
            tooltip = _first_tooltip(element) if tooltip is None else tooltip
            if tooltip is not None:
                children = _retitled(children, tooltip)
        elif tooltip is not None and not in_group:
            attributes["data-tip"] = tooltip
        self.element(tag, attributes, text, children, in_group)
        if element.tail:
            self.out.append(_escape_text(element.tail))

    def element(self, tag: str, attributes: dict[str, str], text: str | None,
                children: list[ET.Element], in_group: bool) -> None:
        self.out.append("<" + tag + "".join(
            [f' {name}="{_escape_attribute(value)}"' for name, value in attributes.items()]))
        if not text and not children:
            self.out.append(" />")
            return
        self.out.append(">")
        if text:
            self.out.append(_escape_text(text))
        for child in children:
            self.write(child, in_group)
        self.out.append("</" + tag + ">")

    def attributes(self, element: ET.Element) -> dict[str, str]:
        kept = {}
        for name, value in element.attrib.items():
            if name == _XML_SPACE:
                kept["xml:space"] = "preserve"
            elif name in _ATTRIBUTES:
                kept[name] = value
        element_id = element.get("id", "")
        if element_id.startswith(SVG_ID_PREFIX):
            named = element_id[len(SVG_ID_PREFIX):]
            if named in self.elements:
                kept["data-el"] = named
        return kept

    def _ends(self, children: list[ET.Element], attributes: dict[str, str]) -> None:
        """Graphviz titles an edge ``tail->head``; the script needs both ends to outline a
        basis."""
        titles = [child.text or "" for child in children if _local(child.tag) == "title"]
        tail, arrow, head = titles[0].partition("->") if titles else ("", "", "")
        if arrow and tail in self.elements and head in self.elements:
            attributes["data-from"] = tail
            attributes["data-to"] = head


def _drawing(element: ET.Element) -> list[ET.Element]:
    """The children worth writing: drawing elements and links (no comment, script, style,
    ``foreignObject`` or anything else)."""
    return [child for child in element
            if isinstance(child.tag, str) and _local(child.tag) in _KEPT]


def _first_tooltip(group: ET.Element) -> str | None:
    """Graphviz puts a node's tooltip on its link; the reader shows it as the node's title."""
    for child in _drawing(group):
        if _local(child.tag) == "a":
            tooltip = child.get(_XLINK_TITLE)
            if tooltip is not None:
                return tooltip
        found = _first_tooltip(child)
        if found is not None:
            return found
    return None


def _retitled(children: list[ET.Element], tooltip: str) -> list[ET.Element]:
    for index, child in enumerate(children):
        if _local(child.tag) == "title":
            title = ET.Element(child.tag, child.attrib)
            title.text, title.tail = tooltip, child.tail
            title.extend(child)
            return [*children[:index], title, *children[index + 1:]]
    title = ET.Element("title")
    title.text = tooltip
    return [title, *children]


def _escape_text(text: str) -> str:
    if _TEXT_SPECIAL.search(text) is None:  # most text: nothing to escape, one scan
        return text
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_attribute(text: str) -> str:
    if _ATTRIBUTE_SPECIAL.search(text) is None:
        return text
    text = _escape_text(text)
    for character, entity in _ATTRIBUTE_ENTITIES:
        text = text.replace(character, entity)
    return text


@functools.lru_cache(maxsize=256)
def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
