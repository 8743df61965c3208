"""The legend: every look the drawing uses, drawn with the same styles and named in words.

A framed cluster: rows of sample nodes (each says what it is), then sample edges (each a short
arrow pointing up at the words that name it). Only the looks the drawing uses appear (a map with
no attack gets no attack samples; the legend's own image in ``docs/`` has them all), so the
legend stays small beside a small map. Its node names start with ``_``, which no map id can (ids
start with a letter or digit), so the legend can never collide with an element. No edge has a
``label``: one edge label anywhere makes dot double the ranks of the *whole* graph.
"""

from __future__ import annotations

import sys
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import NamedTuple

from graphviz import Digraph  # type: ignore[import-untyped]

from argmap.render import style
from argmap.render.labels import (
    analyst_row,
    header_row,
    html_label,
    open_questions_row,
    small_row,
)

LEGEND_ID = "argmap-legend"
_PROPOSITION = style.PROPOSITIONS
NODES_PER_ROW = 4



class NodeSample(NamedTuple):
    """A sample node: its look, the header words and the lines explaining it."""

    look: style.NodeStyle
    header: str
    lines: tuple[str, ...]
    basis: str | None = None  # drawn in this class's look (style.BASIS_LOOKS)


class EdgeSample(NamedTuple):
    """A sample arrow: ``key`` ends its SVG id."""

    key: str
    look: style.EdgeStyle
    caption: str


class InferenceSample(NamedTuple):
    """One of the two looks of a (labelled) inference."""

    key: str
    look: style.NodeStyle
    rows: tuple[str, ...]
    tooltip: str


_SAMPLES: dict[str, NodeSample] = {
    "quote": NodeSample(style.QUOTE, "QUOTE", ("evidence: verbatim words,", "speaker and source")),
    "fact": NodeSample(_PROPOSITION["reported_fact"], "REPORTED FACT", ("reported as fact",)),
    "claim": NodeSample(_PROPOSITION["attributed_claim"], "CLAIM",
                        ("what an actor claims,", "and who")),
    "assumption": NodeSample(_PROPOSITION["assumption"], "ASSUMPTION", ("taken as given",)),
    "judgment": NodeSample(_PROPOSITION["author_judgment"], "JUDGMENT",
                           ("the author's, with", "likelihood and confidence")),
    "hypothesis": NodeSample(_PROPOSITION["hypothesis"], "HYPOTHESIS",
                             ("one answer to a question",)),
    "question": NodeSample(style.QUESTION, "QUESTION", ("a question its", "hypotheses answer")),
    "open-questions": NodeSample(_PROPOSITION["author_judgment"], "JUDGMENT",
                                 ("critical questions still open", "on its steps (the overview)")),
    "group": NodeSample(style.GROUP, "UNDER id", ("judgments folded: how many,", "on what basis")),
    "reference": NodeSample(style.REFERENCE_LOOK, "KIND id", ("drawn in another part:",
                                                             "click to go there")),
    "unsupported": NodeSample(_PROPOSITION["reported_fact"],
                              f"REPORTED FACT - {style.NO_EVIDENCE_NOTE}",
                              ("no quote anchors it",)),
    "weak-link": NodeSample(_PROPOSITION["assumption"], f"ASSUMPTION - {style.WEAK_LINK_NOTE}",
                            ("a judgment hinges on it",)),
    # Fill and border say what a judgment or hypothesis rests on (argmap.analyse.basis).
    "basis-evidence": NodeSample(_PROPOSITION["author_judgment"], "JUDGMENT",
                                 ("rests on evidence: some line", "of support is all evidence"),
                                 "evidence"),
    "basis-hinges": NodeSample(_PROPOSITION["author_judgment"],
                               f"JUDGMENT - {style.BASIS_LOOKS['hinges'].note}",
                               ("evidence, but every line", "needs a named weak link"), "hinges"),
    "basis-assertion": NodeSample(_PROPOSITION["author_judgment"],
                                  f"JUDGMENT - {style.NO_EVIDENCE_NOTE}",
                                  ("no evidence under it:", "assertion alone"), "assertion"),
}
_EDGES: tuple[EdgeSample, ...] = (
    EdgeSample("anchors", style.ANCHOR, "a quote anchors"),
    EdgeSample("is-a-premise-of", style.PREMISE, "premise of an inference"),
    EdgeSample("concludes", style.CONCLUSION, "inference to conclusion"),
    EdgeSample("supports", style.SUPPORTS, "supports (through inferences)"),
    EdgeSample("rebuts", style.ATTACKS["rebut"], "rebuts a conclusion"),
    EdgeSample("undermines", style.ATTACKS["undermine"], "undermines a premise"),
    EdgeSample("undercuts", style.ATTACKS["undercut"], "undercuts an inference"),
    EdgeSample("analyst-rebuts", style.ANALYST_ATTACKS["rebut"], "rebuts: the analyst's"),
    EdgeSample("analyst-undermines", style.ANALYST_ATTACKS["undermine"],
               "undermines: the analyst's"),
    EdgeSample("analyst-undercuts", style.ANALYST_ATTACKS["undercut"], "undercuts: the analyst's"),
    EdgeSample("answers", style.ANSWERS, "answers a question"),
)
_INFERENCES: tuple[InferenceSample, ...] = (
    InferenceSample("inference", style.INFERENCE, ("inference scheme",),
                    "an inference, labelled by its scheme"),
    InferenceSample("analyst-inference", style.ANALYST_INFERENCE,
                    ("inference scheme", analyst_row()),
                    "an inference reconstructed by the analyst: the text leaves it implicit"),
)
EVERY_LOOK: frozenset[str] = frozenset(
    [*_SAMPLES, *(edge.key for edge in _EDGES), *(step.key for step in _INFERENCES)])


def _name(key: str) -> str:
    return f"_legend.{key}"


def add_legend(dot: Digraph, used: Collection[str] = EVERY_LOOK,
               columns: int = NODES_PER_ROW) -> None:
    """Add the legend cluster to ``dot``, with a sample of each look in ``used`` (keys as in
    :data:`EVERY_LOOK`), ``columns`` node samples a row; nothing when the drawing uses none."""
    nodes = [key for key in _SAMPLES if key in used]
    edges = [edge for edge in _EDGES if edge.key in used]
    steps = [step for step in _INFERENCES if step.key in used]
    if not (nodes or edges or steps):
        return
    with dot.subgraph(name="cluster_legend") as legend:
        legend.attr(label=html_label(["<B>Legend</B>"]), id=LEGEND_ID, style="rounded",
                    color=style.GREY, fontsize="12", labelloc="b")
        below = None
        for number, start in enumerate(range(0, max(len(edges), 1), columns + 1)):
            below = _sample_edges(legend, edges[start:start + columns + 1],
                                  steps if number == 0 else [], below, start)
        for row in _rows(nodes, columns):
            with legend.subgraph() as same_rank:
                same_rank.attr(rank="same")
                for key in row:
                    _sample_node(same_rank, key)
            if below is not None:
                legend.edge(below, _name(row[0]), style="invis")
            below = _name(row[0])


def _rows(keys: list[str], columns: int) -> Iterable[list[str]]:
    for start in range(0, len(keys), columns):
        yield keys[start:start + columns]


def _sample_node(legend: Digraph, key: str) -> None:
    sample = _SAMPLES[key]
    attributes = sample.look.attributes()
    ink = style.MUTED
    if key == "unsupported":
        attributes.update(style.NO_EVIDENCE_BORDER)
        attributes["style"] += "," + style.NO_EVIDENCE_STYLE
    elif key == "weak-link":
        attributes.update(style.WEAK_LINK_BORDER)
    elif sample.basis is not None:
        look = style.BASIS_LOOKS[sample.basis]
        attributes.update(look.attributes())
        attributes["style"] += "," + look.line
        ink = style.INK
    rows = [header_row(sample.header, "", style.INK if ink == style.INK else style.GREY),
            *(small_row(line, colour=ink) for line in sample.lines)]
    if key == "judgment":
        rows.append(_standing_marks())
    if key == "open-questions":
        rows.append(open_questions_row(2))
    legend.node(_name(key), html_label(rows), _attributes={
        **attributes, "id": f"{LEGEND_ID}-{key}", "tooltip": sample.header.lower()})


def _standing_marks() -> str:
    """The three marks evaluation puts on a judgment (``docs/evaluation.md``)."""
    marks = (f'<FONT COLOR="{style.STANDING_COLOURS[label]}"><B>{word}</B></FONT>'
             for label, word in style.STANDING_MARKS.items())
    return f'<FONT POINT-SIZE="9">{" / ".join(marks)}</FONT>'


def _sample_edges(legend: Digraph, edges: list[EdgeSample], steps: list[InferenceSample],
                  below: str | None, first: int) -> str | None:
    """A row of short arrows, one per relation, each pointing up at the words that name it
    (numbered from ``first``), and the inference samples beside them; the row stands above
    ``below``. Returns the name of a node on the row (None: an empty row)."""
    with legend.subgraph() as tails:
        tails.attr(rank="same")
        for number, edge in enumerate(edges, start=first):
            tails.node(_name(f"edge.{number}.tail"), "", shape="point", width="0.06",
                       color=edge.look.color)
    with legend.subgraph() as heads:
        heads.attr(rank="same")
        for number, edge in enumerate(edges, start=first):
            heads.node(_name(f"edge.{number}.head"), html_label([small_row(edge.caption)]),
                       shape="plaintext", height="0.2", margin="0.02,0")
        for step in steps:
            heads.node(_name(step.key), html_label(step.rows), _attributes={
                **step.look.attributes(), **style.SMALL_BOX, "id": f"{LEGEND_ID}-{step.key}",
                "tooltip": step.tooltip})
    for number, edge in enumerate(edges, start=first):
        tail, head = _name(f"edge.{number}.tail"), _name(f"edge.{number}.head")
        legend.edge(tail, head, _attributes={
            **edge.look.attributes(), "id": f"{LEGEND_ID}-{edge.key}", "tooltip": edge.caption})
    row = _name(f"edge.{first}.head") if edges else _name(steps[0].key) if steps else None
    if below is not None and edges:
        legend.edge(below, _name(f"edge.{first}.tail"), style="invis")
    return row if row is not None else below


def legend_source() -> str:
    """The legend alone, every look in it, as DOT (for the image in ``docs/rendering.md``)."""
    dot = Digraph(name="argmap-legend", graph_attr=style.GRAPH_ATTRIBUTES,
                  node_attr=style.NODE_ATTRIBUTES, edge_attr=style.EDGE_ATTRIBUTES)
    add_legend(dot)
    source: str = dot.source
    return source


def write_legend(targets: list[Path], engine: str | None = None) -> None:
    """Draw the legend into each of ``targets`` (format from the suffix), stamped so that a test
    can tell when the committed image no longer matches the styles."""
    from argmap.atomic import write_bytes_atomic
    from argmap.render.engine import find_engine, run_layout
    from argmap.render.stamp import input_hash, stamp

    source = legend_source()
    digest = input_hash(source, LEGEND_ID)
    formats = [target.suffix.lstrip(".") for target in targets]
    layout = run_layout(find_engine(engine), source, formats)
    for target, fmt in zip(targets, formats, strict=True):
        write_bytes_atomic(target, stamp(layout.outputs[fmt], fmt, digest))


if __name__ == "__main__":  # python -m argmap.render.legend docs/rendering-legend.svg ...
    write_legend([Path(argument) for argument in sys.argv[1:]])
