"""A document as Graphviz DOT, and DOT rendered to SVG by the `dot` binary.

Statements are coloured by role; SUPPORTS green, REFUTES red; a relation the analyst
reconstructed is dashed, a stated one solid; each relation's tooltip names its basis, who
argues it and its note. An undercut edge is drawn through a small midpoint node (`edge:<id>`)
at which the undercutting statement's purple arrow ends. Rephrases grey dotted."""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from typing import Any

from argmap.domain import Basis, EdgeType, Role
from argmap.formats.document import MapDocument

ROLE_COLORS = {
    Role.POSITION: "#cfe2ff",
    Role.CLAIM: "#e2e3e5",
    Role.PREMISE: "#fff3cd",
    Role.REBUTTAL: "#f8d7da",
}
EDGE_STYLES = {
    EdgeType.SUPPORTS: 'color="#2e7d32"',
    EdgeType.REFUTES: 'color="#c62828"',
    "UNDERCUTS": 'color="#6a1b9a"',
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
    names = {p.id: p.name for p in doc.people}

    def look(relation: Any, kind: EdgeType | str) -> str:
        dashed = ", style=dashed" if relation.basis is Basis.RECONSTRUCTED else ""
        who = ", ".join(names.get(p, p) for p in relation.speakers)
        tip = f"{relation.id}\n{relation.basis.value}" + (f", argued by {who}" if who else "")
        tip += f": {relation.note}" if relation.note else ""
        return f"{EDGE_STYLES[kind]}{dashed}, tooltip={_quoted(tip)}"

    undercut = {u.target for u in doc.undercuts}
    for e in doc.edges:
        if e.id in undercut:  # through a midpoint that its undercutters aim at
            middle = _quoted(f"edge:{e.id}")
            lines.append(f"  {middle} [shape=point, width=0.08, tooltip={_quoted(e.id)}];")
            lines.append(f"  {_quoted(e.source)} -> {middle} [{look(e, e.type)}, arrowhead=none];")
            lines.append(f"  {middle} -> {_quoted(e.target)} [{look(e, e.type)}];")
        else:
            lines.append(f"  {_quoted(e.source)} -> {_quoted(e.target)} [{look(e, e.type)}];")
    for u in doc.undercuts:
        lines.append(
            f"  {_quoted(u.source)} -> {_quoted(f'edge:{u.target}')} [{look(u, 'UNDERCUTS')}];"
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
