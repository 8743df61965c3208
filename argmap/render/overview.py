"""The overview (``--view overview``): the map's judgments and hypotheses only, each with a short
summary of its basis instead of its quotes, and the reasoning between them as single arrows.

Facts, claims, assumptions, inferences and quotes fold into the judgments they support (see
:func:`argmap.analyse.support.fold`): an arrow from one judgment to another stands for the
inferences and propositions between them (its tooltip names them), and each judgment says in
figures what its whole basis holds: evidence quotes, independent reports, Admiralty grades, the
weak links it hinges on, attacks (:mod:`argmap.analyse.basis`, every judgment's in one pass; the
same elements ``--view basis`` draws); its fill and border say its class of basis,
and whether it stands under grounded evaluation (:func:`argmap.analyse.evaluation.standing`).

What stands against a judgment is drawn, not only counted: every attack on the judgment or on a
step folded into it is an arrow from its attacker, and an attacker that is no judgment (a fact, a
claim, an assumption) is a box of its own with its own basis summary (and so on for what attacks
it). A judgment with critical questions still open on the steps folded into it says how many in
the undercut's orange (each may yet defeat a step), and lists them in its tooltip. Text is
wrapped whole, never cut, each box about twice as wide as tall (:func:`text_width`).
"""

from __future__ import annotations

from collections import Counter, deque

from graphviz import Digraph  # type: ignore[import-untyped]

from argmap.analyse import Basis
from argmap.analyse.basis import BasisRecord
from argmap.analyse.support import Folded, fold
from argmap.model.elements import ArgumentMap, Attack, Proposition, Question
from argmap.render import style
from argmap.render.blocks import NODESEP, RANKSEP, SCREEN_SHAPE, Estimator, label_size
from argmap.render.dot import DotBuilder, DrawOptions
from argmap.render.groups import Layout, cluster_name, layout, needs_groups
from argmap.render.labels import (
    header_row,
    html_label,
    open_questions_row,
    small_row,
    standing_row,
    text_rows,
    title_label,
)
from argmap.render.legend import NODES_PER_ROW
from argmap.render.text import html_text

# Text is wrapped whole at a width that grows with its length, so a box stays about as wide as
# twice its height however long the judgment; past OVERVIEW_LINES lines (a text of a thousand
# characters and more) it is cut, and the tooltip and the basis view have it whole.
OVERVIEW_WIDTH = 26
OVERVIEW_MAX_WIDTH = 46
OVERVIEW_LINES = 24
# A line of 11-point text is about 5.7 points a character and 13.2 points high: a text of n
# characters set w wide is 5.7 w by 13.2 n / w, about twice as wide as tall when w^2 = 4.6 n;
# a little wider (6 n) fits the seed map's overview to a screen best (0.59x against 0.57x).
SHAPE_FACTOR = 6.0
# Parts side by side in a row (the legend strip beside the judgments), a little closer together;
# an overview cut into blocks packs them as the full view does.
OVERVIEW_LAYOUT = {"packmode": "array", "nodesep": "0.18"}
BESIDE_LEGEND_NODES = 10
# The boxes of an overview drawn whole (each with the space dot leaves around it) cover at most
# this many square points; past it the overview is grouped. dot spreads them over 2.5 to 5 times
# that: the seed map's 34 boxes cover 1.26 M pt^2 and come out 3.2 M (0.59x of a screen); a
# screen at 0.5x is 4.7 M.
MAX_LABEL_AREA = 1.5e6
LINKS_LISTED = 12  # in the tooltip of an arrow between two groups
EMPTY_NOTE = ("This map has no judgment or hypothesis to show: "
              "its full view (--view full) draws everything it has.")
# Weak links named on the node, at most this many (the tooltip lists them all).
WEAK_LINKS_SHOWN = 2


class OverviewBuilder(DotBuilder):
    """The judgments of one map, their basis summaries, and the support between them."""

    def __init__(self, model: ArgumentMap, options: DrawOptions) -> None:
        super().__init__(model, options)
        self.folded: Folded = fold(self.graph)
        self.legend_columns = 1  # a narrow strip beside the judgments, not a band under them
        self.dot.graph_attr.update(OVERVIEW_LAYOUT)

    def _title(self, options: DrawOptions) -> str:
        return title_label(f"{self.model.map.title}: overview")

    def build(self) -> Digraph:
        if not self.folded.judgments:  # say so, rather than draw a blank page under a title
            self.dot.node("_empty", EMPTY_NOTE, shape="plaintext", fontcolor=style.MUTED)
        if not needs_groups(self.folded, self.model):
            self._every_judgment()
        if needs_groups(self.folded, self.model) or self._too_big():
            self._start_again()
            self._grouped(layout(self.folded, self.model))
        if self.nodes < BESIDE_LEGEND_NODES or self._wide():
            # A strip beside a few boxes, or beside a wide drawing, would make it wider still:
            # the legend goes in a band under or over it.
            self.dot.graph_attr["packmode"] = style.GRAPH_ATTRIBUTES["packmode"]
            self.legend_columns = NODES_PER_ROW
        return self.dot

    def _every_judgment(self) -> None:
        for judgment in self.folded.judgments:
            self._judgment(self.graph.propositions[judgment])
        self._questions()
        self._support_arrows()
        self._attacks_drawn()
        for question in self.model.questions:
            for hypothesis in question.hypotheses:
                self._edge(hypothesis, question.id, style.ANSWERS,
                           f"{hypothesis} {style.ANSWERS.verb} {question.id}")

    def _grouped(self, found: Layout) -> None:
        """Each group's head, its judgments down to the depth shown, a cluster under each
        deepest one for what lies below (see :mod:`argmap.render.groups`), and the support and
        attacks between them as single arrows."""
        questions = {question.id: question for question in self.model.questions}
        for group_ in found.groups:
            if group_.question and group_.head is not None:
                self.looks.add("question")
                question = questions[group_.head]
                self._node(question.id, self.labels.question_label(question),
                           style.QUESTION.attributes(), question.text)
            elif group_.head is not None:
                self._judgment(self.graph.propositions[group_.head])
        for member in found.drawn():
            self._judgment(self.graph.propositions[member])
        folded_heads = next((g.heads for g in found.groups if g.head is None), [])
        for anchor, members in found.clusters().items():
            self._cluster(anchor, members, folded_heads if anchor is None else [anchor],
                          anchor in questions)
        self._links_between(found.stand_ins(), questions)

    def _cluster(self, anchor: str | None, members: list[str], heads: list[str],
                 question: bool) -> None:
        self.looks.add("group")
        name = cluster_name(anchor)
        self._node(name, html_label(self._cluster_rows(anchor, members, heads, question)),
                   style.GROUP.attributes(), self._cluster_tooltip(members, heads))
        if anchor is not None:
            look = style.ANSWERS if question else style.SUPPORTS
            self._edge(name, anchor, look,
                       f"{_count(len(members), 'judgment')} {look.verb} {anchor}")

    def _cluster_rows(self, anchor: str | None, members: list[str], heads: list[str],
                      question: bool) -> list[str]:
        kinds = Counter(self.graph.propositions[member].kind for member in members)
        what = " and ".join(part for part in (
            _count(kinds["author_judgment"], "judgment") if kinds["author_judgment"] else "",
            _count(kinds["hypothesis"], "hypothesis", "hypotheses") if kinds["hypothesis"] else "",
        ) if part)
        if anchor is None:
            header = f"{len(heads)} MORE GROUPS"
        else:
            header = f"ANSWERS TO {anchor}" if question else f"UNDER {anchor}"
            what += "" if question else " under it"
        bases = Counter(self.graph.bases.classes[member] for member in members)
        marks = Counter(self.standing[m].label for m in members if m in self.standing)
        rows = [header_row(header, ""), html_text(what),
                small_row(", ".join(f"{count} {GROUP_BASIS_WORDS[basis]}"
                                    for basis, count in sorted(bases.items())))]
        standing = [f"{marks[label]} {style.STANDING_MARKS[label].lower()}"
                    for label in ("out", "undec") if marks[label]]
        if standing:
            rows.append(small_row(", ".join(standing)))
        focus = anchor or "ID (tooltip)"
        rows.append(small_row(f"drawn whole: --view basis --focus {focus}", italic=True))
        return rows

    @staticmethod
    def _cluster_tooltip(members: list[str], heads: list[str]) -> str:
        folded_here = _count(len(members), "judgment or hypothesis", "judgments and hypotheses")
        lines = [f"{folded_here} folded here: {', '.join(members)}",
                 *(f"draw {head} and all it rests on: argmap render MAP --view basis "
                   f"--focus {head}" for head in heads)]
        return "\n".join(lines)

    def _links_between(self, boxes: dict[str, str], questions: dict[str, Question]) -> None:
        """Support, attacks and answers between the boxes drawn, one arrow per pair of boxes
        and look; an attacker folded into a judgment stands in that judgment's box."""
        owners = {element: judgment for judgment in reversed(self.folded.judgments)
                  for element in self.folded.folded[judgment]}
        found: dict[tuple[str, str, style.EdgeStyle], list[str]] = {}
        attacks: dict[tuple[str, str], list[Attack]] = {}
        for judgment in self.folded.judgments:
            head = boxes[judgment]
            for premise in self.folded.supports[judgment]:
                found.setdefault((boxes[premise], head, style.SUPPORTS), []).append(
                    f"{premise} {style.SUPPORTS.verb} {judgment}")
            for attack in self.folded.attacks.get(judgment, ()):
                tail = boxes.get(owners.get(attack.attacker, attack.attacker))
                if tail is not None:
                    attacks.setdefault((tail, head), []).append(attack)
        for (tail, head), between in attacks.items():  # one arrow, in the commonest kind's look
            kind, by = Counter((a.kind, a.by) for a in between).most_common(1)[0][0]
            found[(tail, head, style.attack_look(kind, by))] = [
                self.labels.attack_tooltip(attack) for attack in between]
        for question in questions.values():
            if question.id in self.drawn:
                for hypothesis in question.hypotheses:
                    found.setdefault((boxes[hypothesis], question.id, style.ANSWERS), []).append(
                        f"{hypothesis} {style.ANSWERS.verb} {question.id}")
        own = {(link.tail, link.head) for link, *_ in self.links}  # each cluster to its anchor
        for (tail, head, look), what in found.items():
            if tail != head and (tail, head) not in own:
                more = f"\n... and {len(what) - LINKS_LISTED} more" \
                    if len(what) > LINKS_LISTED else ""
                self._edge(tail, head, look, "\n".join(what[:LINKS_LISTED]) + more)

    def _too_big(self) -> bool:
        """Whether the boxes drawn, with the space dot leaves around them, cover more than
        :data:`MAX_LABEL_AREA` (a few boxes of long texts fill a screen as well as many)."""
        sizes = (label_size(own["label"]) for _, own in self.drawn.values())
        return sum((w + NODESEP) * (h + RANKSEP) for w, h in sizes) > MAX_LABEL_AREA

    def _start_again(self) -> None:
        self.drawn.clear()
        self.links.clear()
        self.edge_ids.clear()
        self.looks.clear()
        self.nodes = 0

    def _wide(self) -> bool:
        """Whether the drawing, as dot will roughly lay it out, is wider than a screen."""
        sizes = {name: label_size(own["label"]) for name, (_, own) in self.drawn.items()}
        width, height = Estimator([link for link, *_ in self.links], sizes)(list(self.drawn))
        return width > SCREEN_SHAPE * height

    def _judgment(self, proposition: Proposition) -> None:
        summary = self.graph.bases.of(proposition.id)  # every judgment's, from one pass
        attributes, flag = self.basis_look(proposition, summary)
        rows = [header_row(style.PROPOSITIONS[proposition.kind].header, proposition.id,
                           style.INK)]
        if flag:  # on a line of its own: the header stays as narrow as the text
            rows.append(f'<FONT POINT-SIZE="8" COLOR="{style.INK}"><B>{flag}</B></FONT>')
        rows += [*text_rows(proposition.text, text_width(proposition.text), OVERVIEW_LINES),
                *(small_row(line, colour=style.INK) for line in self._estimate(proposition)),
                *(small_row(line, colour=style.INK) for line in _summary_lines(summary))]
        asked = self._open_questions(proposition.id)
        if asked:
            self.looks.add("open-questions")
            rows.append(open_questions_row(len(asked), on_fill=True))
        mark = self.standing.get(proposition.id)
        if mark is not None:  # grounded evaluation: does it stand?
            rows.append(standing_row(mark, on_fill=True))
        tip = self._tooltip(proposition, summary)
        if asked:
            tip += "".join([f"\n{_count(len(asked), 'critical question')} still open:",
                            *(f"\n  {step}: {question}" for step, question in asked)])
        self._node(proposition.id, html_label(rows), attributes, tip)

    def _estimate(self, proposition: Proposition) -> list[str]:
        """Likelihood and confidence on one line: ``likely (55-80%), moderate confidence``."""
        words = [line.removeprefix("likelihood: ")
                 for line in self.labels.qualifiers(proposition)
                 if line.startswith("likelihood: ")]
        if proposition.confidence is not None:
            words.append(f"{proposition.confidence} confidence")
        return [", ".join(words)] if words else []

    def _tooltip(self, proposition: Proposition, summary: BasisRecord) -> str:
        reports = summary.reports
        lines = [proposition.text, "",
                 f"{proposition.kind.replace('_', ' ')} {proposition.id}: "
                 f"{style.BASIS_LOOKS[summary.basis.label].words}",
                 f"its evidence: {summary.quotes} quotes from {len(reports.sources)} sources and "
                 f"{len(reports.speakers)} speakers, {reports.independent} independent reports",
                 *self.weak_link_lines(proposition.id, summary),
                 *self._standing_reason(proposition.id),
                 f"draw it whole: argmap render MAP --view basis --focus {proposition.id}"]
        return "\n".join(lines)

    def _standing_reason(self, judgment: str) -> list[str]:
        mark = self.standing.get(judgment)
        return [] if mark is None else [f"{mark.word.upper()} (grounded evaluation): {mark.reason}"]

    def _support_arrows(self) -> None:
        for judgment in self.folded.judgments:
            for premise, steps in self.folded.supports[judgment].items():
                through = ", ".join(dict.fromkeys(steps))
                self._edge(premise, judgment, style.SUPPORTS,
                           f"{premise} {style.SUPPORTS.verb} {judgment} (through {through})")

    def _attacks_drawn(self) -> None:
        """Every attack on a judgment, or on a step folded into one, is an arrow from its
        attacker; an attacker that is not a judgment is drawn too, with its own basis, and the
        attacks on it in turn."""
        pending = deque((attack, judgment) for judgment in self.folded.judgments
                        for attack in self.folded.attacks.get(judgment, ()))
        while pending:
            attack, target = pending.popleft()
            attacker = self.graph.propositions.get(attack.attacker)
            if attacker is None:
                continue
            if attacker.id not in self.drawn:
                self._judgment(attacker)
                pending.extend((other, attacker.id)
                               for other in self.graph.attacked_by.get(attacker.id, ()))
            self._edge(attacker.id, target, style.attack_look(attack.kind, attack.by),
                       self.labels.attack_tooltip(attack), name=attack.id)

    def _open_questions(self, judgment: str) -> list[tuple[str, str]]:
        """The critical questions still open on the steps folded into ``judgment`` (those
        that conclude it among them), each with its step, in map order."""
        steps = [self.graph.inferences[element] for element in self.folded.folded.get(judgment, ())
                 if element in self.graph.inferences]
        return [(step.id, question.question) for step in
                sorted(steps, key=lambda step: self.graph.position[step.id])
                for question in step.critical_questions if question.status == "open"]


def text_width(text: str) -> int:
    """The wrapping width for ``text``: a box about twice as wide as tall (see
    :data:`SHAPE_FACTOR`), never narrower than a short judgment's nor too wide to read."""
    wanted = int((SHAPE_FACTOR * len(text)) ** 0.5 + 0.5)
    return min(OVERVIEW_MAX_WIDTH, max(OVERVIEW_WIDTH, wanted))


GROUP_BASIS_WORDS = {Basis.EVIDENCE: "on evidence", Basis.HINGES: "hinging on weak links",
                     Basis.ASSERTION: "on assertion alone"}


def _summary_lines(summary: BasisRecord) -> list[str]:
    lines = [*_evidence_lines(summary), *_weak_link_rows(summary)]
    if summary.attacks:
        lines.append("attacked: " + ", ".join(
            f"{kind} x{count}" if count > 1 else kind
            for kind, count in sorted(summary.attacks.items())))
    return lines


def _evidence_lines(summary: BasisRecord) -> list[str]:
    """``12 quotes, 2 independent reports`` / ``3 sources, 4 speakers; grades B to E``."""
    if not summary.quotes:
        return ["no quote under it"]
    reports = summary.reports
    independent = reports.independent
    grades = ""
    if summary.best_grade is not None:
        best, worst = summary.best_grade, summary.worst_grade
        grades = f"; grade{'s' if worst != best else ''} {best}" + (
            f"-{worst}" if worst != best else "")
    return [f"{_count(summary.quotes, 'quote')}, {_count(independent, 'independent report')}",
            f"{_count(len(reports.sources), 'source')}, "
            f"{_count(len(reports.speakers), 'speaker')}{grades}"]


def _weak_link_rows(summary: BasisRecord) -> list[str]:
    """``hinges on: a-iran-commands, a-only-two (+1)``: the weak links by id."""
    links = summary.weak_links
    if not links:
        return []
    shown = ", ".join(links[:WEAK_LINKS_SHOWN])
    more = len(links) - WEAK_LINKS_SHOWN
    return [f"hinges on: {shown}" + (f" (+{more})" if more > 0 else "")]


def _count(number: int, noun: str, plural: str | None = None) -> str:
    return f"{number} " + (noun if number == 1 else plural or noun + "s")

