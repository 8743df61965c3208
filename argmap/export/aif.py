"""Export to the Argument Interchange Format (AIF JSON), as read by AIFdb, OVA+ and arguebuf.

Mapping (AIF with Inference Anchoring Theory):

* proposition → I-node; quote → L-node (``"Speaker: exact source text"``) with a locution naming
  its speaker; the anchoring of a proposition in a quote → YA-node (``Asserting`` when the speaker
  is the author, ``Reporting`` otherwise) from the L-node to the I-node;
* inference → RA-node (premises → RA → conclusion), named by its scheme's AIFdb name; a quote
  that states the step → YA-node ``Arguing`` from its L-node to the RA-node;
* attack → CA-node ``Default Conflict`` (attacker → CA → target), the target being an I-node or,
  for an undercut, an RA-node.

Node ids keep to letters, digits, ``_``, ``-`` and ``.`` (Graphviz reads ``:`` as a port). What
AIF has no place for (kinds, likelihoods, grades, critical questions, ACH matrices, sources) goes
in the top-level ``argmap`` extension object, which AIF readers ignore and ``argmap import`` reads
back, so a map survives the round trip.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping
from typing import Any

from argmap.export.schemes import aif_scheme_name
from argmap.model.elements import ArgumentMap, Element, Quote

EXTENSION_KEY = "argmap"
EXTENSION_VERSION = 1
AIF_TIME_FORMAT = "%Y-%m-%d %H:%M:%S"


def node_ids(section: str, element_id: str) -> str:
    """The AIF node id of an element: propositions keep theirs, others get a type prefix (upper
    case, so it cannot clash with an argmap id, which is lower case)."""
    prefix = {"propositions": "", "quotes": "L_", "inferences": "RA_", "attacks": "CA_"}[section]
    return prefix + element_id


class _Builder:
    def __init__(self, timestamp: str) -> None:
        self.timestamp = timestamp
        self.nodes: list[dict[str, str]] = []
        self.edges: list[dict[str, str]] = []
        self.extension: dict[str, dict[str, Any]] = {}

    def node(self, node_id: str, text: str, node_type: str, **extra: str) -> str:
        self.nodes.append({"nodeID": node_id, "text": text, "type": node_type,
                           "timestamp": self.timestamp, **extra})
        return node_id

    def edge(self, source: str, target: str) -> None:
        self.edges.append({"edgeID": f"e{len(self.edges) + 1}", "fromID": source, "toID": target})

    def anchor(self, quote_id: str, target: str, illocution: str) -> None:
        ya = self.node(f"YA_{sum(n['type'] == 'YA' for n in self.nodes) + 1}", illocution, "YA",
                       scheme=illocution)
        self.edge(node_ids("quotes", quote_id), ya)
        self.edge(ya, target)

    def keep(self, node_id: str, element: Element, *structural: str) -> None:
        """Put the element's fields that the AIF graph does not hold in the extension."""
        data = element.model_dump(mode="json", exclude_defaults=True, exclude=set(structural))
        self.extension[node_id] = {"id": element.id, **data}


def to_aif(model: ArgumentMap, source_texts: Mapping[str, str] | None = None,
           timestamp: str | None = None) -> dict[str, Any]:
    """AIFdb JSON for ``model``. ``source_texts`` (source id → text) gives locutions the exact
    characters of the source; ``timestamp`` (AIFdb's ``YYYY-MM-DD HH:MM:SS``) defaults to
    :func:`export_timestamp`."""
    builder = _Builder(timestamp or export_timestamp(model))
    _add_propositions(builder, model)
    locutions = _add_quotes(builder, model, source_texts or {})
    _add_anchors(builder, model)
    _add_inferences(builder, model)
    _add_attacks(builder, model)
    participants = [{"participantID": actor.id, "firstname": actor.name, "surname": ""}
                    for actor in model.actors]
    return {"nodes": builder.nodes, "edges": builder.edges, "locutions": locutions,
            "participants": participants, EXTENSION_KEY: _extension(model, builder)}


def export_timestamp(model: ArgumentMap) -> str:
    """When the nodes were made: the map's ``created`` date, else ``SOURCE_DATE_EPOCH`` (for
    reproducible builds), else now, in UTC."""
    if model.map.created is not None:
        return datetime.datetime.combine(model.map.created, datetime.time()).strftime(
            AIF_TIME_FORMAT)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    moment = (datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc)
              if epoch.isdigit() else datetime.datetime.now(datetime.timezone.utc))
    return moment.strftime(AIF_TIME_FORMAT)


def _add_propositions(builder: _Builder, model: ArgumentMap) -> None:
    for proposition in model.propositions:
        node = builder.node(node_ids("propositions", proposition.id), proposition.text, "I")
        builder.keep(node, proposition, "text", "quotes")


def _add_quotes(builder: _Builder, model: ArgumentMap,
                source_texts: Mapping[str, str]) -> list[dict[str, Any]]:
    names = {actor.id: actor.name for actor in model.actors}
    locutions = []
    for quote in model.quotes:
        words = exact_words(quote, source_texts.get(quote.source))
        node = builder.node(node_ids("quotes", quote.id),
                            f"{names.get(quote.speaker, quote.speaker)}: {words}", "L")
        builder.keep(node, quote, "speaker", "text")
        if words != quote.text:
            builder.extension[node]["text"] = quote.text
        locutions.append({"nodeID": node, "personID": quote.speaker,
                          "timestamp": builder.timestamp, "start": None, "end": None,
                          "source": quote.source})
    return locutions


def exact_words(quote: Quote, source_text: str | None) -> str:
    """The quote as the source has it (typographic quotes, line breaks and all), found by its
    offsets or else by its normalised words; the typed text when the source is not at hand."""
    if source_text is None:
        return quote.text
    from argmap.analyse.text import NormalisedText, normalise

    if quote.start is not None and quote.end is not None \
            and normalise(source_text[quote.start:quote.end]) == normalise(quote.text):
        return source_text[quote.start:quote.end]
    text = NormalisedText(source_text)
    found = text.find_all(normalise(quote.text), limit=1)
    if not found:
        return quote.text
    start, end = text.original_span(found[0], len(normalise(quote.text)))
    return source_text[start:end]


def _add_anchors(builder: _Builder, model: ArgumentMap) -> None:
    authors = {source.author for source in model.sources if source.author}
    speakers = {quote.id: quote.speaker for quote in model.quotes}
    for proposition in model.propositions:
        for quote_id in proposition.quotes:
            illocution = "Asserting" if speakers[quote_id] in authors else "Reporting"
            builder.anchor(quote_id, node_ids("propositions", proposition.id), illocution)


def _add_inferences(builder: _Builder, model: ArgumentMap) -> None:
    for inference in model.inferences:
        scheme = aif_scheme_name(inference.scheme)
        ra = builder.node(node_ids("inferences", inference.id), scheme, "RA", scheme=scheme)
        builder.keep(ra, inference, "premises", "conclusion", "quotes")
        for premise in inference.premises:
            builder.edge(node_ids("propositions", premise), ra)
        builder.edge(ra, node_ids("propositions", inference.conclusion))
        for quote_id in inference.quotes:
            builder.anchor(quote_id, ra, "Arguing")


def _add_attacks(builder: _Builder, model: ArgumentMap) -> None:
    for attack in model.attacks:
        ca = builder.node(node_ids("attacks", attack.id), "Default Conflict", "CA",
                          scheme="Default Conflict")
        builder.keep(ca, attack, "attacker", "target")
        section = "inferences" if attack.kind == "undercut" else "propositions"
        builder.edge(node_ids("propositions", attack.attacker), ca)
        builder.edge(ca, node_ids(section, attack.target))


def _extension(model: ArgumentMap, builder: _Builder) -> dict[str, Any]:
    data = model.model_dump(mode="json", exclude_defaults=True,
                            include={"map", "sources", "actors", "questions", "expect"})
    return {"version": EXTENSION_VERSION, **data, "nodes": builder.extension}
