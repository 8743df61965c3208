"""An AIF graph becomes map data: I-nodes → propositions, L-nodes → quotes, YA → anchoring,
RA → inferences, CA → attacks, MA → inferences that restate. What has no place in a map (TA, PA,
illocutions other than asserting and arguing, dangling relations) is listed, not dropped.

A graph argmap exported carries an ``argmap`` extension object; its fields are laid back on the
elements rebuilt from the graph, so export and import give the same map.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from argmap.export.schemes import DEFAULT_INFERENCE, argmap_scheme
from argmap.importers.graph import AifGraph, Node
from argmap.importers.result import ImportResult, Slugs, settle_attack_kinds
from argmap.importers.sources import SourceBuilder

_ANCHORING = {"asserting", "arguing", "reporting", "assertive questioning", "agreeing",
              "restating", "default illocuting"}
RESTATES = "The conclusion restates the premise (an AIF rephrase, MA-node)."


class _MapBuilder:
    def __init__(self, graph: AifGraph, result: ImportResult) -> None:
        self.graph = graph
        self.result = result
        self.extension: dict[str, dict[str, Any]] = (graph.extension or {}).get("nodes", {})
        self.slugs = Slugs()
        self.ids: dict[str, str] = {}  # AIF node id -> argmap id
        self.propositions: dict[str, dict[str, Any]] = {}
        self.quotes: dict[str, dict[str, Any]] = {}
        self.inferences: dict[str, dict[str, Any]] = {}

    def element_id(self, node: Node, prefix: str) -> str:
        kept = self.extension.get(node.node_id, {}).get("id")
        wanted = str(kept) if kept else f"{prefix}{node.node_id}"
        self.ids[node.node_id] = self.slugs.claim(wanted)
        return self.ids[node.node_id]

    def kept(self, node: Node, *structural: str) -> dict[str, Any]:
        fields = dict(self.extension.get(node.node_id, {}))
        fields.pop("id", None)
        return {key: value for key, value in fields.items() if key not in structural}


def build_from_aif(graph: AifGraph, result: ImportResult, source_path: str) -> None:
    """Fill ``result.data`` (the map) and ``result.not_carried`` from ``graph``."""
    builder = _MapBuilder(graph, result)
    result.extended = graph.extension is not None
    result.not_carried.extend(graph.skipped)
    _propositions(builder)
    sources = SourceBuilder(graph, result, source_path)
    actors = _quotes(builder, sources)
    _anchors(builder)
    _inferences(builder)
    attacks = _attacks(builder)
    _leftovers(builder)
    extension = graph.extension or {}
    result.data.update({
        "sources": extension.get("sources") or sources.sources(),
        "actors": extension.get("actors") or actors,
        "quotes": list(builder.quotes.values()),
        "propositions": list(builder.propositions.values()),
        "inferences": list(builder.inferences.values()),
        "attacks": attacks,
        "questions": extension.get("questions") or [],
    })
    if extension.get("expect"):
        result.data["expect"] = extension["expect"]
    if extension.get("map"):
        result.data["map"] = extension["map"]


def _propositions(builder: _MapBuilder) -> None:
    for node in builder.graph.of_type("I"):
        if not node.text.strip():
            builder.result.skip(f"I-node {node.node_id}: no text")
            continue
        element_id = builder.element_id(node, "p")
        builder.propositions[node.node_id] = {
            "id": element_id, "text": node.text.strip(), "kind": None, "quotes": [],
            **builder.kept(node, "text", "quotes")}


def _quotes(builder: _MapBuilder, sources: SourceBuilder) -> list[dict[str, Any]]:
    """L-nodes that a speaker said (an analyst's meta-locution, which only introduces another
    L-node, is not a quote)."""
    actor_ids = _actor_ids(builder.graph)
    for node in builder.graph.of_type("L"):
        if _is_meta_locution(builder.graph, node):
            builder.result.skip(f"L-node {node.node_id}: the analyst's locution "
                                f"({node.text.strip()[:50]!r})", group="analysts' locutions")
            continue
        speaker, words = sources.speaker_and_words(node)
        if not words:
            builder.result.skip(f"L-node {node.node_id}: no words")
            continue
        quote = {"id": builder.element_id(node, "q"),
                 **sources.quote_fields(node, speaker, words)}
        if node.node_id in builder.extension:  # argmap's own export: its offsets, not ours
            quote.pop("start", None)
            quote.pop("end", None)
        builder.quotes[node.node_id] = {**quote, **builder.kept(node)}
        person = builder.graph.persons.get(node.node_id)
        if person in actor_ids:
            builder.quotes[node.node_id]["speaker"] = person  # argmap's own export
        if "text" in builder.extension.get(node.node_id, {}):
            builder.quotes[node.node_id]["text"] = builder.extension[node.node_id]["text"]
    return sources.actors()


def _actor_ids(graph: AifGraph) -> set[str]:
    return {str(actor.get("id")) for actor in (graph.extension or {}).get("actors") or []}


def _is_meta_locution(graph: AifGraph, node: Node) -> bool:
    return node.node_id not in graph.speakers and any(
        graph.nodes[target].node_type == "YA"
        and any(graph.nodes[end].node_type == "L" for end in graph.targets_of(target))
        for target in graph.targets_of(node.node_id))


def _anchors(builder: _MapBuilder) -> None:
    """YA-nodes: a locution (or a transition's locution) anchors a proposition or a step."""
    graph = builder.graph
    for ya in graph.of_type("YA"):
        speakers = [_anchoring_quote(builder, source) for source in graph.sources_of(ya.node_id)]
        quotes = [quote for quote in speakers if quote is not None]
        targets = graph.targets_of(ya.node_id)
        force = (ya.scheme or ya.text).strip()
        if any(graph.nodes[target].node_type == "L" for target in targets):
            continue  # an analyst's "Analysing": reported with the meta-locution
        for target in targets:
            element = builder.propositions.get(target) or builder.inferences.get(target)
            if element is None and graph.nodes[target].node_type == "RA":
                element = builder.inferences.setdefault(target, {"quotes": []})
            if element is None or not quotes:
                builder.result.skip(f"YA-node {ya.node_id} ({force}) to "
                                    f"{graph.nodes[target].node_type}-node {target}",
                                    group=f"YA {force} to {graph.nodes[target].node_type}")
                continue
            element.setdefault("quotes", []).extend(q for q in quotes
                                                    if q not in element["quotes"])
            if force.lower() not in _ANCHORING:
                builder.result.skip(f"YA-node {ya.node_id}: illocution {force!r} (kept as "
                                    "anchoring)", group=f"illocution {force!r}")


def _anchoring_quote(builder: _MapBuilder, node_id: str) -> str | None:
    """The quote a YA-node's source stands for: an L-node, or a TA-node's later locution."""
    node = builder.graph.nodes[node_id]
    if node.node_type == "TA":
        later = [target for target in builder.graph.targets_of(node_id)
                 if builder.graph.nodes[target].node_type == "L"]
        node_id = later[0] if later else node_id
    quote = builder.quotes.get(node_id)
    return None if quote is None else str(quote["id"])


def _inferences(builder: _MapBuilder) -> None:
    graph = builder.graph
    for node in graph.of_type("RA", "MA"):
        anchored = builder.inferences.pop(node.node_id, {"quotes": []})
        conclusions = [t for t in graph.targets_of(node.node_id) if t in builder.propositions]
        # A node whose premise is its own conclusion (real AIFdb maps have such MA-nodes) says
        # nothing a map can hold: that premise is left out, and the node when none is left.
        premises = [builder.ids[s] for s in graph.sources_of(node.node_id)
                    if s in builder.propositions and s not in conclusions]
        if not premises or len(conclusions) != 1:
            builder.result.skip(f"{node.node_type}-node {node.node_id}: " + (
                "its premise is its own conclusion" if len(conclusions) == 1
                and conclusions[0] in graph.sources_of(node.node_id) else
                f"{len(premises)} premise(s), {len(conclusions)} proposition(s) concluded "
                "(a map's inference has premises and one conclusion)"))
            continue
        inference = {"id": builder.element_id(node, "i"), "premises": premises,
                     "conclusion": builder.ids[conclusions[0]], **_scheme(builder, node),
                     "quotes": anchored["quotes"]}
        builder.inferences[node.node_id] = {**inference,
                                            **builder.kept(node, "premises", "conclusion")}


def _scheme(builder: _MapBuilder, node: Node) -> dict[str, Any]:
    if node.node_type == "MA":
        builder.result.skip(f"MA-node {node.node_id}: a rephrase, carried as an inference",
                            group="rephrases (MA) carried as inferences")
        return {"warrant": RESTATES}
    name = (node.scheme or node.text).strip()
    scheme = argmap_scheme(name)
    if scheme is not None:
        return {"scheme": scheme}
    if name and name.lower() not in {DEFAULT_INFERENCE.lower(), "ra", "default"}:
        builder.result.skip(f"RA-node {node.node_id}: scheme {name!r} has no argmap name "
                            "(kept in the inference's note)", group=f"scheme {name!r}")
        return {"note": f"AIF scheme: {name}"}
    return {}


def _attacks(builder: _MapBuilder) -> list[dict[str, Any]]:
    graph = builder.graph
    attacks: list[dict[str, Any]] = []
    for node in graph.of_type("CA"):
        targets = [t for t in graph.targets_of(node.node_id)
                   if t in builder.propositions or t in builder.inferences]
        attackers = [builder.ids[s] for s in graph.sources_of(node.node_id)
                     if s in builder.propositions and s not in targets]
        if not attackers or len(targets) != 1:
            builder.result.skip(f"CA-node {node.node_id}: {len(attackers)} attacker(s) other "
                                f"than its target, {len(targets)} target(s)")
            continue
        target = builder.ids[targets[0]]
        kind = "undercut" if targets[0] in builder.inferences else None
        for number, attacker in enumerate(attackers):
            suffix = "" if number == 0 else f"-{number + 1}"
            attack = {"id": builder.slugs.claim(
                str(builder.extension.get(node.node_id, {}).get("id", f"a{node.node_id}"))
                + suffix), "attacker": attacker, "target": target, "kind": kind}
            attacks.append({**attack, **builder.kept(node, "attacker", "target")})
    settle_attack_kinds(attacks, list(builder.inferences.values()))
    return attacks


def _leftovers(builder: _MapBuilder) -> None:
    """Kinds of propositions unknown to AIF, and node types a map does not hold."""
    for proposition in builder.propositions.values():
        if proposition["kind"] is None:
            proposition["kind"] = "attributed_claim" if proposition["quotes"] else "assumption"
        if not proposition["quotes"]:
            del proposition["quotes"]
    for inference in builder.inferences.values():
        if not inference["quotes"]:
            del inference["quotes"]
    counts = Counter(node.node_type or "untyped" for node in builder.graph.nodes.values()
                     if node.node_type not in {"I", "L", "YA", "RA", "CA", "MA"})
    for node_type, count in sorted(counts.items()):
        builder.result.skip(f"{count} {node_type}-node(s): " + {
            "TA": "dialogue transitions between locutions",
            "PA": "preferences between arguments"}.get(node_type, "a node type a map does not "
                                                       "hold"), group=f"{node_type}-nodes")
