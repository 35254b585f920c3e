"""Preferred semantics (subset-maximal admissible sets), solved with clingo."""

import logging
import time
from dataclasses import dataclass

import clingo
import numpy as np

from argmap.argumentation.framework import Framework
from argmap.argumentation.semantics import IN, UNDEC, grounded_indices

# Answer sets = admissible sets: conflict-free, every attacker of a member attacked by a member.
# The Domain heuristic decides every in/1 atom before anything else and always to true, so each
# model found is subset-maximal in in/1; --enum-mode=domRec then adds a nogood over each model's
# true domain atoms, so no later model is a subset of an earlier one. Together they enumerate
# exactly the preferred extensions, without a saturation encoding.
_ENCODING = """
{ in(X) : arg(X) }.
:- in(X), in(Y), att(X, Y).
defeated(X) :- in(Y), att(Y, X).
:- in(X), att(Y, X), not defeated(Y).
#heuristic in(X) : arg(X). [1, true]
#show in/1.
"""
_SOLVER_ARGS = ["--heuristic=Domain", "--enum-mode=domRec", "--models=0"]

_log = logging.getLogger(__name__)


class FrameworkTooLarge(ValueError):
    """Preferred semantics is exponential in the worst case: the caller must opt in to size."""

    def __init__(self, size: int, bound: int) -> None:
        super().__init__(
            f"framework has {size} arguments, above the limit of {bound} for preferred semantics"
        )
        self.size = size
        self.bound = bound


class PreferredTimeout(TimeoutError):
    def __init__(self, timeout_s: float) -> None:
        super().__init__(f"preferred semantics did not finish within {timeout_s:g} s")
        self.timeout_s = timeout_s


@dataclass(frozen=True)
class PreferredResult:
    extensions: list[frozenset[str]]
    credulous: dict[str, bool]  # in some preferred extension
    sceptical: dict[str, bool]  # in every preferred extension


def preferred(fw: Framework, *, max_arguments: int = 200, timeout_s: float = 10) -> PreferredResult:
    """All preferred extensions, with credulous and sceptical acceptance per argument.

    Solved on the flattened framework (undercuts included, `Framework.flat`) and reported for
    the statements: a complete extension decides every auxiliary argument from the statements
    (X_j is IN iff the attacker is defeated, Y_j iff the attack holds), so each preferred
    extension is one set of statements. `max_arguments` bounds the statements.

    The grounded extension lies in every preferred extension and its victims in none, so only
    the UNDEC arguments (and the attacks among them) go to the solver; the preferred extensions
    are the grounded extension plus each preferred extension of that residual framework.
    """
    if fw.n > max_arguments:
        raise FrameworkTooLarge(fw.n, max_arguments)
    flat = fw.flat
    labels = grounded_indices(flat.n, flat.src, flat.dst)
    core = np.flatnonzero(labels[: fw.n] == IN).tolist()
    residual = _residual_extensions(flat.src, flat.dst, labels, timeout_s)
    extensions = sorted(
        {frozenset(fw.ids[i] for i in core + s if i < fw.n) for s in residual},
        key=lambda e: sorted(fw.index[a] for a in e),  # deterministic order for responses
    )
    union = frozenset().union(*extensions)
    common = frozenset.intersection(*extensions)
    return PreferredResult(
        extensions=extensions,
        credulous={a: a in union for a in fw.ids},
        sceptical={a: a in common for a in fw.ids},
    )


def _residual_extensions(
    src: np.ndarray, dst: np.ndarray, labels: np.ndarray, timeout_s: float
) -> list[list[int]]:
    """Preferred extensions (as argument indices) of the framework restricted to UNDEC."""
    undec = np.flatnonzero(labels == UNDEC)
    if undec.size == 0:
        return [[]]
    # No IN argument attacks an UNDEC one, and attacks from OUT arguments are already answered
    # by the grounded extension: only attacks among UNDEC arguments matter.
    inside = (labels[src] == UNDEC) & (labels[dst] == UNDEC)
    facts = [f"arg({i})." for i in undec.tolist()]
    facts += [f"att({s},{t})." for s, t in zip(src[inside], dst[inside])]

    deadline = time.monotonic() + timeout_s
    # clingo prints its notes to stderr by default (e.g. "domRec ignored" when preprocessing
    # has already fixed every in/1 atom, where there is one model anyway): log them instead.
    ctl = clingo.Control(_SOLVER_ARGS, logger=lambda _code, message: _log.debug(message))
    ctl.add("base", [], _ENCODING + "\n".join(facts))
    ctl.ground([("base", [])])
    found: list[list[int]] = []

    def on_model(model: clingo.Model) -> None:
        found.append([sym.arguments[0].number for sym in model.symbols(shown=True)])

    with ctl.solve(on_model=on_model, async_=True) as handle:
        if not handle.wait(max(0.0, deadline - time.monotonic())):
            handle.cancel()
            raise PreferredTimeout(timeout_s)
        handle.get()
    return found
