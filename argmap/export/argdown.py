"""Export to Argdown (https://argdown.org), the plain-text argument mapping language.

* proposition → statement ``[id]: text``, tagged with its kind (``#reported-fact``, ...) and with
  ``#evidence`` (what the source reports) or ``#assertion`` (what someone asserts or assumes), so
  Argdown's map colours the two apart; the quotes that anchor it follow as comments;
* inference → argument ``<id>: warrant`` with its premise-conclusion structure (premises, a line,
  the conclusion), tagged with its scheme (``#(cause to effect)``) and ``#analyst`` when the
  map-maker reconstructed it;
* rebut and undermine → ``[target]`` attacked by ``- [attacker]``; undercut → ``<inference>``
  undercut by ``<_ [attacker]``.

``argmap import`` reads Argdown's JSON export of this document back (docs/import.md).
"""

from __future__ import annotations

import re

from argmap.model.elements import ArgumentMap, Inference, Proposition

EVIDENCE_KINDS = frozenset({"reported_fact"})
_SPECIAL = re.compile(r"([\\#\[\]<>*_/@{}])")


def escape(text: str) -> str:
    """Text that Argdown reads back as exactly these words, on one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def to_argdown(model: ArgumentMap) -> str:
    lines = ["===", f"title: {_front_matter(model.map.title)}", "===", "",
             f"// Exported by argmap from map `{model.map.id}`. #evidence marks what the source "
             "reports, #assertion what someone asserts or assumes.", ""]
    lines += ["# Propositions", ""]
    for proposition in model.propositions:
        lines += _statement(model, proposition)
    if model.inferences:
        lines += ["# Inferences", ""]
    for inference in model.inferences:
        lines += _argument(inference)
    if model.attacks:
        lines += ["# Attacks", ""]
    for attack in model.attacks:
        if attack.kind == "undercut":
            lines += [f"<{attack.target}>", f"  <_ [{attack.attacker}]", ""]
        else:
            lines += [f"[{attack.target}]", f"  - [{attack.attacker}]", ""]
    return "\n".join(lines)


def _front_matter(title: str) -> str:
    return '"' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _statement(model: ArgumentMap, proposition: Proposition) -> list[str]:
    layer = "evidence" if proposition.kind in EVIDENCE_KINDS else "assertion"
    kind = proposition.kind.replace("_", "-")
    lines = [f"[{proposition.id}]: {escape(proposition.text)} #{kind} #{layer}"]
    quotes = {quote.id: quote for quote in model.quotes}
    for quote_id in proposition.quotes:
        quote = quotes[quote_id]
        lines.append(f"// quote {quote.id} ({quote.speaker}): {' '.join(quote.text.split())}")
    return [*lines, ""]


def _argument(inference: Inference) -> list[str]:
    tags = []
    if inference.scheme:
        tags.append(f"#({inference.scheme.replace('_', ' ')})")
    if inference.by == "analyst":
        tags.append("#analyst")
    description = escape(inference.warrant) if inference.warrant else ""
    head = f"<{inference.id}>: {' '.join([description, *tags]).strip()}" \
        if description or tags else f"<{inference.id}>"
    numbered = [f"({number}) [{premise}]"
                for number, premise in enumerate(inference.premises, start=1)]
    conclusion = f"({len(numbered) + 1}) [{inference.conclusion}]"
    return [head, "", *numbered, "----", conclusion, ""]
