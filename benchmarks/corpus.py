"""Words and sentences for synthetic maps: plausible reporting on a regional crisis.

Everything is drawn from a caller's seeded :class:`random.Random`, so the same seed gives the same
text. The prose is formulaic on purpose (the benchmark needs realistic *sizes and shapes* of
strings: lengths, punctuation, a few non-ASCII letters as real reporting has), not good writing.
"""

from __future__ import annotations

import random

FIRST_NAMES = (
    "Karim", "Hadi", "Nouri", "Layla", "Samir", "Farah", "Yusuf", "Rana", "Tariq", "Huda",
    "Omar", "Zainab", "Adel", "Mona", "Jalal", "Salma", "Qais", "Dalia", "Faleh", "Nadia",
)
LAST_NAMES = (
    "al-Amiri", "Haddad", "al-Sadr", "Kazemi", "Rahimi", "al-Jubouri", "Saleh", "Mansour",
    "al-Hakim", "Nasser", "Barzani", "Shahidi", "al-Obeidi", "Darwish", "Karimi", "al-Rubaie",
)
ROLES = (
    "spokesperson", "commander", "minister", "adviser", "member of parliament", "analyst",
    "correspondent", "security official", "party leader", "diplomat",
)
ORGANISATIONS = (
    "Ministry of Interior", "Joint Operations Command", "Electoral Commission",
    "Popular Mobilization Commission", "State of Law Coalition", "Fatah Alliance",
    "Sadrist Movement", "Kurdistan Democratic Party", "Counter-Terrorism Service",
    "Foreign Ministry", "Quds Force", "Security Media Cell", "UN Assistance Mission",
    "Federal Supreme Court", "Council of Ministers", "Badr Organization", "Asa\u2019ib Ahl al-Haq",
    "Kata\u2019ib Hezbollah",  # real names carry typographic apostrophes
)
OUTLETS = (
    "Dijlah TV", "Al-Rafidain", "Al-Sharqiya", "Rudaw", "Shafaq News", "Al-Mada",
    "Baghdad Today", "The New Region", "Al-Sumaria", "Kurdistan24",
)
PLACES = (
    "Baghdad", "the Green Zone", "Basra", "Erbil", "Najaf", "Karbala", "Mosul", "Kirkuk",
    "Diyala", "Anbar", "Sulaymaniyah", "Nasiriyah", "Samarra", "Tuz Khurmatu",
)
EVENTS = (
    "the drone attack", "the sit-in", "the manual recount", "the cabinet meeting",
    "the border closure", "the funeral procession", "the prisoner release", "the ceasefire",
    "the election appeal", "the convoy ambush", "the budget vote", "the state visit",
)
ACTIONS = (
    "met with", "accused", "warned", "rejected the demands of", "negotiated with", "threatened",
    "praised", "condemned", "sent envoys to", "called on", "withdrew support from", "courted",
)
GOALS = (
    "secure a share in the next government", "contain the armed factions",
    "delay the certification of results", "keep the coalition together",
    "avoid a confrontation with the security forces", "win back protesters",
    "strengthen its bargaining position", "deter further attacks",
    "shift blame for the escalation", "protect its supply routes",
)
MONTHS = ("October", "November", "December")
FILLER = (
    "The situation in {place} remained tense through the evening.",
    "Security forces closed several roads around {place}.",
    "Local media carried conflicting accounts of what happened.",
    "Observers note that similar tensions preceded {event} last year.",
    "Residents of {place} reported a heavy security presence.",
    "The following points should be considered.",
    "Neither side has published a detailed account of {event}.",
    "Talks between the blocs continued late into the night.",
)
SCHEME_WEIGHTS = (
    ("witness_testimony", 9), ("position_to_know", 8), ("sign", 8), ("cause_to_effect", 7),
    ("abduction", 9), ("expert_opinion", 5), ("practical_reasoning", 6), ("consequences", 4),
    ("analogy", 3), ("example", 3), ("correlation_to_cause", 3), ("effect_to_cause", 3),
    ("established_rule", 2), ("induction", 3), ("elimination", 2), ("bias", 2),
    ("commitment", 1), ("ethotic", 1), ("deduction", 2), ("popular_opinion", 1),
    ("verbal_classification", 1),
)
CRITICAL_QUESTIONS = (
    ("Is the source in a position to know?", "position"),
    ("Does the speaker have a reason to mislead?", "bias"),
    ("Is there an alternative explanation?", "alternative"),
    ("Is the report corroborated by an independent source?", "corroboration"),
    ("Could the timing be a coincidence?", "alternative"),
)


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def day(rng: random.Random) -> str:
    return f"{rng.randint(1, 28)} {rng.choice(MONTHS)}"


def clause(rng: random.Random, subject: str) -> str:
    """One factual clause with ``subject`` as its subject, 60-140 characters."""
    shape = rng.randrange(4)
    if shape == 0:
        return (f"{subject} {rng.choice(ACTIONS)} the {rng.choice(ORGANISATIONS)} "
                f"in {rng.choice(PLACES)} on {day(rng)}")
    if shape == 1:
        return f"{subject} arrived in {rng.choice(PLACES)} hours after {rng.choice(EVENTS)}"
    if shape == 2:
        return (f"{subject} {rng.choice(ACTIONS)} {person(rng)} over {rng.choice(EVENTS)} "
                f"near {rng.choice(PLACES)}")
    return f"{subject} said the {rng.choice(ORGANISATIONS)} had no role in {rng.choice(EVENTS)}"


def filler(rng: random.Random) -> str:
    return rng.choice(FILLER).format(place=rng.choice(PLACES), event=rng.choice(EVENTS))


def judgment(rng: random.Random, phrase: str) -> str:
    actor = rng.choice(ORGANISATIONS)
    return f"The {actor} is {phrase} trying to {rng.choice(GOALS)} after {rng.choice(EVENTS)}."


def hypothesis(rng: random.Random, culprit: str) -> str:
    return f"{culprit} was behind {rng.choice(EVENTS)} in {rng.choice(PLACES)}."


def assumption(rng: random.Random) -> str:
    return (f"The {rng.choice(ORGANISATIONS)} still controls the factions that operate around "
            f"{rng.choice(PLACES)}.")


def sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."
