"""The analysed text as OVA+ stores it: HTML in which each locution is a ``<span id="nodeN">``."""

from __future__ import annotations

from html.parser import HTMLParser


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.length = 0
        self.spans: dict[str, tuple[int, int]] = {}
        self.open_spans: list[tuple[str | None, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"br", "p", "div"} and self.length:
            self._add("\n")
        if tag == "span":
            self.open_spans.append((dict(attrs).get("id"), self.length))

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self.open_spans:
            span_id, start = self.open_spans.pop()
            if span_id:
                self.spans.setdefault(span_id, (start, self.length))

    def handle_data(self, data: str) -> None:
        self._add(data)

    def _add(self, data: str) -> None:
        self.parts.append(data)
        self.length += len(data)


def plain_text(raw: str) -> tuple[str, dict[str, tuple[int, int]]]:
    """The text without markup, and where each span with an id starts and ends in it. A text
    with no markup comes back unchanged."""
    if "<" not in raw and "&" not in raw:
        return raw, {}
    collector = _TextCollector()
    collector.feed(raw)
    collector.close()
    return "".join(collector.parts), collector.spans
