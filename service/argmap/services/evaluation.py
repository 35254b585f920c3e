"""Formal evaluation over the stored map: load the framework in scope, then compute.

The computation itself (argmap.argumentation) is pure and CPU-bound: it runs in a worker thread
so the event loop keeps serving.
"""

from __future__ import annotations

from collections import Counter
from functools import partial

from anyio import to_thread

from argmap import argumentation as ev
from argmap.catalog import Catalog, Query
from argmap.domain import EdgeType, edge_id
from argmap.errors import NotFound, Unprocessable
from argmap.models import (
    Applied,
    Evaluation,
    ExplainedNode,
    Explanation,
    GraphEdge,
    GroundedLabel,
    MapScope,
    Outcome,
    Semantics,
)
from argmap.services.reads import ReadService
from argmap.services.runner import QueryRunner
from argmap.store import GraphStore

# Written onto the map by `apply`, so Neo4j Browser can colour statements by outcome.
OUTCOME_LABELS = {ev.Label.IN: "Accepted", ev.Label.OUT: "Rejected", ev.Label.UNDEC: "Undecided"}


class EvaluationService:
    def __init__(self, store: GraphStore, catalog: Catalog) -> None:
        self.run = QueryRunner(store, catalog)
        self.reads = ReadService(store, catalog)

    async def _framework(self, scope: MapScope) -> tuple[ev.Framework, list[dict]]:
        ids = await self.reads.scope_ids(scope=scope)
        statements = await self.run.read(Query.EVALUATION_STATEMENTS, ids=ids)
        relations = await self.run.read(Query.EVALUATION_RELATIONS, ids=ids)
        framework = ev.Framework(
            [s["id"] for s in statements],
            attacks=[
                (r["source"], r["target"]) for r in relations if r["type"] == EdgeType.REFUTES
            ],
            supports=[
                (r["source"], r["target"]) for r in relations if r["type"] == EdgeType.SUPPORTS
            ],
            base_scores={s["id"]: s["base_score"] for s in statements},
        )
        return framework, statements

    async def evaluate(
        self, *, semantics: Semantics, scope: MapScope, max_arguments: int, timeout_s: float
    ) -> Evaluation:
        fw, statements = await self._framework(scope)
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
        return Evaluation(
            semantics=semantics,
            scope=scope,
            arguments=len(fw.ids),
            attacks=len(fw.attack_src),
            supports=len(fw.support_src),
            items=items,
            counts=dict(counts),
            **extra,
        )

    async def explain(self, *, id: str, scope: MapScope) -> Explanation:
        fw, _ = await self._framework(scope)
        if id not in fw.index:
            await self.reads.require(statements=(id,))  # 404 when it does not exist at all
            raise NotFound(f"statement {id!r} is outside the scope")
        why = await to_thread.run_sync(ev.explain_grounded, fw, id)
        nodes = await self.reads.nodes(list(why.nodes))
        return Explanation(
            id=id,
            semantics=Semantics.GROUNDED,
            scope=scope,
            label=GroundedLabel(why.label),
            reason=why.reason,
            nodes=[
                ExplainedNode(**n.model_dump(), label=GroundedLabel(why.nodes[n.id])) for n in nodes
            ],
            edges=[
                GraphEdge(
                    id=edge_id(e.source, e.type, e.target),
                    source=e.source,
                    target=e.target,
                    type=e.type,
                )
                for e in why.edges
            ],
        )

    async def apply(self) -> Applied:
        """Write the grounded label (as a node label) and DF-QuAD strength onto every statement."""
        fw, _ = await self._framework(MapScope())
        labels = await to_thread.run_sync(ev.grounded, fw)
        strengths = await to_thread.run_sync(ev.dfquad, fw)
        rows = [
            {"id": a, "label": OUTCOME_LABELS[labels[a]], "strength": strengths[a]} for a in fw.ids
        ]
        written = await self.run.write(Query.EVALUATION_APPLY, rows=rows)
        return Applied(
            written=written[0]["written"] if written else 0,
            counts=dict(Counter(row["label"] for row in rows)),
        )
