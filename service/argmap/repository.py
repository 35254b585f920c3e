"""Graph logic: each method runs catalog queries through the store and returns models."""

from __future__ import annotations

from typing import Any

from .cypher import Catalog
from .errors import NotFound, Unprocessable
from .interchange import MapDocument
from .models import (
    Graph,
    GraphEdge,
    GraphNode,
    Page,
    PathPublic,
    Paths,
    PersonPublic,
    PersonSummary,
    PositionDetail,
    PositionSummary,
    QuotedStatement,
    RankedStatement,
    Relation,
    Role,
    ScopedGraph,
    Side,
    SourceListItem,
    SourcePublic,
    StatementPublic,
    StatementSummary,
    TreeGraph,
    Versus,
)
from .store import GraphStore

Row = dict[str, Any]
SCOPE_LIMIT = 10_000_000  # a scope selects statements; it is not a page
SHORTEST = {
    Relation.SUPPORTS: "paths/shortest_supports",
    Relation.REFUTES: "paths/shortest_refutes",
    Relation.ANY: "paths/shortest_any",
}


class Repository:
    def __init__(self, store: GraphStore, catalog: Catalog) -> None:
        self.store, self.q = store, catalog

    async def _read(self, name: str, /, **params: Any) -> list[Row]:
        return await self.store.read(self.q(name), params)

    async def _read_one(self, name: str, /, **params: Any) -> Row | None:
        rows = await self._read(name, **params)
        return rows[0] if rows else None

    async def _write(self, name: str, /, **params: Any) -> list[Row]:
        return await self.store.write(self.q(name), params)

    # --- existence checks ------------------------------------------------------------------

    async def require(
        self,
        *,
        statements: tuple[str | None, ...] = (),
        people: tuple[str | None, ...] = (),
        sources: tuple[str | None, ...] = (),
        positions: tuple[str | None, ...] = (),
    ) -> None:
        """404 naming the first id that does not exist (None ids are 'not asked')."""
        asked = {
            "statement": [i for i in statements if i is not None],
            "person": [i for i in people if i is not None],
            "source": [i for i in sources if i is not None],
            "position": [i for i in positions if i is not None],
        }
        if not any(asked.values()):
            return
        found = await self._read_one(
            "lookup/existing",
            statements=asked["statement"],
            people=asked["person"],
            sources=asked["source"],
            positions=asked["position"],
        )
        assert found is not None  # OPTIONAL MATCH + collect always yields one row
        for kind, column in (
            ("statement", "statements"),
            ("person", "people"),
            ("source", "sources"),
            ("position", "positions"),
        ):
            for missing in (i for i in asked[kind] if i not in found[column]):
                raise NotFound(f"no {kind} with id {missing!r}")

    # --- statements ------------------------------------------------------------------------

    async def search_statements(
        self,
        *,
        q: str | None,
        role: Role | None,
        speaker: str | None,
        source: str | None,
        offset: int,
        limit: int,
    ) -> Page[StatementSummary]:
        row = await self._read_one(
            "statements/search",
            q=q or None,
            role=role.value if role else None,
            speaker=speaker,
            source=source,
            offset=offset,
            limit=limit,
        )
        return Page[StatementSummary].model_validate(row)

    async def get_statement(self, *, id: str) -> StatementPublic:
        row = await self._read_one("statements/get", id=id)
        if row is None:
            raise NotFound(f"no statement with id {id!r}")
        return StatementPublic.model_validate(row["statement"])

    async def contested(self, *, offset: int, limit: int) -> Page[RankedStatement]:
        row = await self._read_one("statements/contested", offset=offset, limit=limit)
        return Page[RankedStatement].model_validate(row)

    async def unanswered(self, *, offset: int, limit: int) -> Page[StatementSummary]:
        row = await self._read_one("statements/unanswered", offset=offset, limit=limit)
        return Page[StatementSummary].model_validate(row)

    async def unsupported(self, *, offset: int, limit: int) -> Page[StatementSummary]:
        row = await self._read_one("statements/unsupported", offset=offset, limit=limit)
        return Page[StatementSummary].model_validate(row)

    # --- graphs ----------------------------------------------------------------------------

    async def nodes(self, ids: list[str]) -> list[GraphNode]:
        """Shape statements as graph nodes, in the order of `ids` (first occurrence)."""
        ordered = list(dict.fromkeys(ids))
        rows = await self._read("graph/nodes", ids=ordered)
        by_id = {row["node"]["id"]: GraphNode.model_validate(row["node"]) for row in rows}
        return [by_id[i] for i in ordered if i in by_id]

    async def _graph(self, ids: list[str], edges: list[Row]) -> Graph:
        return Graph(nodes=await self.nodes(ids), edges=[GraphEdge.model_validate(e) for e in edges])

    async def tree(self, *, id: str, kind: str, depth: int) -> TreeGraph:
        """`kind` is a fixed query name: support_tree, attack_tree or argument_subgraph."""
        rows = await self.store.read(self.q.bounded(f"graph/{kind}", depth), {"id": id})
        if not rows:
            raise NotFound(f"no statement with id {id!r}")
        graph = await self._graph(rows[0]["ids"], rows[0]["edges"])
        return TreeGraph(root=id, depth=depth, nodes=graph.nodes, edges=graph.edges)

    async def scoped_graph(
        self, *, position: str | None, speaker: str | None, source: str | None, limit: int
    ) -> ScopedGraph:
        await self.require(positions=(position,), people=(speaker,), sources=(source,))
        row = await self._read_one(
            "graph/scoped", position=position, speaker=speaker, source=source, limit=limit
        )
        assert row is not None  # collect() always yields one row
        graph = await self._graph(row["ids"], row["edges"])
        return ScopedGraph(
            nodes=graph.nodes,
            edges=graph.edges,
            total=row["total"],
            truncated=row["total"] > len(row["ids"]),
        )

    async def paths(
        self, *, from_: str, to: str, relation: Relation, max_depth: int
    ) -> Paths:
        if from_ == to:
            raise Unprocessable("from and to must be different statements")
        await self.require(statements=(from_, to))
        query = self.q.bounded(SHORTEST[relation], max_depth)
        rows = await self.store.read(query, {"from": from_, "to": to})
        rows.sort(key=lambda row: row["ids"])  # deterministic order among equal-length paths
        nodes = {n.id: n for n in await self.nodes([i for row in rows for i in row["ids"]])}
        paths = [
            PathPublic(
                nodes=[nodes[i] for i in row["ids"]],
                edges=[GraphEdge.model_validate(e) for e in row["edges"]],
            )
            for row in rows
        ]
        return Paths(
            from_=from_,
            to=to,
            relation=relation,
            length=len(rows[0]["edges"]) if rows else None,
            paths=paths,
        )

    # --- positions -------------------------------------------------------------------------

    async def positions(self) -> Page[PositionSummary]:
        rows = await self._read("positions/list", id=None)
        items = [PositionSummary.model_validate(row["position"]) for row in rows]
        return Page[PositionSummary](items=items, total=len(items))

    async def position(self, *, id: str, depth: int) -> PositionDetail:
        row = await self._read_one("positions/list", id=id)
        if row is None:
            raise NotFound(f"no position with id {id!r}")
        tree = await self.tree(id=id, kind="argument_subgraph", depth=depth)
        return PositionDetail(
            **row["position"], graph=Graph(nodes=tree.nodes, edges=tree.edges)
        )

    async def versus(self, *, a: str, b: str) -> Versus:
        if a == b:
            raise Unprocessable("a position cannot clash with itself: a and b must differ")
        await self.require(positions=(a, b))
        row = await self._read_one("positions/versus", a=a, b=b)
        assert row is not None  # both positions exist
        a_row = await self._read_one("positions/list", id=a)
        b_row = await self._read_one("positions/list", id=b)
        assert a_row and b_row  # both exist: `require` checked
        return Versus(
            a=PositionSummary.model_validate(a_row["position"]),
            b=PositionSummary.model_validate(b_row["position"]),
            a_against_b=await self._side(row["a_against_b"]),
            b_against_a=await self._side(row["b_against_a"]),
        )

    async def _side(self, ids: list[str]) -> Side:
        statements = await self.nodes(ids)
        speakers = list(dict.fromkeys(name for n in statements for name in n.speakers))
        return Side(statements=statements, speakers=speakers)

    # --- people and sources ----------------------------------------------------------------

    async def people(self, *, offset: int, limit: int) -> Page[PersonSummary]:
        row = await self._read_one("people/list", offset=offset, limit=limit)
        return Page[PersonSummary].model_validate(row)

    async def person(self, *, id: str) -> PersonPublic:
        row = await self._read_one("people/get", id=id)
        if row is None:
            raise NotFound(f"no person with id {id!r}")
        return PersonPublic.model_validate(row["person"])

    async def sources(self, *, offset: int, limit: int) -> Page[SourceListItem]:
        row = await self._read_one("sources/list", offset=offset, limit=limit)
        return Page[SourceListItem].model_validate(row)

    async def source(self, *, id: str, include_text: bool) -> SourcePublic:
        row = await self._read_one("sources/get", id=id, include_text=include_text)
        if row is None:
            raise NotFound(f"no source with id {id!r}")
        return SourcePublic.model_validate(row["source"])

    async def source_statements(self, *, id: str) -> Page[QuotedStatement]:
        row = await self._read_one("sources/statements", id=id)
        if row is None:
            raise NotFound(f"no source with id {id!r}")
        return Page[QuotedStatement].model_validate(row)

    # --- export ---------------------------------------------------------------------------

    async def scope_ids(
        self, *, position: str | None, speaker: str | None, source: str | None
    ) -> list[str] | None:
        """The statement ids a scope selects; None (the whole map) when nothing narrows it."""
        if position is None and speaker is None and source is None:
            return None
        await self.require(positions=(position,), people=(speaker,), sources=(source,))
        row = await self._read_one(
            "graph/scoped", position=position, speaker=speaker, source=source, limit=SCOPE_LIMIT
        )
        assert row is not None  # collect() always yields one row
        return row["ids"]

    async def export_document(self, *, ids: list[str] | None) -> MapDocument:
        """The map (or the statements `ids`) with everything they involve, as a document."""
        statements = await self._read("interchange/export_statements", ids=ids)
        links = await self._read("interchange/export_links", ids=ids)
        provenance = await self._read_one("interchange/export_provenance", ids=ids) or {}
        by_kind: dict[str, list[dict[str, Any]]] = {"edge": [], "rephrase": [], "assert": []}
        for row in links:
            by_kind[row["kind"]].append(row["link"])
        # Sorted, so that exporting the same map always gives the same bytes.
        return MapDocument.model_validate(
            {
                "statements": _sorted([r["statement"] for r in statements], "id"),
                "edges": _sorted(by_kind["edge"], "id"),
                "rephrases": _sorted(by_kind["rephrase"], "source", "target"),
                "asserts": _sorted(by_kind["assert"], "person", "statement"),
                "people": _sorted(provenance.get("people", []), "id"),
                "sources": _sorted(provenance.get("sources", []), "id"),
                "quotes": _sorted(provenance.get("quotes", []), "id", "statement"),
                "authored": _sorted(provenance.get("authored", []), "person", "source"),
            }
        )

def _sorted(rows: list[dict[str, Any]], *keys: str) -> list[dict[str, Any]]:
    """Rows without their null fields, ordered by `keys`."""
    cleaned = [{k: v for k, v in row.items() if v is not None} for row in rows]
    return sorted(cleaned, key=lambda row: tuple(row[k] for k in keys))
