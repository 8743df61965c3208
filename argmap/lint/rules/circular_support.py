"""Circular support: propositions that, through inferences, support themselves.

Following inferences from premises to conclusions must never lead back to where it started. The
message shows the circle; it points at the inference that closes it: the circle's last
inference in map order.

**Why:** a circle adds no evidence. "A because B, B because A" makes both look supported while
neither is.

**Anti-pattern**

```yaml
inferences:
  - {id: i1, premises: [iran-controls-militias], conclusion: militias-obey-iran}
  - {id: i2, premises: [militias-obey-iran], conclusion: iran-controls-militias}
```

**Best practice**: support one of them from evidence outside the circle and drop the inference
that closes it.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.lint.context import RuleContext
from argmap.lint.rule import Finding

ID = "AM141"
NAME = "circular-support"
LEVEL = "error"
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    order = {inference.id: number for number, inference in enumerate(ctx.model.inferences)}
    for component in ctx.graph.support_cycles:
        members = set(component)
        on_circle = [(inference, premise) for member in component
                     for inference in ctx.graph.supported_by.get(member, ())
                     for premise in inference.premises if premise in members]
        closing, premise = max(on_circle, key=lambda pair: order[pair[0].id])
        path = [*_path(ctx, closing.conclusion, premise, members), closing.conclusion]
        yield ctx.at(closing.id, "conclusion",
                     message="support is circular: " + " -> ".join(f"`{p}`" for p in path))


def _path(ctx: RuleContext, start: str, goal: str, members: set[str]) -> list[str]:
    """A shortest support path from ``start`` to ``goal`` inside the strongly connected
    ``members`` (one exists: that is what strongly connected means)."""
    came_from: dict[str, str] = {start: start}
    frontier = [start]
    while goal not in came_from and frontier:
        following = []
        for node in frontier:
            for inference in ctx.graph.premise_of.get(node, ()):
                successor = inference.conclusion
                if successor in members and successor not in came_from:
                    came_from[successor] = node
                    following.append(successor)
        frontier = following
    path = [goal]
    while path[-1] != start:
        path.append(came_from[path[-1]])
    return path[::-1]
