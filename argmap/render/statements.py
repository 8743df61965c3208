"""Node and edge statements, written straight into a :class:`graphviz.Digraph` body.

``Digraph.node`` re-quotes every attribute name and value on every call; on a map of 5,000
elements that was a third of the time spent before layout. Here the attributes shared by a whole
kind of element (shape, colours, line style) are quoted once and reused, and only what differs per
element (label, id, tooltip, link) is quoted per statement -- with the package's own
:func:`graphviz.quoting.quote`, the function ``Digraph.node`` itself uses, so the quoting rules
are the package's: a value is wrapped in double quotes with ``"`` escaped, except a string that
starts with ``<`` and ends with ``>``, which passes as an HTML string (labels are built that way
on purpose; user text inside them is escaped by :mod:`argmap.render.text`). The package documents
``body`` as the graph's verbatim lines.
"""

from __future__ import annotations

from functools import lru_cache

from graphviz.quoting import quote  # type: ignore[import-untyped]


@lru_cache(maxsize=256)
def shared(attributes: tuple[tuple[str, str], ...]) -> str:
    """The quoted ``name=value`` list of attributes many statements share."""
    return " ".join(f"{quote(name)}={quote(value)}" for name, value in attributes)


# Every node name is written once for the node and again for each of its edges.
name = lru_cache(maxsize=None)(quote)


def node(element_id: str, common: str, own: dict[str, str]) -> str:
    return f"\t{name(element_id)} [{common} {_own(own)}]\n"


def edge(tail: str, head: str, common: str, own: dict[str, str]) -> str:
    return f"\t{name(tail)} -> {name(head)} [{common} {_own(own)}]\n"


def _own(attributes: dict[str, str]) -> str:
    # Names are argmap's own constants (label, id, tooltip, URL, target): valid DOT ids as they are.
    return " ".join(f"{name}={quote_text(value)}" for name, value in attributes.items())


def quote_text(value: str) -> str:
    """What :func:`graphviz.quoting.quote` returns for the values argmap writes, in one pass.

    The package's function runs four regular expressions over the whole string, and tooltips
    carry whole quotes. For argmap's values it comes down to this: an HTML label passes as it
    is; anything else is wrapped in ``"`` with every ``"`` escaped (the only escape DOT's quoted
    strings have). The package's extra cases do not arise: every backslash in argmap's text
    values comes in an even run (see :func:`argmap.render.text.tooltip`), so none escapes a
    quote or ends the string. ``tests/test_render_hostile.py`` checks the two agree."""
    if value.startswith("<") and value.endswith(">") and type(value) is str:
        return value
    return '"' + value.replace('"', '\\"') + '"'

