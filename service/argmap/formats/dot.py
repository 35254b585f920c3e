"""A document as Graphviz DOT (statements coloured by role, SUPPORTS green, REFUTES red dashed,
rephrases grey dotted), and DOT rendered to SVG by the `dot` binary."""

from __future__ import annotations

import shutil
import subprocess
import textwrap

from argmap.domain import EdgeType, Role
from argmap.formats.document import MapDocument

ROLE_COLORS = {
    Role.POSITION: "#cfe2ff",
    Role.CLAIM: "#e2e3e5",
    Role.PREMISE: "#fff3cd",
    Role.REBUTTAL: "#f8d7da",
}
EDGE_STYLES = {
    EdgeType.SUPPORTS: 'color="#2e7d32"',
    EdgeType.REFUTES: 'color="#c62828", style=dashed',
}
LABEL_WIDTH = 32


def _quoted(text: str) -> str:
    """A DOT string literal. Backslashes are doubled because labels give `\\n`, `\\l`, `\\N`...
    a meaning; real newlines become `\\n` (a centred line break)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n") + '"'


def document_to_dot(doc: MapDocument) -> str:
    lines = [
        "digraph argmap {",
        '  graph [rankdir=BT, fontname="Helvetica"];',
        '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11];',
        "  edge [arrowsize=0.8];",
    ]
    for s in doc.statements:
        label = (
            "\n".join(
                textwrap.wrap(s.title or s.text, LABEL_WIDTH, max_lines=6, placeholder=" ...")
            )
            or s.id
        )
        lines.append(
            f"  {_quoted(s.id)} [label={_quoted(label)}, tooltip={_quoted(s.text)}, "
            f'fillcolor="{ROLE_COLORS[s.role]}"];'
        )
    for e in doc.edges:
        lines.append(
            f"  {_quoted(e.source)} -> {_quoted(e.target)} [{EDGE_STYLES[e.type]}, "
            f"tooltip={_quoted(e.id)}];"
        )
    for r in doc.rephrases:
        lines.append(
            f"  {_quoted(r.source)} -> {_quoted(r.target)} "
            '[color=gray, style=dotted, tooltip="rephrases"];'
        )
    lines.append("}")
    return "\n".join(lines) + "\n"


class DrawingTimedOut(RuntimeError):
    """Graphviz did not finish within the time given; its process was killed."""

    def __init__(self, timeout: float) -> None:
        super().__init__(f"Graphviz did not finish within {timeout:g} s")
        self.timeout = timeout


def render_svg(dot: str, *, timeout: float = 60) -> bytes:
    """SVG drawn by Graphviz. Blocks up to `timeout` seconds: call it off the event loop."""
    if not (binary := shutil.which("dot")):
        raise RuntimeError("Graphviz `dot` is not installed: apt-get install graphviz")
    try:
        # On timeout, run() kills the child and waits for it before raising.
        result = subprocess.run(
            [binary, "-Tsvg"], input=dot.encode(), capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        raise DrawingTimedOut(timeout) from None
    if result.returncode != 0:
        raise RuntimeError(f"dot failed: {result.stderr.decode(errors='replace').strip()}")
    return result.stdout
