"""The words of inference, of certainty and of missing information.

* **inferential** words ("suggests", "indicates", "points to", "must have"): the writer draws a
  conclusion from something else; what follows them is an inference, not a report.
* **certainty** words ("certainly", "must have", "it became apparent", "undeniably"): the writer
  is sure; a judgment stated so needs a likelihood like any other estimate.
  (:mod:`argmap.cues.estimative` holds the words that name a probability; these do not name one
  but claim the top of the scale.)
* **absence** of information ("it is unclear", "it is not known", "remains to be seen"): the
  text says what it does not know. That is no evidence for or against anything.

"No evidence" is left out of the absence list: "we have no evidence that data left the network"
is a finding (a search that came back empty), which an analyst may weigh.

Left out on purpose: "shows" (a table shows; too often a report of a document) and "means" alone
("by means of"); "which means" and "this means" are kept.
"""

from __future__ import annotations

from argmap.cues.matching import cue_finder

INFERENTIAL = ("suggests", "suggested that", "suggesting", "indicates", "indicated that",
               "indicating", "points to", "pointed to", "pointing to", "implies", "implied that",
               "must have", "must be", "which means", "this means", "that means", "it follows",
               "therefore", "hence", "thus", "it appears", "signals", "is a sign",
               "is evidence", "demonstrates", "proves", "confirms that")
CERTAINTY = ("certainly", "must have", "must be", "it became apparent", "it became clear",
             "it is apparent", "definitely", "undeniably", "without a doubt", "beyond doubt",
             "there is no doubt", "inevitably", "surely")
ABSENCE = ("it is unclear", "it was unclear", "it remains unclear", "remains unclear",
           "it is not clear", "it was not clear", "it is not known", "it was not known",
           "unknown", "not yet known", "remains to be seen", "no information", "not disclosed",
           "has not been disclosed", "did not disclose", "no details", "it is uncertain",
           "unclear whether", "unclear when", "unclear how", "unclear why", "unclear who",
           "does not establish", "does not yet establish", "do not establish",
           "do not yet establish", "has not established", "has not yet established",
           "not yet established")

find_inferential = cue_finder(INFERENTIAL)
find_certainty = cue_finder(CERTAINTY)
find_absence = cue_finder(ABSENCE)
