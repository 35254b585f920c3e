"""Graph writes. Each is one atomic Cypher statement: it happens whole or not at all."""

from __future__ import annotations

import hashlib
from typing import Any

from pydantic import ValidationError

from argmap.catalog import Catalog, Query
from argmap.domain import (
    EDGE_ID_FORMAT,
    MAX_STATEMENT_TEXT,
    UNDERCUT_ID_FORMAT,
    EdgeType,
    QuoteSelector,
    QuoteSpan,
    RelationProvenance,
    edge_id,
    new_slug,
    parse_edge_id,
    parse_undercut_id,
    quote_id,
    undercut_id,
    validation_message,
)
from argmap.errors import Conflict, NearDuplicate, NotFound, Unprocessable
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
from argmap.services.merging import plan_merge
from argmap.services.reads import ReadService
from argmap.services.runner import QueryRunner
from argmap.store import ConstraintViolation, GraphStore
from argmap.text.anchoring import AnchorError, anchor
from argmap.text.embedding import embed, statement_text, stored
from argmap.text.matching import NEAR_DUPLICATE_SCORE

NEAR_DUPLICATES_LISTED = 5  # at most this many near-duplicates named in a 409

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

    async def create_statement(
        self, *, data: StatementCreate, force: bool = False
    ) -> StatementPublic:
        embedded = statement_text(title=data.title, text=data.text)
        if not force:
            await self._refuse_near_duplicates(embedded, id=data.id)
        await self.reads.require(
            people=tuple(data.speakers), sources=tuple(q.source for q in data.quotes)
        )
        quotes = await self._quote_rows(data.quotes, where="body.quotes")
        id = data.id or new_slug(data.title, data.text)
        await self.run.write(
            Query.STATEMENTS_CREATE,
            id=id,
            role=data.role.value,
            title=data.title,
            text=data.text,
            base_score=data.base_score,
            **stored(embed([embedded])[0]),
            speakers=data.speakers,
            quotes=quotes,
        )
        return await self.reads.get_statement(id=id)

    async def update_statement(self, *, id: str, data: StatementUpdate) -> StatementPublic:
        fields = data.model_dump(exclude_unset=True)
        role = fields.pop("role", None)
        embedding: dict[str, object] = {"embedding": None, "embedding_digest": None}
        if "title" in fields or "text" in fields:  # what is embedded changes: embed it anew
            current = await self.reads.get_statement(id=id, follow=False)
            title, text = fields.get("title", current.title), fields.get("text", current.text)
            embedding = stored(embed([statement_text(title=title, text=text)])[0])
        if not await self.run.write_one(
            Query.STATEMENTS_UPDATE, id=id, props=fields, role=role, **embedding
        ):
            await self.reads.missing_statement(id=id)
        return await self.reads.get_statement(id=id)

    async def delete_statement(self, *, id: str, cascade: bool) -> Deleted:
        row = await self.run.write_one(Query.STATEMENTS_DELETE, id=id, cascade=cascade)
        if row:
            return Deleted(id=id, quotes=row["quotes"], relations=row["relations"])
        statement = await self.reads.get_statement(id=id, follow=False)  # 404/410: none
        raise Conflict(
            f"statement {id!r} has {len(statement.quotes)} quote(s) that would be orphaned; "
            "delete them first or pass ?cascade=true"
        )

    async def _refuse_near_duplicates(self, embedded: str, *, id: str | None) -> None:
        """409 `near_duplicate` listing the stored statements that say what `embedded` says
        (score at or above matching.NEAR_DUPLICATE_SCORE); opposites do not count. When the
        near-duplicate is the very id asked for, the id is the conflict: 409 `conflict`, as
        the write itself would answer."""
        similar = await self.reads.similar_statements(text=embedded, limit=NEAR_DUPLICATES_LISTED)
        found = [s for s in similar.items if s.score >= NEAR_DUPLICATE_SCORE and not s.opposite]
        if id is not None and any(s.id == id for s in found):
            raise Conflict(f"a statement with id {id!r} exists")
        if found:
            names = ", ".join(f"{s.id!r} ({s.score:.2f})" for s in found)
            raise NearDuplicate(
                f"the statement is a near-duplicate of {names}: merge into it, or pass "
                "?force=true to create it anyway",
                details=[
                    {"id": s.id, "title": s.title, "score": s.score, "opposite": s.opposite}
                    for s in found
                ],
            )

    async def merge_statement(self, *, id: str, into: str) -> StatementPublic:
        """Merge statement `id` into `into` (services/merging.py: what moves, what is folded
        or dropped) and leave a redirect; answers with `into` as it is now."""
        if id == into:
            raise Unprocessable(f"a statement cannot be merged into itself ({id!r})")
        relations = await self.run.read_one(Query.STATEMENTS_RELATIONS, id=id)
        if relations is None:
            await self.reads.missing_statement(id=id)
        target = await self.run.read_one(Query.STATEMENTS_RELATIONS, id=into)
        if target is None:
            await self.reads.missing_statement(id=into)
        plan = plan_merge(id=id, into=into, relations=relations, target_relations=target)
        try:
            row = await self.run.write_one(
                Query.STATEMENTS_MERGE, id=id, into=into, **plan.params()
            )
        except ConstraintViolation:
            raise Conflict(
                f"the relations of {id!r} changed while it was being merged; nothing was "
                "written, try again"
            ) from None
        if not row or not row["merged"]:
            raise NotFound(f"statement {id!r} or {into!r} no longer exists; nothing was written")
        return await self.reads.get_statement(id=into)

    # --- edges -----------------------------------------------------------------------------

    async def create_edge(self, *, data: EdgeCreate) -> EdgePublic:
        grounds = await self._require_grounds(data, statements=(data.source, data.target))
        create, _ = EDGE_QUERIES[data.type]
        id = edge_id(data.source, data.type, data.target)
        # Only SUPPORTS carries an inference (EdgeFields refuses one on REFUTES).
        inference = {"inference": data.inference} if data.type is EdgeType.SUPPORTS else {}
        row = await self.run.write_one(
            create,
            id=id,
            source=data.source,
            target=data.target,
            **grounds,
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
        grounds = await self._require_grounds(_updated(edge, data))
        row = await self.run.write_one(
            Query.EDGES_SET_GROUNDS, id=id, source=edge.source, **grounds
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
        grounds = await self._require_grounds(data, statements=(data.source,))
        id = undercut_id(data.source, data.target)
        row = await self.run.write_one(
            Query.UNDERCUTS_CREATE, id=id, source=data.source, target=data.target, **grounds
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
    ) -> dict[str, Any]:
        """404 naming what a relation names and the graph lacks, 422 for a quote given by
        words the source lacks, before anything is written; then the grounds as the write
        queries take them: `quotes` the ids, `new_quotes` the quotes given by their words
        (created unless they exist)."""
        await self.reads.require(statements=statements, people=tuple(grounds.speakers))
        ids = [q for q in grounds.quotes if isinstance(q, str)]
        await self.reads.require(quotes=tuple(ids))
        by_words = {i: q for i, q in enumerate(grounds.quotes) if isinstance(q, QuoteSelector)}
        await self.reads.require(sources=tuple(q.source for q in by_words.values()))
        texts = await self._texts({q.source for q in by_words.values()})
        new_quotes = []
        for i, q in by_words.items():
            start, end = _find(texts[q.source], q, where=f"body.quotes.{i}")
            new_quotes.append(
                {
                    "id": quote_id(q.source, start, end),
                    "source": q.source,
                    "quote": texts[q.source][start:end],
                    "start": start,
                    "end": end,
                }
            )
        _once([*ids, *(n["id"] for n in new_quotes)], what="`quotes` names")
        return {
            "basis": grounds.basis.value,
            "note": grounds.note,
            "speakers": grounds.speakers,
            "quotes": ids,
            "new_quotes": new_quotes,
        }

    async def _texts(self, sources: set[str]) -> dict[str, str]:
        """The text of each source (checked to exist before)."""
        return {
            id: (await self.reads.source(id=id, include_text=True)).text or ""
            for id in sorted(sources)
        }

    async def _quote_rows(self, quotes: list[QuoteSpan], *, where: str) -> list[dict[str, Any]]:
        """Quotes to create, placed in their sources (checked to exist before): the query rows
        {id, source, quote, start, end, note}; 422 for one the source lacks."""
        texts = await self._texts({q.source for q in quotes})
        rows = []
        for i, q in enumerate(quotes):
            text = texts[q.source]
            start, end = _find(text, q, where=f"{where}.{i}")
            rows.append(
                {
                    "id": quote_id(q.source, start, end),
                    "source": q.source,
                    "quote": text[start:end],
                    "start": start,
                    "end": end,
                    "note": q.note,
                }
            )
        _once([r["id"] for r in rows], what=f"`{where.removeprefix('body.')}` gives")
        return rows

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
        start, end = _find(text, data, where="body")
        row = await self.run.write_one(
            Query.QUOTES_CREATE,
            id=quote_id(data.source, start, end),
            statement=data.statement,
            source=data.source,
            quote=text[start:end],
            start=start,
            end=end,
            note=data.note,
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


def _find(text: str, quote: QuoteSpan | QuoteSelector, *, where: str) -> tuple[int, int]:
    """(start, end) of a quote in its source's text: its words found (argmap.text.anchoring),
    or its offsets checked to hold it verbatim; 422 otherwise, the candidates in `details`."""
    if isinstance(quote, QuoteSpan) and not quote.by_words:
        assert quote.start is not None and quote.end is not None
        start, end = quote.start, quote.end
        if end > len(text):
            raise Unprocessable(
                f"offsets {start}..{end} do not fit the source text (length {len(text)})"
            )
        if text[start:end] != quote.quote:
            raise Unprocessable(
                f"the quote is not verbatim: source text [{start}:{end}] is {text[start:end]!r}"
            )
        return start, end
    assert quote.exact is not None
    try:
        start, end = anchor(text, exact=quote.exact, prefix=quote.prefix, suffix=quote.suffix)
    except AnchorError as exc:
        raise Unprocessable(
            f"{where.removeprefix('body').lstrip('.') or 'exact'}: {exc.message} "
            f"(source {quote.source!r})",
            details=[
                {
                    "location": f"{where}.exact",
                    "message": f"{'matches when case is ignored' if exc.ignoring_case else 'occurs'}"
                    f" at [{c.start}:{c.end}]",
                    "start": c.start,
                    "end": c.end,
                    "context": c.context,
                }
                for c in exc.candidates
            ]
            or None,
        ) from exc
    if end - start > MAX_STATEMENT_TEXT:
        raise Unprocessable(
            f"the passage found at [{start}:{end}] is longer than a quote may be "
            f"({MAX_STATEMENT_TEXT} characters)"
        )
    return start, end


def _once(ids: list[str], *, what: str) -> None:
    """422 when a write would name one quote twice."""
    twice = sorted({id for id in ids if ids.count(id) > 1})
    if twice:
        raise Unprocessable(f"{what} the quote(s) {', '.join(map(repr, twice))} twice")


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
