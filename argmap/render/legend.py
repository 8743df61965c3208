"""The legend: every look the diagram uses, drawn with the same styles and named in words.

A cluster beside the map: two rows of sample nodes (each says what it is) above a row of sample
edges (each arrow points at its meaning). Its node names start with ``_``, which no map id can
(ids start with a letter or digit), so the legend can never collide with an element. No edge has a
``label``: one edge label anywhere makes dot double the ranks of the *whole* graph.
"""

from __future__ import annotations

import sys
from pathlib import Path

from graphviz import Digraph  # type: ignore[import-untyped]

from argmap.render import style
from argmap.render.labels import analyst_row, header_row, html_label, small_row

LEGEND_ID = "argmap-legend"
_PROPOSITION = style.PROPOSITIONS

# key, style, header words, explanation lines
_SAMPLES: dict[str, tuple[style.NodeStyle, str, tuple[str, ...]]] = {
    "quote": (style.QUOTE, "QUOTE", ("evidence: verbatim words,", "speaker and source")),
    "fact": (_PROPOSITION["reported_fact"], "REPORTED FACT", ("reported as fact",)),
    "claim": (_PROPOSITION["attributed_claim"], "CLAIM", ("what an actor claims,", "and who")),
    "assumption": (_PROPOSITION["assumption"], "ASSUMPTION", ("taken as given",)),
    "judgment": (_PROPOSITION["author_judgment"], "JUDGMENT",
                 ("the author's, with", "likelihood and confidence")),
    "hypothesis": (_PROPOSITION["hypothesis"], "HYPOTHESIS", ("one answer to a question",)),
    "unsupported": (_PROPOSITION["author_judgment"], f"JUDGMENT - {style.NO_EVIDENCE_NOTE}",
                    ("rests on assertion alone",)),
}
_ROWS = (("quote", "fact", "claim", "assumption"), ("judgment", "hypothesis", "unsupported"))
# key (the SVG id's end), style, caption
_EDGES: tuple[tuple[str, style.EdgeStyle, str], ...] = (
    ("anchors", style.ANCHOR, "a quote anchors"),
    ("is-a-premise-of", style.PREMISE, "premise of an inference"),
    ("concludes", style.CONCLUSION, "inference to conclusion"),
    ("rebuts", style.ATTACKS["rebut"], "rebuts a conclusion"),
    ("undermines", style.ATTACKS["undermine"], "undermines a premise"),
    ("undercuts", style.ATTACKS["undercut"], "undercuts an inference"),
    ("analyst-attack", style.ANALYST_ATTACKS["rebut"], "attack the analyst raises"),
    ("answers", style.ANSWERS, "answers a question"),
)
# key, style, label rows, tooltip: the two looks of a (labelled) inference
_INFERENCES: tuple[tuple[str, style.NodeStyle, tuple[str, ...], str], ...] = (
    ("inference", style.INFERENCE, ("inference scheme",), "an inference, labelled by its scheme"),
    ("analyst-inference", style.ANALYST_INFERENCE, ("inference scheme", analyst_row()),
     "an inference reconstructed by the analyst: the text leaves it implicit"),
)


def _name(key: str) -> str:
    return f"_legend.{key}"


def add_legend(dot: Digraph) -> None:
    """Add the legend cluster to ``dot``."""
    with dot.subgraph(name="cluster_legend") as legend:
        legend.attr(label=html_label(["<B>Legend</B>"]), id=LEGEND_ID, style="rounded",
                    color=style.GREY, fontsize="12", labelloc="b")
        _sample_edges(legend)
        below = _name("edge.0.head")
        for row in _ROWS:
            with legend.subgraph() as same_rank:
                same_rank.attr(rank="same")
                for key in row:
                    _sample_node(same_rank, key)
            legend.edge(below, _name(row[0]), style="invis")
            below = _name(row[0])


def _sample_node(legend: Digraph, key: str) -> None:
    node_style, header, lines = _SAMPLES[key]
    attributes = node_style.attributes()
    if key == "unsupported":
        attributes.update(style.NO_EVIDENCE_BORDER)
        attributes["style"] += "," + style.NO_EVIDENCE_STYLE
    rows = [header_row(header, ""), *(small_row(line) for line in lines)]
    if key == "judgment":
        rows.append(_standing_marks())
    legend.node(_name(key), html_label(rows), _attributes={
        **attributes, "id": f"{LEGEND_ID}-{key}", "tooltip": header.lower()})


def _standing_marks() -> str:
    """The three marks evaluation puts on a judgment (``docs/evaluation.md``)."""
    marks = (f'<FONT COLOR="{style.STANDING_COLOURS[label]}"><B>{word}</B></FONT>'
             for label, word in style.STANDING_MARKS.items())
    return f'<FONT POINT-SIZE="9">{" / ".join(marks)}</FONT>'


def _sample_edges(legend: Digraph) -> None:
    """A short arrow per relation, pointing up at the words that name it."""
    with legend.subgraph() as tails:
        tails.attr(rank="same")
        for number, (_, edge_style, _) in enumerate(_EDGES):
            tails.node(_name(f"edge.{number}.tail"), "", shape="point", width="0.06",
                       color=edge_style.color)
    with legend.subgraph() as heads:
        heads.attr(rank="same")
        for number, (_, _, caption) in enumerate(_EDGES):
            heads.node(_name(f"edge.{number}.head"), html_label([small_row(caption)]),
                       shape="plaintext", height="0.2", margin="0.02,0")
        for key, node_style, rows, tip in _INFERENCES:
            heads.node(_name(key), html_label(rows), _attributes={
                **node_style.attributes(), **style.SMALL_BOX, "id": f"{LEGEND_ID}-{key}",
                "tooltip": tip})
    for number, (key, edge_style, caption) in enumerate(_EDGES):
        tail, head = _name(f"edge.{number}.tail"), _name(f"edge.{number}.head")
        legend.edge(tail, head, _attributes={
            **edge_style.attributes(), "id": f"{LEGEND_ID}-{key}", "tooltip": caption})


def legend_source() -> str:
    """The legend alone, as DOT (for the image in ``docs/rendering.md``)."""
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
