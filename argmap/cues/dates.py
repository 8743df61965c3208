"""Dates written in running text: years, months and days, to the precision the text gives.

Recognised: "7 November 2021", "November 7, 2021", "November 7", "November 2021", "in 2021"
(a year from 1900 to 2099 standing alone), and ISO "2021-11-07". A month after "in", "since", "by",
"until", "from", "during", "before", "after", "early", "late" or "mid" ("began in January") is a
month. A day or month without a year ("November 5") takes the year of the nearest earlier date
in the text that has a month and a year (a bare "in 2023" may be a year spoken of, not the year
of writing), else the year given (the source's publication); with neither its year is unknown
(0), and it compares only with other dates of unknown year, read as one year (comparing it with
"2019" would guess). A month standing alone is not a date ("March" is also a verb, "May" a
hedge). Weekdays and relative words ("yesterday",
"last week") are left out: they need the date of writing.
"""

from __future__ import annotations

import re
from typing import NamedTuple

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
_MONTH = "|".join(m.capitalize() for m in MONTHS) + "|" + "|".join(
    m[:3].capitalize() + r"\." for m in MONTHS if len(m) > 4)
_DATE = re.compile(
    rf"\b(?:(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH})(?:,?\s+(?P<y1>(?:19|20)\d\d))?"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>(?:19|20)\d\d))?"
    rf"|(?P<m3>{_MONTH})\s+(?:of\s+)?(?P<y3>(?:19|20)\d\d)"
    rf"|(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)"
    rf"|(?:in|since|by|until|from|during|before|after|early|late|mid)\s+(?P<m5>{_MONTH})"
    rf"(?:,?\s+(?P<y5>(?:19|20)\d\d))?"
    rf"|(?P<y4>(?:19|20)\d\d))\b")


class TextDate(NamedTuple):
    """A date as precise as the text: ``(year, month or 0, day or 0)``, and its words."""

    year: int
    month: int
    day: int
    written: str
    start: int

    def key(self) -> tuple[int, int, int]:
        return self.year, self.month, self.day

    def before(self, other: TextDate) -> bool:
        """Strictly earlier at the precision both have (a year is not before its own month).
        Year 0 is a year the text does not give: such dates compare only with each other."""
        if (self.year == 0) != (other.year == 0):
            return False
        depth = 1 + (self.month > 0 and other.month > 0) + (self.day > 0 and other.day > 0)
        return self.key()[:depth] < other.key()[:depth]


def find_dates(text: str, year: int | None = None) -> list[TextDate]:
    """The dates in ``text`` in order; ``year`` dates a month or day written without one."""
    found = []
    for match in _DATE.finditer(text):
        parts = _parts(match)
        if parts is None:
            continue
        y, m, d = parts
        if y == 0:
            y = year or 0
        elif m:  # a bare year ("in 2023") dates nothing after it
            year = y
        start = match.start("m5") if match.group("m5") else match.start()  # not the "in"
        found.append(TextDate(y, m, d, text[start:match.end()], start))
    return found


def _parts(match: re.Match[str]) -> tuple[int, int, int] | None:
    g = match.groupdict()
    if g["iy"]:
        return int(g["iy"]), int(g["im"]), int(g["id"])
    if g["y4"]:
        return int(g["y4"]), 0, 0
    month_name = g["m1"] or g["m2"] or g["m3"] or g["m5"]
    month = _month_number(month_name)
    day = int(g["d1"] or g["d2"] or 0)
    if day > 31:
        return None
    return int(g["y1"] or g["y2"] or g["y3"] or g["y5"] or 0), month, day


def _month_number(name: str) -> int:
    return next(n for n, month in enumerate(MONTHS, 1) if month.startswith(name[:3].lower()))
