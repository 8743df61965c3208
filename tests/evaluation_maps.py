"""Small maps for evaluation tests, written as compactly as the cases need."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from argmap.model import ArgumentMap

Step = tuple[str, Sequence[str], str]  # (inference id, premises, conclusion)
Hit = tuple[str, str, str, str]  # (attack id, attacker, target, kind)


def build_map(premises: Iterable[str] = (), steps: Iterable[Step] = (),
              hits: Iterable[Hit] = (), kinds: dict[str, str] | None = None) -> ArgumentMap:
    """A valid map: every id named anywhere becomes a proposition (a judgment unless ``kinds``
    says otherwise), ``steps`` become inferences and ``hits`` attacks."""
    steps, hits = list(steps), list(hits)
    names = list(dict.fromkeys([
        *premises, *(p for _, ps, _ in steps for p in ps), *(c for _, _, c in steps),
        *(a for _, a, _, kind in hits), *(t for _, _, t, kind in hits if kind != "undercut")]))
    kinds = kinds or {}
    return ArgumentMap.model_validate({
        "map": {"id": "t", "title": "T", "format": 1},
        "propositions": [_proposition(name, kinds.get(name, "author_judgment"))
                         for name in names],
        "inferences": [{"id": i, "premises": list(ps), "conclusion": c} for i, ps, c in steps],
        "attacks": [{"id": x, "attacker": a, "target": t, "kind": k} for x, a, t, k in hits],
    })


def _proposition(name: str, kind: str) -> dict[str, object]:
    extra = {"if_wrong": "It fails."} if kind == "assumption" else {}
    return {"id": name, "kind": kind, "text": f"{name.upper()} holds.", **extra}
