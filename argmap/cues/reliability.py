"""How reliable the words are: rumour, hearsay, anonymity and unconfirmed reporting.

Three families, each a sign that the words around a quote are not a confirmed report:

* **rumour**: the text calls it rumour or speculation ("rumours", "speculation", "word is").
* **hearsay**: the text passes on what is said without a speaker who vouches for it
  ("reportedly", "allegedly", "it is believed", "some have suggested", "is said to").
* **anonymity**: the speaker is not named ("unnamed officials", "a source said", "on condition of
  anonymity").
* **unconfirmed**: the text says it is not confirmed ("unconfirmed", "could not be verified",
  "has yet to be confirmed").

Left out on purpose: "claimed" and "said" (a named speaker's claim is attribution, handled as
testimony), "sources" alone (the article's "sources" may be documents), and "unclear" (it marks
the absence of information, see :mod:`argmap.cues.reasoning`).
"""

from __future__ import annotations

from argmap.cues.matching import CueMatch, cue_finder

RUMOUR = ("rumour", "rumours", "rumoured", "rumor", "rumors", "rumored", "speculation",
          "speculated", "word is", "gossip", "hearsay")
HEARSAY = ("reportedly", "allegedly", "purportedly", "supposedly", "it is believed",
           "it was believed", "it is said", "it is thought", "it is understood", "is said to",
           "are said to", "was said to", "were said to", "is believed to", "are believed to",
           "some have suggested", "some suggest", "some say", "some believe", "there are reports",
           "reports suggest", "according to reports", "media reports", "unverified reports",
           "is alleged", "are alleged", "alleged")
ANONYMITY = ("unnamed", "anonymous", "anonymously", "on condition of anonymity",
             "who asked not to be named", "who declined to be named", "not authorised to speak",
             "not authorized to speak", "a source said", "a source told", "sources said",
             "sources say", "sources told",
             "sources close to", "informed sources", "a source close to")
UNCONFIRMED = ("unconfirmed", "not confirmed", "yet to be confirmed", "could not be verified",
               "could not be independently verified", "cannot be independently verified",
               "not been verified", "not been independently verified", "not independently verified",
               "has not been confirmed", "have not been confirmed", "unverified")

FAMILIES = {"rumour": RUMOUR, "hearsay": HEARSAY, "anonymity": ANONYMITY,
            "unconfirmed": UNCONFIRMED}
_FAMILY_OF = {words: family for family, listed in FAMILIES.items() for words in listed}
_find = cue_finder(_FAMILY_OF)


def find_doubts(text: str) -> list[tuple[str, CueMatch]]:
    """Rumour, hearsay, anonymity and unconfirmed cues in ``text``, each with its family."""
    return [(_FAMILY_OF[match.words], match) for match in _find(text)]
