"""Formal evaluation over the stored map: load the framework in scope, then compute.

The computation itself (argmap.argumentation) is pure and CPU-bound: it runs in a worker thread
so the event loop keeps serving.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property, partial

from anyio import to_thread

from argmap import argumentation as ev
from argmap.catalog import Catalog, Query
from argmap.domain import Basis
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
    Outcome,
    Semantics,
    UndercutStep,
)
from argmap.services.reads import ReadService
from argmap.services.runner import QueryRunner
from argmap.store import GraphStore

# Written onto the map by `apply`, so Neo4j Browser can colour statements by outcome.
OUTCOME_LABELS = {ev.Label.IN: "Accepted", ev.Label.OUT: "Rejected", ev.Label.UNDEC: "Undecided"}
EFFECTS = {
    ev.Label.IN: AttackEffect.DEFEATS,
    ev.Label.OUT: AttackEffect.FAILS,
    ev.Label.UNDEC: AttackEffect.UNDECIDED,
}


@dataclass(frozen=True)
class Loaded:
    """A framework and the rows it was built from."""

    framework: ev.Framework
    statements: list[dict]
    relations: list[dict]  # those it uses: {id, source, target, type, basis}

    def relation_id(self, edge: ev.Edge) -> str:
        return self._ids[(edge.source, edge.target, edge.type)]

    def undercut_id(self, undercut: ev.Undercut) -> str:
        return self._ids[(undercut.source, self.relation_id(undercut.edge), UNDERCUTS)]

    @cached_property
    def _ids(self) -> dict[tuple[str, str, str], str]:
        return {(r["source"], r["target"], r["type"]): r["id"] for r in self.relations}


class EvaluationService:
    def __init__(self, store: GraphStore, catalog: Catalog) -> None:
        self.run = QueryRunner(store, catalog)
        self.reads = ReadService(store, catalog)

    async def _framework(self, scope: MapScope, basis: BasisFilter) -> Loaded:
        ids = await self.reads.scope_ids(scope=scope)
        statements = await self.run.read(Query.EVALUATION_STATEMENTS, ids=ids)
        rows = await self.run.read(
            Query.EVALUATION_RELATIONS,
            ids=ids,
            basis=Basis.STATED.value if basis is BasisFilter.STATED else None,
        )
        inside = {s["id"] for s in statements}
        # An edge counts when both its statements are in scope; an undercut when its
        # undercutter is, and the edge it undercuts counts (of the basis asked for, too).
        edges = {
            r["id"]: ev.Edge(r["source"], r["target"], r["type"])
            for r in rows
            if r["type"] != UNDERCUTS and r["source"] in inside and r["target"] in inside
        }
        undercuts = [
            r
            for r in rows
            if r["type"] == UNDERCUTS and r["source"] in inside and r["target"] in edges
        ]
        framework = ev.Framework(
            [s["id"] for s in statements],
            attacks=[(e.source, e.target) for e in edges.values() if e.type == ev.ATTACK],
            supports=[(e.source, e.target) for e in edges.values() if e.type == ev.SUPPORT],
            base_scores={s["id"]: s["base_score"] for s in statements},
            undercuts=[ev.Undercut(r["source"], edges[r["target"]]) for r in undercuts],
        )
        used = [r for r in rows if r["id"] in edges] + undercuts
        return Loaded(framework, statements, used)

    async def evaluate(
        self,
        *,
        semantics: Semantics,
        scope: MapScope,
        max_arguments: int,
        timeout_s: float,
        basis: BasisFilter = BasisFilter.ALL,
    ) -> Evaluation:
        loaded = await self._framework(scope, basis)
        fw, statements = loaded.framework, loaded.statements
        items = [Outcome(id=s["id"], role=s["role"], title=s["title"]) for s in statements]
        extra: dict = {}
        if semantics is Semantics.GROUNDED:
            labels = await to_thread.run_sync(ev.grounded, fw)
            for item in items:
                item.label = GroundedLabel(labels[item.id])
            counts = Counter(item.label.value for item in items)
        elif semantics is Semantics.PREFERRED:
            try:
                result = await to_thread.run_sync(
                    partial(ev.preferred, fw, max_arguments=max_arguments, timeout_s=timeout_s)
                )
            except ev.FrameworkTooLarge as exc:
                raise Unprocessable(
                    f"{exc}; narrow the scope (position, source, speaker) or raise max_arguments"
                ) from exc
            except ev.PreferredTimeout as exc:
                raise Unprocessable(f"{exc}; narrow the scope or raise timeout") from exc
            for item in items:
                item.credulous = result.credulous[item.id]
                item.sceptical = result.sceptical[item.id]
            counts = Counter(
                "sceptical" if i.sceptical else "credulous" if i.credulous else "rejected"
                for i in items
            )
            extra["extensions"] = [sorted(e) for e in result.extensions]
        else:
            strengths = await to_thread.run_sync(ev.dfquad, fw)
            for item in items:
                item.strength = round(strengths[item.id], 6)
            counts = Counter(
                "above base" if i.strength > fw.base[fw.index[i.id]] else
                "below base" if i.strength < fw.base[fw.index[i.id]] else "at base"
                for i in items
            )  # fmt: skip
            extra["converged"] = strengths.converged
        used: dict[str, dict[str, int]] = defaultdict(dict)
        for (type_, basis_), n in sorted(
            Counter((r["type"], r["basis"]) for r in loaded.relations).items()
        ):
            used[type_][basis_] = n
        return Evaluation(
            semantics=semantics,
            scope=scope,
            basis=basis,
            arguments=len(fw.ids),
            attacks=len(fw.attack_src),
            supports=len(fw.support_src),
            undercuts=len(fw.attack_undercut_src) + len(fw.support_undercut_src),
            relations=used,
            items=items,
            counts=dict(counts),
            **extra,
        )

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
