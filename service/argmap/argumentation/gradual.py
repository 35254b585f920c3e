"""DF-QuAD gradual semantics (Rago, Toni, Aurisicchio, Baroni, KR 2016)."""

import numpy as np

from argmap.argumentation.framework import Framework, csr


class Strengths(dict[str, float]):
    """Strength per argument, plus how the fixed point was reached.

    `iterations` is 1 for an acyclic framework (one pass in topological order); on a cyclic one
    it counts Jacobi sweeps, and `converged` is False when they hit the cap without settling.
    """

    def __init__(self, values: dict[str, float], *, converged: bool, iterations: int) -> None:
        super().__init__(values)
        self.converged = converged
        self.iterations = iterations


def dfquad(fw: Framework, *, max_iterations: int = 1000, tolerance: float = 1e-9) -> Strengths:
    """DF-QuAD strength in [0, 1] of every argument.

    sigma(a) = C(base(a), F(attacker strengths), F(supporter strengths)) with
    F(v1..vn) = 1 - prod(1 - vi) (F() = 0) and
    C(v0, va, vs) = v0 - v0 * (va - vs) if va >= vs else v0 + (1 - v0) * (vs - va).

    Acyclic graphs (attacks and supports together): one exact pass in topological order.
    Cyclic graphs: Jacobi iteration from the base scores, every argument updated from the
    previous sweep, until the largest change is below `tolerance` or `max_iterations` sweeps.
    DF-QuAD need not converge on cycles (a mutual attack between two arguments of base score 1
    oscillates between 1 and 0); then the last sweep is returned with `converged=False`.
    """
    order = _topological_order(fw)
    if order is not None:
        values, converged, iterations = _single_pass(fw, order), True, 1
    else:
        values, converged, iterations = _jacobi(fw, max_iterations, tolerance)
    return Strengths(dict(zip(fw.ids, values)), converged=converged, iterations=iterations)


def _combine(v0: np.ndarray, va: np.ndarray, vs: np.ndarray) -> np.ndarray:
    return np.where(va >= vs, v0 - v0 * (va - vs), v0 + (1 - v0) * (vs - va))


def _topological_order(fw: Framework) -> list[int] | None:
    """Kahn's algorithm on attacks + supports; None when there is a cycle."""
    src = np.concatenate([fw.attack_src, fw.support_src])
    dst = np.concatenate([fw.attack_dst, fw.support_dst])
    indptr, targets = csr(fw.n, src, dst)
    ptr, tgt = indptr.tolist(), targets.tolist()
    pending = np.bincount(dst, minlength=fw.n).tolist()
    order = [v for v in range(fw.n) if pending[v] == 0]
    for v in order:  # grows while we iterate
        for t in tgt[ptr[v] : ptr[v + 1]]:
            pending[t] -= 1
            if pending[t] == 0:
                order.append(t)
    return order if len(order) == fw.n else None


def _single_pass(fw: Framework, order: list[int]) -> list[float]:
    a_ptr, a_src = (x.tolist() for x in csr(fw.n, fw.attack_dst, fw.attack_src))
    s_ptr, s_src = (x.tolist() for x in csr(fw.n, fw.support_dst, fw.support_src))
    base = fw.base.tolist()
    strength = base.copy()
    for v in order:  # every attacker and supporter of v is final by now
        keep_a = keep_s = 1.0  # prod(1 - vi)
        for u in a_src[a_ptr[v] : a_ptr[v + 1]]:
            keep_a *= 1.0 - strength[u]
        for u in s_src[s_ptr[v] : s_ptr[v + 1]]:
            keep_s *= 1.0 - strength[u]
        va, vs, v0 = 1.0 - keep_a, 1.0 - keep_s, base[v]
        strength[v] = v0 - v0 * (va - vs) if va >= vs else v0 + (1.0 - v0) * (vs - va)
    return strength


def _jacobi(fw: Framework, max_iterations: int, tolerance: float) -> tuple[list[float], bool, int]:
    def aggregate(src: np.ndarray, dst: np.ndarray, strength: np.ndarray) -> np.ndarray:
        # prod(1 - vi) per target as exp(sum(log(1 - vi))); log(0) = -inf gives exactly 0.
        with np.errstate(divide="ignore"):
            logs = np.log1p(-strength[src])
        return 1.0 - np.exp(np.bincount(dst, weights=logs, minlength=fw.n))

    strength = fw.base.copy()
    for sweep in range(1, max_iterations + 1):
        nxt = _combine(
            fw.base,
            aggregate(fw.attack_src, fw.attack_dst, strength),
            aggregate(fw.support_src, fw.support_dst, strength),
        )
        change = float(np.abs(nxt - strength).max())
        strength = nxt
        if change < tolerance:
            return strength.tolist(), True, sweep
    return strength.tolist(), False, max_iterations
