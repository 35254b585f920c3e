"""Formal evaluation of an argument map as a bipolar argumentation framework.

Pure computation, no database access: build a `Framework` from statement ids, REFUTES edges
(attacks), SUPPORTS edges (supports) and undercuts (a statement attacking an edge's
inference), then ask for grounded / preferred labellings, DF-QuAD strengths, or a grounded
justification subgraph. How undercuts are counted: docs/argumentation.md.
"""

from argmap.argumentation.framework import ATTACK, SUPPORT, Edge, Framework, Undercut
from argmap.argumentation.gradual import Strengths, dfquad
from argmap.argumentation.preferred_asp import (
    FrameworkTooLarge,
    PreferredResult,
    PreferredTimeout,
    preferred,
)
from argmap.argumentation.semantics import (
    Explanation,
    Label,
    explain_grounded,
    grounded,
    grounded_indices,
)

__all__ = [
    "ATTACK",
    "SUPPORT",
    "Edge",
    "Explanation",
    "Framework",
    "FrameworkTooLarge",
    "Label",
    "PreferredResult",
    "PreferredTimeout",
    "Strengths",
    "Undercut",
    "dfquad",
    "explain_grounded",
    "grounded",
    "grounded_indices",
    "preferred",
]
