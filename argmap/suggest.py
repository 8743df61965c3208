""""Did you mean": the one way argmap suggests a name for a misspelt one.

Every message that names something unknown (a field, an id, a rule, a setting, a question) ends
with :func:`did_you_mean`, so suggestions read the same everywhere: ``; did you mean `name`?``.
"""

from __future__ import annotations

from collections.abc import Iterable

# difflib's similarity ratio a suggestion must reach. 0.6 (difflib's default) suggested
# `questions` for `version` (0.62); real typos score higher: `premisses`/`premises` 0.94,
# `whom`/`who` 0.86, `lints`/`lint` 0.89, `tilte`/`title` 0.8.
CUTOFF = 0.75


def closest(word: str, known: Iterable[str]) -> str | None:
    """The known name most like ``word``, if any is close enough to be a typo of it."""
    import difflib  # only a misspelling pays for it, not every start

    found = difflib.get_close_matches(word, list(known), n=1, cutoff=CUTOFF)
    return found[0] if found else None


def did_you_mean(word: str, known: Iterable[str]) -> str:
    """``; did you mean `name`?`` to end a message with, or ``""`` when nothing is close."""
    found = closest(word, known)
    return f"; did you mean `{found}`?" if found else ""
