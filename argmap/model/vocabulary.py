"""The analytic vocabularies argmap checks against: likelihood yardsticks and Admiralty grades.

Sources: ICD 203 (US), the UK PHIA probability yardstick, and the NATO/Admiralty code (STANAG 2511).
See ``docs/format.md`` for the tables as users read them.
"""

from __future__ import annotations

from typing import NamedTuple


class Band(NamedTuple):
    """One likelihood band: its canonical term, the phrases that express it, and its range."""

    term: str
    phrases: tuple[str, ...]
    low: float
    high: float

    @property
    def label(self) -> str:
        return self.term.replace("_", " ")

    @property
    def percent(self) -> str:
        return f"{round(self.low * 100)}-{round(self.high * 100)}%"


ICD203: tuple[Band, ...] = (
    Band("almost_no_chance", ("almost no chance", "remote"), 0.01, 0.05),
    Band("very_unlikely", ("very unlikely", "highly improbable"), 0.05, 0.20),
    Band("unlikely", ("unlikely", "improbable"), 0.20, 0.45),
    Band("roughly_even_chance", ("roughly even chance", "roughly even odds"), 0.45, 0.55),
    Band("likely", ("likely", "probable"), 0.55, 0.80),
    Band("very_likely", ("very likely", "highly probable"), 0.80, 0.95),
    Band("almost_certain", ("almost certain", "nearly certain"), 0.95, 0.99),
)

# The PHIA yardstick leaves gaps between bands on purpose.
PHIA: tuple[Band, ...] = (
    Band("remote_chance", ("remote chance",), 0.0, 0.05),
    Band("highly_unlikely", ("highly unlikely",), 0.10, 0.20),
    Band("unlikely", ("unlikely",), 0.25, 0.35),
    Band("realistic_possibility", ("realistic possibility",), 0.40, 0.50),
    Band("likely", ("likely", "probable"), 0.55, 0.75),
    Band("highly_likely", ("highly likely",), 0.80, 0.90),
    Band("almost_certain", ("almost certain",), 0.95, 1.0),
)

VOCABULARIES: dict[str, tuple[Band, ...]] = {"icd203": ICD203, "phia": PHIA}

SOURCE_RELIABILITY = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}

INFORMATION_CREDIBILITY = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}


def normalise_term(term: str) -> str:
    """``"Very Unlikely"`` and ``"very-unlikely"`` both name the band ``very_unlikely``."""
    return "_".join(term.lower().replace("-", " ").split())


def find_band(vocabulary: str, term: str) -> Band | None:
    wanted = normalise_term(term)
    return next((band for band in VOCABULARIES[vocabulary] if band.term == wanted), None)


def band_of(vocabulary: str, term: str) -> Band | None:
    """The band ``term`` names: in ``vocabulary`` first, else in the other yardstick (a map that
    names no vocabulary may use the project's configured one)."""
    found = find_band(vocabulary, term)
    if found is not None:
        return found
    return next((band for name in VOCABULARIES if (band := find_band(name, term))), None)


def band_pattern(*vocabularies: str, without: str | None = None) -> str:
    """A regular expression (JSON Schema's dialect too) for the texts :func:`normalise_term`
    turns into a band of these yardsticks (default: either), less the bands of ``without``: any
    case, words joined by spaces or hyphens or one underscore (``Very Unlikely``,
    ``very-unlikely``, ``very_unlikely``)."""
    names = vocabularies or tuple(VOCABULARIES)
    left_out = {band.term for band in VOCABULARIES[without]} if without else set()
    terms = dict.fromkeys(band.term for name in names for band in VOCABULARIES[name]
                          if band.term not in left_out)
    words = ["(?:[\\s-]+|_)".join("".join(f"[{c}{c.upper()}]" if c.isalpha() else c
                                            for c in word) for word in term.split("_"))
             for term in terms]
    return f"^[\\s-]*(?:{'|'.join(words)})[\\s-]*$"


def bands_in_words(*vocabularies: str) -> str:
    """The bands of these yardsticks (default: every one), as an editor shows a wrong band."""
    names = vocabularies or tuple(VOCABULARIES)
    listed = "; or ".join(f"{name}: " + ", ".join(band.term for band in VOCABULARIES[name])
                          for name in names)
    return (f"the band must be one of {listed} (in any case; words joined by spaces, hyphens "
            "or underscores)")
