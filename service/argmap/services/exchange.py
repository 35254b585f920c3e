"""Import and export: between the graph, argmap's own document and every file format.

A file is parsed and validated whole first (every problem reported with its location); only a
document without problems is written, as one atomic Cypher statement. The conversions
themselves are pure and live in `argmap.formats`.
"""

from __future__ import annotations

import gc
import hashlib
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from functools import partial
from typing import Any

import anyio.to_thread
from pydantic import Field

from argmap.catalog import Catalog, Query
from argmap.domain import Basis, EdgeType
from argmap.errors import ApiError, Conflict, NotAvailable, NotFound
from argmap.formats import (
    DrawingTimedOut,
    MapDocument,
    Problem,
    aif_to_document,
    document_to_aif,
    document_to_argdown,
    document_to_dot,
    document_to_graphml,
    graphml_to_document,
    parse_json_bytes,
    render_svg,
    validate_document,
)
from argmap.models import MapScope, Model
from argmap.services.reads import ReadService
from argmap.services.runner import QueryRunner
from argmap.store import ConstraintViolation, GraphStore
from argmap.text.embedding import embed, statement_text, stored


class ImportFormat(StrEnum):
    AUTO = "auto"
    JSON = "json"
    AIF = "aif"
    GRAPHML = "graphml"


class ExportFormat(StrEnum):
    JSON = "json"
    AIF = "aif"
    ARGDOWN = "argdown"
    GRAPHML = "graphml"
    DOT = "dot"
    SVG = "svg"


# Formats that carry every field of the map: exporting and importing one gives the same map
# (tests/test_round_trips.py). AIF, Argdown, DOT and SVG keep less.
LOSSLESS = frozenset({ExportFormat.JSON, ExportFormat.GRAPHML})

MEDIA_TYPES = {
    ExportFormat.JSON: "application/json",
    ExportFormat.AIF: "application/json",
    ExportFormat.ARGDOWN: "text/plain; charset=utf-8",
    ExportFormat.GRAPHML: "application/xml",
    ExportFormat.DOT: "text/vnd.graphviz; charset=utf-8",
    ExportFormat.SVG: "image/svg+xml",
}
EXTENSIONS = {
    ExportFormat.JSON: "json",
    ExportFormat.AIF: "aif.json",
    ExportFormat.ARGDOWN: "argdown",
    ExportFormat.GRAPHML: "graphml",
    ExportFormat.DOT: "dot",
    ExportFormat.SVG: "svg",
}


# How long Graphviz may draw an SVG. Its time grows faster than the map: a 51k-statement map
# took over a minute. Past this the drawing is refused (Busy) and its process killed.
SVG_TIMEOUT = 20.0


# A document of at most this many statements is embedded (claim matching) as it is written, so
# `/statements/similar` finds it at once. A larger one is written without embeddings and the
# caller kicks the embedding backlog (services.backlog): wordllama embeds ~7k texts/s and the
# engines index vectors at 0.4-1k/s, which would make a large import many times slower.
EMBED_INLINE_MAX = 1000


def embeds_inline(doc: MapDocument) -> bool:
    return len(doc.statements) <= EMBED_INLINE_MAX


class Busy(ApiError):
    """Bounded work (drawing a map) did not finish in its time; nothing else is affected."""

    status, error = 503, "busy"


class InvalidDocument(ApiError):
    status, error = 422, "invalid_document"

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(
            f"{len(problems)} problem(s); nothing was written",
            details=[p.model_dump() for p in problems],
        )


class ImportResult(Model):
    format: ImportFormat
    statements: int
    edges: int
    undercuts: int
    quotes: int
    people: int
    sources: int
    warnings: list[Problem] = Field(
        default_factory=list,
        description="what the file holds that argmap imported differently or not at all "
        "(AIF: e.g. an RA without a conclusion), each located in the file",
    )


# Relations stored before relations recorded their grounds export as the analyst's reading,
# as version-1 files import (formats.document.V1_EDGE_NOTE).
UNGROUNDED_NOTE = "stored before argmap recorded a relation's grounds"


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection meanwhile. Parsing and validating a large file creates
    millions of objects that all live on, and each collection walks them again: at 100k
    statements the collector took a third of the parse. Nothing here makes reference
    cycles that need the collector; it runs again afterwards (unless it was off already)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse(
    data: bytes, fmt: ImportFormat, *, phase: Callable[[str], None] | None = None
) -> tuple[MapDocument, ImportFormat, list[Problem]]:
    """Bytes in one of the import formats → (a valid document, its format, warnings), or
    InvalidDocument. `phase("parsing" | "validating")` is told each step as it starts (the
    CLI's progress).

    Every malformed file (bad encoding, syntax, types, nesting, entities) becomes
    InvalidDocument with located problems; nothing else is raised for a file's content."""
    with gc_paused():
        return _parse(data, fmt, phase or (lambda _: None))


def _parse(
    data: bytes, fmt: ImportFormat, phase: Callable[[str], None]
) -> tuple[MapDocument, ImportFormat, list[Problem]]:
    if fmt is ImportFormat.AUTO:
        fmt = _detect(data)
    warnings: list[Problem] = []
    phase("parsing")
    if fmt is ImportFormat.GRAPHML:
        doc, problems = graphml_to_document(data)  # parses and validates in one
    else:
        raw, problems = parse_json_bytes(data)
        phase("validating")
        if not problems:
            if fmt is ImportFormat.AIF:
                doc, problems, warnings = aif_to_document(raw)
            else:
                doc, problems = validate_document(raw)
    if problems or doc is None:
        raise InvalidDocument(problems)
    return doc, fmt, warnings


def _detect(data: bytes) -> ImportFormat:
    head = data.lstrip()[:1]
    if head == b"<":
        return ImportFormat.GRAPHML
    if head == b"{" and b'"nodeID"' in data and b'"format"' not in data[:200]:
        return ImportFormat.AIF
    return ImportFormat.JSON


def render(doc: MapDocument, fmt: ExportFormat) -> bytes:
    """The document in `fmt`. CPU-bound for large maps, and SVG waits for Graphviz up to
    SVG_TIMEOUT (Busy after it): call it off the event loop."""
    match fmt:
        case ExportFormat.JSON:
            return doc.model_dump_json(indent=2, exclude_none=True).encode()
        case ExportFormat.AIF:
            return json.dumps(document_to_aif(doc), indent=2, ensure_ascii=False).encode()
        case ExportFormat.ARGDOWN:
            return document_to_argdown(doc).encode()
        case ExportFormat.GRAPHML:
            return document_to_graphml(doc)
        case ExportFormat.DOT:
            return document_to_dot(doc).encode()
        case ExportFormat.SVG:
            try:
                return render_svg(document_to_dot(doc), timeout=SVG_TIMEOUT)
            except DrawingTimedOut as exc:
                raise Busy(
                    f"the map is too large to draw within {exc.timeout:g} s; export dot "
                    "(?format=dot) and render it yourself, or export a part of the map"
                ) from exc
            except RuntimeError as exc:  # Graphviz missing or failing
                raise NotAvailable(str(exc)) from exc


class ExchangeService:
    def __init__(self, store: GraphStore, catalog: Catalog) -> None:
        self.run = QueryRunner(store, catalog)
        self.reads = ReadService(store, catalog)

    async def export(self, *, fmt: ExportFormat, scope: MapScope) -> bytes:
        ids = await self.reads.scope_ids(scope=scope)
        raw = await self._export_rows(ids=ids)
        # Validating and encoding a large map takes seconds of CPU, drawing it longer: in a
        # worker thread, so that every other request is served meanwhile.
        return await anyio.to_thread.run_sync(lambda: render(MapDocument.model_validate(raw), fmt))

    async def import_file(self, *, data: bytes, fmt: ImportFormat) -> ImportResult:
        doc, detected, warnings = await anyio.to_thread.run_sync(partial(parse, data, fmt))
        await self.import_document(doc=doc)
        return ImportResult(
            format=detected,
            statements=len(doc.statements),
            edges=len(doc.edges),
            undercuts=len(doc.undercuts),
            quotes=len({q.id for q in doc.quotes}),
            people=len(doc.people),
            sources=len(doc.sources),
            warnings=warnings,
        )

    async def export_document(self, *, ids: list[str] | None) -> MapDocument:
        """The map (or the statements `ids`) with everything they involve, as a document."""
        return MapDocument.model_validate(await self._export_rows(ids=ids))

    async def _export_rows(self, *, ids: list[str] | None) -> dict[str, Any]:
        """The raw document (not yet validated) of `export_document`."""
        statements = await self.run.read(Query.EXCHANGE_EXPORT_STATEMENTS, ids=ids)
        links = await self.run.read(Query.EXCHANGE_EXPORT_LINKS, ids=ids)
        provenance = await self.run.read_one(Query.EXCHANGE_EXPORT_PROVENANCE, ids=ids) or {}
        by_kind: dict[str, list[dict[str, Any]]] = {
            "edge": [], "undercut": [], "rephrase": [], "assert": []
        }  # fmt: skip
        for row in links:
            link = row["link"]
            by_kind[row["kind"]].append(_grounded(link) if "speakers" in link else link)
        edge_ids = {e["id"] for e in by_kind["edge"]}
        # An undercut goes with the edge it attacks: both ends of that edge are in scope.
        undercuts = [u for u in by_kind["undercut"] if u["target"] in edge_ids]
        relations = [r["id"] for r in by_kind["edge"] + undercuts]
        grounds = await self.run.read(Query.EXCHANGE_EXPORT_GROUNDS, ids=ids, links=relations)
        quotes = provenance.get("quotes", [])
        sources = provenance.get("sources", [])
        people = provenance.get("people", [])
        quoted = {q["id"] for q in quotes}
        have_source = {s["id"] for s in sources}
        have_person = {p["id"] for p in people}
        for row in grounds:
            item = row["item"]
            if row["kind"] == "person" and item["id"] not in have_person:
                have_person.add(item["id"])
                people.append(item)
            elif row["kind"] == "quote" and item["id"] not in quoted:
                # Cited by relations only (in this scope): a quote without a statement.
                quoted.add(item["id"])
                quotes.append(item)
                if row["source"]["id"] not in have_source:
                    have_source.add(row["source"]["id"])
                    sources.append(row["source"])
        # Sorted, so that exporting the same map always gives the same bytes.
        return {
            "statements": _sorted([r["statement"] for r in statements], "id"),
            "edges": _sorted(by_kind["edge"], "id"),
            "undercuts": _sorted(undercuts, "id"),
            "rephrases": _sorted(by_kind["rephrase"], "source", "target"),
            "asserts": _sorted(by_kind["assert"], "person", "statement"),
            "people": _sorted(people, "id"),
            "sources": _sorted(sources, "id"),
            "quotes": _sorted(quotes, "id", "statement"),
            "authored": _sorted(provenance.get("authored", []), "person", "source"),
        }

    async def import_document(self, *, doc: MapDocument) -> None:
        """Write a validated document as one atomic statement (MERGE: re-importing is a no-op)."""
        # Embedding and shaping a large document take seconds of CPU: in a worker thread.
        params = await anyio.to_thread.run_sync(partial(import_params, doc))
        try:
            await self.run.write(Query.EXCHANGE_IMPORT, **params)
        except ConstraintViolation:
            # The import's guard against replacing a source's text; or a key raced by
            # another writer, which stays a plain 409.
            if changed := await self._sources_with_other_text(doc):
                names = ", ".join(repr(doc.sources[i].id) for i in changed)
                raise Conflict(
                    f"source(s) {names} already hold another text; a source's text is "
                    "evidence and never changes (import it under a new id); nothing was written",
                    details=[
                        Problem(
                            location=f"sources[{i}].text",
                            message=f"differs from the stored text of source {doc.sources[i].id!r}",
                        ).model_dump()
                        for i in changed
                    ],
                ) from None
            raise

    async def _sources_with_other_text(self, doc: MapDocument) -> list[int]:
        """Indexes of the document's sources whose id is stored with another text."""
        changed = []
        for index, source in enumerate(doc.sources):
            try:
                stored = await self.reads.source(id=source.id, include_text=True)
            except NotFound:
                continue
            if stored.text != source.text:
                changed.append(index)
        return changed


def import_params(doc: MapDocument) -> dict[str, list[dict[str, Any]]]:
    """The parameters of `exchange/import` for a validated document. Plain dicts built by hand
    (pydantic's model_dump took most of this at 100k statements), enum members passed as the
    strings they are (StrEnum)."""
    with gc_paused():
        return _import_params(doc)


def _import_params(doc: MapDocument) -> dict[str, list[dict[str, Any]]]:
    # Claim matching: a small document's embeddings, in one batch, written with it; a large
    # one's are left to the background backlog (EMBED_INLINE_MAX).
    if embeds_inline(doc):
        texts = [statement_text(title=s.title, text=s.text) for s in doc.statements]
        vectors = [stored(v) for v in embed(texts)]
    else:
        vectors = [{} for _ in doc.statements]
    edges: dict[str, list[dict[str, Any]]] = {EdgeType.SUPPORTS: [], EdgeType.REFUTES: []}
    for e in doc.edges:
        edges[e.type].append(
            {
                "id": e.id,
                "source": e.source,
                "target": e.target,
                "inference": e.inference,
                "basis": str(e.basis),
                "note": e.note,
            }
        )
    relations = [*doc.edges, *doc.undercuts]
    return {
        "people": [
            {"id": p.id, "name": p.name, "description": p.description, "aliases": p.aliases}
            for p in doc.people
        ],
        "sources": [
            {
                "id": s.id,
                "text": s.text,
                "sha256": hashlib.sha256(s.text.encode()).hexdigest(),
                "meta": s.model_dump(exclude={"id", "text", "sha256"}, exclude_none=True),
            }
            for s in doc.sources
        ],
        "statements": [
            {
                "id": s.id,
                "role": str(s.role),
                "props": {"title": s.title, "text": s.text, "base_score": s.base_score},
                **vector,
            }
            for s, vector in zip(doc.statements, vectors, strict=True)
        ],
        "quotes": list(
            {
                q.id: {
                    "id": q.id,
                    "source": q.source,
                    "quote": q.quote,
                    "start": q.start,
                    "end": q.end,
                    "note": q.note,
                }
                for q in doc.quotes
            }.values()
        ),
        "quoted": [{"statement": q.statement, "quote": q.id} for q in doc.quotes if q.statement],
        "supports": edges[EdgeType.SUPPORTS],
        "refutes": edges[EdgeType.REFUTES],
        "undercuts": [
            {
                "id": u.id,
                "source": u.source,
                "target": u.target,
                "basis": str(u.basis),
                "note": u.note,
            }
            for u in doc.undercuts
        ],
        "argues": [{"person": person, "link": r.id} for r in relations for person in r.speakers],
        "cites": [{"link": r.id, "quote": quote} for r in relations for quote in r.quotes],
        "rephrases": [{"source": r.source, "target": r.target} for r in doc.rephrases],
        "asserts": [{"person": a.person, "statement": a.statement} for a in doc.asserts],
        "authored": [{"person": a.person, "source": a.source} for a in doc.authored],
    }


def _grounded(link: dict[str, Any]) -> dict[str, Any]:
    """An exported relation with its id lists in order (the engine returns them in any), and a
    relation stored before grounds were recorded read as reconstructed."""
    out = link | {
        "speakers": sorted(link["speakers"] or []),
        "quotes": sorted(link["quotes"] or []),
    }
    if out.get("basis") is None:
        out |= {"basis": Basis.RECONSTRUCTED.value, "note": out.get("note") or UNGROUNDED_NOTE}
    return out


def _sorted(rows: list[dict[str, Any]], *keys: str) -> list[dict[str, Any]]:
    """Rows without their null fields, ordered by `keys` (an absent key sorts first)."""
    cleaned = [{k: v for k, v in row.items() if v is not None} for row in rows]
    return sorted(cleaned, key=lambda row: tuple((k in row, row.get(k, "")) for k in keys))
