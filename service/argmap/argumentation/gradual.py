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

    sigma(a) = C(base(a), F(attacker contributions), F(supporter contributions)) with
    F(v1..vn) = 1 - prod(1 - vi) (F() = 0) and
    C(v0, va, vs) = v0 - v0 * (va - vs) if va >= vs else v0 + (1 - v0) * (vs - va).

    An edge's contribution is its source's strength times the edge's weight, 1 without
    undercuts. Undercuts weaken the edge they attack: weight = 1 - F(undercutter strengths)
    = prod(1 - sigma(u)), so an undercutter of strength 0 changes nothing and one of strength 1
    removes the edge, as an IN undercutter does under grounded semantics. (Our extension of
    DF-QuAD, which has no attacks on edges; without undercuts it is DF-QuAD exactly.)

    Acyclic graphs (attacks, supports and undercutter -> the undercut edge's target together):
    one exact pass in topological order. Cyclic graphs: Jacobi iteration from the base scores,
    every argument updated from the previous sweep, until the largest change is below
    `tolerance` or `max_iterations` sweeps. DF-QuAD need not converge on cycles (a mutual
    attack between two arguments of base score 1 oscillates between 1 and 0); then the last
    sweep is returned with `converged=False`.
    """
    edges = _Edges(fw)
    order = _topological_order(fw.n, edges)
    if order is not None:
        values, converged, iterations = _single_pass(fw, edges, order), True, 1
    else:
        values, converged, iterations = _jacobi(fw, edges, max_iterations, tolerance)
    return Strengths(dict(zip(fw.ids, values)), converged=converged, iterations=iterations)


class _Edges:
    """Attacks and supports as one edge list (attacks first), with each edge's undercutters."""

    def __init__(self, fw: Framework) -> None:
        attacks = fw.attack_src.size
        self.src = np.concatenate([fw.attack_src, fw.support_src])
        self.dst = np.concatenate([fw.attack_dst, fw.support_dst])
        self.is_attack = np.arange(self.src.size) < attacks
        self.undercut_src = np.concatenate([fw.attack_undercut_src, fw.support_undercut_src])
        self.undercut_edge = np.concatenate(
            [fw.attack_undercut_edge, fw.support_undercut_edge + attacks]
        )


def _combine(v0: np.ndarray, va: np.ndarray, vs: np.ndarray) -> np.ndarray:
    return np.where(va >= vs, v0 - v0 * (va - vs), v0 + (1 - v0) * (vs - va))


def _topological_order(n: int, edges: _Edges) -> list[int] | None:
    """Kahn's algorithm on every dependency; None when there is a cycle. An undercutter
    must be final before the target of the edge it undercuts."""
    src = np.concatenate([edges.src, edges.undercut_src])
    dst = np.concatenate([edges.dst, edges.dst[edges.undercut_edge]])
    indptr, targets = csr(n, src, dst)
    ptr, tgt = indptr.tolist(), targets.tolist()
    pending = np.bincount(dst, minlength=n).tolist()
    order = [v for v in range(n) if pending[v] == 0]
    for v in order:  # grows while we iterate
        for t in tgt[ptr[v] : ptr[v + 1]]:
            pending[t] -= 1
            if pending[t] == 0:
                order.append(t)
    return order if len(order) == n else None


def _single_pass(fw: Framework, edges: _Edges, order: list[int]) -> list[float]:
    m = edges.src.size
    e_ptr, e_of = (x.tolist() for x in csr(fw.n, edges.dst, np.arange(m)))  # edges into v
    u_ptr, u_src = (x.tolist() for x in csr(m, edges.undercut_edge, edges.undercut_src))
    src, is_attack = edges.src.tolist(), edges.is_attack.tolist()
    base = fw.base.tolist()
    strength = base.copy()
    for v in order:  # every attacker, supporter and undercutter that bears on v is final
        keep_a = keep_s = 1.0  # prod(1 - contribution)
        for e in e_of[e_ptr[v] : e_ptr[v + 1]]:
            weight = 1.0
            for u in u_src[u_ptr[e] : u_ptr[e + 1]]:
                weight *= 1.0 - strength[u]
            if is_attack[e]:
                keep_a *= 1.0 - strength[src[e]] * weight
            else:
                keep_s *= 1.0 - strength[src[e]] * weight
        va, vs, v0 = 1.0 - keep_a, 1.0 - keep_s, base[v]
        strength[v] = v0 - v0 * (va - vs) if va >= vs else v0 + (1.0 - v0) * (vs - va)
    return strength


def _jacobi(
    fw: Framework, edges: _Edges, max_iterations: int, tolerance: float
) -> tuple[list[float], bool, int]:
    m, attack = edges.src.size, edges.is_attack

    def aggregate(contribution: np.ndarray, dst: np.ndarray, size: int) -> np.ndarray:
        """1 - prod(1 - c) per target as 1 - exp(sum(log(1 - c))); log(0) = -inf gives 0."""
        with np.errstate(divide="ignore"):
            logs = np.log1p(-contribution)
        return 1.0 - np.exp(np.bincount(dst, weights=logs, minlength=size))

    strength = fw.base.copy()
    for sweep in range(1, max_iterations + 1):
        weight = 1.0 - aggregate(strength[edges.undercut_src], edges.undercut_edge, m)
        contribution = strength[edges.src] * weight
        nxt = _combine(
            fw.base,
            aggregate(contribution[attack], edges.dst[attack], fw.n),
            aggregate(contribution[~attack], edges.dst[~attack], fw.n),
        )
        change = float(np.abs(nxt - strength).max()) if fw.n else 0.0
        strength = nxt
        if change < tolerance:
            return strength.tolist(), True, sweep
    return strength.tolist(), False, max_iterations
