"""AIF JSON, as AIFdb and OVA write it, to and from a `MapDocument`.

AIF → argmap (`aif_to_document`), all-or-nothing like every import:
- I-node → statement. Its id is the node's `argmap.id` when the AIF came from argmap's own
  export, else `<prefix>-<nodeID as slug>` (a suffix `-2`, `-3`... keeps them unique).
  Role (unless `argmap.role` is given): attacks something (premise of a CA) → Rebuttal;
  supports and attacks nothing but is supported or attacked → Position; only a premise →
  Premise; else (intermediate, or unconnected) → Claim.
- RA (one or more premise I-nodes, one conclusion I-node) → a SUPPORTS edge from each premise.
  Premises of one RA are linked: they share `inference` = the RA's `argmap.inference`, else,
  when the RA has several premises, `<prefix>-<RA nodeID as slug>`.
- CA (same shape) → REFUTES from each premise. MA (one I-node in, one out) → rephrase:
  the `from` side rephrases the `to` side.
- PA (preference) nodes and their edges are accepted and dropped: argmap has no preference
  relation. TA nodes and the YA nodes that anchor TA/RA/CA/MA only order the dialogue; dropped.
- L-node (a locution, "Speaker: text") → its text joins one synthetic Source per file (the
  locutions in node order, separated by blank lines), so each locution keeps exact offsets.
  Each I-node it anchors (L→YA→I, or a direct L→I edge) gets a Quote of the locution text
  without its "Speaker:" prefix. The locution's person (`locutions[].personID`, named by
  `participants[]` or else by the text's prefix) becomes the quote's `speaker`, and ASSERTS
  the statement unless the YA is non-assertive (NON_ASSERTIVE, e.g. "Pure Questioning").
- Undercuts and other links between scheme nodes have no argmap counterpart: problems.

argmap → AIF (`document_to_aif`): statements → I-nodes (nodeID = statement id); each SUPPORTS
edge, or each group of edges sharing an `inference` into one conclusion → an RA node; REFUTES
→ CA; rephrases → MA; quotes → L-nodes "Name: quote" with a locution and a YA ("Asserting"
when the speaker asserts the statement, else "Quoting"); an assertion without a quote → an
L-node "Name: statement text" with an "Asserting" YA, marked `argmap.assertion_only` so that
re-importing it records the assertion without adding a quote. argmap ids, roles, titles, scores,
inferences and person descriptions ride along in an `argmap` object on nodes/participants.
Sources and `authored` have no AIF counterpart and are not exported.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from argmap.domain import (
    MAX_SOURCE_TEXT,
    MAX_STATEMENT_TEXT,
    SLUG_PATTERN,
    EdgeType,
    quote_id,
)
from argmap.formats.document import (
    MapDocument,
    Problem,
    Statement,
    location,
    validate_document,
)

NODE_TYPES = ("I", "RA", "CA", "MA", "PA", "L", "YA", "TA")
SCHEMES = ("RA", "CA", "MA")
SCHEME_TEXT = {"RA": "Default Inference", "CA": "Default Conflict", "MA": "Default Rephrase"}
# Illocutions that anchor a locution to a proposition without the speaker asserting it.
NON_ASSERTIVE = frozenset({"quoting", "pure questioning", "challenging", "pure challenging"})
LOCUTION_SEPARATOR = "\n\n"


def _aif_id(value: Any) -> str | None:
    """AIF ids are strings (AIFdb) or integers (OVA); bool is neither."""
    if isinstance(value, str) and value:
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def _slug(value: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
    return slug or hashlib.sha256(value.encode()).hexdigest()[:12]


@dataclass
class _Node:
    index: int
    id: str
    type: str
    text: str
    argmap: dict[str, Any]
    ins: list[str] = field(default_factory=list)  # nodeIDs with an edge into this node
    outs: list[str] = field(default_factory=list)


@dataclass
class _Person:
    id: str
    name: str
    description: str | None = None


class _Reader:
    def __init__(self, raw: dict[str, Any], prefix: str) -> None:
        self.raw, self.prefix = raw, prefix
        self.problems: list[Problem] = []
        self.nodes: dict[str, _Node] = {}

    def problem(self, message: str, *loc: str | int) -> None:
        self.problems.append(Problem(location=location(*loc), message=message))

    def items(self, key: str, required: bool = False) -> list[tuple[int, dict[str, Any]]]:
        value = self.raw.get(key)
        if value is None and not required:
            return []
        if not isinstance(value, list):
            self.problem("missing, or not a list", key)
            return []
        out = []
        for index, item in enumerate(value):
            if isinstance(item, dict):
                out.append((index, item))
            else:
                self.problem("expected an object", key, index)
        return out

    def ident(self, item: dict[str, Any], key: str, *loc: str | int) -> str | None:
        if (value := _aif_id(item.get(key))) is None:
            self.problem("missing, or not a non-empty string or integer", *loc, key)
        return value

    # --- nodes and edges ------------------------------------------------------------------

    def read_graph(self) -> None:
        for i, n in self.items("nodes", required=True):
            id, type_, text = self.ident(n, "nodeID", "nodes", i), n.get("type"), n.get("text")
            if type_ not in NODE_TYPES:
                self.problem(
                    f"unknown node type {type_!r}; expected one of {', '.join(NODE_TYPES)}",
                    "nodes",
                    i,
                    "type",
                )
            if not isinstance(text, str):
                self.problem("missing, or not a string", "nodes", i, "text")
            elif type_ in ("I", "L") and not text.strip():
                self.problem(f"an {type_}-node needs text", "nodes", i, "text")
            elif type_ == "L" and len(text) > MAX_STATEMENT_TEXT:
                self.problem(
                    f"a locution over {MAX_STATEMENT_TEXT:,} characters cannot be quoted",
                    "nodes",
                    i,
                    "text",
                )
            argmap = n.get("argmap", {})
            if not isinstance(argmap, dict):
                self.problem("expected an object", "nodes", i, "argmap")
            if id is None:
                continue
            if id in self.nodes:
                self.problem(
                    f"duplicate nodeID {id!r} (first at nodes[{self.nodes[id].index}])",
                    "nodes",
                    i,
                    "nodeID",
                )
                continue
            # A node with a bad type is still registered, so that its edges are not dangling.
            self.nodes[id] = _Node(
                i,
                id,
                type_ if type_ in NODE_TYPES else "",
                text if isinstance(text, str) else "",
                argmap if isinstance(argmap, dict) else {},
            )
        edge_ids: dict[str, int] = {}
        for i, e in self.items("edges", required=True):
            eid = self.ident(e, "edgeID", "edges", i)
            if eid is not None and (j := edge_ids.setdefault(eid, i)) != i:
                self.problem(
                    f"duplicate edgeID {eid!r} (first at edges[{j}])", "edges", i, "edgeID"
                )
            ends = [self.ident(e, key, "edges", i) for key in ("fromID", "toID")]
            for key, end in zip(("fromID", "toID"), ends, strict=True):
                if end is not None and end not in self.nodes:
                    self.problem(f"no node {end!r}", "edges", i, key)
            source, target = (self.nodes.get(end) if end else None for end in ends)
            if source and target:
                self.check_edge(i, source, target)
                source.outs.append(target.id)
                target.ins.append(source.id)

    def check_edge(self, i: int, source: _Node, target: _Node) -> None:
        if source.type == "I" and target.type == "I":
            self.problem(
                "links two I-nodes directly; relations go through RA, CA or MA nodes", "edges", i
            )
        elif source.type in SCHEMES and target.type in SCHEMES:
            self.problem(
                f"links a {source.type} node to a {target.type} node (an undercut or "
                "meta-argument); argmap relations join statements only",
                "edges",
                i,
            )

    def of_type(self, *types: str) -> list[_Node]:
        return [n for n in self.nodes.values() if n.type in types]

    def linked(self, ids: list[str], type_: str) -> list[str]:
        return list(dict.fromkeys(i for i in ids if self.nodes[i].type == type_))

    # --- statements and relations ---------------------------------------------------------

    def statement_ids(self) -> dict[str, str]:
        """nodeID → argmap id for I-nodes (and generated ids for RA nodes, for inferences).
        A node whose `argmap.id` is bad (a problem) gets a generated id, so that the rest of
        the file is still checked."""
        out: dict[str, str] = {}
        taken: dict[str, int] = {}
        for n in self.of_type("I"):
            if (given := n.argmap.get("id")) is not None:
                if not isinstance(given, str) or not re.match(SLUG_PATTERN, given):
                    self.problem(
                        f"not an argmap id (pattern {SLUG_PATTERN})",
                        "nodes",
                        n.index,
                        "argmap",
                        "id",
                    )
                elif (j := taken.setdefault(given, n.index)) != n.index:
                    self.problem(
                        f"duplicate argmap id {given!r} (first at nodes[{j}])",
                        "nodes",
                        n.index,
                        "argmap",
                        "id",
                    )
                else:
                    out[n.id] = given
        for n in self.of_type("I", "RA"):
            if n.id not in out:
                base = f"{self.prefix}-{_slug(n.id)}"[:90].rstrip("-")
                slug, k = base, 1
                while slug in taken:
                    k += 1
                    slug = f"{base}-{k}"
                taken[slug] = n.index
                out[n.id] = slug
        return out

    def relations(self, ids: dict[str, str]) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
        edges: dict[tuple[str, str, str], tuple[int, dict[str, Any]]] = {}
        rephrases = []
        for s in self.of_type(*SCHEMES):
            premises, conclusions = self.linked(s.ins, "I"), self.linked(s.outs, "I")
            if len(conclusions) != 1 or not premises or (s.type == "MA" and len(premises) != 1):
                many = "one I-node" if s.type == "MA" else "one or more I-nodes"
                self.problem(
                    f"this {s.type} node needs {many} in and exactly one out; "
                    f"has {len(premises)} in, {len(conclusions)} out",
                    "nodes",
                    s.index,
                )
                continue
            target = conclusions[0]
            if target in premises:
                self.problem("relates a statement to itself", "nodes", s.index)
                continue
            if s.type == "MA":
                rephrases.append({"source": ids[premises[0]], "target": ids[target]})
                continue
            inference = s.argmap.get("inference")
            if s.type == "RA" and inference is None and len(premises) > 1:
                inference = ids[s.id]
            type_ = EdgeType.SUPPORTS if s.type == "RA" else EdgeType.REFUTES
            for p in premises:
                edge = {
                    "source": ids[p],
                    "target": ids[target],
                    "type": type_.value,
                    "inference": inference if type_ is EdgeType.SUPPORTS else None,
                }
                key = (p, type_.value, target)
                if key in edges and edges[key][1] != edge:
                    # argmap keeps one edge per (source, type, target), with one inference.
                    self.problem(
                        f"premise {p!r} already {type_.value.lower()} {target!r} through "
                        f"node nodes[{edges[key][0]}] with another inference",
                        "nodes",
                        s.index,
                    )
                edges.setdefault(key, (s.index, edge))
        return [e for _, e in edges.values()], rephrases

    def roles(self) -> dict[str, str]:
        out = {}
        for n in self.of_type("I"):
            succ = {self.nodes[o].type for o in n.outs}
            pred = {self.nodes[i].type for i in n.ins}
            if "CA" in succ:
                out[n.id] = "Rebuttal"
            elif "RA" not in succ and pred & {"RA", "CA"}:
                out[n.id] = "Position"
            elif "RA" in succ and not pred & {"RA", "CA"}:
                out[n.id] = "Premise"
            else:
                out[n.id] = "Claim"
        return out

    def statements(self, ids: dict[str, str]) -> list[dict[str, Any]]:
        roles = self.roles()
        out = []
        for n in self.of_type("I"):
            item = {
                "id": ids[n.id],
                "role": n.argmap.get("role", roles[n.id]),
                "text": n.text,
                "title": n.argmap.get("title"),
                "base_score": n.argmap.get("base_score"),
            }
            try:
                out.append(Statement.model_validate(item).model_dump(mode="json"))
            except ValidationError as exc:
                for e in exc.errors():
                    key = str(e["loc"][0])
                    loc = ("text",) if key == "text" else ("argmap", key)
                    self.problem(e["msg"], "nodes", n.index, *loc)
        return out

    # --- people and locutions -------------------------------------------------------------

    def people(self) -> dict[str, _Person]:
        """participantID → person."""
        out: dict[str, _Person] = {}
        for i, p in self.items("participants"):
            if (pid := self.ident(p, "participantID", "participants", i)) is None:
                continue
            if pid in out:
                self.problem(f"duplicate participantID {pid!r}", "participants", i, "participantID")
                continue
            if not isinstance(argmap := p.get("argmap", {}), dict):
                argmap = {}
            name = " ".join(str(p[k]) for k in ("firstname", "surname") if p.get(k))
            out[pid] = _Person(
                argmap.get("id") or f"{self.prefix}-person-{_slug(pid)}",
                name or f"Participant {pid}",
                argmap.get("description"),
            )
        return out

    def speakers(self, people: dict[str, _Person]) -> dict[str, _Person]:
        """L nodeID → the person who uttered it."""
        out: dict[str, _Person] = {}
        for i, loc in self.items("locutions"):
            nid, pid = (self.ident(loc, key, "locutions", i) for key in ("nodeID", "personID"))
            if nid is None:
                continue
            if nid not in self.nodes:
                self.problem(f"no node {nid!r}", "locutions", i, "nodeID")
            elif self.nodes[nid].type != "L":
                self.problem(f"node {nid!r} is not an L-node", "locutions", i, "nodeID")
            elif nid in out:
                self.problem(f"a second locution for node {nid!r}", "locutions", i, "nodeID")
            elif pid is not None:
                if pid not in people:  # no participants entry: the "Speaker:" prefix names them
                    prefix, colon, _ = self.nodes[nid].text.partition(":")
                    name = prefix.strip() if colon and 0 < len(prefix.strip()) <= 200 else ""
                    people[pid] = _Person(
                        f"{self.prefix}-person-{_slug(pid)}", name or f"Participant {pid}"
                    )
                out[nid] = people[pid]
        return out

    def locutions(
        self, ids: dict[str, str], speakers: dict[str, _Person]
    ) -> tuple[dict[str, Any] | None, list[dict[str, Any]], list[dict[str, str]]]:
        """The synthetic source of all L-node texts, its quotes, and the speakers' assertions."""
        parts: list[str] = []
        spans: list[tuple[_Node, int, int]] = []
        offset = 0
        for n in self.of_type("L"):
            start = offset
            if (person := speakers.get(n.id)) and (
                m := re.match(rf"\s*{re.escape(person.name)}\s*:\s*", n.text)
            ):
                start += m.end()
            parts.append(n.text)
            offset += len(n.text)
            spans.append((n, start, offset))
            offset += len(LOCUTION_SEPARATOR)
        if not parts:
            return None, [], []
        text = LOCUTION_SEPARATOR.join(parts)
        if len(text) > MAX_SOURCE_TEXT:
            self.problem(
                f"the L-nodes' texts total {len(text):,} characters, over the "
                f"{MAX_SOURCE_TEXT:,} of one source",
                "nodes",
            )
        sha = hashlib.sha256(text.encode()).hexdigest()
        source = {
            "id": f"{self.prefix}-locutions-{sha[:12]}",
            "title": "AIF locutions",
            "kind": "transcript",
            "sha256": sha,
            "text": text,
        }
        quotes, asserts = [], []
        for n, start, end in spans:
            person = speakers.get(n.id)
            for statement, illocution in self.anchors(n, ids):
                if end > start and not n.argmap.get("assertion_only"):
                    quotes.append(
                        {
                            "id": quote_id(source["id"], start, end),
                            "statement": statement,
                            "source": source["id"],
                            "quote": text[start:end],
                            "start": start,
                            "end": end,
                            "speaker": person.id if person else None,
                        }
                    )
                if person and illocution.strip().lower() not in NON_ASSERTIVE:
                    asserts.append({"person": person.id, "statement": statement})
        return source, quotes, asserts

    def anchors(self, locution: _Node, ids: dict[str, str]) -> list[tuple[str, str]]:
        """(statement id, illocution) for each I-node the locution anchors."""
        out: dict[str, str] = {}
        for succ in map(self.nodes.__getitem__, locution.outs):
            if succ.type == "I" and succ.id in ids:
                out.setdefault(ids[succ.id], "")
            elif succ.type == "YA":
                for target in self.linked(succ.outs, "I"):
                    if target in ids:
                        out.setdefault(ids[target], succ.text)
        return list(out.items())


def aif_to_document(raw: Any, *, prefix: str = "aif") -> tuple[MapDocument | None, list[Problem]]:
    """An AIF JSON object → (document, []) or (None, every problem, located in the AIF)."""
    if not re.match(SLUG_PATTERN, prefix) or len(prefix) > 40:
        raise ValueError(f"prefix {prefix!r} is not a short slug")
    if not isinstance(raw, dict):
        return None, [Problem(location="$", message="expected a JSON object with nodes and edges")]
    reader = _Reader(raw, prefix)
    reader.read_graph()
    ids = reader.statement_ids()
    statements = reader.statements(ids)
    edges, rephrases = reader.relations(ids)
    people = reader.people()
    speakers = reader.speakers(people)
    source, quotes, asserts = reader.locutions(ids, speakers)
    if reader.problems:
        return None, reader.problems
    return validate_document(
        {
            "statements": statements,
            "edges": edges,
            "rephrases": rephrases,
            "people": [
                {"id": p.id, "name": p.name, "description": p.description} for p in people.values()
            ],
            "sources": [source] if source else [],
            "quotes": quotes,
            "asserts": [dict(t) for t in dict.fromkeys(tuple(a.items()) for a in asserts)],
        }
    )


def document_to_aif(doc: MapDocument) -> dict[str, Any]:
    """A document as AIF JSON (nodes, edges, locutions, participants); see the module doc."""
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    locutions: list[dict[str, str]] = []

    def node(id: str, type_: str, text: str, argmap: dict[str, Any] | None = None) -> str:
        nodes.append(
            {"nodeID": id, "text": text, "type": type_} | ({"argmap": argmap} if argmap else {})
        )
        return id

    def link(source: str, target: str) -> None:
        edges.append(
            {"edgeID": str(len(edges) + 1), "fromID": source, "toID": target, "formEdgeID": None}
        )

    # Scheme and dialogue node ids contain "~", which no argmap id (a slug) does.
    for s in doc.statements:
        node(s.id, "I", s.text, s.model_dump(mode="json", exclude={"text"}, exclude_none=True))
    arguments: set[str] = set()  # RA nodeIDs
    for e in doc.edges:
        if e.type is EdgeType.REFUTES:
            link(e.source, node(e.id, "CA", SCHEME_TEXT["CA"]))
            link(e.id, e.target)
            continue
        ra = f"{e.target}~inference~{e.inference}" if e.inference else e.id
        if ra not in arguments:
            node(ra, "RA", SCHEME_TEXT["RA"], {"inference": e.inference} if e.inference else None)
            link(ra, e.target)
            arguments.add(ra)
        link(e.source, ra)
    for r in doc.rephrases:
        ma = node(f"{r.source}~rephrases~{r.target}", "MA", SCHEME_TEXT["MA"])
        link(r.source, ma)
        link(ma, r.target)

    names = {p.id: p.name for p in doc.people}
    texts = {s.id: s.text for s in doc.statements}
    asserted = {(a.person, a.statement) for a in doc.asserts}
    unquoted: dict[tuple[str | None, str], None] = dict.fromkeys(
        (a.person, a.statement) for a in doc.asserts
    )

    spoken: set[str] = set()

    def locution(
        id: str, person: str | None, text: str, statement: str, *, quoted: bool = True
    ) -> None:
        if id not in spoken:  # a quote shared by several statements is one L-node
            spoken.add(id)
            # An assertion with no quote is marked, so re-importing it adds no quote.
            extra = None if quoted else {"assertion_only": True}
            node(id, "L", f"{names[person]}: {text}" if person else text, extra)
            if person:
                locutions.append({"nodeID": id, "personID": person})
        assertion = (person, statement) in asserted
        ya = node(f"{id}~{statement}", "YA", "Asserting" if assertion else "Quoting")
        link(id, ya)
        link(ya, statement)
        unquoted.pop((person, statement), None)

    for q in doc.quotes:
        locution(f"{q.id}~locution", q.speaker, q.quote, q.statement)
    for person, statement in list(unquoted):
        locution(f"{person}~asserts~{statement}", person, texts[statement], statement, quoted=False)

    participants = []
    for p in doc.people:
        first, _, surname = p.name.partition(" ")
        participants.append(
            {
                "participantID": p.id,
                "firstname": first,
                "surname": surname,
                "argmap": {"id": p.id} | ({"description": p.description} if p.description else {}),
            }
        )
    return {"nodes": nodes, "edges": edges, "locutions": locutions, "participants": participants}
