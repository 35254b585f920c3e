"""A bipolar argumentation framework over statement ids, stored as index arrays, with
undercuts: statements that attack an attack or a support itself (its inference), not its ends.
"""

from collections.abc import Mapping, Sequence
from dataclasses import InitVar, dataclass, field
from functools import cached_property
from itertools import repeat
from operator import itemgetter
from typing import NamedTuple

import numpy as np

DEFAULT_BASE_SCORE = 0.5

ATTACK, SUPPORT = "REFUTES", "SUPPORTS"


class Edge(NamedTuple):
    source: str
    target: str
    type: str = ATTACK  # REFUTES (an attack) or SUPPORTS


class Undercut(NamedTuple):
    """`source` attacks the inference of `edge`: the edge no longer carries its force when the
    undercutter stands (grounded, preferred), and carries less of it the stronger the
    undercutter is (DF-QuAD)."""

    source: str
    edge: Edge


@dataclass(frozen=True, eq=False)
class Framework:
    """Arguments are statement ids; attacks are REFUTES edges (attacker, attacked) and supports
    are SUPPORTS edges (supporter, supported); undercuts attack an attack or a support.

    Edges with an endpoint outside `ids` are dropped, so a framework built from a sub-map
    evaluates that scope on its own; so are undercuts whose undercutter or edge is not in it. Duplicate edges collapse to one (as in the graph, where one
    (source, type, target) triple is one edge). Edge arrays are sorted by (source, target), which
    makes the source-ordered CSR free (see `csr`).
    """

    ids: Sequence[str]
    attacks: InitVar[Sequence[tuple[str, str]]] = ()
    supports: InitVar[Sequence[tuple[str, str]]] = ()
    base_scores: InitVar[Mapping[str, float | None] | None] = None  # None: DEFAULT_BASE_SCORE
    undercuts: InitVar[Sequence[Undercut]] = ()

    index: dict[str, int] = field(init=False, repr=False)
    attack_src: np.ndarray = field(init=False, repr=False)
    attack_dst: np.ndarray = field(init=False, repr=False)
    support_src: np.ndarray = field(init=False, repr=False)
    support_dst: np.ndarray = field(init=False, repr=False)
    base: np.ndarray = field(init=False, repr=False)
    # Undercuts, per kind of edge: the undercutter and the index of the edge in its arrays.
    attack_undercut_src: np.ndarray = field(init=False, repr=False)
    attack_undercut_edge: np.ndarray = field(init=False, repr=False)
    support_undercut_src: np.ndarray = field(init=False, repr=False)
    support_undercut_edge: np.ndarray = field(init=False, repr=False)

    def __post_init__(
        self,
        attacks: Sequence[tuple[str, str]],
        supports: Sequence[tuple[str, str]],
        base_scores: Mapping[str, float | None] | None,
        undercuts: Sequence[Undercut],
    ) -> None:
        ids = tuple(self.ids)
        index = {a: i for i, a in enumerate(ids)}
        if len(index) != len(ids):
            raise ValueError("argument ids must be unique")
        base = np.full(len(ids), DEFAULT_BASE_SCORE)
        for a, score in (base_scores or {}).items():
            if a in index and score is not None:  # `base_score` is optional on statements
                if not 0.0 <= score <= 1.0:
                    raise ValueError(f"base score of {a!r} must lie in [0, 1], got {score}")
                base[index[a]] = score
        # Frozen dataclass: the derived fields are set once here and never again.
        set_ = object.__setattr__
        set_(self, "ids", ids)
        set_(self, "index", index)
        set_(self, "base", base)
        for kind, edges in (("attack", attacks), ("support", supports)):
            src, dst = _edge_arrays(index, edges)
            set_(self, f"{kind}_src", src)
            set_(self, f"{kind}_dst", dst)
        for kind, type_ in (("attack", ATTACK), ("support", SUPPORT)):
            src, edge = _undercut_arrays(
                index,
                [(u, e.source, e.target) for u, e in undercuts if e.type == type_],
                getattr(self, f"{kind}_src"),
                getattr(self, f"{kind}_dst"),
            )
            set_(self, f"{kind}_undercut_src", src)
            set_(self, f"{kind}_undercut_edge", edge)

    @property
    def n(self) -> int:
        return len(self.ids)

    def attack(self, k: int) -> Edge:
        """The k-th attack, by its statement ids."""
        return Edge(self.ids[self.attack_src[k]], self.ids[self.attack_dst[k]], ATTACK)

    @cached_property
    def flat(self) -> "Flattened":
        """The attacks as a plain Dung framework, undercuts included (see `Flattened`)."""
        return Flattened.of(self)


@dataclass(frozen=True, eq=False)
class Flattened:
    """Dung's framework for grounded and preferred, undercuts flattened into it.

    An undercut attack a -> b (attack k, the j-th undercut one) becomes a -> X_j -> Y_j -> b
    with every undercutter u -> Y_j: X_j ("a does not stand") is argument n + 2j, Y_j ("the
    attack of a on b holds") is n + 2j + 1. Y_j is IN iff a is IN and no undercutter is IN, so
    b is defeated through it exactly when a stands and nobody stands who undercuts the attack.
    (The meta-argumentation flattening of attacks on attacks, Boella, Gabbay, van der Torre and
    Villata 2009.) Attacks nobody undercuts stay as they are, so a framework without undercuts
    is its own flattening.
    """

    statements: int  # arguments 0..statements-1 are the framework's; the rest auxiliary
    n: int
    src: np.ndarray
    dst: np.ndarray
    undercut: np.ndarray  # attack index of each auxiliary pair j

    @classmethod
    def of(cls, fw: Framework) -> "Flattened":
        undercut = np.unique(fw.attack_undercut_edge)
        if not undercut.size:
            return cls(fw.n, fw.n, fw.attack_src, fw.attack_dst, undercut)
        plain = np.ones(fw.attack_src.size, bool)
        plain[undercut] = False
        x = fw.n + 2 * np.arange(undercut.size)
        y = x + 1
        pair = np.empty(fw.attack_src.size, np.int64)  # attack index -> its pair j
        pair[undercut] = np.arange(undercut.size)
        # Columns: plain attacks; a -> X; X -> Y; Y -> b; u -> Y.
        src = (fw.attack_src[plain], fw.attack_src[undercut], x, y, fw.attack_undercut_src)
        dst = (
            fw.attack_dst[plain],
            x,
            y,
            fw.attack_dst[undercut],
            y[pair[fw.attack_undercut_edge]],
        )
        n = fw.n + 2 * undercut.size
        return cls(fw.n, n, np.concatenate(src), np.concatenate(dst), undercut)

    def attack_of(self, v: int) -> int | None:
        """The attack an auxiliary argument stands for (its index); None for a statement."""
        return None if v < self.statements else int(self.undercut[(v - self.statements) // 2])

    def is_attack_holds(self, v: int) -> bool:
        """Y_j: the auxiliary argument that attacks b when the attack holds."""
        return v >= self.statements and (v - self.statements) % 2 == 1


def _edge_arrays(
    index: Mapping[str, int], edges: Sequence[tuple[str, str]]
) -> tuple[np.ndarray, np.ndarray]:
    n, get = len(index), index.get

    def column(k: int) -> np.ndarray:  # C-level iteration: ~25% faster than a comprehension
        ends = map(itemgetter(k), edges)
        return np.fromiter(map(get, ends, repeat(-1)), dtype=np.int64, count=len(edges))

    src, dst = column(0), column(1)
    inside = (src >= 0) & (dst >= 0)
    # One sort both deduplicates and orders the edges by source. (Not np.unique: numpy >= 2.3
    # hashes first, ~15x slower than a plain sort on 3M edges.)
    keys = np.sort(src[inside] * n + dst[inside])
    keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))] if keys.size else keys
    return keys // n, keys % n


def _undercut_arrays(
    index: Mapping[str, int],
    undercuts: Sequence[tuple[str, str, str]],
    edge_src: np.ndarray,
    edge_dst: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """(undercutter, edge index) pairs, deduplicated; those outside the framework dropped."""
    n = len(index)
    ends = [(index.get(u, -1), index.get(a, -1), index.get(b, -1)) for u, a, b in undercuts]
    rows = np.array(ends, dtype=np.int64).reshape(-1, 3)
    rows = rows[(rows >= 0).all(axis=1)]
    keys = edge_src * n + edge_dst  # sorted and unique (see _edge_arrays)
    wanted = rows[:, 1] * n + rows[:, 2]
    at = np.searchsorted(keys, wanted)
    found = at < keys.size
    found[found] = keys[at[found]] == wanted[found]
    pairs = np.unique(np.stack([rows[found, 0], at[found]], axis=1), axis=0).reshape(-1, 2)
    return pairs[:, 0].copy(), pairs[:, 1].copy()


def csr(n: int, src: np.ndarray, dst: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Compressed rows of the edges src -> dst: the targets of node i are
    `targets[indptr[i]:indptr[i + 1]]`. Pass (dst, src) to get the sources of each node."""
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(src, minlength=n), out=indptr[1:])
    # Stable sort keeps it linear on already-sorted input (Framework edges are sorted by source).
    return indptr, dst[np.argsort(src, kind="stable")]
