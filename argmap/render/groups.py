"""The overview of a big map: its judgments grouped, what lies deep in a group folded into counted
clusters.

Past :data:`OVERVIEW_BUDGET` boxes (or past an area of boxes: see
:data:`argmap.render.overview.MAX_LABEL_AREA`) an overview no longer fits a screen legibly (the
seed map's 34 fit 1920 x 1080 at about 0.6x; a 2,000-node map's 526 at 0.10x). Then the
judgments are grouped:

* **by top conclusion**: each judgment that supports no other heads a group holding every
  judgment under it not already in an earlier group (map order);
* **by question**: hypotheses that support nothing go with the question they answer, and what
  lies under them with them;
* a judgment left over (a support cycle with no top) heads a group of its own;
* past :data:`MAX_GROUPS` groups the smallest are folded together into one more cluster.

Each group is drawn as its head and one **cluster** box under it counting what it holds. Then the
biggest cluster is opened (the judgments right under its anchor drawn, each with a cluster of
what lies under it), and the next biggest, while the drawing stays within
:data:`GROUPED_BUDGET` boxes and :data:`MAX_ROW` boxes to a rank (a screen's shape).
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field

from argmap.analyse.support import Folded
from argmap.model.elements import ArgumentMap

OVERVIEW_BUDGET = 40
GROUPED_BUDGET = 30
MAX_GROUPS = 9
MAX_ROW = 6
REST = "_rest"


def cluster_name(anchor: str | None) -> str:
    """The node name of the cluster folded under ``anchor`` (None: the small groups')."""
    return f"_group.{anchor or REST}"


@dataclass
class Group:
    """``head``: the top conclusion or question (None for the small groups folded together);
    ``depth`` and ``parent``: each member judgment's steps below the head and the judgment it
    was reached from; ``heads``: for the folded small groups, their heads."""

    head: str | None
    question: bool = False
    depth: dict[str, int] = field(default_factory=dict)
    parent: dict[str, str] = field(default_factory=dict)
    heads: list[str] = field(default_factory=list)

    @property
    def members(self) -> list[str]:
        return list(self.depth)


@dataclass
class Layout:
    """The groups, and the judgments whose own judgments are drawn (``expanded``; the heads
    always are drawn, and a member is drawn when the judgment it was reached from is expanded)."""

    groups: list[Group]
    expanded: frozenset[str] = frozenset()

    def drawn(self) -> list[str]:
        """The judgments drawn as themselves below the heads."""
        return [member for group_ in self.groups if group_.head is not None
                for member, parent in group_.parent.items() if parent in self.expanded]

    def clusters(self) -> dict[str | None, list[str]]:
        """Each cluster's anchor (the deepest judgment drawn above what it holds; None: the
        folded small groups) with its members."""
        found: dict[str | None, list[str]] = defaultdict(list)
        for group_ in self.groups:
            for member in group_.members:
                box = self._box_of(group_, member)
                if box != member:
                    found[box].append(member)
        return found

    def _box_of(self, group_: Group, member: str) -> str | None:
        """``member`` when it is drawn, else the deepest judgment drawn above it (up the chain
        it was reached by: a member is drawn when its parent is expanded)."""
        if group_.head is None:
            return None
        while member in group_.parent and group_.parent[member] not in self.expanded:
            member = group_.parent[member]
        return member

    def rows(self) -> Counter[int]:
        """How many boxes each rank holds (a cluster sits a rank below its anchor)."""
        rows: Counter[int] = Counter()
        rows[0] = sum(1 for group_ in self.groups if group_.head is not None)
        depth = {m: d for g in self.groups for m, d in g.depth.items() if g.head is not None}
        for member in self.drawn():
            rows[depth[member]] += 1
        for anchor in self.clusters():
            rows[depth.get(anchor or "", 0) + 1] += 1
        return rows

    def stand_ins(self) -> dict[str, str]:
        """The box that stands for each judgment: its own, or the cluster that holds it."""
        boxes: dict[str, str] = {}
        for anchor, members in self.clusters().items():
            boxes.update((member, cluster_name(anchor)) for member in members)
        for group_ in self.groups:
            if group_.head is not None and not group_.question:
                boxes[group_.head] = group_.head
        boxes.update((member, member) for member in self.drawn())
        return boxes


def needs_groups(folded: Folded, model: ArgumentMap) -> bool:
    return len(folded.judgments) + len(model.questions) > OVERVIEW_BUDGET


def layout(folded: Folded, model: ArgumentMap) -> Layout:
    """The groups, their biggest clusters opened one at a time (the judgments right under the
    anchor drawn, each with its own cluster) while the drawing stays within
    :data:`GROUPED_BUDGET` boxes and no rank grows past :data:`MAX_ROW` boxes (or past the
    heads' own rank, when there are more heads)."""
    chosen = Layout(_fold_small(_groups(folded, model)))
    widest = max(MAX_ROW, *chosen.rows().values())
    while True:
        clusters = sorted(((len(members), anchor) for anchor, members in chosen.clusters().items()
                           if anchor is not None), key=lambda pair: -pair[0])
        for _, anchor in clusters:
            wider = Layout(chosen.groups, chosen.expanded | {anchor})
            rows = wider.rows()
            if sum(rows.values()) <= GROUPED_BUDGET and max(rows.values()) <= widest:
                chosen = wider
                break
        else:
            return chosen


def _groups(folded: Folded, model: ArgumentMap) -> list[Group]:
    supporting = {premise for judgment in folded.judgments for premise in folded.supports[judgment]}
    questions = list(model.questions)  # one pass over the section, as the whole overview makes
    answers = {h for question in questions for h in question.hypotheses}
    owner: set[str] = set()
    groups: list[Group] = []
    tops = [j for j in folded.judgments if j not in supporting]
    for top in tops:
        if top not in answers:
            groups.append(_claim(Group(top), [top], folded, owner))
    for question in questions:
        hypotheses = [h for h in question.hypotheses if h in tops and h not in owner]
        if hypotheses:
            groups.append(_claim(Group(question.id, question=True), hypotheses, folded, owner))
    for judgment in folded.judgments:  # in no group yet: under a support cycle with no top
        if judgment not in owner:
            groups.append(_claim(Group(judgment), [judgment], folded, owner))
    return groups


def _claim(found: Group, starts: Iterable[str], folded: Folded, owner: set[str]) -> Group:
    """``found`` with every judgment under ``starts`` not yet in a group, breadth first (so
    each member's depth is its fewest steps below the head)."""
    start_depth = 1 if found.question else 0
    pending = deque((start, start_depth, found.head or start) for start in starts)
    while pending:
        judgment, depth, parent = pending.popleft()
        if judgment in owner:
            continue
        owner.add(judgment)
        if judgment != found.head:
            found.depth[judgment], found.parent[judgment] = depth, parent
        pending.extend((premise, depth + 1, judgment) for premise in folded.supports[judgment])
    return found


def _fold_small(groups: list[Group]) -> list[Group]:
    if len(groups) <= MAX_GROUPS:
        return groups
    ranked = sorted(groups, key=lambda g: -len(g.depth))  # stable: map order among equals
    kept, small = ranked[:MAX_GROUPS - 1], ranked[MAX_GROUPS - 1:]
    rest = Group(None, heads=[g.head for g in small if g.head is not None])
    for folded_group in small:
        rest.depth.update(dict.fromkeys(folded_group.members, 1))
        if folded_group.head is not None and not folded_group.question:
            rest.depth[folded_group.head] = 0
    order = {id(g): number for number, g in enumerate(groups)}
    return [*sorted(kept, key=lambda g: order[id(g)]), rest]
