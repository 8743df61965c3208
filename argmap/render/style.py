"""The visual grammar: how each kind of element and relation looks. One table, used by the
diagram, the legend and the documentation alike, so they cannot disagree.

Meaning is carried by **shape, border and line style**; colour only reinforces it, from the
Okabe-Ito palette (distinguishable with the common colour-vision deficiencies). Fills are light
tints so black text stays readable; borders carry the full hue.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

# Okabe & Ito, "Color Universal Design" (2008): the eight colours, and light tints for fills.
BLUE, ORANGE, GREEN, YELLOW = "#0072B2", "#E69F00", "#009E73", "#B5A800"
VERMILLION, PURPLE, GREY = "#D55E00", "#A8527F", "#595959"
MUTED = "#666666"
FONT = "Helvetica"


@dataclass(frozen=True)
class NodeStyle:
    """How one kind of node is drawn; ``header`` is the word every such node shows on top."""

    header: str
    shape: str
    style: str
    fill: str
    border: str
    peripheries: int = 1
    penwidth: float = 1.0

    def attributes(self) -> dict[str, str]:
        attributes = {
            "shape": self.shape, "style": self.style, "fillcolor": self.fill,
            "color": self.border, "penwidth": f"{self.penwidth:g}",
        }
        if self.peripheries != 1:
            attributes["peripheries"] = str(self.peripheries)
        return attributes


QUOTE = NodeStyle("QUOTE", "note", "filled", "#EDEDED", GREY)
PROPOSITIONS: dict[str, NodeStyle] = {
    "reported_fact": NodeStyle("REPORTED FACT", "box", "filled", "#D2E6F5", BLUE),
    "attributed_claim": NodeStyle("CLAIM", "box", "rounded,filled", "#FAE6BF", ORANGE),
    # Judgments and hypotheses are filled by their class of basis (BASIS_LOOKS), not their kind.
    "author_judgment": NodeStyle("JUDGMENT", "box", "filled", "#FFFFFF", PURPLE, peripheries=2),
    "assumption": NodeStyle("ASSUMPTION", "box", "diagonals,filled", "#FBF6C4", YELLOW),
    "hypothesis": NodeStyle("HYPOTHESIS", "box3d", "filled", "#FFFFFF", GREEN),
}
INFERENCE = NodeStyle("INFERENCE", "box", "rounded,filled", "#FFFFFF", "#333333")
# A step the analyst reconstructs (the text leaves it implicit) must not pass for the author's
# argument: a dashed grey outline, and the word under its scheme (never colour alone).
ANALYST_INFERENCE = NodeStyle("INFERENCE", "box", "rounded,dashed,filled", "#FFFFFF", "#8C8C8C")
ANALYST_WORD = "analyst"
# Inferences drawn as small labelled boxes (a scheme, or the analyst's mark) rather than a dot.
SMALL_BOX = {"fontsize": "9", "margin": "0.05,0.02", "height": "0.2", "width": "0.2"}
QUESTION = NodeStyle("QUESTION", "tab", "filled", "#FFFFFF", GREY)

# What a judgment's basis is (argmap.analyse.basis), drawn: the fill is the first channel, the
# border's line style the second (for greyscale print and colour-blind readers), the note on
# the node the third. One table for every view, the legend and the reader page (which reads it
# as JSON: ``basis_palette``). The fills differ pairwise by at least 20 in CAM02-UCS, also under
# simulated deuteranopia and protanopia, and INK on each meets 4.5:1 (tests/test_basis_palette.py).


@dataclass(frozen=True)
class BasisLook:
    """How one class of basis is drawn, and the words that name it."""

    fill: str
    border: str
    line: str  # the border's style: solid, dashed, dotted
    penwidth: float
    note: str  # on the node, after its kind: empty for the class that needs no warning
    words: str  # in tooltips, the legend and the reader page

    def attributes(self) -> dict[str, str]:
        return {"fillcolor": self.fill, "color": self.border, "penwidth": f"{self.penwidth:g}"}


INK = "#1A1A1A"  # every word on a class fill: 4.5:1 or more on the darkest
BASIS_LOOKS: dict[str, BasisLook] = {
    "evidence": BasisLook("#D6ECFA", BLUE, "solid", 1.6, "", "rests on evidence"),
    "hinges": BasisLook("#EDBE4E", "#7A5500", "dashed", 2.2, "HINGES ON A WEAK LINK",
                        "evidence, but hinges on weak links"),
    "assertion": BasisLook("#D0786E", "#7A1F00", "dotted", 2.8, "NO EVIDENCE",
                           "rests on assertion alone"),
}
# The kinds drawn in their class's look: the author's judgments and the hypotheses.
CLASSED_KINDS = frozenset({"author_judgment", "hypothesis"})
NO_EVIDENCE_NOTE = BASIS_LOOKS["assertion"].note
# A fact or claim with no quote keeps its kind's fill and takes the no-evidence border.
NO_EVIDENCE_BORDER = {"color": BASIS_LOOKS["assertion"].border, "penwidth": "2.8"}
NO_EVIDENCE_STYLE = BASIS_LOOKS["assertion"].line
# A weak link (an unsupported assertion or assumption some judgment hinges on) says so.
WEAK_LINK_NOTE = "WEAK LINK"
WEAK_LINK_BORDER = {"penwidth": "2.8"}


def basis_palette() -> dict[str, dict[str, str]]:
    """The table for the reader page: class -> fill, border, line, note, words, ink."""
    return {name: {"fill": look.fill, "border": look.border, "line": look.line,
                   "note": look.note, "words": look.words, "ink": INK}
            for name, look in BASIS_LOOKS.items()}


# An author judgment whose basis is reached only through the analyst's reconstructed steps.
RECONSTRUCTED_NOTE = "support: the analyst's reconstruction"
FLAGGED_KINDS = frozenset({"reported_fact", "attributed_claim"})
# Evaluation (grounded semantics): every judgment and hypothesis says whether it stands, and any
# other proposition says so when it does not (an undermined fact falls too).
STANDING_KINDS = frozenset({"author_judgment", "hypothesis"})
STANDING_MARKS = {"in": "STANDS", "out": "FALLS", "undec": "UNDECIDED"}
STANDING_COLOURS = {"in": GREEN, "out": VERMILLION, "undec": ORANGE}


def shows_standing(kind: str, label: str) -> bool:
    return kind in STANDING_KINDS or label != "in"


@dataclass(frozen=True)
class EdgeStyle:
    """How one relation is drawn, and the verb the legend and tooltips use for it."""

    verb: str
    style: str
    color: str
    arrowhead: str
    penwidth: float = 1.2

    def attributes(self) -> dict[str, str]:
        return {
            "style": self.style, "color": self.color, "arrowhead": self.arrowhead,
            "penwidth": f"{self.penwidth:g}",
        }


ANCHOR = EdgeStyle("anchors", "solid", "#8C8C8C", "dot", penwidth=1.0)
PREMISE = EdgeStyle("is a premise of", "solid", "#333333", "none")
CONCLUSION = EdgeStyle("concludes", "solid", "#333333", "normal")
ATTACKS: dict[str, EdgeStyle] = {
    "rebut": EdgeStyle("rebuts", "solid", VERMILLION, "tee", penwidth=2.2),
    "undermine": EdgeStyle("undermines", "dashed", PURPLE, "tee", penwidth=2.2),
    "undercut": EdgeStyle("undercuts", "dotted", ORANGE, "tee", penwidth=2.6),
}
ANSWERS = EdgeStyle("answers", "solid", "#B3B3B3", "none", penwidth=1.0)
# The overview folds inferences and the facts between judgments into one arrow per pair.
SUPPORTS = EdgeStyle("supports", "solid", "#333333", "normal", penwidth=1.6)


# Edges that say what rests on what: a drawing too wide for a screen is cut into blocks along
# them (argmap.render.blocks). Attacks and a question's hypotheses cross blocks freely.
SUPPORT_LOOKS = frozenset({ANCHOR, PREMISE, CONCLUSION, SUPPORTS})
# A node standing for one drawn in another block: small, dashed, linked to the real one.
REFERENCE_LOOK = NodeStyle("REFERENCE", "box", "dashed,rounded", "#FFFFFF", GREY)
REFERENCE = {**REFERENCE_LOOK.attributes(), "fontsize": "9", "margin": "0.06,0.03"}

# The overview: how many critical questions are still open under a judgment, in the undercut's
# hue darkened to read on a light fill (each may yet defeat a step).
OPEN_QUESTION_COLOUR = "#A35F00"

# The overview of a big map: the judgments of a group folded into one counted box.
GROUP = NodeStyle("GROUP", "folder", "filled", "#F2F2F2", GREY)

# The legend's key for each look (see argmap.render.legend): the legend shows only those drawn.
LOOKS: dict[EdgeStyle, str] = {
    ANCHOR: "anchors", PREMISE: "is-a-premise-of", CONCLUSION: "concludes", SUPPORTS: "supports",
    ATTACKS["rebut"]: "rebuts", ATTACKS["undermine"]: "undermines",
    ATTACKS["undercut"]: "undercuts", ANSWERS: "answers",
}
PROPOSITION_LOOKS = {
    "reported_fact": "fact", "attributed_claim": "claim", "author_judgment": "judgment",
    "assumption": "assumption", "hypothesis": "hypothesis",
}


def by_analyst(attack: EdgeStyle) -> EdgeStyle:
    """An attack the analyst raises (a tension the text leaves unremarked): the line style and
    hue still say which kind, a thin line and an open circle behind the bar say whose."""
    return replace(attack, arrowhead="teeodot", penwidth=1.4)


ANALYST_ATTACKS: dict[str, EdgeStyle] = {kind: by_analyst(look) for kind, look in ATTACKS.items()}


def attack_look(kind: str, by: str) -> EdgeStyle:
    """The look of an attack of ``kind`` raised by ``by`` (``author`` or ``analyst``)."""
    return (ANALYST_ATTACKS if by == "analyst" else ATTACKS)[kind]


# Each attack the analyst raises has its own sample: its line style and hue say which kind.
LOOKS.update({look: f"analyst-{LOOKS[ATTACKS[kind]]}" for kind, look in ANALYST_ATTACKS.items()})

# Layout: evidence at the bottom, conclusions on top, plain splines (orthogonal routing is slow and
# unreadable on these graphs). Unconnected parts are laid out apart and packed (``pack``), so a map
# of ten small arguments comes out as a block, not a row ten screens wide; the title sits top left
# over whatever width that gives. More crossing-minimisation passes (``MCLIMIT``) remove a fifth
# of the seed map's crossings (docs/rendering.md, "Legibility").
# ``newrank`` is not set: with clusters and ``pack`` it crashes Graphviz 2.43.
GRAPH_ATTRIBUTES = {
    "rankdir": "BT", "splines": "spline", "nodesep": "0.25", "ranksep": "0.45",
    "pack": "true", "packmode": "graph", "remincross": "true",
    "fontname": FONT, "fontsize": "12", "labelloc": "t", "labeljust": "l",
    "outputorder": "edgesfirst", "bgcolor": "white",
}
# Blocks (argmap.render.blocks) pack closer node by node: they interlock instead of lining up.
# The legend is a cluster and packs as one box ("clust"): packed node by node, system Graphviz
# 2.43 put nodes inside its frame.
BLOCKS_PACKMODE = "clust"
# Crossing minimisation gets ``mclimit`` times the passes on drawings up to MCLIMIT_NODES nodes;
# past that the extra passes cost more layout time than they are worth.
MCLIMIT = "4"
MCLIMIT_NODES = 2000
NODE_ATTRIBUTES = {"fontname": FONT, "fontsize": "11", "margin": "0.12,0.06"}
EDGE_ATTRIBUTES = {"fontname": FONT, "fontsize": "9", "arrowsize": "0.7"}
LABEL_WIDTH = 36
QUOTE_WIDTH = 36
LABEL_LINES = 8
QUOTE_LINES = 4
TITLE_WIDTH = 100
TITLE_LINES = 3
