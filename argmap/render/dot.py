"""A map becomes DOT source, built with the ``graphviz`` package: the full view (the whole map, or
the neighbourhood of ``--focus``) and the basis view (one element and all it rests on). The
overview, which folds facts and claims into summaries, is :mod:`argmap.render.overview`.

Layout choices (measured in ``docs/rendering.md``, "Legibility"):

* evidence flows upwards: ``rankdir=BT`` puts each quote just below what it anchors, the
  inferences and the judgments they reach higher up, so every chain reads bottom-up from its
  evidence. Quotes are *not* gathered into one bottom band any more: on the seed map the band
  stretched 43 anchor edges across many ranks and gave half as many crossings again (116
  against 80) for a diagram a third wider. A quote's shape marks it as evidence wherever it is;
* unconnected parts of a map are laid out apart and packed into a block (``pack``);
* statements come in map order (YAML order is the order), so the same map gives the same DOT and a
  small edit a small diff.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import cached_property

from graphviz import Digraph  # type: ignore[import-untyped]

from argmap.analyse import ArgumentGraph, Basis
from argmap.analyse.basis import BasisRecord, basis_of
from argmap.analyse.evaluation import Standing, standing
from argmap.analyse.neighbourhood import neighbourhood
from argmap.model.elements import ArgumentMap, Inference, Proposition
from argmap.render import statements, style
from argmap.render.blocks import Link, arrange, crossing, label_size
from argmap.render.labels import MapLabels, html_label, small_row, title_label
from argmap.render.legend import add_legend
from argmap.render.text import html_text, link, tooltip

SVG_ID_PREFIX = "am-"
VIEWS = ("full", "overview", "basis")
FRONTIER_NOTE = "more links outside this view"
REFERENCE_NOTE = "drawn in another part: click to go there"


@dataclass(frozen=True)
class DrawOptions:
    """What to draw: the ``view`` (``full``, ``overview`` or ``basis``); in the full view the
    whole map or the neighbourhood of ``focus``, in the basis view what ``focus`` rests on."""

    focus: str | None = None
    depth: int = 2
    legend: bool = True
    view: str = "full"

    def stamp_key(self) -> str:
        """The options that change the drawing, as stamped into the output (see ``stamp``)."""
        if self.view == "basis":
            focus = f"basis={self.focus}"
        else:
            focus = f"focus={self.focus};depth={self.depth}" if self.focus else "whole"
        view = "" if self.view == "full" else f"view={self.view};"
        return f"{view}{focus};legend={int(self.legend)}"


def svg_id(element_id: str) -> str:
    """The SVG id of an element's node: its map id with a prefix Graphviz never uses itself."""
    return SVG_ID_PREFIX + element_id


class DotBuilder:
    """Adds the nodes and edges of one map to a :class:`graphviz.Digraph`."""

    def __init__(self, model: ArgumentMap, options: DrawOptions) -> None:
        self.model = model
        self.graph = ArgumentGraph.of(model)
        self.labels = MapLabels(model)
        # Evaluation's seam: which propositions stand (grounded semantics), with the reason.
        self.standing: dict[str, Standing] = standing(model)
        self.frontier: Collection[str] = ()
        self.keep: Collection[str] | None = None
        if options.view == "basis" and options.focus is not None:
            self.keep = basis_of(self.graph, options.focus).members
        elif options.focus is not None:
            area = neighbourhood(self.graph, options.focus, options.depth)
            self.keep, self.frontier = area.members, area.frontier
        self.edge_ids: set[str] = set()
        self.nodes = 0
        # What is drawn, kept until write(): node name -> (shared attributes, own attributes);
        # edges with theirs, and whether each says what rests on what (blocks follow those).
        self.drawn: dict[str, tuple[str, dict[str, str]]] = {}
        self.links: list[tuple[Link, str, dict[str, str], bool]] = []
        self.references: set[str] = set()
        self.answers = statements.shared(tuple(style.ANSWERS.attributes().items()))
        self.view = options.view
        self.looks: set[str] = set()  # what the legend has to show
        self.legend_columns = 4
        self.dot = Digraph(
            name=model.map.id,
            graph_attr={**style.GRAPH_ATTRIBUTES, "label": self._title(options)},
            node_attr=style.NODE_ATTRIBUTES,
            edge_attr=style.EDGE_ATTRIBUTES,
        )

    def kept(self, element_id: str) -> bool:
        return self.keep is None or element_id in self.keep

    def build(self) -> Digraph:
        self._propositions()
        self._inferences()
        self._quotes()
        self._questions()
        self._anchors()
        self._support()
        self._attacks()
        return self.dot

    def _title(self, options: DrawOptions) -> str:
        title = self.model.map.title
        if options.view == "basis":
            title += f": what {options.focus} rests on"
        elif options.focus is not None:
            steps = "step" if options.depth == 1 else "steps"
            title += f" (around {options.focus}, {options.depth} {steps})"
        return title_label(title)

    def _node(self, element_id: str, label: str, attributes: dict[str, str], tip: str,
              extra: dict[str, str] | None = None) -> None:
        if element_id in self.frontier and label.startswith("<"):
            label = label[:-1] + "<BR/>" + small_row(f"({FRONTIER_NOTE})", italic=True) + ">"
        self.nodes += 1
        own = {"label": label, "id": svg_id(element_id), "tooltip": tooltip(tip), **(extra or {})}
        self.drawn[element_id] = (statements.shared(tuple(attributes.items())), own)

    def _edge(self, tail: str, head: str, edge_style: style.EdgeStyle, tip: str,
              name: str | None = None) -> None:
        if not (self.kept(tail) and self.kept(head)):
            return
        self.looks.add(style.LOOKS[edge_style])
        base = svg_id(name or f"{tail}--{head}")
        edge_id, count = base, 1
        while edge_id in self.edge_ids:  # the same pair twice: keep ids unique and stable
            count += 1
            edge_id = f"{base}-{count}"
        self.edge_ids.add(edge_id)
        common = statements.shared(tuple(edge_style.attributes().items()))
        own = {"id": edge_id, "tooltip": tooltip(tip)}
        self.links.append((Link(tail, head), common, own, edge_style in style.SUPPORT_LOOKS))

    def write(self) -> Digraph:
        """Write the nodes and edges drawn into the DOT, cut into blocks when the drawing would
        be far wider than a screen (see :mod:`argmap.render.blocks`)."""
        links = [relation for relation, *_ in self.links]
        support = [relation for relation, _, _, holds in self.links if holds]
        sizes = {name: label_size(own["label"]) for name, (_, own) in self.drawn.items()}
        follows = {relation.head: relation.tail for relation, common, _, _ in reversed(self.links)
                   if common == self.answers}  # each question goes with its first hypothesis
        # A basis is one tree: it is cut only when too wide, never grouped by conclusion.
        blocks = arrange(list(self.drawn), links, support, sizes, follows,
                         group=self.view != "basis")
        if blocks is not None:  # many parts of many sizes: pack them as tight as they go
            self.dot.graph_attr["packmode"] = style.BLOCKS_PACKMODE
        body = self.dot.body
        for block in blocks or [list(self.drawn)]:
            body.extend(statements.node(name, *self.drawn[name]) for name in block)
        references = crossing(blocks or [], links)
        for relation, common, own, _ in self.links:
            tail = relation.tail
            if relation in references:
                tail = self._reference(relation.tail, references[relation])
            body.append(statements.edge(tail, relation.head, common, own))
        return self.dot

    def _reference(self, element_id: str, block: int) -> str:
        """A small node in ``block`` standing for ``element_id``, drawn in another block."""
        name = f"_ref{block}.{element_id}"
        if name not in self.references:
            self.references.add(name)
            self.looks.add("reference")
            rows = self.drawn[element_id][1]["label"][1:-1].split("<BR/>")
            label = html_label([rows[0] or html_text(element_id), *rows[1:2],
                                small_row(REFERENCE_NOTE, italic=True)])
            own = {"label": label, "id": f"{SVG_ID_PREFIX}REF{block}-{element_id}",
                   "tooltip": tooltip(f"{element_id}: {REFERENCE_NOTE}"),
                   "URL": f"#{svg_id(element_id)}"}
            self.dot.body.append(statements.node(
                name, statements.shared(tuple(style.REFERENCE.items())), own))
        return name

    def _propositions(self) -> None:
        for proposition in self.model.propositions:
            if self.kept(proposition.id):
                self._proposition(proposition)

    @cached_property
    def weak_links(self) -> dict[str, list[str]]:
        """Each weak link -> the judgments that hinge on it, in map order."""
        hinging: dict[str, list[str]] = {}
        bases = self.graph.bases
        for proposition in self.model.propositions:
            if proposition.kind in style.CLASSED_KINDS:
                for link_id in bases.weak_links(proposition.id):
                    hinging.setdefault(link_id, []).append(proposition.id)
        return hinging

    def basis_look(self, proposition: Proposition, record: BasisRecord
                   ) -> tuple[dict[str, str], str]:
        """A proposition's node attributes and the note after its kind: a judgment or
        hypothesis in its class's look, a fact or claim with no quote flagged, a weak link
        marked; the legend learns which looks are drawn."""
        attributes = style.PROPOSITIONS[proposition.kind].attributes()
        notes, look = [], style.PROPOSITION_LOOKS[proposition.kind]
        if proposition.kind in style.CLASSED_KINDS:
            basis_look = style.BASIS_LOOKS[record.basis.label]
            attributes.update(basis_look.attributes())
            attributes["style"] += "," + basis_look.line
            notes.append(basis_look.note)
            self.looks.add(look)  # the kind's sample (shape), and the class's (fill)
            look = f"basis-{record.basis.label}"
        elif proposition.kind in style.FLAGGED_KINDS and record.basis is Basis.ASSERTION:
            notes.append(style.NO_EVIDENCE_NOTE)
            look = "unsupported"
            attributes.update(style.NO_EVIDENCE_BORDER)
            attributes["style"] += "," + style.NO_EVIDENCE_STYLE
        if proposition.id in self.weak_links:
            notes.append(style.WEAK_LINK_NOTE)
            attributes.update(style.WEAK_LINK_BORDER)
            self.looks.add("weak-link")
        self.looks.add(look)
        return attributes, ", ".join(note for note in notes if note)

    def _proposition(self, proposition: Proposition) -> None:
        record = self.graph.bases.of(proposition.id)
        attributes, flag = self.basis_look(proposition, record)
        # Support the text itself does not argue must not pass for the author's argument.
        reconstructed = (proposition.kind == "author_judgment"
                         and self.graph.rests_on_reconstruction(proposition.id))
        mark = self.standing.get(proposition.id)
        if mark is not None and not style.shows_standing(proposition.kind, mark.label):
            mark = None
        tip = self.labels.proposition_tooltip(proposition, record.basis, reconstructed, mark)
        tip += "".join(f"\n{line}" for line in self.weak_link_lines(proposition.id, record))
        self._node(proposition.id,
                   self.labels.proposition_label(proposition, flag, reconstructed, mark),
                   attributes, tip)

    def weak_link_lines(self, element_id: str, record: BasisRecord) -> list[str]:
        """The tooltip's lines on weak links: those it hinges on, and those it is one of."""
        lines = [f"hinges on: {link_id}: {self._text(link_id)}" for link_id in record.weak_links]
        hinging = self.weak_links.get(element_id)
        if hinging:
            lines.append("a weak link of: " + ", ".join(hinging))
        return lines

    def _text(self, element_id: str) -> str:
        proposition = self.graph.propositions.get(element_id)
        return proposition.text if proposition is not None else ""

    def _inferences(self) -> None:
        for inference in self.model.inferences:
            if self.kept(inference.id):
                if inference.by == "analyst" or inference.scheme:
                    self.looks.add("analyst-inference" if inference.by == "analyst"
                                   else "inference")
                self._node(inference.id, self.labels.inference_label(inference),
                           _inference_attributes(inference),
                           self.labels.inference_tooltip(inference))

    def _quotes(self) -> None:
        quotes = [quote for quote in self.model.quotes if self.kept(quote.id)]
        if quotes:
            self.looks.add("quote")
        for quote in quotes:
            url = link(self.labels.source_url(quote))
            anchor = {"URL": url, "target": "_blank"} if url is not None else None
            self._node(quote.id, self.labels.quote_label(quote), style.QUOTE.attributes(),
                       self.labels.quote_tooltip(quote), anchor)

    def _questions(self) -> None:
        for question in self.model.questions:
            if self.kept(question.id):
                self.looks.add("question")
                self._node(question.id, self.labels.question_label(question),
                           style.QUESTION.attributes(), question.text)

    def _anchors(self) -> None:
        for proposition in self.model.propositions:
            for quote in proposition.quotes:
                self._edge(quote, proposition.id, style.ANCHOR,
                           f"{quote} {style.ANCHOR.verb} {proposition.id}")
        for inference in self.model.inferences:
            for quote in inference.quotes:  # words that state the step itself
                self._edge(quote, inference.id, style.ANCHOR,
                           f"{quote} states the step {inference.id}")

    def _support(self) -> None:
        for inference in self.model.inferences:
            for premise in inference.premises:
                self._edge(premise, inference.id, style.PREMISE,
                           f"{premise} {style.PREMISE.verb} {inference.id}")
            self._edge(inference.id, inference.conclusion, style.CONCLUSION,
                       f"{inference.id} {style.CONCLUSION.verb} {inference.conclusion}")

    def _attacks(self) -> None:
        for attack in self.model.attacks:
            self._edge(attack.attacker, attack.target, style.attack_look(attack.kind, attack.by),
                       self.labels.attack_tooltip(attack), name=attack.id)
        for question in self.model.questions:
            for hypothesis in question.hypotheses:
                self._edge(hypothesis, question.id, style.ANSWERS,
                           f"{hypothesis} {style.ANSWERS.verb} {question.id}")


def _inference_attributes(inference: Inference) -> dict[str, str]:
    if inference.by == "analyst":  # always a box: it carries the word "analyst"
        return {**style.ANALYST_INFERENCE.attributes(), **style.SMALL_BOX}
    attributes = style.INFERENCE.attributes()
    if inference.scheme is None:  # a bare joint: a small dot where the premises meet
        attributes.update({"shape": "circle", "width": "0.14", "height": "0.14",
                           "fixedsize": "true", "style": "filled", "fillcolor": "#333333"})
    else:
        attributes.update(style.SMALL_BOX)
    return attributes


def build_dot(model: ArgumentMap, options: DrawOptions | None = None) -> tuple[str, int]:
    """The DOT source of a map (or of one neighbourhood in it), and how many map elements it
    draws as nodes (the measure of layout cost)."""
    options = options or DrawOptions()
    if options.view == "overview":
        from argmap.render.overview import OverviewBuilder

        builder: DotBuilder = OverviewBuilder(model, options)
    else:
        builder = DotBuilder(model, options)
    builder.build()
    dot = builder.write()
    if builder.nodes <= style.MCLIMIT_NODES:
        dot.graph_attr["mclimit"] = style.MCLIMIT
    if options.legend:
        add_legend(dot, builder.looks, builder.legend_columns)
    return dot.source, builder.nodes


__all__ = ["VIEWS", "DrawOptions", "build_dot", "html_label", "svg_id"]
