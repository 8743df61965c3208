"""Two neighbouring graph formats read into an AIF graph: SADFace and arguebuf's own JSON.

Both hold statements (SADFace's and arguebuf's *atoms*, AIF's I-nodes) joined through *scheme*
nodes, which is AIF's shape: a support is an RA-node, an attack (SADFace's *conflict*) a CA-node,
a rephrase an MA-node, a preference a PA-node. Neither holds the locutions that become quotes in
a map; what they hold beyond the graph (SADFace's resources, arguebuf's references, participants
and major claim) is listed as not carried.
"""

from __future__ import annotations

from typing import Any

from argmap.importers.graph import AifGraph, Node
from argmap.importers.shape import mapping, records, scalar, text

_SCHEME_TYPES = {"support": "RA", "attack": "CA", "conflict": "CA", "rephrase": "MA",
                 "preference": "PA"}


def is_sadface(document: dict[str, Any]) -> bool:
    """SADFace: ``nodes`` and ``edges`` lists, nodes typed ``atom``/``scheme``, edges with
    ``source_id``/``target_id``."""
    nodes, edges = records(document.get("nodes")), records(document.get("edges"))
    return any(node.get("type") in ("atom", "scheme") for node in nodes) or \
        any("source_id" in edge for edge in edges)


def is_arguebuf(document: dict[str, Any]) -> bool:
    """arguebuf's JSON (a protobuf message): ``nodes`` an object of ``{"atom": ...}`` or
    ``{"scheme": ...}`` by id."""
    nodes = document.get("nodes")
    return isinstance(nodes, dict) and all(
        isinstance(node, dict) and ("atom" in node or "scheme" in node)
        for node in nodes.values())


def read_sadface(document: dict[str, Any]) -> AifGraph:
    graph = AifGraph("SADFace")
    graph.title = scalar(mapping(mapping(document.get("metadata")).get("core")).get("title"))
    for raw in records(document.get("nodes")):
        node_id, kind = text(raw.get("id")), raw.get("type")
        if kind == "atom":
            graph.add_node(Node(node_id, "I", text(raw.get("text"))))
            if raw.get("sources"):
                graph.skipped.append(f"atom {node_id}: its sources in the resources")
        elif kind == "scheme":
            # A name that is not a kind of relation names the scheme of a support.
            name = text(raw.get("name"))
            node_type = _SCHEME_TYPES.get(name.lower(), "RA")
            scheme = "" if name.lower() in _SCHEME_TYPES else name
            graph.add_node(Node(node_id, node_type, scheme or node_type, scheme))
        else:
            graph.skipped.append(f"node {node_id}: of type {text(kind)!r}, not an atom or a "
                                 "scheme")
    for raw in records(document.get("edges")):
        graph.link(text(raw.get("source_id")), text(raw.get("target_id")), text(raw.get("id")))
    resources = records(document.get("resources"))
    if resources:
        graph.skipped.append(f"{len(resources)} resource(s): the texts the atoms come from")
    return graph


def read_arguebuf(document: dict[str, Any]) -> AifGraph:
    graph = AifGraph("arguebuf")
    for node_id, raw in mapping(document.get("nodes")).items():
        if "atom" in raw:
            atom = mapping(raw["atom"])
            graph.add_node(Node(str(node_id), "I", text(atom.get("text"))))
            if atom.get("reference") or atom.get("participant"):
                graph.skipped.append(f"atom {node_id}: its reference and participant")
        else:
            graph.add_node(_arguebuf_scheme(str(node_id), mapping(raw["scheme"])))
    for edge_id, raw in mapping(document.get("edges")).items():
        edge = mapping(raw)
        graph.link(text(edge.get("source")), text(edge.get("target")), str(edge_id))
    for key in ("resources", "participants"):
        if mapping(document.get(key)):
            graph.skipped.append(f"{len(document[key])} {key[:-1]}(s)")
    claim = scalar(document.get("majorClaim") or document.get("major_claim"))
    if claim:
        graph.skipped.append(f"the major claim ({claim}): not marked in a map")
    return graph


def _arguebuf_scheme(node_id: str, scheme: dict[str, Any]) -> Node:
    """``{"support": "SUPPORT_EXPERT_OPINION"}`` -> an RA-node named "Expert Opinion"."""
    for kind, node_type in _SCHEME_TYPES.items():
        if kind in scheme:
            value = text(scheme[kind]).upper().removeprefix(f"{kind.upper()}_")
            name = "" if value in ("", "DEFAULT") else value.replace("_", " ").title()
            return Node(node_id, node_type, name or node_type, name)
    return Node(node_id, "", "")
