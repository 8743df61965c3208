"""Legibility measures of a laid-out diagram, from the layout engine's own positions (``-Tjson0``).

* **size**: the drawing's bounding box in points, and its aspect ratio (long side over short);
* **fit**: the scale at which it fits a 1920 x 1080 screen (SVG points are 4/3 CSS pixels);
* **crossings**: pairs of edges whose drawn splines cross, edges sharing an end excluded (they
  meet at a node, which is no crossing a reader has to untangle). Each Bezier piece is flattened
  into a few straight segments, the way a renderer draws it;
* **long edges**: edges that pass more than one rank of nodes of their own connected part
  between their ends (each is a line the eye has to follow across other boxes; parts packed side
  by side have ranks of their own);
* **ink**: the total drawn length of edges, in points.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

SCREEN = (1920.0, 1080.0)
PIXELS_PER_POINT = 96 / 72
SAMPLES_PER_CURVE = 6
Point = tuple[float, float]
Segment = tuple[Point, Point]


@dataclass(frozen=True)
class Measures:
    width: float
    height: float
    nodes: int
    edges: int
    crossings: int
    long_edges: int
    ink: float

    @property
    def aspect(self) -> float:
        short = min(self.width, self.height) or 1.0
        return max(self.width, self.height) / short

    @property
    def fit(self) -> float:
        """The largest scale (at most 1) at which the whole drawing fits the screen."""
        width, height = self.width * PIXELS_PER_POINT, self.height * PIXELS_PER_POINT
        return min(1.0, SCREEN[0] / max(width, 1.0), SCREEN[1] / max(height, 1.0))


@dataclass(frozen=True)
class _Edge:
    tail: int
    head: int
    polyline: list[Point]
    box: tuple[float, float, float, float]


def measure(layout_json: str | bytes, skip_prefix: str = "_legend") -> Measures:
    """Measures of one ``-Tjson0`` layout; nodes named ``skip_prefix...`` (the legend) and their
    edges, and invisible edges, are left out of crossings and long edges, but not out of the
    size."""
    document = json.loads(layout_json)
    x0, y0, x1, y1 = (float(part) for part in document["bb"].split(","))
    nodes = {obj["_gvid"]: obj for obj in document.get("objects", []) if "pos" in obj}
    kept = {gvid for gvid, obj in nodes.items() if not obj["name"].startswith(skip_prefix)}
    edges = [_edge(edge) for edge in document.get("edges", [])
             if edge.get("pos") and edge["tail"] in kept and edge["head"] in kept
             and "invis" not in edge.get("style", "")]
    heights = {gvid: round(_point(nodes[gvid]["pos"])[1], 1) for gvid in kept}
    part = _parts(kept, edges)
    levels: dict[int, list[float]] = {}
    for gvid in kept:
        levels.setdefault(part[gvid], []).append(heights[gvid])
    ranks = {number: sorted(set(values)) for number, values in levels.items()}
    return Measures(
        width=x1 - x0, height=y1 - y0, nodes=len(kept), edges=len(edges),
        crossings=count_crossings(edges), ink=sum(_length(e.polyline) for e in edges),
        long_edges=sum(1 for e in edges
                       if _ranks_between(heights[e.tail], heights[e.head], ranks[part[e.tail]])
                       > 1))


def _parts(nodes: set[int], edges: list[_Edge]) -> dict[int, int]:
    """Each node's connected part (union-find over the edges)."""
    parent = {node: node for node in nodes}

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for edge in edges:
        parent[root(edge.tail)] = root(edge.head)
    return {node: root(node) for node in nodes}


def _ranks_between(one: float, other: float, levels: Sequence[float]) -> int:
    low, high = min(one, other), max(one, other)
    return sum(1 for level in levels if low < level < high)


def _point(text: str) -> Point:
    x, y = text.split(",")[:2]
    return float(x), float(y)


def _edge(edge: dict[str, object]) -> _Edge:
    points = [_point(part) for part in str(edge["pos"]).split()
              if not part.startswith(("e,", "s,"))]
    polyline = list(_flatten(points))
    xs, ys = [p[0] for p in polyline], [p[1] for p in polyline]
    return _Edge(int(str(edge["tail"])), int(str(edge["head"])), polyline,
                 (min(xs), min(ys), max(xs), max(ys)))


def _flatten(points: list[Point]) -> Iterator[Point]:
    """A B-spline as Graphviz writes it (1 + 3n control points) as a polyline."""
    yield points[0]
    for start in range(0, len(points) - 3, 3):
        p0, p1, p2, p3 = points[start:start + 4]
        for step in range(1, SAMPLES_PER_CURVE + 1):
            t = step / SAMPLES_PER_CURVE
            u = 1 - t
            yield (u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
                   u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1])


def _length(polyline: list[Point]) -> float:
    return sum(math.dist(a, b) for a, b in itertools.pairwise(polyline))


def count_crossings(edges: list[_Edge]) -> int:
    """Pairs of edges (no shared end) whose polylines cross at least once."""
    ordered = sorted(edges, key=lambda e: e.box[0])
    crossings = 0
    for index, one in enumerate(ordered):
        for other in ordered[index + 1:]:
            if other.box[0] > one.box[2]:
                break  # sorted by left edge: nothing further right can overlap
            if {one.tail, one.head} & {other.tail, other.head}:
                continue
            if not _boxes_overlap(one.box, other.box):
                continue
            if _polylines_cross(one.polyline, other.polyline):
                crossings += 1
    return crossings


def _boxes_overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _polylines_cross(one: list[Point], other: list[Point]) -> bool:
    return any(_segments_cross(a, b, c, d)
               for a, b in itertools.pairwise(one)
               for c, d in itertools.pairwise(other))


def _segments_cross(a: Point, b: Point, c: Point, d: Point) -> bool:
    if max(a[0], b[0]) < min(c[0], d[0]) or max(c[0], d[0]) < min(a[0], b[0]):
        return False
    if max(a[1], b[1]) < min(c[1], d[1]) or max(c[1], d[1]) < min(a[1], b[1]):
        return False
    d1, d2 = _turn(c, d, a), _turn(c, d, b)
    d3, d4 = _turn(a, b, c), _turn(a, b, d)
    return d1 * d2 < 0 and d3 * d4 < 0


def _turn(a: Point, b: Point, c: Point) -> float:
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
