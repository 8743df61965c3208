"""Words with which a writer judges rather than reports.

In an analysis most sentences in the author's own voice are judgments; the ones that report
events read plainly ("The outage began on 14 March"). These words mark the others:

* **modals** ("will", "would", "could", "cannot", "must"): a forecast, a possibility or a
  necessity, not an event;
* **conditions** ("if", "unless", "even if"): what holds only on a condition;
* **inferential and certainty words** (:mod:`argmap.cues.reasoning`'s, and "means",
  "explains", "implying"): a conclusion drawn from something else, or held sure;
* **framing** ("overall", "in conclusion", "that is,", "on balance", "evidence", "reasons to",
  "seeks", "aims", "matters"): the writer weighing, summing up or reading intentions.

Left out on purpose: "may" and "might" (hedges, :mod:`argmap.cues.estimative` reads them),
"has" and "had" (tense, not judgment), and "said" (someone else's words).
"""

from __future__ import annotations

from argmap.cues.estimative import fold, word_pattern
from argmap.cues.reasoning import CERTAINTY, INFERENTIAL

MODALS = ("will", "would", "could", "can", "cannot", "can't", "won't", "should", "must")
CONDITIONS = ("if", "unless", "even if", "even though")
FRAMING = ("implying", "means", "mean", "explains", "explain", "is aimed", "aims", "seeks",
           "seek", "fears", "is aware", "matters", "overall", "in conclusion", "that is",
           "on balance", "evidence", "reasons to")
# With :mod:`argmap.cues.reasoning`'s inferential and certainty words ("indicates", "must have",
# "certainly"): a writer who infers or is sure is judging.
JUDGING_WORDS = tuple(dict.fromkeys((*MODALS, *CONDITIONS, *FRAMING, *INFERENTIAL, *CERTAINTY)))
_PATTERN = word_pattern(JUDGING_WORDS)


def judges(text: str) -> bool:
    """Whether ``text`` has a word with which a writer judges rather than reports."""
    return _PATTERN.search(fold(text)) is not None
