"""Graph writes. Each is one atomic Cypher statement: it happens whole or not at all."""

from __future__ import annotations

import hashlib
import re
import secrets
from typing import Any

from .errors import Conflict, NotFound, Unprocessable
from .interchange import MapDocument
from .models import (
    Deleted,
    EdgeCreate,
    EdgePublic,
    EdgeType,
    PersonCreate,
    PersonPublic,
    PersonUpdate,
    QuoteCreate,
    QuotePublic,
    SourceCreate,
    SourceMeta,
    SourcePublic,
    StatementCreate,
    StatementPublic,
    StatementUpdate,
)
from .repository import Repository

EDGE_QUERIES = {
    EdgeType.SUPPORTS: ("edges/create_supports", "edges/delete_supports"),
    EdgeType.REFUTES: ("edges/create_refutes", "edges/delete_refutes"),
}


def new_id(*hints: str | None) -> str:
    """A readable, unique slug: the first words of the hint and a random suffix."""
    hint = next((h for h in hints if h), "item")
    slug = re.sub(r"[^a-z0-9]+", "-", hint.lower()).strip("-")[:40].rstrip("-")
    return f"{slug or 'item'}-{secrets.token_hex(3)}"


def edge_id(source: str, type_: EdgeType, target: str) -> str:
    return f"{source}~{type_.value.lower()}~{target}"


def parse_edge_id(id: str) -> tuple[str, EdgeType, str]:
    parts = id.split("~")
    if len(parts) != 3 or parts[1].upper() not in EdgeType.__members__:
        raise NotFound(f"no edge with id {id!r} (edge ids are source~supports|refutes~target)")
    return parts[0], EdgeType(parts[1].upper()), parts[2]


class Writer(Repository):
    """The read repository plus writes: a write answers with the fresh read model."""

    async def _write_one(self, name: str, /, **params: Any) -> dict[str, Any] | None:
        rows = await self._write(name, **params)
        return rows[0] if rows else None

    # --- statements ------------------------------------------------------------------------

    async def create_statement(self, *, data: StatementCreate) -> StatementPublic:
        await self.require(people=tuple(data.speakers))
        id = data.id or new_id(data.title, data.text)
        await self._write(
            "statements/create",
            id=id,
            role=data.role.value,
            title=data.title,
            text=data.text,
            base_score=data.base_score,
            speakers=data.speakers,
        )
        return await self.get_statement(id=id)

    async def update_statement(self, *, id: str, data: StatementUpdate) -> StatementPublic:
        fields = data.model_dump(exclude_unset=True)
        if "text" in fields and fields["text"] is None:
            raise Unprocessable("text cannot be removed")
        role = fields.pop("role", None)
        if not await self._write_one("statements/update", id=id, props=fields, role=role):
            raise NotFound(f"no statement with id {id!r}")
        return await self.get_statement(id=id)

    async def delete_statement(self, *, id: str, cascade: bool) -> Deleted:
        row = await self._write_one("statements/delete", id=id, cascade=cascade)
        if row:
            return Deleted(id=id, quotes=row["quotes"])
        statement = await self.get_statement(id=id)  # 404 when it never existed
        raise Conflict(
            f"statement {id!r} has {len(statement.quotes)} quote(s) that would be orphaned; "
            "delete them first or pass ?cascade=true"
        )

    # --- edges -----------------------------------------------------------------------------

    async def create_edge(self, *, data: EdgeCreate) -> EdgePublic:
        if data.source == data.target:
            raise Unprocessable("a statement cannot support or refute itself")
        await self.require(statements=(data.source, data.target))
        create, _ = EDGE_QUERIES[data.type]
        row = await self._write_one(
            create,
            id=edge_id(data.source, data.type, data.target),
            source=data.source,
            target=data.target,
            inference=data.inference,
        )
        if row is None:  # an endpoint vanished between the check and the write
            raise NotFound("an endpoint of the edge no longer exists")
        return EdgePublic.model_validate(row["edge"])

    async def delete_edge(self, *, id: str) -> Deleted:
        source, type_, _ = parse_edge_id(id)
        _, delete = EDGE_QUERIES[type_]
        row = await self._write_one(delete, source=source, id=id)
        if not row or not row["deleted"]:
            raise NotFound(f"no edge with id {id!r}")
        return Deleted(id=id)

    # --- people ----------------------------------------------------------------------------

    async def create_person(self, *, data: PersonCreate) -> PersonPublic:
        id = data.id or new_id(data.name)
        await self._write("people/create", id=id, name=data.name, description=data.description)
        return await self.person(id=id)

    async def update_person(self, *, id: str, data: PersonUpdate) -> PersonPublic:
        fields = data.model_dump(exclude_unset=True)
        if "name" in fields and fields["name"] is None:
            raise Unprocessable("name cannot be removed")
        if not await self._write_one("people/update", id=id, props=fields):
            raise NotFound(f"no person with id {id!r}")
        return await self.person(id=id)

    async def delete_person(self, *, id: str) -> Deleted:
        if not await self._write_one("people/delete", id=id):
            raise NotFound(f"no person with id {id!r}")
        return Deleted(id=id)

    async def assert_statement(self, *, person: str, statement: str) -> PersonPublic:
        await self.require(people=(person,), statements=(statement,))
        await self._write("people/assert", person=person, statement=statement)
        return await self.person(id=person)

    async def unassert_statement(self, *, person: str, statement: str) -> PersonPublic:
        row = await self._write_one("people/unassert", person=person, statement=statement)
        if not row or not row["deleted"]:
            raise NotFound(f"{person!r} does not assert {statement!r}")
        return await self.person(id=person)

    # --- sources and quotes ----------------------------------------------------------------

    async def create_source(self, *, data: SourceCreate) -> SourcePublic:
        id = data.id or new_id(data.title)
        await self._write(
            "sources/create",
            id=id,
            text=data.text,
            sha256=hashlib.sha256(data.text.encode()).hexdigest(),
            props=data.model_dump(exclude={"id", "text"}, exclude_none=True),
        )
        return await self.source(id=id, include_text=False)

    async def update_source(self, *, id: str, data: SourceMeta) -> SourcePublic:
        if not await self._write_one(
            "sources/update", id=id, props=data.model_dump(exclude_unset=True)
        ):
            raise NotFound(f"no source with id {id!r}")
        return await self.source(id=id, include_text=False)

    async def delete_source(self, *, id: str, cascade: bool) -> Deleted:
        row = await self._write_one("sources/delete", id=id, cascade=cascade)
        if row:
            return Deleted(id=id, quotes=row["quotes"])
        await self.source(id=id, include_text=False)  # 404 when it never existed
        raise Conflict(
            f"source {id!r} has quotes that would be orphaned; delete them first or pass "
            "?cascade=true"
        )

    async def create_quote(self, *, data: QuoteCreate) -> QuotePublic:
        await self.require(statements=(data.statement,), sources=(data.source,))
        text = (await self.source(id=data.source, include_text=True)).text or ""
        if data.end <= data.start or data.end > len(text):
            raise Unprocessable(
                f"offsets {data.start}..{data.end} do not fit the source text (length {len(text)})"
            )
        if text[data.start : data.end] != data.quote:
            raise Unprocessable(
                f"the quote is not verbatim: source text [{data.start}:{data.end}] is "
                f"{text[data.start : data.end]!r}"
            )
        row = await self._write_one(
            "quotes/create",
            id=f"{data.source}-{data.start}-{data.end}",
            **data.model_dump(),
        )
        if row is None:
            raise NotFound("the statement or source no longer exists")
        return QuotePublic.model_validate(row["quote"])

    async def delete_quote(self, *, id: str) -> Deleted:
        if not await self._write_one("quotes/delete", id=id):
            raise NotFound(f"no quote with id {id!r}")
        return Deleted(id=id)

    # --- bulk import ----------------------------------------------------------------------

    async def import_document(self, *, doc: MapDocument) -> None:
        """Write a validated document as one atomic statement (MERGE: re-importing is a no-op)."""
        statements = [
            {
                "id": s.id,
                "role": s.role.value,
                "props": s.model_dump(include={"title", "text", "base_score"}),
            }
            for s in doc.statements
        ]
        edges: dict[EdgeType, list[dict[str, Any]]] = {t: [] for t in EdgeType}
        for edge in doc.edges:
            edges[edge.type].append(edge.model_dump(include={"id", "source", "target", "inference"}))
        await self._write(
            "interchange/import",
            people=[p.model_dump(include={"id", "name", "description"}) for p in doc.people],
            sources=[
                {"id": s.id, "props": s.model_dump(exclude={"id"}, exclude_none=True)}
                for s in doc.sources
            ],
            statements=statements,
            supports=edges[EdgeType.SUPPORTS],
            refutes=edges[EdgeType.REFUTES],
            rephrases=[r.model_dump() for r in doc.rephrases],
            quotes=[q.model_dump(exclude={"speaker"}) for q in doc.quotes],
            asserts=[a.model_dump() for a in doc.asserts],
            authored=[a.model_dump() for a in doc.authored],
        )
