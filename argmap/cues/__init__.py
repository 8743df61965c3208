"""Cue lists: the small, curated word lists argmap reads source text with.

Every rule-based reading of prose goes through here, so the lint, the drafter and the coverage
report agree on what a word signals and the lists are documented in one place (docs/lint.md,
"Cue lists"). One module per family of cue:

* ``estimative``: words of likelihood (ICD 203 and PHIA yardsticks, hedges) and their bands.
* ``speakers``: saying verbs, verbs of acts, titles, body words and hearsay words (who speaks).
* ``connectives``: reasoning connectives and the side their conclusion is on.
* ``judgment``: words with which a writer judges rather than reports.
* ``attribution``: who speaks (speech verbs, "according to", speaker pronouns).
* ``reliability``: rumour, hearsay, anonymity and unconfirmed reporting.
* ``reasoning``: words of inference ("suggests"), of certainty ("must have") and of missing
  information ("it is unclear").
* ``clauses``: concessive and conditional openers, turns ("but", "not") and negations.
* ``dates``: years, months and days written in running text.

``matching`` compiles a list into a finder (whole words, any case, the text's own offsets).

Each module keeps its words as plain data, with the reason for any word that is left out, and
matching functions that work on whole words of case-folded text so offsets stay those of the
source. Nothing here knows maps, rules or output: only text in, matches out.
"""
