"""Wide drawings broken into blocks that pack into rows, so any map keeps a screen's shape.

dot puts each rank of a graph on one line. An argument whose conclusions rest on many premises,
each on its quotes, is shallow and wide: a 1,000-node map came out 53,000 x 3,200 points (16:1).
No layout attribute wraps a rank, so the drawing is cut before layout instead:

1. :func:`estimate` guesses the size dot will give each connected part (ranks by the longest
   chain above each node, as dot's ranking puts a quote just below what it anchors; each rank as
   wide as its nodes' labels; see :func:`label_size`);
2. a part much wider than a screen's shape is cut into **blocks**: one per top-level conclusion
   (a node nothing above it rests on) with everything under it not already in an earlier block;
   a part with a single top is cut under it instead (the top and its inferences, then one block
   per premise), and so on down while a block is still too wide;
3. neighbouring blocks are joined again while the join stays narrow enough, so a map is cut as
   little as it needs to be.

Each block is its own connected part, which dot lays out apart and packs with the others (the
graph's ``pack``). An edge from one block to another is drawn inside the block of its head, from
a small **reference** node standing for its tail ("drawn elsewhere", linked to the real node):
every element is still drawn once, every relation still drawn.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

POINTS_PER_INCH = 72.0
NODESEP = 0.25 * POINTS_PER_INCH
RANKSEP = 0.45 * POINTS_PER_INCH
# A part wider than this many times its height (as estimated) is cut into blocks. dot lays a
# tree out wider than the estimate: the seed's widest basis, estimated 2.36:1, came out 2.65:1.
MAX_ASPECT = 2.0
# A part of more nodes than this with several top-level conclusions is cut into one block per
# conclusion and its support, however it is shaped: the seed map's crossings go from 80 to 5.
GROUP_NODES = 60
# A part of fewer nodes is never cut: it fits a screen whatever its shape, and a cut would draw
# a premise shared by two blocks twice (once, and once as a reference) in a view of twenty boxes.
MIN_CUT_NODES = 40
# Blocks are joined while the join is at most this wide, relative to a 16:10 picture of the map.
SCREEN_SHAPE = 1.6
_FONT = re.compile(r'<FONT POINT-SIZE="(\d+(?:\.\d+)?)"')
_TAG = re.compile(r"<[^>]*>")
_ENTITY = re.compile(r"&[#\w]+;")
DEFAULT_POINTS = 11.0
CHARACTER_WIDTH = 0.52  # of the font size: Helvetica's average over mixed text
LINE_HEIGHT = 1.2
MARGIN = (2 * 0.12 * POINTS_PER_INCH, 2 * 0.06 * POINTS_PER_INCH)


@dataclass(frozen=True)
class Link:
    tail: str
    head: str


def label_size(label: str) -> tuple[float, float]:
    """Width and height in points of a node with this HTML-like label, as a font would set it."""
    if not label.startswith("<"):
        return 10.0 + MARGIN[0], 10.0 + MARGIN[1]
    width = height = 0.0
    for row in label[1:-1].split("<BR/>"):
        sizes = [float(size) for size in _FONT.findall(row)]
        points = min(sizes) if sizes else DEFAULT_POINTS
        text = _ENTITY.sub("x", _TAG.sub("", row))
        width = max(width, len(text) * points * CHARACTER_WIDTH)
        height += points * LINE_HEIGHT
    return width + MARGIN[0], height + MARGIN[1]


def ranks(names: Sequence[str], above: Mapping[str, list[str]]) -> dict[str, int]:
    """Each node's rank counted down from the top: 0 for a node nothing is drawn above, else one
    more than the lowest-ranked node above it (dot keeps edges short, so a leaf such as a quote
    sits just below what it anchors). Only nodes among ``names`` count; cycles are cut where the
    walk meets them. ``above`` maps each node to the heads of its edges."""
    inside = set(names)
    rank: dict[str, int] = {}
    on_path: set[str] = set()
    for root in names:
        if root in rank:
            continue
        stack = [(root, iter(above.get(root, ())))]
        on_path.add(root)
        while stack:
            node, heads = stack[-1]
            step = next((h for h in heads
                         if h in inside and h not in rank and h not in on_path), None)
            if step is not None:
                on_path.add(step)
                stack.append((step, iter(above.get(step, ()))))
                continue
            stack.pop()
            on_path.discard(node)
            rank[node] = max((rank[h] + 1 for h in above.get(node, ()) if h in rank), default=0)
    return rank


class Estimator:
    """The size dot will roughly give a set of nodes laid out as one part: each rank (see
    :func:`ranks`) as wide as its nodes side by side, as tall as its tallest."""

    def __init__(self, links: Sequence[Link], sizes: Mapping[str, tuple[float, float]]) -> None:
        self.sizes = sizes
        self.above: dict[str, list[str]] = defaultdict(list)
        for link in links:
            self.above[link.tail].append(link.head)

    def __call__(self, names: Sequence[str]) -> tuple[float, float]:
        rank = ranks(names, self.above)
        widths: dict[int, float] = defaultdict(float)
        heights: dict[int, float] = defaultdict(float)
        for name in names:
            level = rank.get(name, 0)
            width, height = self.sizes[name]
            widths[level] += width + NODESEP
            heights[level] = max(heights[level], height)
        if not widths:
            return 0.0, 0.0
        return max(widths.values()), sum(heights.values()) + RANKSEP * (len(heights) - 1)


def parts(names: Sequence[str], links: Sequence[Link]) -> list[list[str]]:
    """The connected parts, each in the order of ``names``."""
    neighbours: dict[str, list[str]] = defaultdict(list)
    for link in links:
        neighbours[link.tail].append(link.head)
        neighbours[link.head].append(link.tail)
    part_of: dict[str, int] = {}
    for name in names:
        if name in part_of:
            continue
        part_of[name], pending = len(part_of), [name]
        while pending:
            for other in neighbours.get(pending.pop(), ()):
                if other not in part_of:
                    part_of[other] = part_of[name]
                    pending.append(other)
    grouped: dict[int, list[str]] = defaultdict(list)
    for name in names:
        grouped[part_of[name]].append(name)
    return list(grouped.values())


def arrange(names: Sequence[str], links: Sequence[Link], support: Sequence[Link],
            sizes: Mapping[str, tuple[float, float]],
            follows: Mapping[str, str] | None = None,
            group: bool = True) -> list[list[str]] | None:
    """Blocks for the nodes ``names`` (in drawing order), or None when no part needs cutting.
    ``links`` are every edge; ``support`` the edges that say what rests on what (a block is a
    top and what rests under it through these); a node in ``follows`` goes into the block of
    the node it follows (a question with its first hypothesis). With ``group``, a big part with
    several top-level conclusions is cut into one block per conclusion whatever its shape."""
    estimate = Estimator(links, sizes)
    found = parts(names, links)
    shapes = [estimate(part) for part in found]
    # A picture of the whole map at a screen's shape, with the area the parts need, is this wide.
    limit = max((sum(w * h for w, h in shapes) * SCREEN_SHAPE) ** 0.5, 1.0)
    cut = False
    blocks: list[list[str]] = []
    for part, (width, height) in zip(found, shapes, strict=True):
        pieces: list[list[str]] = []
        if len(part) < MIN_CUT_NODES:
            pass
        elif width > MAX_ASPECT * max(height, 1.0) and width > limit:
            pieces = _cut(part, support, estimate, limit)
        elif group and len(part) > GROUP_NODES:  # a block per conclusion; a single one stays
            pieces = _join(_under_each_top(part, support, split_single=False), estimate, limit)
        if len(pieces) > 1:
            cut = True
            blocks.extend(pieces)
        else:
            blocks.append(part)
    return _follow(blocks, follows or {}) if cut else None


def _follow(blocks: list[list[str]], follows: Mapping[str, str]) -> list[list[str]]:
    block_of = {name: number for number, block in enumerate(blocks) for name in block}
    moved = [[name for name in block
              if name not in follows or follows[name] not in block_of] for block in blocks]
    for name, leader in follows.items():
        if name in block_of and leader in block_of:
            moved[block_of[leader]].append(name)
    return [block for block in moved if block]


def _cut(part: list[str], support: Sequence[Link], estimate: Estimator,
         limit: float) -> list[list[str]]:
    refined: list[list[str]] = []
    for piece in _under_each_top(part, support):
        smaller = _under_each_top(piece, support) if estimate(piece)[0] > limit else [piece]
        refined.extend(smaller)
    return _join(refined, estimate, limit)


def _under_each_top(part: list[str], support: Sequence[Link],
                    split_single: bool = True) -> list[list[str]]:
    """One block per top of ``part``, each with what rests under it and not in an earlier one.
    With a single top (and ``split_single``), the top and the nodes right under it form the
    first block and each node under those starts one."""
    inside = set(part)
    below: dict[str, list[str]] = defaultdict(list)
    has_above: set[str] = set()
    for link in support:
        if link.tail in inside and link.head in inside:
            below[link.head].append(link.tail)
            has_above.add(link.tail)
    tops = [name for name in part if name not in has_above] or part[:1]
    claim_order = list(range(len(tops)))
    if split_single and len(tops) == 1 and len(split := _split_under(tops[0], below)) > 1:
        # What the top rests on is claimed first, so the top's block keeps only it and its steps.
        tops, claim_order = split, [*range(1, len(split)), 0]
    owner: dict[str, int] = {}
    for number in claim_order:
        pending = [tops[number]]
        while pending:
            node = pending.pop()
            if node in owner:
                continue
            owner[node] = number
            pending.extend(below.get(node, ()))
    blocks: dict[int, list[str]] = defaultdict(list)
    for name in part:
        blocks[owner.get(name, len(tops))].append(name)
    return [blocks[number] for number in sorted(blocks)]


def _split_under(top: str, below: Mapping[str, list[str]]) -> list[str]:
    """A single top, and the steps right under it, keep a block; what they rest on starts new
    ones. Returns the tops of the blocks in order (the first one owns the top's steps)."""
    steps = list(dict.fromkeys(below.get(top, ())))
    starts = list(dict.fromkeys(node for step in steps for node in below.get(step, ())
                                if node != top))
    return [top, *starts]


def _join(blocks: list[list[str]], estimate: Estimator, limit: float) -> list[list[str]]:
    """Join neighbouring blocks while the result stays within ``limit`` wide (two blocks side by
    side are about as wide as both: each is estimated once)."""
    joined: list[list[str]] = []
    width = 0.0
    for block in blocks:
        own = estimate(block)[0]
        if joined and width + own <= limit:
            joined[-1] = joined[-1] + block
            width += own
        else:
            joined.append(list(block))
            width = own
    return joined


def crossing(blocks: Iterable[list[str]], links: Iterable[Link]) -> dict[Link, int]:
    """The links whose ends lie in different blocks, each with the block of its head."""
    block_of = {name: number for number, block in enumerate(blocks) for name in block}
    return {link: block_of[link.head] for link in links
            if link.tail in block_of and link.head in block_of
            and block_of[link.tail] != block_of[link.head]}
