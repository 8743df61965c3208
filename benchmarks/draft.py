"""`argmap draft` against maps people made: how much of a hand map the drafter gets right.

    python -m benchmarks.draft [--json] [MAP ...]

Each hand map (by default the seed map and every map under ``tests/articles/``) has one source;
the drafter reads that source afresh, knowing nothing of the map, and its draft is compared with
the map by place in the source text (character offsets, so wording differences do not matter):

* **quotes found**: the share of the hand map's quotes that some drafted quote overlaps; and
  **precision**, the share of drafted quotes that overlap some hand quote.
* **speakers**: of the hand quotes found, the share whose drafted quote (the overlapping one that
  shares most characters with it) has the same speaker: the author for the author, otherwise
  actors whose names share a word, small words ("the", "of", "two", "unnamed") not counted.
* **kinds**: of the drafted propositions whose quote overlaps a quote that anchors a hand
  proposition, the share whose kind is the kind of one of those hand propositions.
* **inferences**: drafted inferences that match a hand inference, one whose conclusion's quotes
  (or the quotes stating the step) overlap the drafted conclusion's quote and whose premises'
  quotes (or the step's quotes) overlap a drafted premise's quote; and the share of the hand
  inferences stated in words (with `quotes`) that some drafted inference matches.

The figures and how to read them are in docs/draft.md.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from argmap.analyse.quote_match import Span
from argmap.analyse.quotes import place_quote
from argmap.analyse.text import NormalisedText
from argmap.draft.build import Draft, draft, vocabulary_of
from argmap.draft.speakers import Cast
from argmap.model import LoadedMap, load_map

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MAPS = (ROOT / "maps" / "qaani-baghdad-2021-11.yaml",
                *sorted((ROOT / "tests" / "articles").glob("*/*.yaml")))
_SMALL = frozenset({"the", "a", "an", "of", "in", "at", "and", "to", "for", "on", "with", "one",
                    "two", "three", "some", "most", "its", "his", "her", "their", "unnamed", "s",
                    "not", "named", "by", "as", "such"})


@dataclass(frozen=True)
class Score:
    map: str
    hand_quotes: int
    drafted_quotes: int
    quotes_found: int
    drafted_overlapping: int
    speakers_right: int
    kinds_compared: int
    kinds_right: int
    drafted_inferences: int
    inferences_matched: int
    hand_stated_inferences: int
    hand_stated_recalled: int


@dataclass(frozen=True)
class _Hand:
    """The hand map's quotes placed in the source: span and speaker, by quote id."""

    spans: dict[str, Span]
    speakers: dict[str, str]
    names: dict[str, str]
    author: str


def score(path: Path) -> Score:
    loaded = load_map(path)
    (source,) = loaded.model.sources
    text = loaded.source_path(source).read_text(encoding="utf-8")
    hand = _hand(loaded, text, source.author or "author")
    drafted = draft(text, Cast(author_id=hand.author), vocabulary_of(text))
    names = {actor.id: actor.name for actor in drafted.actors}
    spans = {quote.id: (quote.start, quote.end) for quote in drafted.quotes}
    speakers = {quote.id: quote.speaker for quote in drafted.quotes}
    found = right = 0
    for quote_id, span in hand.spans.items():
        best = _best_overlap(span, spans)
        if best is not None:
            found += 1
            right += _same_speaker(hand, hand.speakers[quote_id], speakers[best], names)
    kinds_compared, kinds_right = _kinds(loaded, hand, drafted, spans)
    matched, recalled, stated = _inferences(loaded, hand, drafted, spans)
    overlapping = sum(1 for span in spans.values()
                      if any(_overlap(span, other) for other in hand.spans.values()))
    return Score(path.stem, len(hand.spans), len(spans), found, overlapping, right,
                 kinds_compared, kinds_right, len(drafted.inferences), matched, stated, recalled)


def _hand(loaded: LoadedMap, text: str, author: str) -> _Hand:
    normalised = NormalisedText(text)
    spans: dict[str, Span] = {}
    for quote in loaded.model.quotes:
        place = place_quote(quote, normalised)
        if place.start is not None and place.end is not None:
            spans[quote.id] = (place.start, place.end)
    speakers = {quote.id: quote.speaker for quote in loaded.model.quotes}
    names = {actor.id: actor.name for actor in loaded.model.actors}
    return _Hand(spans, speakers, names, author)


def _same_speaker(hand: _Hand, hand_speaker: str, drafted_speaker: str,
                  drafted_names: dict[str, str]) -> bool:
    if hand_speaker == hand.author or drafted_speaker == hand.author:
        return hand_speaker == hand.author and drafted_speaker == hand.author
    drafted = _words(drafted_names.get(drafted_speaker, drafted_speaker))
    return bool(drafted & (_words(hand.names.get(hand_speaker, "")) | _words(hand_speaker)))


def _words(name: str) -> set[str]:
    name = re.sub(r"\(.*?\)", " ", name.lower())
    return {word for word in re.findall(r"[a-z0-9]+", name) if word not in _SMALL}


def _kinds(loaded: LoadedMap, hand: _Hand, drafted: Draft,
           spans: dict[str, Span]) -> tuple[int, int]:
    compared = right = 0
    for proposition in drafted.propositions:
        span = spans[proposition.quote]
        kinds = {hand_prop.kind for hand_prop in loaded.model.propositions
                 for quote_id in hand_prop.quotes
                 if quote_id in hand.spans and _overlap(span, hand.spans[quote_id])}
        if kinds:
            compared += 1
            right += proposition.kind in kinds
    return compared, right


def _inferences(loaded: LoadedMap, hand: _Hand, drafted: Draft,
                spans: dict[str, Span]) -> tuple[int, int, int]:
    quote_of = {p.id: p.quote for p in drafted.propositions}
    anchors = {p.id: [hand.spans[q] for q in p.quotes if q in hand.spans]
               for p in loaded.model.propositions}
    matched, recalled = 0, set()
    for inference in drafted.inferences:
        conclusion = spans[quote_of[inference.conclusion]]
        premises = [spans[quote_of[premise]] for premise in inference.premises]
        hits = [hand_inf.id for hand_inf in loaded.model.inferences
                if _touches(conclusion, [*anchors[hand_inf.conclusion], *_step(hand, hand_inf)])
                and any(_touches(premise, [*_premise_spans(anchors, hand_inf.premises),
                                           *_step(hand, hand_inf)]) for premise in premises)]
        matched += bool(hits)
        recalled.update(hits)
    stated = {inference.id for inference in loaded.model.inferences if inference.quotes}
    return matched, len(recalled & stated), len(stated)


def _step(hand: _Hand, inference: object) -> list[Span]:
    quotes: tuple[str, ...] = getattr(inference, "quotes", ())
    return [hand.spans[q] for q in quotes if q in hand.spans]


def _premise_spans(anchors: dict[str, list[Span]], premises: tuple[str, ...]) -> list[Span]:
    return [span for premise in premises for span in anchors.get(premise, [])]


def _touches(span: Span, others: list[Span]) -> bool:
    return any(_overlap(span, other) for other in others)


def _best_overlap(span: Span, drafted: dict[str, Span]) -> str | None:
    shared = {quote_id: min(span[1], other[1]) - max(span[0], other[0])
              for quote_id, other in drafted.items()}
    best = max(shared, key=lambda quote_id: shared[quote_id], default=None)
    return best if best is not None and shared[best] > 0 else None


def _overlap(one: Span, other: Span) -> bool:
    return one[0] < other[1] and other[0] < one[1]


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}% ({part}/{whole})" if whole else "-"


def _table(scores: list[Score]) -> str:
    total = Score("all", *[sum(getattr(s, f) for s in scores)
                           for f in list(Score.__dataclass_fields__)[1:]])
    rows = [("map", "quotes found", "precision", "speakers", "kinds", "inferences matched",
             "stated steps recalled")]
    for s in [*scores, total]:
        rows.append((s.map, _percent(s.quotes_found, s.hand_quotes),
                     _percent(s.drafted_overlapping, s.drafted_quotes),
                     _percent(s.speakers_right, s.quotes_found),
                     _percent(s.kinds_right, s.kinds_compared),
                     _percent(s.inferences_matched, s.drafted_inferences),
                     _percent(s.hand_stated_recalled, s.hand_stated_inferences)))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
                     .rstrip() for row in rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("maps", nargs="*", type=Path, help="hand maps (default: the seed map "
                        "and tests/articles/*/*.yaml)")
    parser.add_argument("--json", action="store_true", help="one JSON object per map")
    args = parser.parse_args(argv)
    scores = [score(path) for path in (args.maps or DEFAULT_MAPS)]
    if args.json:
        sys.stdout.writelines(json.dumps(asdict(s)) + "\n" for s in scores)
    else:
        sys.stdout.write(_table(scores))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
