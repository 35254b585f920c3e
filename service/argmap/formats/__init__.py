"""Bulk import/export formats, pure conversions (no database): every format converts to and
from `MapDocument`, argmap's own JSON document."""

from argmap.formats.aif import aif_to_document, document_to_aif
from argmap.formats.argdown import document_to_argdown
from argmap.formats.document import MapDocument, Problem, parse_json_bytes, validate_document
from argmap.formats.dot import DrawingTimedOut, document_to_dot, render_svg
from argmap.formats.graphml import document_to_graphml, graphml_to_document

__all__ = [
    "DrawingTimedOut",
    "MapDocument",
    "Problem",
    "aif_to_document",
    "document_to_aif",
    "document_to_argdown",
    "document_to_dot",
    "document_to_graphml",
    "graphml_to_document",
    "parse_json_bytes",
    "render_svg",
    "validate_document",
]
