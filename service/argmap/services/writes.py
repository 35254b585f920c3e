"""Graph writes. Each is one atomic Cypher statement: it happens whole or not at all."""

from __future__ import annotations

import hashlib

from pydantic import ValidationError

from argmap.catalog import Catalog, Query
from argmap.domain import (
    EDGE_ID_FORMAT,
    UNDERCUT_ID_FORMAT,
    EdgeType,
    RelationProvenance,
    edge_id,
    new_slug,
    parse_edge_id,
    parse_undercut_id,
    quote_id,
    undercut_id,
    validation_message,
)
from argmap.errors import Conflict, NotFound, Unprocessable
from argmap.models import (
    Deleted,
    EdgeCreate,
    EdgePublic,
    PersonCreate,
    PersonPublic,
    PersonUpdate,
    QuoteCreate,
    QuotePublic,
    RelationGrounds,
    RelationGroundsUpdate,
    SourceCreate,
    SourceMeta,
    SourcePublic,
    StatementCreate,
    StatementPublic,
    StatementUpdate,
    UndercutCreate,
)
from argmap.services.reads import ReadService
from argmap.services.runner import QueryRunner
from argmap.store import GraphStore

EDGE_QUERIES = {
    EdgeType.SUPPORTS: (Query.EDGES_CREATE_SUPPORTS, Query.EDGES_DELETE_SUPPORTS),
    EdgeType.REFUTES: (Query.EDGES_CREATE_REFUTES, Query.EDGES_DELETE_REFUTES),
}


class WriteService:
    """Writes; each answers with the fresh read model, read through `ReadService`."""

    def __init__(self, store: GraphStore, catalog: Catalog) -> None:
        self.run = QueryRunner(store, catalog)
        self.reads = ReadService(store, catalog)

    # --- statements ------------------------------------------------------------------------

    async def create_statement(self, *, data: StatementCreate) -> StatementPublic:
        await self.reads.require(people=tuple(data.speakers))
        id = data.id or new_slug(data.title, data.text)
        await self.run.write(
            Query.STATEMENTS_CREATE,
            id=id,
            role=data.role.value,
            title=data.title,
            text=data.text,
            base_score=data.base_score,
            speakers=data.speakers,
        )
        return await self.reads.get_statement(id=id)

    async def update_statement(self, *, id: str, data: StatementUpdate) -> StatementPublic:
        fields = data.model_dump(exclude_unset=True)
        role = fields.pop("role", None)
        if not await self.run.write_one(Query.STATEMENTS_UPDATE, id=id, props=fields, role=role):
            raise NotFound(f"no statement with id {id!r}")
        return await self.reads.get_statement(id=id)

    async def delete_statement(self, *, id: str, cascade: bool) -> Deleted:
        row = await self.run.write_one(Query.STATEMENTS_DELETE, id=id, cascade=cascade)
        if row:
            return Deleted(id=id, quotes=row["quotes"], relations=row["relations"])
        statement = await self.reads.get_statement(id=id)  # 404 when it never existed
        raise Conflict(
            f"statement {id!r} has {len(statement.quotes)} quote(s) that would be orphaned; "
            "delete them first or pass ?cascade=true"
        )

    # --- edges -----------------------------------------------------------------------------

    async def create_edge(self, *, data: EdgeCreate) -> EdgePublic:
        await self._require_grounds(data, statements=(data.source, data.target))
        create, _ = EDGE_QUERIES[data.type]
        id = edge_id(data.source, data.type, data.target)
        # Only SUPPORTS carries an inference (EdgeFields refuses one on REFUTES).
        inference = {"inference": data.inference} if data.type is EdgeType.SUPPORTS else {}
        row = await self.run.write_one(
            create,
            id=id,
            source=data.source,
            target=data.target,
            **_grounds(data),
            **inference,
        )
        if row is None:  # an endpoint vanished between the check and the write
            raise NotFound("an endpoint of the edge no longer exists")
        if row["taken_by"]:  # the import document's rule, checked against the graph
            raise Conflict(
                f"inference {data.inference!r} already links premises of {row['taken_by']!r}; "
                "linked premises share one conclusion (use another inference id)"
            )
        if not row["written"]:
            raise NotFound("a speaker or quote of the edge no longer exists")
        return await self.reads.edge(id=id)

    async def update_edge(self, *, id: str, data: RelationGroundsUpdate) -> EdgePublic:
        edge = await self.reads.edge(id=id)
        grounds = _updated(edge, data)
        await self._require_grounds(grounds)
        row = await self.run.write_one(
            Query.EDGES_SET_GROUNDS, id=id, source=edge.source, **_grounds(grounds)
        )
        if row is None:
            raise NotFound(f"no edge with id {id!r}")
        if not row["written"]:
            raise NotFound("a speaker or quote of the edge no longer exists")
        return await self.reads.edge(id=id)

    async def delete_edge(self, *, id: str) -> Deleted:
        parsed = parse_edge_id(id)
        if parsed is None:
            raise NotFound(f"no edge with id {id!r} (edge ids are {EDGE_ID_FORMAT})")
        source, type_, _ = parsed
        _, delete = EDGE_QUERIES[type_]
        row = await self.run.write_one(delete, source=source, id=id)
        if not row:
            raise NotFound(f"no edge with id {id!r}")
        return Deleted(id=id, relations=row["undercuts"])

    # --- undercuts -------------------------------------------------------------------------

    async def create_undercut(self, *, data: UndercutCreate) -> RelationGrounds:
        await self.reads.edge(id=data.target)  # 404 naming the edge
        await self._require_grounds(data, statements=(data.source,))
        id = undercut_id(data.source, data.target)
        row = await self.run.write_one(
            Query.UNDERCUTS_CREATE, id=id, source=data.source, target=data.target, **_grounds(data)
        )
        if row is None:
            raise NotFound("the undercutting statement or the edge no longer exists")
        if not row["written"]:
            raise NotFound("a speaker or quote of the undercut no longer exists")
        return await self.reads.undercut(id=id)

    async def delete_undercut(self, *, id: str) -> Deleted:
        parsed = parse_undercut_id(id)
        row = (
            await self.run.write_one(Query.UNDERCUTS_DELETE, source=parsed[0], id=id)
            if parsed
            else None
        )
        if not row:
            raise NotFound(f"no undercut with id {id!r} (undercut ids are {UNDERCUT_ID_FORMAT})")
        return Deleted(id=id)

    async def _require_grounds(
        self, grounds: RelationProvenance, *, statements: tuple[str, ...] = ()
    ) -> None:
        """404 naming what a relation names and the graph lacks, before anything is written."""
        await self.reads.require(statements=statements, people=tuple(grounds.speakers))
        await self.reads.require(quotes=tuple(grounds.quotes))

    # --- people ----------------------------------------------------------------------------

    async def create_person(self, *, data: PersonCreate) -> PersonPublic:
        id = data.id or new_slug(data.name)
        await self.run.write(
            Query.PEOPLE_CREATE,
            id=id,
            name=data.name,
            description=data.description,
            aliases=data.aliases,
        )
        return await self.reads.person(id=id)

    async def update_person(self, *, id: str, data: PersonUpdate) -> PersonPublic:
        fields = data.model_dump(exclude_unset=True)
        if "aliases" in fields and not fields["aliases"]:
            fields["aliases"] = None  # no aliases: no property (as a new person has none)
        if not await self.run.write_one(Query.PEOPLE_UPDATE, id=id, props=fields):
            raise NotFound(f"no person with id {id!r}")
        return await self.reads.person(id=id)

    async def delete_person(self, *, id: str) -> Deleted:
        if not await self.run.write_one(Query.PEOPLE_DELETE, id=id):
            raise NotFound(f"no person with id {id!r}")
        return Deleted(id=id)

    async def assert_statement(self, *, person: str, statement: str) -> PersonPublic:
        await self.reads.require(people=(person,), statements=(statement,))
        await self.run.write(Query.PEOPLE_ASSERT, person=person, statement=statement)
        return await self.reads.person(id=person)

    async def unassert_statement(self, *, person: str, statement: str) -> PersonPublic:
        row = await self.run.write_one(Query.PEOPLE_UNASSERT, person=person, statement=statement)
        if not row or not row["deleted"]:
            raise NotFound(f"{person!r} does not assert {statement!r}")
        return await self.reads.person(id=person)

    # --- sources and quotes ----------------------------------------------------------------

    async def create_source(self, *, data: SourceCreate) -> SourcePublic:
        id = data.id or new_slug(data.title)
        await self.run.write(
            Query.SOURCES_CREATE,
            id=id,
            text=data.text,
            sha256=hashlib.sha256(data.text.encode()).hexdigest(),
            props=data.model_dump(exclude={"id", "text"}, exclude_none=True),
        )
        return await self.reads.source(id=id, include_text=False)

    async def update_source(self, *, id: str, data: SourceMeta) -> SourcePublic:
        if not await self.run.write_one(
            Query.SOURCES_UPDATE, id=id, props=data.model_dump(exclude_unset=True)
        ):
            raise NotFound(f"no source with id {id!r}")
        return await self.reads.source(id=id, include_text=False)

    async def delete_source(self, *, id: str, cascade: bool) -> Deleted:
        if cascade:  # its quotes would go: refuse when a stated relation has no others
            found = await self.run.read_one(Query.QUOTES_STRANDED_BY_SOURCE, source=id)
            if found and found["stranded"]:
                raise Conflict(
                    f"source {id!r} holds every quote of the stated relation(s) "
                    f"{', '.join(map(repr, sorted(found['stranded'])))}; give them other "
                    "quotes (or make them reconstructed, with a note) first"
                )
        row = await self.run.write_one(Query.SOURCES_DELETE, id=id, cascade=cascade)
        if row:
            return Deleted(id=id, quotes=row["quotes"])
        await self.reads.source(id=id, include_text=False)  # 404 when it never existed
        raise Conflict(
            f"source {id!r} has quotes that would be orphaned; delete them first or pass "
            "?cascade=true"
        )

    async def create_quote(self, *, data: QuoteCreate) -> QuotePublic:
        await self.reads.require(statements=(data.statement,), sources=(data.source,))
        text = (await self.reads.source(id=data.source, include_text=True)).text or ""
        if data.end > len(text):
            raise Unprocessable(
                f"offsets {data.start}..{data.end} do not fit the source text (length {len(text)})"
            )
        if text[data.start : data.end] != data.quote:
            raise Unprocessable(
                f"the quote is not verbatim: source text [{data.start}:{data.end}] is "
                f"{text[data.start : data.end]!r}"
            )
        row = await self.run.write_one(
            Query.QUOTES_CREATE,
            id=quote_id(data.source, data.start, data.end),
            **data.model_dump(),
        )
        if row is None:
            raise NotFound("the statement or source no longer exists")
        return QuotePublic.model_validate(row["quote"])

    async def delete_quote(self, *, id: str) -> Deleted:
        row = await self.run.write_one(Query.QUOTES_DELETE, id=id)
        if row is None:
            raise NotFound(f"no quote with id {id!r}")
        if row["stranded"]:
            raise Conflict(
                f"quote {id!r} is the only quote of the stated relation(s) "
                f"{', '.join(map(repr, sorted(row['stranded'])))}; give them another quote "
                "(or make them reconstructed, with a note) first"
            )
        return Deleted(id=id)


def _grounds(relation: RelationProvenance) -> dict[str, object]:
    """A relation's grounds as the write queries take them."""
    return {
        "basis": relation.basis.value,
        "note": relation.note,
        "speakers": relation.speakers,
        "quotes": relation.quotes,
    }


def _updated(current: RelationGrounds, change: RelationGroundsUpdate) -> RelationProvenance:
    """The grounds a PATCH leaves, checked as a whole (a stated relation keeps a quote, a
    reconstructed one a note): 422 when they break a rule."""
    merged = {
        "basis": current.basis,
        "note": current.note,
        "speakers": [p.id for p in current.speakers],
        "quotes": [q.id for q in current.quotes],
    } | change.model_dump(exclude_unset=True)
    try:
        return RelationProvenance.model_validate(merged)
    except ValidationError as exc:
        raise Unprocessable("; ".join(validation_message(error) for error in exc.errors())) from exc
