"""Formal evaluation over the stored map: load the framework in scope, then compute.

At a million statements nothing here is a Python object per statement or per edge that need
not be: the engine answers in columns (one row of parallel lists, or their text), edges become
position arrays through one lookup table, and the answer's items go to orjson as plain dicts
built from the columns (a pydantic model per statement took seconds at 1M).

The computation itself (argmap.argumentation) is pure and CPU-bound: it runs in a worker thread
so the event loop keeps serving.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import numpy as np
import orjson
from anyio import to_thread

from argmap import argumentation as ev
from argmap.catalog import Catalog, Query
from argmap.domain import Basis, edge_id, parse_edge_id
from argmap.errors import NotFound, Unprocessable
from argmap.models import (
    UNDERCUTS,
    Applied,
    AttackEffect,
    AttackStep,
    BasisFilter,
    Evaluation,
    ExplainedNode,
    Explanation,
    GroundedLabel,
    GroundedRelation,
    MapScope,
    Semantics,
    UndercutStep,
)
from argmap.services.reads import ReadService
from argmap.services.runner import QueryRunner
from argmap.store import GraphStore, Row

# Written onto the map by `apply`, so Neo4j Browser can colour statements by outcome.
OUTCOME_LABELS = {ev.Label.IN: "Accepted", ev.Label.OUT: "Rejected", ev.Label.UNDEC: "Undecided"}
EFFECTS = {
    ev.Label.IN: AttackEffect.DEFEATS,
    ev.Label.OUT: AttackEffect.FAILS,
    ev.Label.UNDEC: AttackEffect.UNDECIDED,
}
# Joins the string columns FalkorDB returns (evaluation/statements): a C0 control character,
# which no stored text holds (domain: text fields refuse them).
SEPARATOR = "\x1f"
_LABEL_CODES = (ev.Label.OUT, ev.Label.UNDEC, ev.Label.IN)  # grounded code + 1


class Phases(dict[str, float]):
    """Seconds per phase of one request, in order; `server_timing` is its HTTP header."""

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self[name] = self.get(name, 0.0) + time.perf_counter() - started

    @property
    def server_timing(self) -> str:
        return ", ".join(f"{name};dur={seconds * 1000:.1f}" for name, seconds in self.items())


@dataclass(frozen=True)
class Loaded:
    """A framework, the statements' other columns, and the relations it used."""

    framework: ev.Framework
    roles: list[str]
    titles: list[str | None]
    relations: dict[str, dict[str, int]]  # used, by type then basis, sorted
    undercuts: list[Row] = field(default_factory=list)  # used: {id, source, target, basis}

    def relation_id(self, edge: ev.Edge) -> str:
        return edge_id(edge.source, edge.type, edge.target)  # ids are derived (domain)

    def undercut_id(self, undercut: ev.Undercut) -> str:
        target = self.relation_id(undercut.edge)
        return next(
            r["id"]
            for r in self.undercuts
            if (r["source"], r["target"]) == (undercut.source, target)
        )


@dataclass(frozen=True)
class EvaluationJson:
    """The answer of `GET /evaluation` as JSON bytes, and where its time went."""

    body: bytes
    phases: Phases


class EvaluationService:
    def __init__(self, store: GraphStore, catalog: Catalog) -> None:
        self.run = QueryRunner(store, catalog)
        self.reads = ReadService(store, catalog)

    async def _framework(
        self, scope: MapScope, basis: BasisFilter, phases: Phases | None = None
    ) -> Loaded:
        phases = Phases() if phases is None else phases
        with phases("read"):
            ids = await self.reads.scope_ids(scope=scope)
            basis_value = Basis.STATED.value if basis is BasisFilter.STATED else None
            # Four statements at once: the engine runs them on its threads side by side.
            statements, attacks, supports, undercuts = await asyncio.gather(
                self.run.read(Query.EVALUATION_STATEMENTS, ids=ids, sep=SEPARATOR),
                self.run.read(Query.EVALUATION_ATTACKS, ids=ids, basis=basis_value),
                self.run.read(Query.EVALUATION_SUPPORTS, ids=ids, basis=basis_value),
                self.run.read(Query.EVALUATION_UNDERCUTS, ids=ids, basis=basis_value),
            )
        with phases("build"):
            relations = {ev.ATTACK: attacks, ev.SUPPORT: supports}
            return await to_thread.run_sync(_load, statements[0], relations, undercuts)

    async def evaluate(
        self,
        *,
        semantics: Semantics,
        scope: MapScope,
        max_arguments: int,
        timeout_s: float,
        basis: BasisFilter = BasisFilter.ALL,
    ) -> Evaluation:
        answer = await self.evaluate_json(
            semantics=semantics,
            scope=scope,
            max_arguments=max_arguments,
            timeout_s=timeout_s,
            basis=basis,
        )
        return Evaluation.model_validate_json(answer.body)

    async def evaluate_json(
        self,
        *,
        semantics: Semantics,
        scope: MapScope,
        max_arguments: int,
        timeout_s: float,
        basis: BasisFilter = BasisFilter.ALL,
    ) -> EvaluationJson:
        """The `Evaluation` as JSON, written without a model per statement (see module)."""
        phases = Phases()
        loaded = await self._framework(scope, basis, phases)
        fw = loaded.framework
        columns: dict[str, list[Any]] = {}
        extra: dict[str, Any] = {}
        with phases("solve"):
            if semantics is Semantics.GROUNDED:
                codes = await to_thread.run_sync(_grounded_codes, fw)
                names = np.array([label.value for label in _LABEL_CODES], dtype=object)
                columns["label"] = names[codes + 1].tolist()
                counts = _counts(codes + 1, [label.value for label in _LABEL_CODES])
            elif semantics is Semantics.PREFERRED:
                try:
                    result = await to_thread.run_sync(
                        partial(ev.preferred, fw, max_arguments=max_arguments, timeout_s=timeout_s)
                    )
                except ev.FrameworkTooLarge as exc:
                    raise Unprocessable(
                        f"{exc}; narrow the scope (position, source, speaker) or raise "
                        "max_arguments"
                    ) from exc
                except ev.PreferredTimeout as exc:
                    raise Unprocessable(f"{exc}; narrow the scope or raise timeout") from exc
                credulous = np.array([result.credulous[a] for a in fw.ids], dtype=bool)
                sceptical = np.array([result.sceptical[a] for a in fw.ids], dtype=bool)
                columns["credulous"] = credulous.tolist()
                columns["sceptical"] = sceptical.tolist()
                status = np.where(sceptical, 0, np.where(credulous, 1, 2))
                counts = _counts(status, ["sceptical", "credulous", "rejected"])
                extra["extensions"] = [sorted(e) for e in result.extensions]
            else:
                strengths = await to_thread.run_sync(ev.dfquad, fw)
                rounded = [round(v, 6) for v in strengths.values()]  # in fw.ids order
                columns["strength"] = rounded
                values = np.array(rounded, dtype=float)
                side = np.where(values > fw.base, 0, np.where(values < fw.base, 1, 2))
                counts = _counts(side, ["above base", "below base", "at base"])
                extra["converged"] = strengths.converged
        with phases("encode"):
            header = Evaluation(
                semantics=semantics,
                scope=scope,
                basis=basis,
                arguments=len(fw.ids),
                attacks=len(fw.attack_src),
                supports=len(fw.support_src),
                undercuts=len(fw.attack_undercut_src) + len(fw.support_undercut_src),
                relations=loaded.relations,
                items=[],
                counts=counts,
                **extra,
            )
            body = await to_thread.run_sync(_body, header, loaded, columns)
        return EvaluationJson(body, phases)

    async def explain(
        self, *, id: str, scope: MapScope, basis: BasisFilter = BasisFilter.ALL
    ) -> Explanation:
        loaded = await self._framework(scope, basis)
        fw = loaded.framework
        if id not in fw.index:
            await self.reads.require(statements=(id,))  # 404 when it does not exist at all
            raise NotFound(f"statement {id!r} is outside the scope")
        why = await to_thread.run_sync(ev.explain_grounded, fw, id)
        attack_ids = {e: loaded.relation_id(e) for e in why.edges}
        undercut_ids = {u: loaded.undercut_id(u) for u in why.undercuts}
        rows = await self.run.read(
            Query.EDGES_GROUNDS, ids=[*attack_ids.values(), *undercut_ids.values()]
        )
        grounds = {row["relation"]["id"]: _grounded(row["relation"]) for row in rows}
        nodes = await self.reads.nodes(list(why.nodes))
        labels = {a: GroundedLabel(label) for a, label in why.nodes.items()}
        steps = [
            AttackStep(
                attacker=e.source,
                target=e.target,
                effect=EFFECTS[why.holds[e]],
                relation=grounds[attack_ids[e]],
                undercuts=[
                    UndercutStep(
                        undercutter=u.source, label=labels[u.source], relation=grounds[uid]
                    )
                    for u, uid in undercut_ids.items()
                    if u.edge == e
                ],
            )
            for e in why.edges
        ]
        return Explanation(
            id=id,
            semantics=Semantics.GROUNDED,
            scope=scope,
            basis=basis,
            label=GroundedLabel(why.label),
            reason=why.reason,
            nodes=[ExplainedNode(**n.model_dump(), label=labels[n.id]) for n in nodes],
            edges=[step.relation.as_graph_edge() for step in steps]
            + [u.relation.as_graph_edge() for step in steps for u in step.undercuts],
            steps=steps,
        )

    async def apply(self, *, basis: BasisFilter = BasisFilter.ALL) -> Applied:
        """Write the grounded label (as a node label) and DF-QuAD strength onto every statement."""
        fw = (await self._framework(MapScope(), basis)).framework
        labels = await to_thread.run_sync(ev.grounded, fw)
        strengths = await to_thread.run_sync(ev.dfquad, fw)
        rows = [
            {"id": a, "label": OUTCOME_LABELS[labels[a]], "strength": strengths[a]} for a in fw.ids
        ]
        written = await self.run.write(Query.EVALUATION_APPLY, rows=rows)
        return Applied(
            basis=basis,
            written=written[0]["written"] if written else 0,
            counts=dict(Counter(row["label"] for row in rows)),
        )


def _grounded(row: dict) -> GroundedRelation:
    """A relation's grounds as the query shapes them, in a stable order, put in words."""
    row = row | {
        "speakers": sorted(row["speakers"], key=lambda p: p["name"]),
        "quotes": sorted(row["quotes"], key=lambda q: (q["source"], q["start"], q["end"])),
    }
    return GroundedRelation(**row, summary=_summary(row))


def _summary(row: dict) -> str:
    """ "argued by A, B: "…" (Source title, 120-180)", or "reconstructed: <note>"."""
    by = ", ".join(p["name"] for p in row["speakers"])
    if row["basis"] == Basis.RECONSTRUCTED:
        return f"reconstructed: {row['note']}" + (f" (argued by {by})" if by else "")
    cited = "; ".join(
        f'"{q["quote"]}" ({q["source_title"] or q["source"]}, {q["start"]}-{q["end"]})'
        for q in row["quotes"]
    )
    return f"argued by {by}: {cited}" if by else f"stated: {cited}"


def _load(statements: Row, relations: dict[str, list[Row]], undercut_rows: list[Row]) -> Loaded:
    """The framework from the engine's columns (evaluation/statements, relations, undercuts).

    Edges name their ends by engine node id; one lookup table (node id -> position) maps all
    of them at once, and an end that is not a statement in scope maps to -1, which the
    framework drops. An edge counts when both its statements are in scope; an undercut when
    its undercutter is, and the edge it undercuts counts (of the basis asked for, too)."""
    nodes = _integers(statements["nodes"])
    n = nodes.size
    ids = _strings(statements["ids"], n)
    roles = _strings(statements["roles"], n)
    titles = _strings(statements["titles"], n)
    base = np.array(_column(statements["base_scores"]), dtype=float).reshape(-1)
    if not len(ids) == len(roles) == len(titles) == base.size == n:
        raise ValueError("evaluation/statements: columns of different lengths")
    # In id order, the answer's (Python and Cypher both order strings by code point).
    order = sorted(range(n), key=ids.__getitem__)
    ids, roles = [ids[i] for i in order], [roles[i] for i in order]
    titles = [titles[i] or None for i in order]
    nodes, base = nodes[order], base[order]
    base[base < 0] = ev.framework.DEFAULT_BASE_SCORE  # -1.0: the statement has none
    position = np.full(int(nodes.max()) + 2 if n else 1, -1, np.int64)  # last cell: not ours
    position[nodes] = np.arange(n)

    def positions(node_ids: Any) -> np.ndarray:
        found = _integers(node_ids)
        return position[np.where((found >= 0) & (found < position.size), found, -1)]

    ends: dict[str, list[tuple[np.ndarray, np.ndarray]]] = {ev.ATTACK: [], ev.SUPPORT: []}
    used: Counter[tuple[str, str]] = Counter()
    for type_, rows in relations.items():
        for row in rows:
            src, dst = positions(row["sources"]), positions(row["targets"])
            ends[type_].append((src, dst))
            used[(type_, row["basis"])] += int(((src >= 0) & (dst >= 0)).sum())

    def joined(kind: str) -> tuple[np.ndarray, np.ndarray]:
        pairs = ends[kind]
        return (
            np.concatenate([src for src, _ in pairs] or [np.empty(0, np.int64)]),
            np.concatenate([dst for _, dst in pairs] or [np.empty(0, np.int64)]),
        )

    undercuts = _undercut_positions(ids, undercut_rows)
    framework = ev.Framework.from_indices(
        ids,
        attacks=joined(ev.ATTACK),
        supports=joined(ev.SUPPORT),
        base=base,
        undercuts={kind: (u, a, b) for kind, (u, a, b, _) in undercuts.items()},
    )
    kept: list[Row] = []
    for kind, (u, a, b, rows) in undercuts.items():
        holds = framework.edge_index(kind, a, b) >= 0
        kept += [row for row, ok in zip(rows, (u >= 0) & holds, strict=True) if ok]
    kept.sort(key=lambda row: row["id"])
    used.update((UNDERCUTS, row["basis"]) for row in kept)
    by_type: dict[str, dict[str, int]] = defaultdict(dict)
    for (type_, basis_), count in sorted(used.items()):
        if count:
            by_type[type_][basis_] = count
    return Loaded(framework, roles, titles, dict(by_type), kept)


def _undercut_positions(
    ids: Sequence[str], rows: list[Row]
) -> dict[str, tuple[np.ndarray, np.ndarray, np.ndarray, list[Row]]]:
    """Per edge type: undercutter, edge source and edge target positions (-1 when outside),
    and the rows they come from. The edge is named by its id, whose parts are its ends."""
    found: dict[str, list[tuple[str, str, str, Row]]] = {ev.ATTACK: [], ev.SUPPORT: []}
    for row in rows:
        parts = parse_edge_id(row["target"])
        if parts is not None:
            source, type_, target = parts
            found[type_.value].append((row["source"], source, target, row))
    if not rows:
        return {}
    index = {a: i for i, a in enumerate(ids)}  # only when there are undercuts
    return {
        kind: (
            *(
                np.array([index.get(found_[k], -1) for found_ in items], dtype=np.int64)
                for k in range(3)
            ),
            [found_[3] for found_ in items],
        )
        for kind, items in found.items()
    }


def _grounded_codes(fw: ev.Framework) -> np.ndarray:
    """Grounded label codes of the statements (-1 OUT, 0 UNDEC, 1 IN), undercuts flattened."""
    flat = fw.flat
    return ev.grounded_indices(flat.n, flat.src, flat.dst)[: fw.n].astype(np.int64)


def _counts(codes: np.ndarray, names: list[str]) -> dict[str, int]:
    """Items per name (`names[code]`), in the order each first occurs, as Counter would."""
    present, first = np.unique(codes, return_index=True)
    tally = np.bincount(codes, minlength=len(names))
    return {names[c]: int(tally[c]) for c in present[np.argsort(first)].tolist()}


def _column(value: Any) -> list:
    """A list column: FalkorDB's form sends it as JSON text (evaluation/*.cypher)."""
    return json.loads(value) if isinstance(value, str) else value


def _integers(value: Any) -> np.ndarray:
    if isinstance(value, str):  # JSON text of integers: parsed in C, 6x faster than json
        return np.fromstring(value.strip("[]"), dtype=np.int64, sep=",")
    return np.array(value, dtype=np.int64).reshape(-1)


def _strings(value: Any, n: int) -> list[str]:
    """A string column: FalkorDB's form joins it with SEPARATOR ('' is one empty string)."""
    if not isinstance(value, str):
        return list(value)
    return value.split(SEPARATOR) if n else []


# An Outcome's fields that a semantics fills (from `columns`); the others are null.
_OUTCOME_COLUMNS = ("label", "credulous", "sceptical", "strength")


def _body(header: Evaluation, loaded: Loaded, columns: dict[str, list[Any]]) -> bytes:
    """The header model's JSON with its `items` (one `Outcome` per statement) built as plain
    dicts from the columns, in the Outcome's field order."""
    ids = loaded.framework.ids
    absent = [None] * len(ids)
    label, credulous, sceptical, strength = (columns.get(c, absent) for c in _OUTCOME_COLUMNS)
    answer = header.model_dump(mode="json")
    answer["items"] = [
        {"id": i, "role": r, "title": t, "label": lb, "credulous": c, "sceptical": s,
         "strength": g}
        for i, r, t, lb, c, s, g in zip(
            ids, loaded.roles, loaded.titles, label, credulous, sceptical, strength, strict=True
        )
    ]  # fmt: skip
    return orjson.dumps(answer)
