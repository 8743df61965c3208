"""AIF in its three JSON dialects (AIFdb, xAIF as OVA+ saves it, OVA2) read into one graph.

Only the shape is settled here (which nodes, which edges, who spoke, what text); what the graph
means for a map is decided in :mod:`argmap.importers.aif`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from argmap.importers.html_text import plain_text


class ImportFormatError(ValueError):
    """The file is JSON but not in a shape argmap imports."""


@dataclass(frozen=True)
class Node:
    node_id: str
    node_type: str
    text: str
    scheme: str = ""


@dataclass
class AifGraph:
    """AIF nodes and edges, with the speakers, the source text and argmap's extension if any."""

    dialect: str
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[tuple[str, str]] = field(default_factory=list)
    speakers: dict[str, str] = field(default_factory=dict)  # L-node id -> participant name
    persons: dict[str, str] = field(default_factory=dict)  # L-node id -> participant id
    times: dict[str, str] = field(default_factory=dict)  # L-node id -> locution timestamp
    text: str | None = None
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # node id -> span in text
    title: str | None = None
    extension: dict[str, Any] | None = None
    skipped: list[str] = field(default_factory=list)

    def sources_of(self, node_id: str) -> list[str]:
        return [source for source, target in self.edges if target == node_id]

    def targets_of(self, node_id: str) -> list[str]:
        return [target for source, target in self.edges if source == node_id]

    def of_type(self, *types: str) -> list[Node]:
        return [node for node in self.nodes.values() if node.node_type in types]


def read_aif_family(document: dict[str, Any]) -> AifGraph:
    """AIFdb JSON, xAIF (``{"AIF": ..., "text": ...}``, OVA+'s save format) or OVA2 JSON."""
    if isinstance(document.get("AIF"), dict):
        graph = _read_aif(document["AIF"], "xAIF")
        _attach_text(graph, document.get("text"))
        graph.extension = _extension(document.get("argmap")) or graph.extension
        return graph
    nodes = document.get("nodes")
    if isinstance(nodes, list) and nodes and isinstance(nodes[0], dict) \
            and "nodeID" not in nodes[0] and "id" in nodes[0]:
        return _read_ova2(document)
    return _read_aif(document, "AIF")


def _read_aif(document: dict[str, Any], dialect: str) -> AifGraph:
    graph = AifGraph(dialect, extension=_extension(document.get("argmap")))
    for raw in _records(document, "nodes"):
        if "nodeID" not in raw:
            graph.skipped.append(f"a node without a nodeID: {_short(raw)}")
            continue
        node = Node(str(raw["nodeID"]), str(raw.get("type") or ""),
                    str(raw.get("text") or ""), str(raw.get("scheme") or ""))
        graph.nodes[node.node_id] = node
    for raw in _records(document, "edges"):
        source, target = str(raw.get("fromID", "")), str(raw.get("toID", ""))
        if source in graph.nodes and target in graph.nodes:
            graph.edges.append((source, target))
        else:
            graph.skipped.append(f"edge {raw.get('edgeID', '?')} from {source!r} to {target!r}: "
                                 "an end is not a node")
    names = {str(raw.get("participantID")): _person(raw)
             for raw in _records(document, "participants")}
    for raw in _records(document, "locutions"):
        node_id, person = str(raw.get("nodeID")), str(raw.get("personID"))
        graph.persons[node_id] = person
        if person in names:
            graph.speakers[node_id] = names[person]
        graph.times[node_id] = str(raw.get("start") or raw.get("timestamp") or "")
    return graph


def _read_ova2(document: dict[str, Any]) -> AifGraph:
    """OVA2 (ova.uni-trier.de): nodes with ``id``, edges ``{"from": node, "to": node}``."""
    graph = AifGraph("OVA")
    for raw in _records(document, "nodes"):
        node_type = str(raw.get("type") or "")
        scheme = str(raw.get("scheme") or "")
        node = Node(str(raw.get("id")), node_type, str(raw.get("text") or ""),
                    "" if scheme == "0" else scheme)
        graph.nodes[node.node_id] = node
        if raw.get("participantID") not in (None, "0", 0):
            graph.speakers[node.node_id] = str(raw["participantID"])
    names = {str(raw.get("id")): _person(raw) for raw in _records(document, "participants")}
    graph.speakers = {node: names.get(person, person) for node, person in graph.speakers.items()}
    for raw in _records(document, "edges"):
        source = str((raw.get("from") or {}).get("id"))
        target = str((raw.get("to") or {}).get("id"))
        if source in graph.nodes and target in graph.nodes:
            graph.edges.append((source, target))
    found = document.get("analysis")
    analysis: dict[str, Any] = found if isinstance(found, dict) else {}
    _attach_text(graph, analysis.get("txt") or analysis.get("plain_txt"))
    graph.title = analysis.get("documentTitle") or None
    _locutions_from_spans(graph)
    return graph


def _locutions_from_spans(graph: AifGraph) -> None:
    """OVA2 marks the words of an I-node in the text, with no L-node: make the L-node (and its
    ``Asserting`` YA-node) that AIF would have, so the words become the proposition's quote."""
    if graph.text is None:
        return
    for node in graph.of_type("I"):
        if node.node_id in graph.spans:
            start, end = graph.spans[node.node_id]
            locution = Node(f"L{node.node_id}", "L", graph.text[start:end])
            ya = Node(f"YA{node.node_id}", "YA", "Asserting")
            graph.nodes.update({locution.node_id: locution, ya.node_id: ya})
            graph.edges += [(locution.node_id, ya.node_id), (ya.node_id, node.node_id)]
            graph.spans[locution.node_id] = (start, end)
            if node.node_id in graph.speakers:
                graph.speakers[locution.node_id] = graph.speakers[node.node_id]


def _attach_text(graph: AifGraph, raw: object) -> None:
    if isinstance(raw, dict):  # some OVA+ versions: {"txt": "..."}
        raw = raw.get("txt")
    if isinstance(raw, str) and raw.strip():
        graph.text, spans = plain_text(raw)
        graph.spans = {node_id.removeprefix("node"): start for node_id, start in spans.items()}


def _records(document: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = document.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise ImportFormatError(f"`{key}` is a {type(value).__name__}, not a list")
    return [item for item in value if isinstance(item, dict)]


def _person(raw: dict[str, Any]) -> str:
    name = " ".join(str(raw.get(part) or "").strip() for part in ("firstname", "surname"))
    return " ".join(name.split()) or str(raw.get("participantID") or raw.get("id"))


def _extension(value: object) -> dict[str, Any] | None:
    return value if isinstance(value, dict) and isinstance(value.get("nodes"), dict) else None


def _short(value: object) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."
