"""Formal evaluation of an argument map as a bipolar argumentation framework.

Pure computation, no database access: build a `Framework` from statement ids, REFUTES edges
(attacks) and SUPPORTS edges (supports), then ask for grounded / preferred labellings,
DF-QuAD strengths, or a grounded justification subgraph.
"""

from argmap.evaluation.framework import Framework
from argmap.evaluation.gradual import Strengths, dfquad
from argmap.evaluation.preferred_asp import (
    FrameworkTooLarge,
    PreferredResult,
    PreferredTimeout,
    preferred,
)
from argmap.evaluation.semantics import (
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
