"""The diagram's SVG made fit to sit inside the page: parsed, cut down to what it draws, rewritten.

Graphviz already escapes map text, but the page does not rely on it: the SVG is parsed as XML and
written out again with only drawing elements and attributes (a whitelist), so no ``script``,
``foreignObject``, ``style``, event handler or link can come through, whatever a map says or an
engine emits. Links become plain groups whose tooltip moves to the node's ``title`` (clicking a
node selects it; the source's address is in the side panel). Ids become ``data-el`` attributes
naming the map element, so two drawings of one map can share a page without clashing ids.
"""

from __future__ import annotations

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
    _clean(root, elements)
    root.set("class", f"diagram view-{view}")
    root.set("data-view", view)
    for size in ("width", "height"):  # the page sizes it; keep the drawn size for zooming
        value = root.attrib.pop(size, "")
        if _LENGTH.match(value):
            root.set(f"data-{size}", value.rstrip("ptx"))
    return ET.tostring(root, encoding="unicode", short_empty_elements=True)


def _clean(root: ET.Element, elements: Collection[str]) -> None:
    for parent in list(root.iter()):
        parent.tag = _local(parent.tag) if isinstance(parent.tag, str) else ""
        for child in list(parent):
            if not isinstance(child.tag, str) or _local(child.tag) not in (*_DRAWING, "a"):
                parent.remove(child)
    for element in root.iter():
        tooltip = element.get(f"{{{_XLINK}}}title") if element.tag == "a" else None
        _keep_attributes(element, elements)
        if element.tag == "a":
            element.tag = "g"
            if tooltip is not None:
                element.set("data-tip", tooltip)
    for group in root.iter("g"):
        if group.get("class") == "edge":
            _ends(group, elements)
        if group.get("class") in ("node", "edge"):
            _retitle(group)


def _ends(edge: ET.Element, elements: Collection[str]) -> None:
    """Graphviz titles an edge ``tail->head``; the script needs both ends to outline a basis."""
    title = edge.find("title")
    tail, arrow, head = (title.text or "").partition("->") if title is not None else ("", "", "")
    if arrow and tail in elements and head in elements:
        edge.set("data-from", tail)
        edge.set("data-to", head)


def _keep_attributes(element: ET.Element, elements: Collection[str]) -> None:
    kept = {}
    for name, value in element.attrib.items():
        if name == f"{{{_XML}}}space":
            kept["xml:space"] = "preserve"
        elif name in _ATTRIBUTES:
            kept[name] = value
    element_id = element.get("id", "")
    if element_id.startswith(SVG_ID_PREFIX) and element_id[len(SVG_ID_PREFIX):] in elements:
        kept["data-el"] = element_id[len(SVG_ID_PREFIX):]
    element.attrib = kept


def _retitle(group: ET.Element) -> None:
    """Graphviz puts a node's tooltip on its link; the reader shows it as the node's title."""
    tips = [inner for inner in group.iter("g") if "data-tip" in inner.attrib]
    if not tips:
        return
    tooltip = tips[0].attrib.pop("data-tip")
    for inner in tips[1:]:
        inner.attrib.pop("data-tip")
    title = group.find("title")
    if title is None:
        title = ET.Element("title")
        group.insert(0, title)
    title.text = tooltip


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
