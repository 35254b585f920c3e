"""Bulk import/export formats, pure conversions (no database): every format converts to and
from `MapDocument`, argmap's own JSON document."""

from .aif import aif_to_document, document_to_aif
from .argdown import document_to_argdown
from .document import MapDocument, Problem, parse_json_bytes, validate_document
from .dot import document_to_dot, render_svg
from .graphml import document_to_graphml, graphml_to_document

__all__ = [
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
