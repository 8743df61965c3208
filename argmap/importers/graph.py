"""AIF in its three JSON dialects (AIFdb, xAIF as OVA+ saves it, OVA2) read into one graph.

Only the shape is settled here (which nodes, which edges, who spoke, what text); what the graph
means for a map is decided in :mod:`argmap.importers.aif`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from argmap.importers.html_text import plain_text
from argmap.importers.shape import mapping, records, scalar, text


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
    edges: list[tuple[str, str]] = field(default_factory=list)  # in the file's order, each once
    speakers: dict[str, str] = field(default_factory=dict)  # L-node id -> participant name
    persons: dict[str, str] = field(default_factory=dict)  # L-node id -> participant id
    times: dict[str, str] = field(default_factory=dict)  # L-node id -> locution timestamp
    text: str | None = None
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # node id -> span in text
    title: str | None = None
    extension: dict[str, Any] | None = None
    skipped: list[str] = field(default_factory=list)
    # Each node's edges, indexed as they are added: a scan of every edge per node made a 5 MB
    # corpus take minutes.
    _sources: dict[str, list[str]] = field(default_factory=dict)
    _targets: dict[str, list[str]] = field(default_factory=dict)

    def add_node(self, node: Node) -> bool:
        """Add ``node``; a second node with the same id is listed as not carried (``False``)."""
        if node.node_id in self.nodes:
            self.skipped.append(f"{node.node_type or 'untyped'}-node {node.node_id}: a second "
                                f"node with this id ({_short(node.text)!r}; the first is kept)")
            return False
        self.nodes[node.node_id] = node
        return True

    def link(self, source: str, target: str, edge_id: str) -> None:
        """An edge of the file: added when both ends are nodes, else listed as not carried."""
        if source in self.nodes and target in self.nodes:
            self.add_edge(source, target)
        else:
            self.skipped.append(f"edge {edge_id or '?'} from {source!r} to {target!r}: an end "
                                "is not a node")

    def add_edge(self, source: str, target: str) -> None:
        """An edge between two nodes of the graph; a repeated edge is one edge."""
        if target in self._targets.get(source, ()):
            return
        self.edges.append((source, target))
        self._targets.setdefault(source, []).append(target)
        self._sources.setdefault(target, []).append(source)

    def sources_of(self, node_id: str) -> list[str]:
        return self._sources.get(node_id, [])

    def targets_of(self, node_id: str) -> list[str]:
        return self._targets.get(node_id, [])

    def of_type(self, *types: str) -> list[Node]:
        return [node for node in self.nodes.values() if node.node_type in types]


def read_aif_family(document: dict[str, Any]) -> AifGraph:
    """AIFdb JSON, xAIF (``{"AIF": ..., "text": ...}``, OVA+'s save format) or OVA2 JSON."""
    if isinstance(document.get("AIF"), dict):
        graph = _read_aif(document["AIF"], "xAIF")
        _attach_text(graph, document.get("text"))
        graph.extension = _extension(document.get("argmap")) or graph.extension
        return graph
    nodes = records(document.get("nodes"))
    if nodes and "nodeID" not in nodes[0] and "id" in nodes[0]:
        return _read_ova2(document)
    return _read_aif(document, "AIF")


def _read_aif(document: dict[str, Any], dialect: str) -> AifGraph:
    graph = AifGraph(dialect, extension=_extension(document.get("argmap")))
    for raw in _records(document, "nodes"):
        node_id = scalar(raw.get("nodeID"))
        if node_id is None:
            graph.skipped.append(f"a node without a nodeID: {_short(raw)}")
            continue
        graph.add_node(Node(node_id, text(raw.get("type")), text(raw.get("text")),
                            text(raw.get("scheme"))))
    for raw in _records(document, "edges"):
        graph.link(text(raw.get("fromID")), text(raw.get("toID")), text(raw.get("edgeID")))
    names = {text(raw.get("participantID")): _person(raw)
             for raw in _records(document, "participants")}
    for raw in _records(document, "locutions"):
        node_id, person = text(raw.get("nodeID")), text(raw.get("personID"))
        graph.persons[node_id] = person
        if person in names:
            graph.speakers[node_id] = names[person]
        graph.times[node_id] = text(raw.get("start") or raw.get("timestamp"))
    return graph


def _read_ova2(document: dict[str, Any]) -> AifGraph:
    """OVA2 (ova.uni-trier.de): nodes with ``id``, edges ``{"from": node, "to": node}``."""
    graph = AifGraph("OVA")
    for raw in _records(document, "nodes"):
        scheme = text(raw.get("scheme"))
        node = Node(text(raw.get("id")), text(raw.get("type")), text(raw.get("text")),
                    "" if scheme == "0" else scheme)
        if graph.add_node(node) and raw.get("participantID") not in (None, "0", 0):
            graph.speakers[node.node_id] = text(raw["participantID"])
    names = {text(raw.get("id")): _person(raw) for raw in _records(document, "participants")}
    graph.speakers = {node: names.get(person, person) for node, person in graph.speakers.items()}
    for raw in _records(document, "edges"):
        graph.link(text(mapping(raw.get("from")).get("id")),
                   text(mapping(raw.get("to")).get("id")), "")
    analysis = mapping(document.get("analysis"))
    _attach_text(graph, analysis.get("txt") or analysis.get("plain_txt"))
    graph.title = scalar(analysis.get("documentTitle")) or None
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
            graph.add_edge(locution.node_id, ya.node_id)
            graph.add_edge(ya.node_id, node.node_id)
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
    return records(value)


def _person(raw: dict[str, Any]) -> str:
    name = " ".join(text(raw.get(part)).strip() for part in ("firstname", "surname"))
    return " ".join(name.split()) or text(raw.get("participantID") or raw.get("id"))


def _extension(value: object) -> dict[str, Any] | None:
    """argmap's own extension object: its per-node fields, each an object."""
    extension = mapping(value)
    nodes = extension.get("nodes")
    if not isinstance(nodes, dict):
        return None
    return {**extension, "nodes": {str(key): fields for key, fields in nodes.items()
                                   if isinstance(fields, dict)}}


def _short(value: object) -> str:
    shown = str(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."
