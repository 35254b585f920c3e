"""Bulk import and export: between the graph and argmap's own document (and every format).

A document is validated whole first (every problem reported with its location); only a
document without problems is written, as one atomic Cypher statement.
"""

from __future__ import annotations

import json
from enum import StrEnum

from .errors import ApiError, NotAvailable
from .interchange import (
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
from .models import Model


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
