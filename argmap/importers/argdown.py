"""Argdown's JSON export (``argdown json``) becomes map data.

Statements → propositions (the kind from a tag such as ``#reported-fact``, else an author
judgment, ``#evidence`` a reported fact); reconstructed arguments (premise-conclusion structures)
→ inferences, one per inference step; support and entailment → inferences; attack, contrary and
contradictory → attacks (rebut or undermine); undercut → an undercut of the argument's last step.
Argdown has no quotes, sources or speakers: a map made from it has only the assertion layer.
"""

from __future__ import annotations

import re
from typing import Any

from argmap.export.schemes import argmap_scheme
from argmap.importers.result import ImportResult, Slugs, settle_attack_kinds
from argmap.importers.shape import mapping, records, strings, text

_TAG = re.compile(r"\s*#(?:\([^)]*\)|[\w-]+)")
_KIND_TAGS = {"reported-fact": "reported_fact", "attributed-claim": "attributed_claim",
              "author-judgment": "author_judgment", "assumption": "assumption",
              "hypothesis": "hypothesis", "evidence": "reported_fact"}
_ATTACKS = {"attack", "contrary", "contradictory"}
UNTITLED = "(a statement without title or text)"
_SUPPORTS = {"support", "entails"}


def is_argdown(document: dict[str, Any]) -> bool:
    return isinstance(document.get("statements"), dict) \
        and isinstance(document.get("arguments"), dict)


class _ArgdownBuilder:
    def __init__(self, result: ImportResult) -> None:
        self.result = result
        self.slugs = Slugs()
        self.propositions: dict[str, dict[str, Any]] = {}  # statement title -> proposition
        self.steps: dict[str, list[dict[str, Any]]] = {}  # argument title -> inferences
        self.attacks: list[dict[str, Any]] = []

    def proposition(self, title: str, text: str, tags: list[str]) -> str:
        if title not in self.propositions:
            text = text.strip() or title.strip()
            if not text:
                text = UNTITLED
                self.result.skip(f"a statement with neither title nor text: carried as "
                                 f"{UNTITLED!r}")
            kinds = [_KIND_TAGS[tag] for tag in tags if tag in _KIND_TAGS]
            self.propositions[title] = {"id": self.slugs.claim(title), "text": text,
                                        "kind": kinds[0] if kinds else "author_judgment"}
        return str(self.propositions[title]["id"])

    def inference(self, name: str, premises: list[str], conclusion: str,
                  extra: dict[str, Any]) -> dict[str, Any]:
        premises = [premise for premise in dict.fromkeys(premises) if premise != conclusion]
        return {"id": self.slugs.claim(name), "premises": premises, "conclusion": conclusion,
                **extra}


def build_from_argdown(document: dict[str, Any], result: ImportResult) -> None:
    builder = _ArgdownBuilder(result)
    for title, statement in document["statements"].items():
        _statement(builder, str(title), mapping(statement))
    for title, argument in document["arguments"].items():
        _argument(builder, str(title), mapping(argument))
    for relation in records(document.get("relations")):
        _relation(builder, relation)
    inferences = [step for steps in builder.steps.values() for step in steps]
    settle_attack_kinds(builder.attacks, inferences)
    result.data.update({
        "propositions": list(builder.propositions.values()),
        "inferences": inferences,
        "attacks": builder.attacks,
    })


def _statement(builder: _ArgdownBuilder, title: str, statement: dict[str, Any]) -> None:
    texts = [_TAG.sub("", text(member.get("text"))).strip()
             for member in records(statement.get("members"))]
    texts = [words for words in texts if words]
    if not texts:
        builder.result.skip(f"statement [{title}] has no text: its title is the proposition",
                            group="statements without text")
    builder.proposition(title, texts[0] if texts else title, strings(statement.get("tags")))
    if len(set(texts)) > 1:
        builder.result.skip(f"statement [{title}]: {len(set(texts)) - 1} other wording(s) of "
                            "the equivalence class (the first is kept)")


def _argument(builder: _ArgdownBuilder, title: str, argument: dict[str, Any]) -> None:
    description = next((words for member in records(argument.get("members"))
                        if (words := text(member.get("text")).strip())), "")
    description = _TAG.sub("", description).strip()
    pcs = records(argument.get("pcs"))
    if not pcs:
        # What the argument says stands in the map as one proposition, so the relations
        # drawn to and from it (most of a debate's, in Argdown) are carried.
        builder.result.skip(f"argument <{title}> is not reconstructed: " + (
            "its description is a proposition" if description else
            "it has no description either; its title is a proposition"),
            group="arguments without premises")
        builder.proposition(f"<{title}>", description or title, strings(argument.get("tags")))
        return
    extra = _scheme(builder, title, argument, description)
    steps: list[dict[str, Any]] = []
    premises: list[str] = []
    for item in pcs:
        statement_title = text(item.get("title"))
        statement = builder.proposition(statement_title,
                                        text(item.get("text")) or statement_title, [])
        if "inference" in item:
            steps.append(builder.inference(title, premises, statement, extra))
            premises = [statement]
        else:
            premises.append(statement)
    builder.steps[title] = [step for step in steps if step["premises"]]


def _scheme(builder: _ArgdownBuilder, title: str, argument: dict[str, Any],
            description: str) -> dict[str, Any]:
    extra: dict[str, Any] = {"warrant": description} if description else {}
    for tag in strings(argument.get("tags")):
        if tag == "analyst":
            extra["by"] = "analyst"
        elif (scheme := argmap_scheme(tag)) is not None:
            extra["scheme"] = scheme
    return extra


def _relation(builder: _ArgdownBuilder, relation: dict[str, Any]) -> None:
    kind = text(relation.get("relationType"))
    source = _end(builder, relation, "from")
    target_title = text(relation.get("to"))
    if source is None:
        builder.result.skip(f"{kind} from <{relation.get('from')}>: the argument has no "
                            "conclusion", group=f"{kind} relations without an end")
        return
    if relation.get("toType") == "argument" or kind == "undercut":
        target = _argument_target(builder, kind, source, target_title)
        if target is None:
            return
        kind = "attack" if kind == "undercut" else kind
    else:
        target = builder.propositions.get(target_title)
    if target is None:
        builder.result.skip(f"{kind} to [{target_title}]: not a statement")
    elif kind in _SUPPORTS:
        builder.steps.setdefault(f"support {source} {target['id']}", []).append(
            builder.inference(f"s-{source}-{target['id']}", [source], target["id"], {}))
    elif kind in _ATTACKS:
        builder.attacks.append({"id": builder.slugs.claim(f"a-{source}-{target['id']}"),
                                "attacker": source, "target": target["id"], "kind": None})
        if kind != "attack":
            builder.result.skip(f"{kind} [{relation.get('from')}] / [{target_title}]: carried "
                                "as one attack", group=f"{kind} relations carried as attacks")
    else:
        builder.result.skip(f"{kind} relation to [{target_title}]", group=f"{kind} relations")


def _argument_target(builder: _ArgdownBuilder, kind: str, source: str,
                     title: str) -> dict[str, Any] | None:
    """A relation to an argument: an undercut of its last step when it is reconstructed (and
    None), else the proposition that stands for what it says."""
    steps = builder.steps.get(title)
    if steps:
        if kind in {"undercut", "attack"}:
            _undercut(builder, kind, source, title, steps[-1])
        else:
            builder.result.skip(f"{kind} to the reconstructed argument <{title}>: which premise "
                                "it bears on is not said", group=f"{kind} relations to arguments")
        return None
    described = builder.propositions.get(f"<{title}>")
    if described is None:
        builder.result.skip(f"{kind} to <{title}>: no such argument",
                            group=f"{kind} relations to arguments")
    elif kind == "undercut":
        builder.result.skip(f"undercut of <{title}>: the argument has no inference to undercut, "
                            "so it is carried as an attack on what the argument says",
                            group="undercuts of arguments without premises carried as attacks")
    return described


def _undercut(builder: _ArgdownBuilder, kind: str, source: str, title: str,
              step: dict[str, Any]) -> None:
    if kind == "attack":
        builder.result.skip(f"attack on argument <{title}>: carried as an undercut",
                            group="attacks on arguments carried as undercuts")
    builder.attacks.append({"id": builder.slugs.claim(f"u-{source}-{step['id']}"),
                            "attacker": source, "target": step["id"], "kind": "undercut"})


def _end(builder: _ArgdownBuilder, relation: dict[str, Any], side: str) -> str | None:
    """A relation's end as a proposition id: a statement, or an argument's conclusion."""
    title = text(relation.get(side))
    if relation.get(f"{side}Type") == "argument":
        steps = builder.steps.get(title)
        if steps:
            return str(steps[-1]["conclusion"])
        found = builder.propositions.get(f"<{title}>")
        return None if found is None else str(found["id"])
    found = builder.propositions.get(title)
    return None if found is None else str(found["id"])
