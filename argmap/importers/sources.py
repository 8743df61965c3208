"""Speakers and the source text of an imported AIF graph.

A quote in a map is a span of a source text. When the file holds the analysed text (xAIF and
OVA+ do), that text is the source and each locution is found in it; when it does not (AIFdb
dialogue corpora), the locutions themselves are the record, so the source is their transcript,
one ``Speaker: words`` line each, in the file's order.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from argmap.analyse.text import NormalisedText, normalise
from argmap.importers.graph import AifGraph, Node
from argmap.importers.result import ImportResult, Slugs

SOURCE_ID = "text"
UNKNOWN_SPEAKER = "Unknown speaker"
_PREFIXED = re.compile(r"^\s*([^:\n]{1,60}?)\s*:\s+(.+)$", re.DOTALL)


class SourceBuilder:
    def __init__(self, graph: AifGraph, result: ImportResult, source_path: str) -> None:
        self.graph = graph
        self.result = result
        self.path = source_path
        self.transcript: list[str] = []
        self.length = 0
        self.found_in = NormalisedText(graph.text) if graph.text is not None else None
        self.actor_slugs = Slugs()
        self.actor_ids: dict[str, str] = {}

    def speaker_and_words(self, node: Node) -> tuple[str, str]:
        """``"CL : words"`` → ``("CL", "words")``; the locution's participant wins if known."""
        text = node.text.strip()
        known = (self.graph.speakers.get(node.node_id) or "").strip() or None
        if known and text.startswith(known) and text[len(known):].lstrip().startswith(":"):
            return known, text[len(known):].lstrip()[1:].strip()
        prefixed = _PREFIXED.match(text)
        if prefixed and (known is None or prefixed.group(1).strip() == known):
            return known or prefixed.group(1).strip(), prefixed.group(2).strip()
        return known or UNKNOWN_SPEAKER, text

    def actor_id(self, name: str) -> str:
        if name not in self.actor_ids:
            self.actor_ids[name] = self.actor_slugs.claim(name)
        return self.actor_ids[name]

    def actors(self) -> list[dict[str, Any]]:
        return [{"id": actor_id, "name": name} for name, actor_id in self.actor_ids.items()]

    def quote_fields(self, node: Node, speaker: str, words: str) -> dict[str, Any]:
        fields: dict[str, Any] = {"source": SOURCE_ID, "text": words,
                                  "speaker": self.actor_id(speaker), "mode": "direct"}
        span = self._in_text(node, words) if self.found_in is not None else \
            self._in_transcript(speaker, words)
        if span is None:
            self.result.skip(f"L-node {node.node_id}: its words are not in the file's text "
                             "(quoted without offsets)")
        else:
            fields["start"], fields["end"] = span
        return fields

    def _in_text(self, node: Node, words: str) -> tuple[int, int] | None:
        assert self.found_in is not None and self.graph.text is not None
        start, _ = self.graph.spans.get(node.node_id, (-1, -1))
        if start >= 0 and normalise(self.graph.text[start:start + len(words)]) \
                == normalise(words):
            return start, start + len(words)
        found = self.found_in.find_all(normalise(words), limit=1)
        if not found:
            return None
        return self.found_in.original_span(found[0], len(normalise(words)))

    def _in_transcript(self, speaker: str, words: str) -> tuple[int, int]:
        line = f"{speaker}: {words}\n"
        start = self.length + len(speaker) + 2
        self.transcript.append(line)
        self.length += len(line)
        return start, start + len(words)

    def sources(self) -> list[dict[str, Any]]:
        """The one source, with its text kept in the result to be written beside the map."""
        text = self.graph.text if self.graph.text is not None else "".join(self.transcript)
        if not text:
            return []
        self.result.source_text = text
        title = (self.graph.title or "").strip() or (
            "The analysed text" if self.graph.text is not None
            else "Transcript of the file's locutions")
        return [{"id": SOURCE_ID, "path": self.path, "title": title,
                 "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}]
