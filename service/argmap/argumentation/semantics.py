"""Dung's grounded semantics over the attack relation, and why an argument gets its label."""

from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

import numpy as np

from argmap.argumentation.framework import Framework, csr

# Label codes of the array-level API (`grounded_indices`).
IN, OUT, UNDEC = np.int8(1), np.int8(-1), np.int8(0)

# A vectorised round has a fixed cost of ~25 us whatever the frontier size, so deep chains (one
# round per link) would be slow; the worklist instead pays a one-off ~0.1 us per argument and
# attack to convert the arrays to Python lists. Ski rental: run rounds until their fixed costs
# match that conversion (one round per this many arguments + attacks), then switch, which is
# never much worse than the better of the two.
_ELEMENTS_PER_ROUND = 200


class Label(StrEnum):
    IN = "IN"
    OUT = "OUT"
    UNDEC = "UNDEC"


_LABELS = np.array([Label.OUT, Label.UNDEC, Label.IN], dtype=object)  # indexed by code + 1


def grounded_indices(n: int, src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    """Grounded labelling of arguments 0..n-1 under attacks src[k] -> dst[k].

    Returns an int8 array: 1 = IN, -1 = OUT, 0 = UNDEC. Duplicate edges are harmless.
    """
    return _grounded_core(n, np.asarray(src, np.int64), np.asarray(dst, np.int64))[0]


def grounded(fw: Framework) -> dict[str, Label]:
    """Grounded labelling: IN once all attackers are OUT, OUT once some attacker is IN, the rest
    UNDEC. Linear in arguments + attacks."""
    labels = grounded_indices(fw.n, fw.attack_src, fw.attack_dst)
    return dict(zip(fw.ids, _LABELS[labels + 1].tolist()))


def _grounded_core(n: int, src: np.ndarray, dst: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Labels plus, for each OUT argument, the IN argument that first defeated it (else -1).

    Propagation with attacker counters: `pending[v]` counts v's attackers not yet OUT; v turns
    IN when it reaches 0. Each edge is scanned at most twice (when its source turns IN, when it
    turns OUT), so the work is O(|A| + |R|). Defeaters always precede their victims in the
    derivation, which is what lets `explain_grounded` recurse without looping.
    """
    indptr, targets = csr(n, src, dst)
    pending = np.bincount(dst, minlength=n)
    label = np.zeros(n, np.int8)
    defeater = np.full(n, -1, np.int64)
    scratch = np.empty(n, np.int64)
    front = np.flatnonzero(pending == 0)
    rounds = 1 + (n + src.size) // _ELEMENTS_PER_ROUND
    while front.size and rounds:  # vectorised rounds: a whole frontier at a time
        rounds -= 1
        label[front] = IN
        edges, origin = _expand(indptr, front)
        hit = targets[edges]
        fresh = label[hit] == UNDEC
        hit, origin = hit[fresh], origin[fresh]
        keep = _one_per_value(hit, scratch)
        hit = hit[keep]
        label[hit] = OUT
        defeater[hit] = origin[keep]
        freed = targets[_expand(indptr, hit)[0]]
        np.subtract.at(pending, freed, 1)
        freed = freed[(pending[freed] == 0) & (label[freed] == UNDEC)]
        front = freed[_one_per_value(freed, scratch)]
    if front.size:
        _worklist(front, indptr, targets, pending, label, defeater)
    return label, defeater


def _expand(indptr: np.ndarray, nodes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions of all CSR entries of `nodes`, and the node each position belongs to."""
    starts = indptr[nodes]
    lengths = indptr[nodes + 1] - starts
    offsets = np.cumsum(lengths) - lengths
    positions = np.arange(int(lengths.sum())) + np.repeat(starts - offsets, lengths)
    return positions, np.repeat(nodes, lengths)


def _one_per_value(values: np.ndarray, scratch: np.ndarray) -> np.ndarray:
    """Indices selecting one occurrence of each distinct value, in O(len) (no sort): the last
    write to `scratch[v]` wins, so exactly one position per value reads itself back."""
    order = np.arange(values.size)
    scratch[values] = order
    return np.flatnonzero(scratch[values] == order)


def _worklist(
    queue: np.ndarray,
    indptr: np.ndarray,
    targets: np.ndarray,
    pending: np.ndarray,
    label: np.ndarray,
    defeater: np.ndarray,
) -> None:
    """The same propagation one argument at a time, on Python lists (fast per element)."""
    ptr, tgt, pend = indptr.tolist(), targets.tolist(), pending.tolist()
    lab, dfr = label.tolist(), defeater.tolist()
    todo = queue.tolist()
    for a in todo:  # FIFO: `todo` grows while we iterate
        lab[a] = 1
        for t in tgt[ptr[a] : ptr[a + 1]]:
            if lab[t] == 0:  # an IN argument's targets are never IN, so this skips OUT ones
                lab[t] = -1
                dfr[t] = a
                for u in tgt[ptr[t] : ptr[t + 1]]:
                    pend[u] -= 1
                    if pend[u] == 0:
                        todo.append(u)
    label[:] = lab
    defeater[:] = dfr


class Edge(NamedTuple):
    source: str
    target: str
    type: str = "REFUTES"


@dataclass(frozen=True)
class Explanation:
    """A justification subgraph for one argument's grounded label."""

    argument: str
    label: Label
    reason: str
    nodes: dict[str, Label]  # every argument in the subgraph with its grounded label
    edges: tuple[Edge, ...]


def explain_grounded(fw: Framework, arg_id: str) -> Explanation:
    """Why `arg_id` is IN, OUT or UNDEC under grounded semantics.

    - IN: every attacker is OUT, each defeated by an IN defender whose IN-ness is justified the
      same way. One defender per attacker (the one that defeated it first), so the subgraph
      holds only the defenders needed, and it stays finite on cycles.
    - OUT: its IN attackers, each justified as IN.
    - UNDEC: the UNDEC attackers keeping it undecided, followed back transitively to the cycles
      of attacks they hang from.
    """
    if arg_id not in fw.index:
        raise KeyError(f"unknown argument {arg_id!r}")
    x = fw.index[arg_id]
    label, defeater = _grounded_core(fw.n, fw.attack_src, fw.attack_dst)
    in_ptr, sources = csr(fw.n, fw.attack_dst, fw.attack_src)
    graph = _Subgraph(x)

    def attackers(v: int) -> list[int]:
        return sources[in_ptr[v] : in_ptr[v + 1]].tolist()

    def names(vs: list[int]) -> str:
        return ", ".join(dict.fromkeys(fw.ids[v] for v in vs))

    def justify_in(roots: list[int]) -> None:
        stack, seen = list(roots), set()
        while stack:  # each node expanded once; defeaters point back in the derivation
            v = stack.pop()
            if v not in seen:
                seen.add(v)
                for y in attackers(v):
                    graph.add(y, v)
                    graph.add(int(defeater[y]), y)
                    stack.append(int(defeater[y]))

    if label[x] == IN:
        justify_in([x])
        direct = attackers(x)
        reason = (
            f"{arg_id} is IN: each of its attackers is defeated by an IN argument "
            f"({names([int(defeater[y]) for y in direct])})."
            if direct
            else f"{arg_id} is IN: nothing attacks it."
        )
    elif label[x] == OUT:
        ins = [a for a in attackers(x) if label[a] == IN]
        for a in ins:
            graph.add(a, x)
        justify_in(ins)
        reason = f"{arg_id} is OUT: it is attacked by IN argument(s) {names(ins)}."
    else:
        stack, seen = [x], {x}
        while stack:
            v = stack.pop()
            for a in attackers(v):
                if label[a] == UNDEC:
                    graph.add(a, v)
                    if a not in seen:
                        seen.add(a)
                        stack.append(a)
        undec = [a for a in attackers(x) if label[a] == UNDEC]
        verb = "stays" if len(undec) == 1 else "stay"
        reason = (
            f"{arg_id} is UNDEC: no attacker is IN, but {names(undec)} {verb} undecided, "
            "caught in a cycle of attacks."
        )
    return Explanation(
        argument=arg_id,
        label=_LABELS[label[x] + 1],
        reason=reason,
        nodes={fw.ids[v]: _LABELS[label[v] + 1] for v in graph.nodes},
        edges=tuple(Edge(fw.ids[a], fw.ids[b]) for a, b in graph.edges),
    )


class _Subgraph:
    """Insertion-ordered node and edge sets, so responses are deterministic."""

    def __init__(self, root: int) -> None:
        self.nodes: dict[int, None] = {root: None}
        self.edges: dict[tuple[int, int], None] = {}

    def add(self, a: int, b: int) -> None:
        self.nodes.setdefault(a)
        self.nodes.setdefault(b)
        self.edges.setdefault((a, b))
