"""What each node says: its HTML-like label (short, wrapped, sized by the engine) and its tooltip
(verbatim, complete). All map text passes through :mod:`argmap.render.text` on the way.
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap.analyse import Basis
from argmap.analyse.evaluation import Standing
from argmap.model.elements import (
    Actor,
    ArgumentMap,
    Attack,
    Inference,
    Proposition,
    Question,
    Quote,
    Source,
)
from argmap.model.vocabulary import INFORMATION_CREDIBILITY, band_of
from argmap.render import style
from argmap.render.text import html_text, truncate, wrap

MODE_WORDS = {"author": "author's voice", "direct": "quoted", "indirect": "reported"}
BASIS_WORDS = {basis: style.BASIS_LOOKS[basis.label].words for basis in Basis}
# What the analyst contributes is said so wherever the reader looks (see ``style.ANALYST_WORD``).
ANALYST_INFERENCE_WORDS = "reconstructed by the analyst: the text leaves this step implicit"
ANALYST_ATTACK_WORDS = "raised by the analyst: the text leaves this tension unremarked"
ANALYST_SUPPORT_WORDS = ("the text argues nothing that reaches this basis: it runs through "
                         "steps the analyst reconstructed")


def html_label(rows: Iterable[str]) -> str:
    return "<" + "<BR/>".join(rows) + ">"


def title_label(title: str) -> str:
    """The drawing's title, in large bold type, wrapped (a long title would widen the drawing
    and, past 16 KB, stop Graphviz 2.43)."""
    lines = '<BR ALIGN="LEFT"/>'.join(text_rows(title, style.TITLE_WIDTH, style.TITLE_LINES))
    return f'<<FONT POINT-SIZE="16"><B>{lines}</B></FONT>>'


def header_row(words: str, element_id: str, colour: str = style.GREY) -> str:
    """The kind and id on top of a node (``colour``: :data:`style.INK` on a class fill)."""
    return (f'<FONT POINT-SIZE="8" COLOR="{colour}"><B>{html_text(words)}</B> '
            f"{html_text(element_id)}</FONT>")


def small_row(text: str, *, italic: bool = False, colour: str = style.MUTED) -> str:
    body = html_text(text)
    if italic:
        body = f"<I>{body}</I>"
    return f'<FONT POINT-SIZE="9" COLOR="{colour}">{body}</FONT>'


def analyst_row() -> str:
    """The mark under an analyst's inference: one italic word, so it reads without colour."""
    return f'<FONT COLOR="{style.GREY}"><I>{style.ANALYST_WORD}</I></FONT>'


def standing_row(mark: Standing, on_fill: bool = False) -> str:
    """Whether the proposition stands, in a bold coloured word that reads without the colour
    (on a class fill in :data:`style.INK`: no hue keeps 4.5:1 on every fill)."""
    words = html_text(style.STANDING_MARKS[mark.label])
    colour = style.INK if on_fill else style.STANDING_COLOURS[mark.label]
    return f'<FONT POINT-SIZE="9" COLOR="{colour}"><B>{words}</B></FONT>'


def open_questions_row(count: int, on_fill: bool = False) -> str:
    """How many critical questions are still open on a judgment's steps: in the undercut's
    colour, since each may yet defeat one, and in words that read without it (on a class fill
    in :data:`style.INK`, as :func:`standing_row`)."""
    words = f"? {count} OPEN CRITICAL QUESTION{'S' if count != 1 else ''}"
    colour = style.INK if on_fill else style.OPEN_QUESTION_COLOUR
    return f'<FONT POINT-SIZE="9" COLOR="{colour}"><B>{words}</B></FONT>'


def text_rows(text: str, width: int, lines: int) -> list[str]:
    # Wrapped lines hold no newline: escape them in one call, split again.
    return html_text("\n".join(wrap(text, width, lines))).split("\n")


class MapLabels:
    """Labels and tooltips for the elements of one map."""

    def __init__(self, model: ArgumentMap) -> None:
        self.model = model
        self.actors: dict[str, Actor] = {actor.id: actor for actor in model.actors}
        self.sources: dict[str, Source] = {source.id: source for source in model.sources}
        self.quotes: dict[str, Quote] = {quote.id: quote for quote in model.quotes}

    def actor_name(self, actor_id: str | None) -> str:
        actor = self.actors.get(actor_id or "")
        return actor.name if actor is not None else (actor_id or "")

    def claimants(self, proposition: Proposition) -> list[str]:
        """Who claims an attributed claim: the speakers of its quotes, in map order, once each."""
        names = (self.actor_name(self.quotes[q].speaker) for q in proposition.quotes
                 if q in self.quotes)
        return list(dict.fromkeys(names))

    # --- quotes -------------------------------------------------------------------------------

    def quote_label(self, quote: Quote) -> str:
        speaker = self.actor_name(quote.speaker)
        if quote.via:
            speaker = f"{speaker} via {self.actor_name(quote.via)}"
        speaker_row = (f'<FONT POINT-SIZE="9"><B>{html_text(truncate(speaker, 46))}</B> '
                       f"({MODE_WORDS[quote.mode]})</FONT>")
        lines = wrap(quote.text, style.QUOTE_WIDTH, style.QUOTE_LINES)
        lines[0] = '"' + lines[0]
        lines[-1] += '"'  # the same line when the quote is short
        body = [f"<I>{line}</I>" for line in html_text("\n".join(lines)).split("\n")]
        source = self.sources.get(quote.source)
        title = source.title if source is not None else quote.source
        return html_label([header_row(style.QUOTE.header, quote.id), speaker_row, *body,
                           small_row(truncate(title, style.QUOTE_WIDTH + 4))])

    def quote_tooltip(self, quote: Quote) -> str:
        lines = [quote.text, "", f"-- {self._actor_line(quote.speaker)}"]
        if quote.via:
            lines.append(f"via {self._actor_line(quote.via)}")
        source = self.sources.get(quote.source)
        if source is not None:
            details = ", ".join(str(part) for part in (source.publisher, source.published) if part)
            lines.append(f"Source: {source.title}" + (f" ({details})" if details else ""))
            if source.url:
                lines.append(source.url)
        return "\n".join(lines)

    def source_url(self, quote: Quote) -> str | None:
        source = self.sources.get(quote.source)
        return source.url if source is not None else None

    def _actor_line(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        if actor is None:
            return actor_id
        return ", ".join(part for part in (actor.name, actor.role, actor.affiliation) if part)

    # --- propositions -------------------------------------------------------------------------

    def proposition_label(self, proposition: Proposition, flag: str,
                          reconstructed: bool = False, mark: Standing | None = None) -> str:
        words = style.PROPOSITIONS[proposition.kind].header + (f" - {flag}" if flag else "")
        on_fill = proposition.kind in style.CLASSED_KINDS
        ink = style.INK if on_fill else style.MUTED
        rows = [header_row(words, proposition.id, style.INK if on_fill else style.GREY),
                *text_rows(proposition.text, style.LABEL_WIDTH, style.LABEL_LINES)]
        rows.extend(small_row(line, colour=ink) for line in self.qualifiers(proposition))
        if reconstructed:
            rows.append(small_row(style.RECONSTRUCTED_NOTE, colour=ink))
        if mark is not None:
            rows.append(standing_row(mark, on_fill))
        return html_label(rows)

    def qualifiers(self, proposition: Proposition) -> list[str]:
        """The short facts under the text: likelihood, confidence, claimant, credibility."""
        lines: list[str] = []
        if proposition.likelihood is not None:
            band = band_of(self.model.map.likelihood_vocabulary, proposition.likelihood.band)
            words = f"{band.label} ({band.percent})" if band else proposition.likelihood.band
            lines.append(f"likelihood: {words}")
        if proposition.confidence is not None:
            lines.append(f"confidence: {proposition.confidence}")
        if proposition.kind == "attributed_claim":
            names = self.claimants(proposition)
            lines.append(truncate("claimed by: " + (", ".join(names) or "nobody quoted"), 48))
        if proposition.credibility is not None:
            meaning = INFORMATION_CREDIBILITY[proposition.credibility]
            lines.append(f"credibility {proposition.credibility}: {meaning}")
        return lines

    def proposition_tooltip(self, proposition: Proposition, basis: Basis,
                            reconstructed: bool = False, mark: Standing | None = None) -> str:
        kind = proposition.kind.replace("_", " ")
        lines = [proposition.text, "", f"{kind} {proposition.id}, {BASIS_WORDS[basis]}"]
        if mark is not None:
            lines.append(f"{mark.word.upper()} (grounded evaluation): {mark.reason}")
        if reconstructed:
            lines.append(ANALYST_SUPPORT_WORDS)
        if proposition.likelihood is not None and proposition.likelihood.phrase:
            lines.append(f'in the text: "{proposition.likelihood.phrase}"')
        if proposition.quotes:
            lines.append("anchored in: " + ", ".join(proposition.quotes))
        if proposition.if_wrong:
            lines.append(f"if wrong: {proposition.if_wrong}")
        if proposition.note:
            lines.append(f"note: {proposition.note}")
        return "\n".join(lines)

    # --- inferences, attacks, questions ------------------------------------------------------

    @staticmethod
    def inference_label(inference: Inference) -> str:
        rows = [html_text(inference.scheme.replace("_", " "))] if inference.scheme else []
        if inference.by == "analyst":
            rows.append(analyst_row())
        return html_label(rows) if rows else ""

    def inference_tooltip(self, inference: Inference) -> str:
        lines = [f"inference {inference.id}: {', '.join(inference.premises)} -> "
                 f"{inference.conclusion}"]
        if inference.by == "analyst":
            lines.append(ANALYST_INFERENCE_WORDS)
        if inference.scheme:
            lines.append(f"scheme: {inference.scheme.replace('_', ' ')}")
        if inference.warrant:
            lines.append(f"warrant: {inference.warrant}")
        lines.extend(self._stated_in(inference))
        lines.extend(f"[{question.status}] {question.question}"
                     for question in inference.critical_questions)
        if inference.note:
            lines.append(f"note: {inference.note}")
        return "\n".join(lines)

    def _stated_in(self, inference: Inference) -> list[str]:
        """The words of the quotes that state the step, verbatim, with who says them."""
        lines = []
        for quote_id in inference.quotes:
            quote = self.quotes.get(quote_id)
            if quote is not None:
                speaker = self.actor_name(quote.speaker)
                lines.append(f'stated in {quote_id}: "{quote.text}" ({speaker})')
        return lines

    @staticmethod
    def attack_tooltip(attack: Attack) -> str:
        verb = style.ATTACKS[attack.kind].verb
        lines = [f"{attack.attacker} {verb} {attack.target} ({attack.id})"]
        if attack.by == "analyst":
            lines.append(ANALYST_ATTACK_WORDS)
        if attack.note:
            lines.append(f"note: {attack.note}")
        return "\n".join(lines)

    @staticmethod
    def question_label(question: Question) -> str:
        return html_label([header_row(style.QUESTION.header, question.id),
                           *text_rows(question.text, style.LABEL_WIDTH, style.LABEL_LINES)])
