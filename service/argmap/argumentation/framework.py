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
        self.__dict__["index"] = index  # the cached `index`, built here anyway
        kinds = {ATTACK: "attack", SUPPORT: "support"}
        self._set_arrays(
            ids,
            base,
            attacks=_positions(index, attacks, 2),
            supports=_positions(index, supports, 2),
            undercuts={
                type_: _positions(
                    index, [(u, e.source, e.target) for u, e in undercuts if e.type == type_], 3
                )
                for type_ in kinds
            },
        )

    @classmethod
    def from_indices(
        cls,
        ids: Sequence[str],
        *,
        attacks: tuple[np.ndarray, np.ndarray],
        supports: tuple[np.ndarray, np.ndarray],
        base: np.ndarray | None = None,
        undercuts: Mapping[str, tuple[np.ndarray, np.ndarray, np.ndarray]] | None = None,
    ) -> "Framework":
        """A framework from argument positions instead of ids: edges as (sources, targets)
        arrays of positions in `ids` (-1: outside the framework, dropped), undercuts per edge
        type as (undercutters, edge sources, edge targets). `ids` must be unique. This is how
        a million statements load without a Python object per edge."""
        fw = cls.__new__(cls)
        base = np.full(len(ids), DEFAULT_BASE_SCORE) if base is None else base
        if base.size and not ((base >= 0.0) & (base <= 1.0)).all():
            raise ValueError("base scores must lie in [0, 1]")
        empty = np.empty((3, 0), np.int64)
        fw._set_arrays(
            tuple(ids),
            base,
            attacks=np.stack(attacks).reshape(2, -1),
            supports=np.stack(supports).reshape(2, -1),
            undercuts={
                type_: np.stack(undercuts[type_]).reshape(3, -1)
                if undercuts and type_ in undercuts
                else empty
                for type_ in (ATTACK, SUPPORT)
            },
        )
        return fw

    def _set_arrays(
        self,
        ids: tuple[str, ...],
        base: np.ndarray,
        *,
        attacks: np.ndarray,
        supports: np.ndarray,
        undercuts: Mapping[str, np.ndarray],
    ) -> None:
        # Frozen dataclass: the derived fields are set once here and never again.
        set_ = object.__setattr__
        set_(self, "ids", ids)
        set_(self, "base", base)
        n = len(ids)
        for kind, ends in (("attack", attacks), ("support", supports)):
            src, dst = _edge_arrays(n, ends[0], ends[1])
            set_(self, f"{kind}_src", src)
            set_(self, f"{kind}_dst", dst)
        for kind, type_ in (("attack", ATTACK), ("support", SUPPORT)):
            src, edge = _undercut_arrays(
                n, undercuts[type_], getattr(self, f"{kind}_src"), getattr(self, f"{kind}_dst")
            )
            set_(self, f"{kind}_undercut_src", src)
            set_(self, f"{kind}_undercut_edge", edge)

    def edge_index(self, type_: str, src: np.ndarray, dst: np.ndarray) -> np.ndarray:
        """Index of each edge src[k] -> dst[k] of `type_` in its arrays, -1 where there is none."""
        kind = "attack" if type_ == ATTACK else "support"
        return _find_edges(
            self.n, getattr(self, f"{kind}_src"), getattr(self, f"{kind}_dst"), src, dst
        )

    @cached_property
    def index(self) -> dict[str, int]:
        """Position of each argument id (built on first use: grounded needs none)."""
        return {a: i for i, a in enumerate(self.ids)}

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


def _positions(index: Mapping[str, int], rows: Sequence[tuple[str, ...]], width: int) -> np.ndarray:
    """Rows of ids as a (width, len(rows)) array of positions, -1 for an id not in `index`."""
    get = index.get

    def column(k: int) -> np.ndarray:  # C-level iteration: ~25% faster than a comprehension
        ends = map(itemgetter(k), rows)
        return np.fromiter(map(get, ends, repeat(-1)), dtype=np.int64, count=len(rows))

    return np.stack([column(k) for k in range(width)]).reshape(width, -1)


def _edge_arrays(n: int, src: np.ndarray, dst: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    src, dst = np.asarray(src, np.int64), np.asarray(dst, np.int64)
    inside = (src >= 0) & (dst >= 0)
    # One sort both deduplicates and orders the edges by source. (Not np.unique: numpy >= 2.3
    # hashes first, ~15x slower than a plain sort on 3M edges.)
    keys = np.sort(src[inside] * n + dst[inside])
    keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))] if keys.size else keys
    return keys // n, keys % n


def _undercut_arrays(
    n: int, undercuts: np.ndarray, edge_src: np.ndarray, edge_dst: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(undercutter, edge index) pairs from (3, k) positions (undercutter, edge source, edge
    target), deduplicated; those outside the framework, or of an edge it lacks, dropped."""
    rows = np.asarray(undercuts, np.int64).reshape(3, -1).T
    rows = rows[(rows >= 0).all(axis=1)]
    at = _find_edges(n, edge_src, edge_dst, rows[:, 1], rows[:, 2])
    found = at >= 0
    pairs = np.unique(np.stack([rows[found, 0], at[found]], axis=1), axis=0).reshape(-1, 2)
    return pairs[:, 0].copy(), pairs[:, 1].copy()


def _find_edges(
    n: int, edge_src: np.ndarray, edge_dst: np.ndarray, src: np.ndarray, dst: np.ndarray
) -> np.ndarray:
    """Index of each edge src[k] -> dst[k] among the sorted, unique edges; -1 if absent."""
    keys = edge_src * n + edge_dst  # sorted and unique (see _edge_arrays)
    src, dst = np.asarray(src, np.int64), np.asarray(dst, np.int64)
    inside = (src >= 0) & (dst >= 0)
    wanted = np.where(inside, src * n + dst, -1)
    at = np.searchsorted(keys, wanted)
    found = inside & (at < keys.size)
    found[found] = keys[at[found]] == wanted[found]
    return np.where(found, at, -1)


def csr(n: int, src: np.ndarray, dst: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Compressed rows of the edges src -> dst: the targets of node i are
    `targets[indptr[i]:indptr[i + 1]]`. Pass (dst, src) to get the sources of each node."""
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(src, minlength=n), out=indptr[1:])
    # Stable sort keeps it linear on already-sorted input (Framework edges are sorted by source).
    return indptr, dst[np.argsort(src, kind="stable")]
