"""How a sentence's clauses depend on each other: concession, condition, contrast, negation.

A quote cut from such a sentence can say what the sentence does not:

* **concessive** openers ("While", "Although", "Even though", "Despite"): the clause they open
  is granted, and the sentence's point is the main clause after it;
* **conditional** openers ("If", "Even if", "Unless", "Should", "Provided that"): the clause
  they open is a condition, not a statement that it holds;
* **turns** that reverse or limit what came before: "but", "however", "yet", "though",
  "except", "not", "never", "no longer", "unless".
* **negations** just before the quoted words ("not", "never", "no evidence that", "denied
  that", "false that").

Only at the start of a sentence (after an optional opening quote mark) do the openers count:
"if" in the middle of a sentence ("asked if they") opens no condition over the sentence.
"""

from __future__ import annotations

import re

from argmap.cues.matching import cue_finder

CONCESSIVE = ("while", "although", "though", "even though", "whereas", "despite",
              "in spite of", "notwithstanding", "granted that", "admittedly")
CONDITIONAL = ("if", "even if", "only if", "unless", "should", "provided that", "providing",
               "in case", "assuming", "were")
TURNS = ("but", "however", "yet", "though", "although", "except", "except that", "not",
         "never", "no longer", "unless", "only if", "nor", "rather than", "instead")
NEGATIONS = ("not", "never", "no evidence that", "no evidence", "denied that", "denies that",
             "false that", "untrue that", "rejected claims that", "nor", "no sign that",
             "no indication that", "far from")

_OPENERS = {**{words: "concessive" for words in CONCESSIVE},
            **{words: "conditional" for words in CONDITIONAL}}
_OPENER = re.compile(r"[\s\"'\u201c\u2018(]*(" + "|".join(
    re.escape(words) for words in sorted(_OPENERS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
find_turns = cue_finder(TURNS)
find_negations = cue_finder(NEGATIONS)


def opener(sentence: str) -> tuple[str, str, int] | None:
    """The concessive or conditional word that opens ``sentence``: (kind, as written, end)."""
    match = _OPENER.match(sentence)
    if match is None:
        return None
    return _OPENERS[match.group(1).lower()], match.group(1), match.end(1)
