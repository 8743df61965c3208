"""argmap's argumentation schemes and their names in AIFdb (ARG-tech's scheme set).

Each argmap scheme is written under the AIFdb name that AIF readers (arguebuf among them) know;
where AIFdb has no scheme of exactly that name, the nearest Walton scheme it has stands in, and the
argmap name travels in the export's extension object so that ``argmap import`` restores it.
Reading, every AIFdb name below maps back; a few common aliases are read too.
"""

from __future__ import annotations

DEFAULT_INFERENCE = "Default Inference"

# argmap scheme -> AIFdb scheme name.
AIF_NAMES: dict[str, str] = {
    "position_to_know": "Position To Know",
    "witness_testimony": "Witness Testimony",
    "expert_opinion": "Expert Opinion",
    "popular_opinion": "Popular Opinion",
    "sign": "Sign",
    "cause_to_effect": "Cause To Effect",
    # AIFdb has no effect-to-cause scheme: reasoning from an observed effect to its cause is
    # Walton's argument from evidence to a hypothesis.
    "effect_to_cause": "Evidence To Hypothesis",
    "correlation_to_cause": "Correlation To Cause",
    # Inference to the best explanation; AIFdb's "Abductive" is not in arguebuf's table, so the
    # evidence-to-hypothesis scheme (its nearest relative there) is written.
    "abduction": "Evidence To Hypothesis",
    "analogy": "Analogy",
    # An inductive generalisation from cases is Walton's argument from example.
    "example": "Example",
    "induction": "Example",
    "practical_reasoning": "Practical Reasoning",
    "consequences": "Consequences",
    # Walton's argument from an established rule is AIFdb's "Rules".
    "established_rule": "Rules",
    "verbal_classification": "Verbal Classification",
    "ethotic": "Ethotic",
    "bias": "Bias",
    "commitment": "Commitment",
    # A deductively valid step; AIFdb's name for the classic form.
    "deduction": "Modus Ponens",
    # Eliminating the alternatives until one is left: Walton's argument from alternatives.
    "elimination": "Alternatives",
}

# AIFdb (and common) names -> argmap scheme, for reading foreign AIF.
_READ_NAMES: dict[str, str] = {
    **{name: scheme for scheme, name in AIF_NAMES.items()
       if scheme not in {"induction", "effect_to_cause"}},
    "Abductive": "abduction",
    "Argument From Induction": "induction",
    "Induction": "induction",
    "Effect To Cause": "effect_to_cause",
    "Established Rule": "established_rule",
    "Deduction": "deduction",
    "Elimination": "elimination",
    "From-alternatives": "elimination",
    "From-analogy": "analogy",
    "Expert opinion": "expert_opinion",
    "Direct Ad Hominem": "ethotic",
    "Generic Ad Hominem": "ethotic",
    "Circumstantial Ad Hominem": "bias",
    "Bias Ad Hominem": "bias",
    "Positive Consequences": "consequences",
    "Negative Consequences": "consequences",
    "Value Based Practical Reasoning": "practical_reasoning",
    "Definition To Verbal Classification": "verbal_classification",
}


def _fold(name: str) -> str:
    """``Cause to effect``, ``CauseToEffect`` and ``cause-to-effect`` are one name."""
    return "".join(character for character in name.lower() if character.isalnum())


_READ_FOLDED = {_fold(name): scheme for name, scheme in _READ_NAMES.items()}
_READ_FOLDED.update({_fold(scheme): scheme for scheme in AIF_NAMES})


def aif_scheme_name(scheme: str | None) -> str:
    return AIF_NAMES[scheme] if scheme is not None else DEFAULT_INFERENCE


def argmap_scheme(aif_name: str) -> str | None:
    """The argmap scheme an AIF RA-node's name stands for, or None (unknown or the default)."""
    name = aif_name.removeprefix("Argument From ").removeprefix("Argument from ")
    return _READ_FOLDED.get(_fold(aif_name)) or _READ_FOLDED.get(_fold(name))
