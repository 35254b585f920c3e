"""Reads: each method runs catalog queries through the store and returns response models."""

from __future__ import annotations

import asyncio
from operator import itemgetter
from typing import NoReturn

import anyio.to_thread

from argmap.catalog import Catalog, Query
from argmap.domain import EDGE_ID_FORMAT, UNDERCUT_ID_FORMAT, parse_edge_id, parse_undercut_id
from argmap.engines import Engine
from argmap.errors import Gone, Moved, NotFound, Unprocessable
from argmap.models import (
    EdgePublic,
    GraphNode,
    MapScope,
    Page,
    Paths,
    PersonPublic,
    PersonSummary,
    PositionDetail,
    PositionSummary,
    QuotedStatement,
    RankedStatement,
    Relation,
    RelationGrounds,
    Role,
    ScopedGraph,
    SearchHit,
    SearchKind,
    Segment,
    SimilarStatement,
    SourceListItem,
    SourcePublic,
    StatementPublic,
    StatementSummary,
    TreeGraph,
    TreeKind,
    Versus,
)
from argmap.services.runner import QueryRunner
from argmap.services.similarity import similar_statements
from argmap.store import GraphStore, Row
from argmap.text import search as text_search
from argmap.text.segments import segment_source

SEARCH_CANDIDATES = 1000  # full-text hits read (per label on FalkorDB) before ranking
SHORTEST = {
    Relation.SUPPORTS: Query.PATHS_SHORTEST_SUPPORTS,
    Relation.REFUTES: Query.PATHS_SHORTEST_REFUTES,
    Relation.ANY: Query.PATHS_SHORTEST_ANY,
}
TREES = {
    TreeKind.SUPPORT: Query.GRAPH_SUPPORT_TREE,
    TreeKind.ATTACK: Query.GRAPH_ATTACK_TREE,
    TreeKind.ARGUMENT: Query.GRAPH_ARGUMENT_SUBGRAPH,
}


class ReadService:
    def __init__(self, store: GraphStore, catalog: Catalog) -> None:
        self.run = QueryRunner(store, catalog)

    # --- existence checks ------------------------------------------------------------------

    async def require(
        self,
        *,
        statements: tuple[str | None, ...] = (),
        people: tuple[str | None, ...] = (),
        sources: tuple[str | None, ...] = (),
        positions: tuple[str | None, ...] = (),
        quotes: tuple[str, ...] = (),
    ) -> None:
        """404 naming the ids that do not exist, of the first kind missing one (None ids are
        'not asked')."""
        if quotes:
            row = await self.run.read_one(Query.QUOTES_EXISTING, ids=list(quotes))
            assert row is not None  # collect() always yields one row
            _missing("quote", quotes, row["found"])
        asked = {
            "statement": [i for i in statements if i is not None],
            "person": [i for i in people if i is not None],
            "source": [i for i in sources if i is not None],
            "position": [i for i in positions if i is not None],
        }
        if not any(asked.values()):
            return
        found = await self.run.read_one(
            Query.LOOKUP_EXISTING,
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
            _missing(kind, asked[kind], found[column])

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
        row = await self.run.read_one(
            Query.STATEMENTS_SEARCH,
            q=q or None,
            role=role.value if role else None,
            speaker=speaker,
            source=source,
            offset=offset,
            limit=limit,
        )
        return Page[StatementSummary].model_validate(row)

    async def _one(self, name: Query, what: str, /, **params: object) -> Row:
        """The one row a lookup by id returns; 404 naming the id when there is none."""
        row = await self.run.read_one(name, **params)
        if row is None:
            raise NotFound(f"no {what} with id {params['id']!r}")
        return row

    async def get_statement(self, *, id: str, follow: bool = True) -> StatementPublic:
        """The statement; a merged one's id answers 301 to where it lives now (`follow`, as
        a GET does) or 410."""
        return StatementPublic.model_validate(await self.statement_record(id=id, follow=follow))

    async def statement_record(self, *, id: str, follow: bool = True) -> Row:
        """`get_statement`'s answer as the catalog shapes it (StatementPublic's fields), for a
        route that encodes it as it is (`argmap.responses`)."""
        row = await self.run.read_one(Query.STATEMENTS_GET, id=id)
        if row is None:
            await self.missing_statement(id=id, follow=follow)
        return row["statement"]

    async def missing_statement(self, *, id: str, follow: bool = False) -> NoReturn:
        """Raise for a statement id the graph does not hold: 404, or for a merged statement
        301 to its successor (`follow`) or 410, either naming it."""
        row = await self.run.read_one(Query.STATEMENTS_MERGED, id=id)
        if row is None:
            raise NotFound(f"no statement with id {id!r}")
        into = row["into"]
        if follow:
            raise Moved(
                f"statement {id!r} was merged into {into!r}", location=f"/statements/{into}"
            )
        raise Gone(f"statement {id!r} is gone: it was merged into {into!r}")

    async def similar_statements(
        self, *, text: str, limit: int, exclude: list[str] | None = None
    ) -> Page[SimilarStatement]:
        """Claim matching: the statements most like `text`, ranked by `score` (the blend of
        the embeddings' cosine and word overlap), each flagged when it says the opposite."""
        items = await similar_statements(self.run, text=text, limit=limit, exclude=exclude)
        return Page[SimilarStatement](items=items, total=len(items))

    async def contested(self, *, offset: int, limit: int) -> Page[RankedStatement]:
        row = await self.run.read_one(Query.STATEMENTS_CONTESTED, offset=offset, limit=limit)
        return Page[RankedStatement].model_validate(row)

    async def unanswered(self, *, offset: int, limit: int) -> Page[StatementSummary]:
        row = await self.run.read_one(Query.STATEMENTS_UNANSWERED, offset=offset, limit=limit)
        return Page[StatementSummary].model_validate(row)

    async def unsupported(self, *, offset: int, limit: int) -> Page[StatementSummary]:
        row = await self.run.read_one(Query.STATEMENTS_UNSUPPORTED, offset=offset, limit=limit)
        return Page[StatementSummary].model_validate(row)

    # --- graphs ----------------------------------------------------------------------------

    async def nodes(self, ids: list[str]) -> list[GraphNode]:
        """Shape statements as graph nodes, in the order of `ids` (first occurrence)."""
        ordered = list(dict.fromkeys(ids))
        rows = await self.run.read(Query.GRAPH_NODES, ids=ordered)
        by_id = {row["node"]["id"]: GraphNode.model_validate(row["node"]) for row in rows}
        return [by_id[i] for i in ordered if i in by_id]

    async def tree(self, *, id: str, kind: TreeKind, depth: int) -> TreeGraph:
        row = await self._tree(id=id, kind=kind, depth=depth)
        if row is None:
            raise NotFound(f"no statement with id {id!r}")
        return TreeGraph.model_validate(_per_node(row) | {"root": id, "depth": depth})

    async def _tree(self, *, id: str, kind: TreeKind, depth: int) -> Row | None:
        """The tree query's one row; None when there is no such statement."""
        row = (await self.run.read_bounded(TREES[kind], depth, id=id))[0]
        return row if row["nodes"] else None

    async def scoped_graph(self, *, scope: MapScope, limit: int) -> ScopedGraph:
        if scope != MapScope():
            # An unknown id first: the scope query would scan the whole map to find nothing
            # (Neo4j took over 2 minutes at 100k for an unknown position).
            await self._require_scope(scope)
        row = await self.run.read_one(Query.GRAPH_SCOPED, **scope.model_dump(), limit=limit)
        if row is None:  # nothing in scope
            return ScopedGraph(nodes=[], edges=[], total=0, truncated=False)
        return ScopedGraph.model_validate(
            _per_node(row) | {"total": row["total"], "truncated": row["total"] > len(row["nodes"])}
        )

    async def _require_scope(self, scope: MapScope) -> None:
        """404 for an unknown position, speaker or source id."""
        await self.require(
            positions=(scope.position,), people=(scope.speaker,), sources=(scope.source,)
        )

    async def paths(self, *, from_: str, to: str, relation: Relation, max_depth: int) -> Paths:
        if from_ == to:
            raise Unprocessable("from and to must be different statements")
        rows = await self.run.read_bounded(
            SHORTEST[relation], max_depth, **{"from": from_, "to": to}
        )
        if not rows:  # no chain, or no such statement: which is worth a second query
            await self.require(statements=(from_, to))
        # deterministic order among equal-length paths
        rows.sort(key=lambda row: [node["id"] for node in row["nodes"]])
        return Paths.model_validate(
            {
                "from": from_,
                "to": to,
                "relation": relation,
                "length": len(rows[0]["edges"]) if rows else None,
                "paths": [_answer(row, row["edges"]) for row in rows],
            }
        )

    # --- relations and their grounds ------------------------------------------------------

    async def relations(self, *, ids: list[str]) -> list[tuple[RelationGrounds, list[str]]]:
        """Relations (edges or undercuts) found among `ids`, in that order, each with the ids
        of the undercuts aimed at it."""
        rows = await self.run.read(Query.EDGES_GROUNDS, ids=ids)
        by_id = {row["relation"]["id"]: row for row in rows}
        return [
            (_grounds(by_id[i]["relation"]), sorted(by_id[i]["undercuts"]))
            for i in ids
            if i in by_id
        ]

    async def edge(self, *, id: str) -> EdgePublic:
        found = await self.relations(ids=[id]) if parse_edge_id(id) else []
        if not found:
            raise NotFound(f"no edge with id {id!r} (edge ids are {EDGE_ID_FORMAT})")
        edge, undercuts = found[0]
        undercutters = [grounds for grounds, _ in await self.relations(ids=undercuts)]
        return EdgePublic(**edge.model_dump(), undercutters=undercutters)

    async def undercut(self, *, id: str) -> RelationGrounds:
        found = await self.relations(ids=[id]) if parse_undercut_id(id) else []
        if not found:
            raise NotFound(f"no undercut with id {id!r} (undercut ids are {UNDERCUT_ID_FORMAT})")
        return found[0][0]

    # --- positions -------------------------------------------------------------------------

    async def positions(self) -> Page[PositionSummary]:
        rows = await self.run.read(Query.POSITIONS_LIST, id=None)
        items = [PositionSummary.model_validate(row["position"]) for row in rows]
        return Page[PositionSummary](items=items, total=len(items))

    async def position(self, *, id: str, depth: int) -> PositionDetail:
        # Two queries at once: the counts go 10 steps deep whatever `depth` the graph has.
        summary, graph = await asyncio.gather(
            self.run.read_one(Query.POSITIONS_GET, id=id),
            self._tree(id=id, kind=TreeKind.ARGUMENT, depth=depth),
        )
        if summary is None or graph is None:
            raise NotFound(f"no position with id {id!r}")
        return PositionDetail.model_validate(summary["position"] | {"graph": _per_node(graph)})

    async def versus(self, *, a: str, b: str) -> Versus:
        if a == b:
            raise Unprocessable("a position cannot clash with itself: a and b must differ")
        row = await self.run.read_one(Query.POSITIONS_VERSUS, a=a, b=b)
        if row is None:
            await self.require(positions=(a, b))
        assert row is not None  # both positions exist: `require` raised otherwise
        for side in ("a_against_b", "b_against_a"):
            statements = row[side]
            row[side] = {
                "statements": statements,
                "speakers": list(dict.fromkeys(name for n in statements for name in n["speakers"])),
            }
        return Versus.model_validate(row)

    # --- people and sources ----------------------------------------------------------------

    async def people(self, *, q: str | None, offset: int, limit: int) -> Page[PersonSummary]:
        row = await self.run.read_one(Query.PEOPLE_LIST, q=q or None, offset=offset, limit=limit)
        return Page[PersonSummary].model_validate(row)

    async def person(self, *, id: str) -> PersonPublic:
        row = await self._one(Query.PEOPLE_GET, "person", id=id)
        argues = await self.relations(ids=sorted(row["person"]["argues"]))
        return PersonPublic.model_validate(
            row["person"] | {"argues": [r.as_graph_edge() for r, _ in argues]}
        )

    async def sources(self, *, offset: int, limit: int) -> Page[SourceListItem]:
        row = await self.run.read_one(Query.SOURCES_LIST, offset=offset, limit=limit)
        return Page[SourceListItem].model_validate(row)

    async def source(self, *, id: str, include_text: bool) -> SourcePublic:
        row = await self._one(Query.SOURCES_GET, "source", id=id, include_text=include_text)
        return SourcePublic.model_validate(row["source"])

    async def source_statements(self, *, id: str) -> Page[QuotedStatement]:
        row = await self._one(Query.SOURCES_STATEMENTS, "source", id=id)
        return Page[QuotedStatement].model_validate(row)

    async def segments(self, *, id: str) -> Page[Segment]:
        """A source's sentences with who speaks, discourse markers and the quotes over them."""
        row = await self._one(Query.SOURCES_SEGMENTS, "source", id=id)
        # Segmenting a long text takes seconds of CPU: in a worker thread, so that every
        # other request is served meanwhile.
        items = await anyio.to_thread.run_sync(
            lambda: segment_source(row["text"], people=row["people"], quotes=row["quotes"])
        )
        return Page[Segment](items=items, total=len(items))

    # --- search ---------------------------------------------------------------------------

    async def search(
        self,
        *,
        q: str,
        kinds: list[SearchKind] | None,
        semantic: bool,
        offset: int,
        limit: int,
    ) -> Page[SearchHit]:
        """Statements, quotes, people and sources whose words meet the query's (any order,
        stems and prefixes: argmap.text.search), ranked by words held, then relevance."""
        found = text_search.terms(q)
        if semantic:  # statements by meaning (claim matching), with the words marked as usual
            if kinds and SearchKind.STATEMENT not in kinds:
                raise Unprocessable("semantic search finds statements: kind must include it")
            similar = await self.similar_statements(text=q, limit=offset + limit)
            return Page[SearchHit](
                items=[text_search.semantic_hit(s, found) for s in similar.items[offset:]],
                total=similar.total,
            )
        if not found:  # nothing but stop words and punctuation: nothing to look for
            return Page[SearchHit](items=[], total=0)
        engine = self.run.store.engine
        rows = await self.run.read(
            Query.SEARCH_EVERYTHING,
            query=text_search.engine_query(engine, found),
            kinds=[k.value for k in (kinds or list(SearchKind))],
            prefixes=[t.prefix for t in found],
            candidates=SEARCH_CANDIDATES,
        )
        total, hits = text_search.rank(
            rows, found, per_label=engine is Engine.FALKORDB, offset=offset, limit=limit
        )
        return Page[SearchHit](items=hits, total=total)

    # --- export ---------------------------------------------------------------------------

    async def scope_ids(self, *, scope: MapScope) -> list[str] | None:
        """The statement ids a scope selects; None (the whole map) when nothing narrows it."""
        if scope == MapScope():
            return None
        await self._require_scope(scope)
        row = await self.run.read_one(Query.GRAPH_SCOPE_IDS, **scope.model_dump())
        assert row is not None  # collect() always yields one row
        return row["ids"]


def _answer(row: Row, edges: list[Row]) -> Row:
    """A graph answer's nodes and edges from one row of a one-trip graph query (its nodes, its
    `edges`, the undercuts aimed at them): the undercuts follow the edges by id and their
    statements join the nodes; each edge's speakers by name."""
    undercuts = sorted(row["undercuts"], key=itemgetter("id"))
    edges = edges + undercuts
    for edge in edges:
        edge["speakers"].sort()
    nodes = row["nodes"]
    held = {node["id"] for node in nodes} if undercuts else set()
    for undercut in undercuts:
        if undercut["source"] not in held:
            held.add(undercut["source"])
            nodes.append(undercut["node"])
    return {"nodes": nodes, "edges": edges}


def _per_node(row: Row) -> Row:
    """`_answer` for a query that lists its edges per node (trees, scoped maps)."""
    return _answer(row, [edge for out in row["edges"] for edge in out])


def _missing(kind: str, asked: tuple[str | None, ...] | list[str], found: list[str]) -> None:
    """404 naming every asked id of one kind that was not found."""
    missing = [i for i in dict.fromkeys(asked) if i is not None and i not in found]
    if len(missing) == 1:
        raise NotFound(f"no {kind} with id {missing[0]!r}")
    if missing:
        raise NotFound(f"no {kind} with ids {', '.join(map(repr, missing))}")


def _grounds(relation: Row) -> RelationGrounds:
    """A relation's grounds in a stable order: speakers by name, quotes by place in source."""
    return RelationGrounds.model_validate(
        relation
        | {
            "speakers": sorted(relation["speakers"], key=lambda p: (p["name"], p["id"])),
            "quotes": sorted(relation["quotes"], key=lambda q: (q["source"], q["start"], q["end"])),
        }
    )
