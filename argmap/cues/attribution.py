"""Who speaks: the words with which a text gives words to someone.

* **speech verbs** ("said", "told", "warned", "had warned", "added"): someone spoke. "Claimed"
  and "alleged" are here too: they attribute as well as doubt (:mod:`argmap.cues.reliability`
  lists them again as doubt).
* **attributing phrases** ("according to", "in the words of", "quoted as saying").
* **pronouns** that stand for a speaker named earlier ("he", "she", "they").

**View verbs** ("believe", "suspect", "fear") give someone a view rather than words; they count
when asking whether a sentence gives anything to anyone at all.

Left out on purpose: "reported" alone (a newspaper reports in the author's voice too: "Iraqi media
reported that ..." is attribution, but "the reported visit" is not; "reported that" is kept),
"believes" and "thinks" (they state a view, usually the author's reading of someone), and
"showed" / "revealed" (documents show; nobody speaks).
"""

from __future__ import annotations

from argmap.cues.matching import cue_finder

SPEECH_VERBS = (
    "said", "says", "say", "saying", "told", "tells", "warned", "warns", "had warned",
    "added", "adds", "noted", "notes", "stated", "states", "claimed", "claims", "insisted",
    "insists", "argued", "argues", "denied", "denies", "announced", "announces", "acknowledged",
    "admitted", "admits", "confirmed", "explained", "explains", "stressed", "emphasised",
    "emphasized", "asserted", "declared", "wrote", "writes", "tweeted", "posted", "replied",
    "responded", "urged", "urges", "promised", "pledged", "threatened", "vowed", "predicted",
    "alleged", "accused", "cautioned", "recalled", "complained", "reported that",
    "expressed", "called for", "described", "pointed out", "point out", "points out",
    "made clear",
)
ATTRIBUTING_PHRASES = (
    "according to", "in the words of", "quoted as saying", "quoting", "as quoted by",
    "in a statement", "in an interview", "told reporters", "speaking to",
)
SPEAKER_PRONOUNS = ("he", "she", "they")
# Verbs of holding a view: they give someone a view, not words ("some researchers suspect").
VIEW_VERBS = ("believe", "believes", "believed", "think", "thinks", "thought", "suspect",
              "suspects", "suspected", "fear", "fears", "feared", "expect", "expects", "expected",
              "doubt", "doubts", "doubted", "hope", "hopes", "hoped", "see", "sees", "view",
              "views", "consider", "considers", "considered")

find_attributions = cue_finder(SPEECH_VERBS + ATTRIBUTING_PHRASES)
find_speaker_pronouns = cue_finder(SPEAKER_PRONOUNS)
find_views = cue_finder(VIEW_VERBS)
