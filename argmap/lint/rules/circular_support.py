"""Circular support: propositions that, through inferences, support themselves.

Following inferences from premises to conclusions must never lead back to where it started. The
message shows the circle; it points at the inference that closes it (the one concluding the
circle's first proposition in map order).

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
    order = {proposition.id: number for number, proposition in enumerate(ctx.model.propositions)}
    for component in ctx.graph.support_cycles:
        members = set(component)
        start = min(component, key=lambda member: order.get(member, len(order)))
        path = _circle(ctx, start, members)
        closing = next(inference for inference in ctx.graph.supported_by[start]
                       if path[-2] in inference.premises)
        yield ctx.at(closing.id, "conclusion",
                     message="support is circular: " + " -> ".join(f"`{p}`" for p in path))


def _circle(ctx: RuleContext, start: str, members: set[str]) -> list[str]:
    """A shortest path from ``start`` back to itself inside the strongly connected ``members``."""
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for inference in ctx.graph.premise_of.get(node, ()):
                successor = inference.conclusion
                if successor == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(came_from[path[-1]])
                    return [*reversed(path), start]
                if successor in members and successor not in came_from:
                    came_from[successor] = node
                    following.append(successor)
        frontier = following
    return [start, start]
