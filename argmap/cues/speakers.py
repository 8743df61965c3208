"""Who speaks: the words that introduce a speaker and tell a person from a body or a crowd.

* **saying verbs** (:mod:`argmap.cues.attribution`'s speech verbs, and "estimates", "disputes",
  "blamed", "ordered", "suspect"): the subject before them is the speaker of what follows. Verbs
  that report an act of speech whose content the sentence does not give ("declined to comment")
  are left out: the words are the writer's.
* **titles** ("Interior Minister", "Governor", "Dr"): written before a name, they are the
  speaker's role, not part of the name.
* **body words** ("Ministry", "Council", "Labs", "Authority"): a name that ends in one is an
  organisation, which "it" refers back to, not "he" or "she".
* **hearsay** (:mod:`argmap.cues.reliability`'s rumour and hearsay words, "unconfirmed
  reports"): speech with no speaker who vouches for it, given to one actor, "unattributed
  reports". The reliability module's "not verified" words are left out: "the claim has not been
  verified" is the writer's own report.

Left out on purpose: "show" and "found" (documents and studies show; nobody speaks), "asked"
(a question is no claim), "believes" and "thinks" (usually the writer's reading of someone).
"""

from __future__ import annotations

from argmap.cues.attribution import SPEECH_VERBS
from argmap.cues.reliability import HEARSAY, RUMOUR

# The verbs of :mod:`argmap.cues.attribution`, and those by which a subject at the start of a
# sentence estimates, disputes, blames, orders or suspects: to the drafter all name a speaker.
_MORE_SAYING = (
    "tell", "deny", "claim", "argue", "confirms", "rejected", "rejects", "calls", "called",
    "urges", "estimated", "estimates", "estimate", "suggested", "suggests", "blamed", "blames",
    "disputed", "disputes", "dispute", "predicts", "maintained", "maintains", "point out",
    "points out", "suspect", "suspects", "ordered", "orders", "reiterated", "reiterates",
)
# Left out for drafting: "explains" (a theory explains too) and "posted" (a channel posts files).
_NOT_SAYING = frozenset({"explains", "posted"})
SAYING_VERBS = tuple(verb for verb in dict.fromkeys((*SPEECH_VERBS, *_MORE_SAYING))
                     if verb not in _NOT_SAYING)
# Saying verbs that report an act (an order given, a threat made, a statement issued) more than
# a claim about the world: what such a sentence gives the map is that the act happened.
ACT_VERBS = (
    "announced", "announces", "ordered", "orders", "threatened", "expressed", "promised",
    "pledged", "vowed", "urged", "urges", "rejected", "rejects", "reiterated", "reported that",
)
TITLES = (
    "President", "Prime Minister", "Minister", "Interior Minister", "Finance Minister",
    "Foreign Minister", "Defence Minister", "Defense Minister", "Governor", "Deputy Governor",
    "Chancellor", "Secretary", "Senator", "Ambassador", "General", "Commander", "Colonel",
    "Dr", "Dr.", "Professor", "Prof.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Judge",
    "Chief", "Mayor", "King", "Queen", "Prince", "Sheikh", "Ayatollah", "Pope",
)
BODY_WORDS = (
    "Agency", "Army", "Association", "Authority", "Bank", "Board", "Bureau", "Capital",
    "Channel", "Commission", "Committee", "Company", "Corporation", "Council", "Court",
    "Department", "Forces", "Foundation", "Front", "Fund", "Government", "Group", "Guard",
    "Institute", "Journal", "Labs", "Media", "Ministry", "Movement", "Office", "Organisation",
    "Organization", "Parliament", "Partners", "Party", "Police", "Presidency", "Service",
    "Sons", "Times", "TV", "Television", "Union", "University",
)
HEARSAY_SUBJECTS = (
    "reports", "unconfirmed reports", "rumours", "rumors", "media reports", "there are reports",
    "there are rumours", "there are also rumours", "reports suggest", "word",
)
# Rumour and hearsay as :mod:`argmap.cues.reliability` lists them, and "unconfirmed reports".
HEARSAY_WORDS = tuple(dict.fromkeys((*RUMOUR, *HEARSAY, "unconfirmed reports", "reports that")))
UNATTRIBUTED = "Unattributed reports"
