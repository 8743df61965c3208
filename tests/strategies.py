"""Hypothesis strategies: random *valid* maps (with their source text), and hostile text."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from argmap.model.vocabulary import VOCABULARIES

HOSTILE = [
    '<script>alert(1)</script>', '"; node [shape=box]; x -> y; "', "} digraph g { a -> b",
    '<img src=x onerror="alert(1)">', "javascript:alert(1)", "&amp; &lt; &#x3C; ]]>",
    "label=<<b>bold</b>>", "\\N \\G \\L \\l", "-- comment", "emoji 🚀",
    "\u2019typographic\u2019 \u201cquotes\u201d",
]

# Text the YAML emitter and reader both carry faithfully, hostile strings mixed in.
_characters = st.characters(
    blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\ufeff"
)
text = st.one_of(
    st.text(_characters, min_size=1, max_size=40).filter(lambda s: s.strip() != ""),
    st.sampled_from(HOSTILE),
)
SENTENCES = [
    "Officials said the drones matched earlier ones.",
    "The council said nobody is above the law.",
    "It is highly unlikely that the militias acted alone.",
    "The visit was unannounced.",
    "Only two groups own such drones.",
]


def _slugs(prefix: str, count: int) -> list[str]:
    return [f"{prefix}-{number}" for number in range(count)]


@st.composite
def valid_maps(draw: Any) -> tuple[dict[str, Any], str]:
    """A valid map as plain data, and the text of its one source (``source.txt``)."""
    vocabulary = draw(st.sampled_from(sorted(VOCABULARIES)))
    bands = [band.term for band in VOCABULARIES[vocabulary]]
    actors = [{"id": actor_id, "name": draw(text), "interested": draw(st.booleans())}
              for actor_id in _slugs("actor", draw(st.integers(1, 3)))]
    source_text = " ".join(SENTENCES)
    quotes = [{"id": quote_id, "source": "src", "text": draw(st.sampled_from(SENTENCES)),
               "speaker": draw(st.sampled_from(actors))["id"],
               "mode": draw(st.sampled_from(["direct", "indirect"]))}
              for quote_id in _slugs("q", draw(st.integers(0, 4)))]
    propositions = [_proposition(draw, prop_id, quotes, bands)
                    for prop_id in _slugs("p", draw(st.integers(2, 8)))]
    inferences = _inferences(draw, propositions)
    _stating_quotes(draw, inferences, quotes)
    attacks = _attacks(draw, propositions, inferences)
    data = {
        "map": {"id": "random", "title": draw(text), "format": 1,
                "likelihood_vocabulary": vocabulary},
        "sources": [{"id": "src", "path": "source.txt", "title": draw(text)}],
        "actors": actors, "quotes": quotes, "propositions": propositions,
        "inferences": inferences, "attacks": attacks, "questions": _questions(draw, propositions),
    }
    return data, source_text


def _proposition(draw: Any, prop_id: str, quotes: list[dict[str, Any]],
                 bands: list[str]) -> dict[str, Any]:
    kind = draw(st.sampled_from(["reported_fact", "attributed_claim", "author_judgment",
                                 "assumption", "hypothesis"]))
    proposition: dict[str, Any] = {"id": prop_id, "text": draw(text), "kind": kind}
    if quotes and draw(st.booleans()):
        proposition["quotes"] = [draw(st.sampled_from(quotes))["id"]]
    if kind in ("reported_fact", "attributed_claim"):
        proposition["credibility"] = draw(st.integers(1, 6))
    elif kind in ("author_judgment", "hypothesis") and draw(st.booleans()):
        proposition["likelihood"] = {"band": draw(st.sampled_from(bands))}
        proposition["confidence"] = draw(st.sampled_from(["low", "moderate", "high"]))
    elif kind == "assumption":
        proposition["if_wrong"] = draw(text)
    return proposition


def _inferences(draw: Any, propositions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    inferences = []
    for number in range(1, len(propositions)):
        if draw(st.booleans()):
            earlier = [p["id"] for p in propositions[:number]]
            premises = draw(st.lists(st.sampled_from(earlier), min_size=1, max_size=3, unique=True))
            inferences.append({"id": f"i-{number}", "premises": premises,
                               "conclusion": propositions[number]["id"],
                               "scheme": draw(st.sampled_from(["sign", "abduction",
                                                               "position_to_know"])),
                               "by": draw(st.sampled_from(["author", "analyst"]))})
    return inferences


def _stating_quotes(draw: Any, inferences: list[dict[str, Any]],
                    quotes: list[dict[str, Any]]) -> None:
    """Some inferences cite the quotes that state them."""
    for inference in inferences:
        if quotes and draw(st.booleans()):
            inference["quotes"] = [draw(st.sampled_from(quotes))["id"]]


def _questions(draw: Any, propositions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A question with an ACH matrix, when the map has two hypotheses or more."""
    hypotheses = [p["id"] for p in propositions if p["kind"] == "hypothesis"]
    if len(hypotheses) < 2:
        return []
    rating = st.sampled_from(["CC", "C", "N", "I", "II", "NA"])
    items = draw(st.lists(st.sampled_from([p["id"] for p in propositions]), max_size=3,
                          unique=True))
    rows = [{"proposition": item, "ratings": {h: draw(rating) for h in hypotheses}}
            for item in items]
    return [{"id": "question", "text": draw(text), "hypotheses": hypotheses, "evidence": rows}]


def _attacks(draw: Any, propositions: list[dict[str, Any]],
             inferences: list[dict[str, Any]]) -> list[dict[str, Any]]:
    attacks = []
    ids = [p["id"] for p in propositions]
    for number in range(draw(st.integers(0, 3))):
        attacker = draw(st.sampled_from(ids))
        if inferences and draw(st.booleans()):
            target, kind = draw(st.sampled_from(inferences))["id"], "undercut"
        else:
            target, kind = draw(st.sampled_from(ids)), draw(st.sampled_from(["rebut", "undermine"]))
        if target != attacker:
            attacks.append({"id": f"a-{number}", "attacker": attacker, "target": target,
                            "kind": kind, "by": draw(st.sampled_from(["author", "analyst"]))})
    return attacks


def _json_like() -> st.SearchStrategy[Any]:
    keys = st.sampled_from(["map", "id", "title", "format", "propositions", "kind", "text",
                            "premises", "conclusion", "quotes", "attacks", "target", "likelihood",
                            "band", "inferences", "sources", "actors", "x"])
    scalars = st.one_of(st.none(), st.booleans(), st.integers(-3, 10), st.floats(allow_nan=False),
                        st.text(max_size=12), keys)
    return st.recursive(
        scalars,
        lambda children: st.one_of(st.lists(children, max_size=4),
                                   st.dictionaries(keys, children, max_size=5)),
        max_leaves=25,
    )


json_like = _json_like()
