"""Import and export: between the graph, argmap's own document and every file format.

A file is parsed and validated whole first (every problem reported with its location); only a
document without problems is written, as one atomic Cypher statement. The conversions
themselves are pure and live in `argmap.formats`.
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any

from argmap.catalog import Catalog, Query
from argmap.domain import EdgeType
from argmap.errors import ApiError, NotAvailable
from argmap.formats import (
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
from argmap.store import GraphStore


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
    quotes: int
    people: int
    sources: int


def parse(data: bytes, fmt: ImportFormat) -> tuple[MapDocument, ImportFormat]:
    """Bytes in one of the import formats → a valid document, or InvalidDocument."""
    if fmt is ImportFormat.AUTO:
        fmt = _detect(data)
    if fmt is ImportFormat.GRAPHML:
        doc, problems = graphml_to_document(data)
    else:
        raw, problems = parse_json_bytes(data)
        if not problems:
            convert = aif_to_document if fmt is ImportFormat.AIF else validate_document
            doc, problems = convert(raw)
    if problems or doc is None:
        raise InvalidDocument(problems)
    return doc, fmt


def _detect(data: bytes) -> ImportFormat:
    head = data.lstrip()[:1]
    if head == b"<":
        return ImportFormat.GRAPHML
    if head == b"{" and b'"nodeID"' in data and b'"format"' not in data[:200]:
        return ImportFormat.AIF
    return ImportFormat.JSON


def render(doc: MapDocument, fmt: ExportFormat) -> bytes:
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
                return render_svg(document_to_dot(doc))
            except RuntimeError as exc:  # Graphviz missing or failing
                raise NotAvailable(str(exc)) from exc


class ExchangeService:
    def __init__(self, store: GraphStore, catalog: Catalog) -> None:
        self.run = QueryRunner(store, catalog)
        self.reads = ReadService(store, catalog)

    async def export(self, *, fmt: ExportFormat, scope: MapScope) -> bytes:
        ids = await self.reads.scope_ids(scope=scope)
        return render(await self.export_document(ids=ids), fmt)

    async def import_file(self, *, data: bytes, fmt: ImportFormat) -> ImportResult:
        doc, detected = parse(data, fmt)
        await self.import_document(doc=doc)
        return ImportResult(
            format=detected,
            statements=len(doc.statements),
            edges=len(doc.edges),
            quotes=len(doc.quotes),
            people=len(doc.people),
            sources=len(doc.sources),
        )

    async def export_document(self, *, ids: list[str] | None) -> MapDocument:
        """The map (or the statements `ids`) with everything they involve, as a document."""
        statements = await self.run.read(Query.EXCHANGE_EXPORT_STATEMENTS, ids=ids)
        links = await self.run.read(Query.EXCHANGE_EXPORT_LINKS, ids=ids)
        provenance = await self.run.read_one(Query.EXCHANGE_EXPORT_PROVENANCE, ids=ids) or {}
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

    async def import_document(self, *, doc: MapDocument) -> None:
        """Write a validated document as one atomic statement (MERGE: re-importing is a no-op)."""
        edges: dict[EdgeType, list[dict[str, Any]]] = {t: [] for t in EdgeType}
        for edge in doc.edges:
            edges[edge.type].append(
                edge.model_dump(include={"id", "source", "target", "inference"})
            )
        await self.run.write(
            Query.EXCHANGE_IMPORT,
            people=[p.model_dump(include={"id", "name", "description"}) for p in doc.people],
            sources=[
                {"id": s.id, "props": s.model_dump(exclude={"id"}, exclude_none=True)}
                for s in doc.sources
            ],
            statements=[
                {
                    "id": s.id,
                    "role": s.role.value,
                    "props": s.model_dump(include={"title", "text", "base_score"}),
                }
                for s in doc.statements
            ],
            supports=edges[EdgeType.SUPPORTS],
            refutes=edges[EdgeType.REFUTES],
            rephrases=[r.model_dump() for r in doc.rephrases],
            quotes=[q.model_dump(exclude={"speaker"}) for q in doc.quotes],
            asserts=[a.model_dump() for a in doc.asserts],
            authored=[a.model_dump() for a in doc.authored],
        )


def _sorted(rows: list[dict[str, Any]], *keys: str) -> list[dict[str, Any]]:
    """Rows without their null fields, ordered by `keys`."""
    cleaned = [{k: v for k, v in row.items() if v is not None} for row in rows]
    return sorted(cleaned, key=lambda row: tuple(row[k] for k in keys))
