"""Stage 3, analyse: structural facts (support, attack, cycles, basis) shared by lint and render."""

from argmap.analyse.graph import EVIDENCE_KINDS, ArgumentGraph, Basis

__all__ = ["EVIDENCE_KINDS", "ArgumentGraph", "Basis"]
