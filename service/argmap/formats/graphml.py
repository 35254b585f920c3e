"""A document as GraphML (via networkx), and back.

Nodes carry `kind` (statement, person, source, quote, link). Statement nodes are keyed by
their id; the others by `<kind>:<id>` (no slug contains ":", so keys never collide).
Source.kind is stored as `source_kind`. Edges carry `type` (SUPPORTS, REFUTES, UNDERCUTS,
REPHRASES, ASSERTS, AUTHORED, HAS_QUOTE, IN) and, for SUPPORTS/REFUTES, `id` and `inference`.
A relation's grounds ride on its edge: `basis`, `note`, and `speakers` / `quotes` as JSON
lists of ids (GraphML values are scalars). A GraphML edge joins two nodes, so an undercut is
an UNDERCUTS edge from the undercutting statement to a `link:<edge id>` node (kind `link`,
one per undercut edge: argmap's own `:Link`), not to the edge itself. People's `aliases` are
a JSON list too. A quote no statement has (one only relations cite) is a quote node with its
IN edge and no HAS_QUOTE.
"""

from __future__ import annotations

import io
import json
from typing import Any
from xml.etree.ElementTree import ParseError
from xml.parsers import expat

import networkx as nx

from argmap.formats.document import COLLECTIONS, MapDocument, Problem, validate_document

NODE_KINDS = {
    "statement": "statements", "person": "people", "source": "sources", "quote": "quotes",
    "link": "",
}  # fmt: skip
LISTS = ("speakers", "quotes")  # a relation's id lists, JSON-encoded
SOURCE_FIELDS = ("title", "author", "outlet", "url", "published", "file", "sha256", "text")


def _id(key: str) -> str:
    """ "person:blinken" → "blinken"."""
    return key.partition(":")[2]


def _attrs(**values: Any) -> dict[str, Any]:
    # GraphML has no null: an absent attribute is None.
    return {k: v for k, v in values.items() if v is not None}


def document_to_graphml(doc: MapDocument) -> bytes:
    g: nx.MultiDiGraph[str] = nx.MultiDiGraph(format="argmap", version=doc.version)
    for s in doc.statements:
        g.add_node(
            s.id,
            **_attrs(
                kind="statement",
                role=s.role.value,
                title=s.title,
                text=s.text,
                base_score=s.base_score,
            ),
        )
    for p in doc.people:
        g.add_node(
            f"person:{p.id}",
            **_attrs(
                kind="person",
                name=p.name,
                description=p.description,
                aliases=json.dumps(p.aliases, ensure_ascii=False) if p.aliases else None,
            ),
        )
    for src in doc.sources:
        g.add_node(
            f"source:{src.id}",
            kind="source",
            **_attrs(source_kind=src.kind, **{f: getattr(src, f) for f in SOURCE_FIELDS}),
        )
    for q in doc.quotes:
        node = f"quote:{q.id}"
        if node not in g:  # a quote shared by several statements is one node
            g.add_node(
                node,
                **_attrs(
                    kind="quote",
                    quote=q.quote,
                    start=q.start,
                    end=q.end,
                    note=q.note,
                    speaker=q.speaker,
                ),
            )
            g.add_edge(node, f"source:{q.source}", type="IN")
        if q.statement is not None:
            g.add_edge(q.statement, node, type="HAS_QUOTE")
    for e in doc.edges:
        g.add_edge(
            e.source,
            e.target,
            key=e.id,
            **_attrs(type=e.type.value, id=e.id, inference=e.inference, **_grounds(e)),
        )
    for u in doc.undercuts:
        g.add_node(f"link:{u.target}", kind="link")
        g.add_edge(u.source, f"link:{u.target}", key=u.id, type="UNDERCUTS", **_grounds(u))
    for r in doc.rephrases:
        g.add_edge(r.source, r.target, type="REPHRASES")
    for a in doc.asserts:
        g.add_edge(f"person:{a.person}", a.statement, type="ASSERTS")
    for au in doc.authored:
        g.add_edge(f"person:{au.person}", f"source:{au.source}", type="AUTHORED")
    out = io.BytesIO()
    nx.write_graphml(g, out)
    # XML parsers turn a raw carriage return into a line feed; as a character reference it
    # survives. The writer emits no CR of its own, so every CR here is from the map's text.
    return out.getvalue().replace(b"\r", b"&#13;")


def _grounds(relation: Any) -> dict[str, Any]:
    return _attrs(
        basis=relation.basis.value,
        note=relation.note,
        **{k: json.dumps(getattr(relation, k), ensure_ascii=False) for k in LISTS},
    )


def _lists(attrs: dict[str, Any], *keys: str) -> dict[str, Any]:
    """JSON-encoded list attributes decoded; a value that is not JSON stays as it is, for
    the document's validation to name."""
    out = dict(attrs)
    for key in keys:
        if isinstance(out.get(key), str):
            try:
                out[key] = json.loads(out[key])
            except ValueError:
                pass
    return out


def _boolean(text: str) -> bool:
    if text.lower() not in ("true", "false", "0", "1"):  # networkx's convert_bool
        raise ValueError(text)
    return text.lower() in ("true", "1")


# GraphML's attr.type values that networkx reads, each with how it reads a value; a value
# these refuse makes networkx raise mid-read.
ATTR_TYPES = {"string": str, "int": int, "long": int, "float": float, "double": float}
ATTR_TYPES["boolean"] = _boolean
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


class _Refused(Exception):
    """Stops the scan at the first problem: after it, the file is not worth reading on."""

    def __init__(self, message: str, location: str | None = None) -> None:
        self.message, self.location = message, location


def _scan(data: bytes) -> Problem | None:
    """The first reason not to hand `data` to networkx, located at `line:column`, or None.

    Entity declarations are refused outright (billion laughs; external entities such as
    file:///etc/passwd): GraphML needs none. Every `<key>` must have a known attr.type and
    every `<data>`/`<default>` value must read as its key's type.
    """
    parser = expat.ParserCreate(namespace_separator=" ")
    types: dict[str, str] = {}  # key id → attr.type
    keys: list[str] = []  # the <key> being read, for its <default>
    values: list[tuple[str, list[str], str]] = []  # (attr.type, text parts, where it starts)

    def here() -> str:
        return f"{parser.CurrentLineNumber}:{parser.CurrentColumnNumber + 1}"

    def refuse_entity(name: str, *_: Any) -> None:
        raise _Refused(f"entity declarations are not accepted (found {name!r})")

    def start(tag: str, attrs: dict[str, str]) -> None:
        ns, _, local = tag.rpartition(" ")
        if ns != GRAPHML_NS:
            return
        if local == "key":
            keys.append(id := attrs.get("id", ""))
            if "yfiles.type" not in attrs:  # networkx reads yFiles keys its own way
                type_ = attrs.get("attr.type", "string")
                if type_ not in ATTR_TYPES:
                    raise _Refused(
                        f"unknown attr.type {type_!r}; expected one of {', '.join(ATTR_TYPES)}"
                    )
                types[id] = type_
        elif local == "data":
            values.append((types.get(attrs.get("key", ""), "string"), [], here()))
        elif local == "default" and keys:
            values.append((types.get(keys[-1], "string"), [], here()))

    def end(tag: str) -> None:
        ns, _, local = tag.rpartition(" ")
        if ns != GRAPHML_NS:
            return
        if local == "key":
            keys.pop()
        elif local in ("data", "default") and values:
            type_, parts, where = values.pop()
            text = "".join(parts)
            try:
                ATTR_TYPES[type_](text)
            except ValueError:  # int() of 5000 digits too
                raise _Refused(f"{text[:40]!r} is not a valid {type_}", where) from None

    def characters(text: str) -> None:
        if values:
            values[-1][1].append(text)

    parser.EntityDeclHandler = parser.UnparsedEntityDeclHandler = refuse_entity
    parser.StartElementHandler, parser.EndElementHandler = start, end
    parser.CharacterDataHandler = characters
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        where = f"{exc.lineno}:{exc.offset + 1}"
        return Problem(location=where, message=f"not XML: {expat.errors.messages[exc.code]}")
    except _Refused as exc:
        return Problem(location=exc.location or here(), message=exc.message)
    return None


def graphml_to_document(data: bytes) -> tuple[MapDocument | None, list[Problem]]:
    """GraphML as `document_to_graphml` writes it → (document, []) or (None, problems)."""
    if problem := _scan(data):
        return None, [problem]
    try:
        g = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    # What the scan does not foresee (networkx raises these for GraphML it cannot read, e.g.
    # hyperedges, a <default> without text) is still the file's fault, never a 500.
    except (ParseError, nx.NetworkXError, ValueError, KeyError, TypeError, AttributeError) as exc:
        return None, [Problem(location="$", message=f"not GraphML: {exc!r}")]
    raw: dict[str, list[dict[str, Any]]] = {name: [] for name in COLLECTIONS}
    quotes: dict[str, dict[str, Any]] = {}
    problems = []
    for key, d in g.nodes(data=True):
        kind, _, id = key.rpartition(":") if ":" in key else ("statement", "", key)
        attrs = {k: v for k, v in d.items() if k != "kind"}
        if kind != d.get("kind") or kind not in NODE_KINDS:
            problems.append(
                Problem(location=f"node {key!r}", message=f"unexpected kind {d.get('kind')!r}")
            )
        elif kind == "quote":
            quotes[key] = {"id": id, **attrs}
        elif kind == "link":
            pass  # an undercut's target: the UNDERCUTS edge into it names it
        elif kind == "source":
            raw["sources"].append({"id": id, "kind": attrs.pop("source_kind", None), **attrs})
        else:
            raw[NODE_KINDS[kind]].append({"id": id, **_lists(attrs, "aliases")})
    quoted_in = {u: _id(v) for u, v, d in g.edges(data=True) if d.get("type") == "IN"}
    has_statement = {v for _, v, d in g.edges(data=True) if d.get("type") == "HAS_QUOTE"}
    raw["quotes"] += [
        {**q, "source": quoted_in.get(key)} for key, q in quotes.items() if key not in has_statement
    ]
    for u, v, d in g.edges(data=True):
        match d.get("type"):
            case "SUPPORTS" | "REFUTES":
                raw["edges"].append({"source": u, "target": v, **_lists(d, *LISTS)})
            case "UNDERCUTS" if v.startswith("link:"):
                grounds = {k: x for k, x in _lists(d, *LISTS).items() if k != "type"}
                raw["undercuts"].append({"source": u, "target": _id(v), **grounds})
            case "REPHRASES":
                raw["rephrases"].append({"source": u, "target": v})
            case "ASSERTS":
                raw["asserts"].append({"person": _id(u), "statement": v})
            case "AUTHORED":
                raw["authored"].append({"person": _id(u), "source": _id(v)})
            case "HAS_QUOTE" if v in quotes:
                raw["quotes"].append({**quotes[v], "statement": u, "source": quoted_in.get(v)})
            case "IN" if u in quotes:
                pass
            case other:
                problems.append(
                    Problem(
                        location=f"edge {u!r} -> {v!r}", message=f"unexpected edge type {other!r}"
                    )
                )
    if problems:
        return None, problems
    # A version-1 export (edges without grounds) is upgraded as a version-1 JSON file is.
    version = {"version": 1} if g.graph.get("version") == 1 else {}
    return validate_document(version | raw)
