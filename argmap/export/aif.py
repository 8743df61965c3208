"""Export to the Argument Interchange Format (AIF JSON), as read by ARG-tech's OVA+ and AIFdb.

Mapping (AIF with Inference Anchoring Theory):

* proposition → I-node; quote → L-node (``"Speaker: verbatim text"``) with a locution naming its
  speaker; the anchoring of a proposition in a quote → YA-node (``Asserting`` when the speaker is
  the author, ``Reporting`` otherwise) from the L-node to the I-node;
* inference → RA-node (premises → RA → conclusion), named by its scheme; a quote that states the
  step → YA-node ``Arguing`` from its L-node to the RA-node;
* attack → CA-node (attacker → CA → target), the target being an I-node or, for an undercut,
  an RA-node.
"""

from __future__ import annotations

from typing import Any

from argmap.model.elements import ArgumentMap


class _Builder:
    def __init__(self) -> None:
        self.nodes: list[dict[str, str]] = []
        self.edges: list[dict[str, str]] = []

    def node(self, node_id: str, text: str, node_type: str, **extra: str) -> str:
        self.nodes.append({"nodeID": node_id, "text": text, "type": node_type, **extra})
        return node_id

    def edge(self, source: str, target: str) -> None:
        self.edges.append({"edgeID": f"e{len(self.edges) + 1}", "fromID": source, "toID": target})


def to_aif(model: ArgumentMap) -> dict[str, Any]:
    builder = _Builder()
    authors = {source.author for source in model.sources if source.author}
    names = {actor.id: actor.name for actor in model.actors}
    for proposition in model.propositions:
        builder.node(proposition.id, proposition.text, "I")
    locutions = []
    for quote in model.quotes:
        speaker = names.get(quote.speaker, quote.speaker)
        node = builder.node(f"L:{quote.id}", f"{speaker}: {quote.text}", "L")
        locutions.append({"nodeID": node, "personID": quote.speaker})
    speakers = {quote.id: quote.speaker for quote in model.quotes}
    for proposition in model.propositions:
        for quote_id in proposition.quotes:
            illocution = "Asserting" if speakers[quote_id] in authors else "Reporting"
            ya = builder.node(f"YA:{quote_id}:{proposition.id}", illocution, "YA")
            builder.edge(f"L:{quote_id}", ya)
            builder.edge(ya, proposition.id)
    for inference in model.inferences:
        scheme = (inference.scheme or "default_inference").replace("_", " ").title()
        ra = builder.node(f"RA:{inference.id}", scheme, "RA")
        for premise in inference.premises:
            builder.edge(premise, ra)
        builder.edge(ra, inference.conclusion)
        for quote_id in inference.quotes:
            arguing = builder.node(f"YA:{quote_id}:{inference.id}", "Arguing", "YA")
            builder.edge(f"L:{quote_id}", arguing)
            builder.edge(arguing, ra)
    for attack in model.attacks:
        ca = builder.node(f"CA:{attack.id}", "Default Conflict", "CA", conflictKind=attack.kind)
        target = f"RA:{attack.target}" if attack.kind == "undercut" else attack.target
        builder.edge(attack.attacker, ca)
        builder.edge(ca, target)
    participants = [{"participantID": actor.id, "firstname": actor.name, "surname": ""}
                    for actor in model.actors]
    return {"nodes": builder.nodes, "edges": builder.edges, "locutions": locutions,
            "participants": participants}
