"""Dung's grounded semantics over the attack relation, and why an argument gets its label.

Undercuts take part through the framework's flattening (`Framework.flat`): labels are computed
on it and reported for the statements only; explanations translate its auxiliary arguments
back into the attacks and undercuts they stand for.
"""

from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np

from argmap.argumentation.framework import Edge, Framework, Undercut, csr

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
    UNDEC; an undercut attack defeats only while no undercutter of it is IN. Linear in
    arguments + attacks + undercuts."""
    flat = fw.flat
    labels = grounded_indices(flat.n, flat.src, flat.dst)[: fw.n]
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


@dataclass(frozen=True)
class Explanation:
    """A justification subgraph for one argument's grounded label, in the framework's terms."""

    argument: str
    label: Label
    reason: str
    nodes: dict[str, Label]  # every argument in the subgraph with its grounded label
    edges: tuple[Edge, ...]  # the attacks it shows
    undercuts: tuple[Undercut, ...] = ()  # the undercuts of those attacks it shows
    # Per attack shown: IN when it defeats its target (its attacker is IN and no undercutter
    # is), OUT when it fails, UNDEC when that is undecided.
    holds: dict[Edge, Label] = field(default_factory=dict)


def explain_grounded(fw: Framework, arg_id: str) -> Explanation:
    """Why `arg_id` is IN, OUT or UNDEC under grounded semantics.

    - IN: every attacker is OUT, each defeated by an IN defender whose IN-ness is justified the
      same way, or its attack is undercut by an IN undercutter. One defender per attacker (the
      one that defeated it first), so the subgraph holds only the defenders needed, and it
      stays finite on cycles.
    - OUT: its IN attackers, each justified as IN (with its undercutters, each OUT).
    - UNDEC: the UNDEC attackers keeping it undecided, followed back transitively to the cycles
      of attacks they hang from.

    The walk runs on the flattened framework; its auxiliary arguments come back as the attacks
    and undercuts they stand for.
    """
    if arg_id not in fw.index:
        raise KeyError(f"unknown argument {arg_id!r}")
    x = fw.index[arg_id]
    flat = fw.flat
    label, defeater = _grounded_core(flat.n, flat.src, flat.dst)
    in_ptr, sources = csr(flat.n, flat.dst, flat.src)
    graph = _Subgraph(x)

    def attackers(v: int) -> list[int]:
        return sources[in_ptr[v] : in_ptr[v + 1]].tolist()

    def who(v: int) -> str:
        """The statement behind an attacker: itself, or the source of the attack Y_j holds."""
        k = flat.attack_of(v)
        return fw.ids[v] if k is None else fw.ids[fw.attack_src[k]]

    def names(vs: list[int]) -> str:
        return ", ".join(dict.fromkeys(who(v) for v in vs))

    def undercutters(k: int) -> list[int]:
        return fw.attack_undercut_src[fw.attack_undercut_edge == k].tolist()

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

    def fails(y: int) -> str:
        """Why attacker y of an IN argument does not defeat it."""
        d = int(defeater[y])
        if flat.attack_of(y) is None:
            return f"{fw.ids[y]} is defeated by {who(d)}"
        a = fw.attack_src[flat.attack_of(y)]
        if d < fw.n:  # an undercutter
            return f"the attack of {fw.ids[a]} is undercut by {fw.ids[d]}"
        return f"{fw.ids[a]} is defeated by {who(int(defeater[a]))}"

    def undecided(y: int) -> str:
        """What keeps UNDEC attacker y undecided: its statement, or the undercut of its attack."""
        k = flat.attack_of(y)
        if k is None or label[fw.attack_src[k]] == UNDEC:
            return who(y)
        open_ = [fw.ids[u] for u in undercutters(k) if label[u] == UNDEC]
        return f"the undercut of {who(y)}'s attack by {', '.join(open_)}"

    if label[x] == IN:
        justify_in([x])
        direct = attackers(x)
        reason = (
            f"{arg_id} is IN: every attack on it fails: {'; '.join(fails(y) for y in direct)}."
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
        undec = list(dict.fromkeys(undecided(a) for a in attackers(x) if label[a] == UNDEC))
        verb = "stays" if len(undec) == 1 else "stay"
        reason = (
            f"{arg_id} is UNDEC: no attacker is IN, but {', '.join(undec)} {verb} undecided, "
            "caught in a cycle of attacks."
        )
    return _translate(fw, arg_id, reason, label, graph)


def _translate(
    fw: Framework, arg_id: str, reason: str, label: np.ndarray, graph: "_Subgraph"
) -> Explanation:
    """The flattened subgraph in the framework's terms: X_j/Y_j edges become their attack,
    u -> Y_j an undercut of it; every end of a shown attack is a node."""
    flat = fw.flat
    pair = {int(k): j for j, k in enumerate(flat.undercut.tolist())}

    def holds(k: int) -> Label:
        j = pair.get(k)
        v = fw.attack_src[k] if j is None else flat.statements + 2 * j + 1
        return _LABELS[label[v] + 1]

    attacks: dict[int, None] = {}
    undercuts: dict[tuple[int, int], None] = {}
    for a, b in graph.edges:
        if a < fw.n and b < fw.n:
            attacks.setdefault(_attack_index(fw, a, b))
        elif a < fw.n and flat.is_attack_holds(b):  # u -> Y_j
            undercuts.setdefault((a, flat.attack_of(b)))
            attacks.setdefault(flat.attack_of(b))
        else:  # a -> X_j, X_j -> Y_j, Y_j -> b: all the attack itself
            attacks.setdefault(flat.attack_of(b if b >= fw.n else a))
    nodes = {v: None for v in graph.nodes if v < fw.n}
    for k in attacks:
        nodes.setdefault(int(fw.attack_src[k]))
        nodes.setdefault(int(fw.attack_dst[k]))
    for u, _ in undercuts:
        nodes.setdefault(u)
    edges = {k: fw.attack(k) for k in attacks}
    return Explanation(
        argument=arg_id,
        label=_LABELS[label[fw.index[arg_id]] + 1],
        reason=reason,
        nodes={fw.ids[v]: _LABELS[label[v] + 1] for v in nodes},
        edges=tuple(edges.values()),
        undercuts=tuple(Undercut(fw.ids[u], edges[k]) for u, k in undercuts),
        holds={edges[k]: holds(k) for k in attacks},
    )


def _attack_index(fw: Framework, a: int, b: int) -> int:
    """Index of the attack a -> b in the framework's sorted, unique edge arrays."""
    return int(np.searchsorted(fw.attack_src * fw.n + fw.attack_dst, a * fw.n + b))


class _Subgraph:
    """Insertion-ordered node and edge sets, so responses are deterministic."""

    def __init__(self, root: int) -> None:
        self.nodes: dict[int, None] = {root: None}
        self.edges: dict[tuple[int, int], None] = {}

    def add(self, a: int, b: int) -> None:
        self.nodes.setdefault(a)
        self.nodes.setdefault(b)
        self.edges.setdefault((a, b))
