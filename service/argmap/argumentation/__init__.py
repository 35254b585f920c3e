"""Formal evaluation of an argument map as a bipolar argumentation framework.

Pure computation, no database access: build a `Framework` from statement ids, REFUTES edges
(attacks) and SUPPORTS edges (supports), then ask for grounded / preferred labellings,
DF-QuAD strengths, or a grounded justification subgraph.
"""

from argmap.argumentation.framework import Framework
from argmap.argumentation.gradual import Strengths, dfquad
from argmap.argumentation.preferred_asp import (
    FrameworkTooLarge,
    PreferredResult,
    PreferredTimeout,
    preferred,
)
from argmap.argumentation.semantics import (
    Edge,
    Explanation,
    Label,
    explain_grounded,
    grounded,
    grounded_indices,
)

__all__ = [
    "Edge",
    "Explanation",
    "Framework",
    "FrameworkTooLarge",
    "Label",
    "PreferredResult",
    "PreferredTimeout",
    "Strengths",
    "dfquad",
    "explain_grounded",
    "grounded",
    "grounded_indices",
    "preferred",
]
