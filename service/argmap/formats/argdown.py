"""A document as Argdown (https://argdown.org), loose mode: a statement map.

Each statement is defined once, `[Title]: text {id: ..., role: ...}`, and each relation is
written once, under its target: `<+ [Supporter]` / `<- [Attacker]`. Trees nest from the
statements that support or attack nothing; a statement already defined (a cycle, a shared
premise) or deeper than MAX_DEPTH is referenced by `[Title]` and gets its own block.
Each relation's grounds are a comment above it (`// stated, argued by ...` or
`// reconstructed: <note>`). Argdown's undercut (`_>`) attacks the inference of an argument
(a premise-conclusion structure), which a statement map has none of: each undercut is a
comment, `// undercut: [U] attacks the inference [A] -> [B]`. Rephrases, quotes and people
have no statement-map counterpart and are left out.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

from argmap.domain import Basis, EdgeType
from argmap.formats.document import MapDocument, Statement

MAX_DEPTH = 8
TITLE_WORDS_CHARS = 60
# Characters that start Argdown syntax inside text: references, mentions, tags, emphasis,
# YAML data, escapes; `//` and `/*` open comments, `===` front matter, `.x.` and `:x:`
# shortcodes (`.A.` is rendered as "∀").
SPECIAL = re.compile(r"([\\\[\]<>@#*_{}]|/(?=[/*])|=(?==)|\.(?=\S+?\.)|:(?=\S+?:))")


def _escape(text: str) -> str:
    return SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _titles(statements: list[Statement]) -> dict[str, str]:
    """Unique titles. Argdown titles end at the first `]` and know no escapes: brackets become
    parentheses; a reference cannot start with `-`."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for s in statements:
        base = " ".join((s.title or _short(s.text)).split()).replace("[", "(").replace("]", ")")
        base = base.lstrip("- ")
        title, n = base or s.id, 1
        while title in used:
            n += 1
            title = f"{base} ({n})"
        used.add(title)
        out[s.id] = title
    return out


def _short(text: str) -> str:
    words = text.split()
    out = ""
    for word in words:
        if len(out) + len(word) + 1 > TITLE_WORDS_CHARS:
            return (out or word[:TITLE_WORDS_CHARS]) + " ..."
        out = f"{out} {word}".strip()
    return out


def document_to_argdown(doc: MapDocument) -> str:
    titles = _titles(doc.statements)
    names = {p.id: p.name for p in doc.people}
    incoming: dict[str, list[tuple[str, str, str]]] = defaultdict(list)

    def grounds(relation: Any) -> str:
        who = ", ".join(names.get(p, p) for p in relation.speakers)
        if relation.basis is Basis.RECONSTRUCTED:
            said = f"reconstructed: {' '.join((relation.note or '').split())}"
        else:
            said = "stated"
        return f"// {said}" + (f" (argued by {who})" if who else "")

    for e in doc.edges:
        symbol = "<+" if e.type is EdgeType.SUPPORTS else "<-"
        incoming[e.target].append((symbol, e.source, grounds(e)))
    by_id = {s.id: s for s in doc.statements}
    defined: set[str] = set()
    lines = [
        f"// argmap export: {len(doc.statements)} statements, {len(doc.edges)} relations.",
        "// `<+ [A]` under [B]: A supports B; `<- [A]`: A attacks B. Linked premises (a shared",
        "// inference) appear as separate supports.",
    ]

    def define(id: str) -> str:
        defined.add(id)
        s = by_id[id]
        data = f"{{id: {json.dumps(s.id)}, role: {json.dumps(s.role.value)}}}"
        return f"[{titles[id]}]: {_escape(s.text)} {data}"

    def expand(id: str, depth: int) -> None:
        for symbol, child, comment in incoming[id]:
            indent = "  " * depth
            lines.append(f"{indent}{comment}")
            if child in defined or depth >= MAX_DEPTH:
                lines.append(f"{indent}{symbol} [{titles[child]}]")
            else:
                lines.append(f"{indent}{symbol} {define(child)}")
                expand(child, depth + 1)

    sources = {e.source for e in doc.edges}
    roots = [s for s in doc.statements if s.id not in sources]
    for s in roots + doc.statements:
        if s.id not in defined:
            lines += ["", define(s.id)]
            expand(s.id, 1)
    edges = {e.id: e for e in doc.edges}
    if doc.undercuts:
        lines.append("")
    for u in doc.undercuts:
        e = edges[u.target]
        arrow = "->" if e.type is EdgeType.SUPPORTS else "-x"
        lines.append(
            f"// undercut: [{titles[u.source]}] attacks the inference [{titles[e.source]}] "
            f"{arrow} [{titles[e.target]}]; {grounds(u)[3:]}"
        )
    return "\n".join(lines) + "\n"
