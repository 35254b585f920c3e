"""AIF JSON, as AIFdb, OVA2 and OVA3 write it, to and from a `MapDocument`.

AIF → argmap (`aif_to_document`), all-or-nothing like every import. A file is refused (problems)
only when it is broken: not JSON objects, ids that are missing or repeated, edges to no node,
node types AIF does not have, I-/L-nodes without text, values argmap cannot hold. Oddities
that lose nothing important are imported and reported as warnings, each located; nothing is
left out without a warning.
- An OVA3 save (`{"AIF": {...}, "OVA": {...}, "text": ...}`) is read through its `AIF`; the
  OVA layout and its HTML `text` are not imported (a warning says so).
- I-node → statement. Its id is the node's `argmap.id` when the AIF came from argmap's own
  export, else `<prefix>-<nodeID as slug>` (a suffix `-2`, `-3`... keeps them unique).
  Role (unless `argmap.role` is given): attacks something (premise of a CA) → Rebuttal;
  supports and attacks nothing but is supported or attacked → Position; only a premise →
  Premise; else (intermediate, or unconnected) → Claim. I-nodes with the same text stay
  separate statements (a warning names them).
- RA (premise I-nodes, one conclusion I-node) → a SUPPORTS edge from each premise. Premises of
  one RA are linked: they share `inference` = the RA's `argmap.inference`, else, when the RA
  has several premises, `<prefix>-<RA nodeID as slug>`. CA → REFUTES from each premise.
  MA (one I-node in, one out) → rephrase. A scheme node aimed at an L-node stands for the one
  I-node that locution anchors; RA/CA without a premise or conclusion are left out (warning).
- CA whose conclusion is an RA or CA (an undercut) → an undercut of each edge of that node.
  Attacks on undercuts, and other links between scheme nodes, have no argmap form (warning).
- Grounds (docs/architecture.md, "Relations and their grounds"): an RA/CA anchored by YA nodes
  (e.g. "Arguing", "Disagreeing") to locutions, directly or through a TA (its later locution),
  is `stated`: its quotes are those locutions, its speakers their people. An RA/CA without
  such an anchor is `reconstructed` with NO_ANCHOR_NOTE.
- L-node (a locution, "Speaker: text") → its text joins one synthetic Source per file (the
  locutions in node order, separated by blank lines), so each locution keeps exact offsets.
  Each I-node it anchors (L→YA→I, or a direct L→I edge) gets a Quote of the locution text
  without its "Speaker:" prefix. The locution's person (`locutions[].personID`, named by
  `participants[]` or else by the text's prefix) becomes the quote's `speaker`, and ASSERTS
  the statement unless the YA is non-assertive (NON_ASSERTIVE, e.g. "Pure Questioning").
- PA (preference) nodes and argument schemes (`schemefulfillments`, scheme names) have no
  argmap counterpart: warnings.

argmap → AIF (`document_to_aif`): statements → I-nodes (nodeID = statement id); each SUPPORTS
edge, or each group of edges sharing an `inference` into one conclusion → an RA node; REFUTES
→ CA; an undercut → a CA from the undercutting statement to the attacked edge's RA/CA;
rephrases → MA. Quotes → L-nodes with a YA to their statement ("Asserting" when the speaker
asserts the statement, else "Quoting"); an assertion without a quote → an L-node "Name:
statement text" with an "Asserting" YA. A relation's grounds → for each of its quotes and
speakers an L-node "Speaker: quote" with a YA ("Arguing" for RA, "Disagreeing" for CA) to its
RA/CA; speakers without quotes (a reconstructed relation) → an L-node "Speaker: note".
What AIF has no field for rides along in `argmap` objects that argmap reads back: ids, roles,
titles, scores, inferences, each relation's grounds, each quote (id, source, offsets, note),
people's descriptions and aliases, and (top level) the sources and `authored`. So argmap's own
export imports back to the same map: no synthetic source, no duplicate quote.
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
    Basis,
    EdgeType,
    edge_id,
    quote_id,
    undercut_id,
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
ARGUING = {"RA": "Arguing", "CA": "Disagreeing"}
# Illocutions that anchor a locution to a proposition without the speaker asserting it.
NON_ASSERTIVE = frozenset({"quoting", "pure questioning", "challenging", "pure challenging"})
LOCUTION_SEPARATOR = "\n\n"
NO_ANCHOR_NOTE = "AIF: no locution argues this {type}"
# Marks on argmap's own L-nodes that stand for no words of a source.
OWN_MARKS = ("quote", "assertion_only", "grounds_only")


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
    aliases: list[str] = field(default_factory=list)


@dataclass
class _Relation:
    """One argmap relation read from a scheme node."""

    node: _Node
    row: dict[str, Any]  # an edge or an undercut of the document


class _Reader:
    def __init__(self, raw: dict[str, Any], prefix: str, root: tuple[str, ...]) -> None:
        self.raw, self.prefix, self.root = raw, prefix, root
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.nodes: dict[str, _Node] = {}

    def problem(self, message: str, *loc: str | int) -> None:
        self.problems.append(Problem(location=location(*self.root, *loc), message=message))

    def warn(self, message: str, *loc: str | int) -> None:
        self.warnings.append(Problem(location=location(*self.root, *loc), message=message))

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
                if source.type == "I" and target.type == "I":
                    self.problem(
                        "links two I-nodes directly; relations go through RA, CA or MA nodes",
                        "edges",
                        i,
                    )
                source.outs.append(target.id)
                target.ins.append(source.id)
        self.notice_what_is_not_kept()

    def notice_what_is_not_kept(self) -> None:
        if pa := self.of_type("PA"):
            self.warn(
                f"{len(pa)} PA (preference) node(s) not imported: argmap has no preference "
                f"relation (first at nodes[{pa[0].index}])",
                "nodes",
            )
        named = [
            s for s in self.of_type("RA", "CA") if s.text.strip() not in ("", SCHEME_TEXT[s.type])
        ]
        fulfilled = self.raw.get("schemefulfillments")
        if named or (isinstance(fulfilled, list) and fulfilled):
            self.warn(
                "argument schemes are not kept (argmap has none): "
                + ", ".join(sorted({s.text for s in named})[:10] or ["see schemefulfillments"]),
                "schemefulfillments" if fulfilled else "nodes",
            )
        first: dict[str, _Node] = {}
        for n in self.of_type("I"):
            if (earlier := first.setdefault(n.text, n)) is not n:
                self.warn(
                    f"same text as nodes[{earlier.index}]: imported as a statement of its own",
                    "nodes",
                    n.index,
                    "text",
                )

    def of_type(self, *types: str) -> list[_Node]:
        return [n for n in self.nodes.values() if n.type in types]

    def linked(self, ids: list[str], *types: str) -> list[str]:
        return list(dict.fromkeys(i for i in ids if self.nodes[i].type in types))

    # --- statements -----------------------------------------------------------------------

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

    # --- relations ------------------------------------------------------------------------

    def propositions(self, s: _Node, ends: list[str]) -> list[str]:
        """The I-nodes among `ends` of scheme node `s`; an L-node stands for the one I-node it
        anchors (OVA aims schemes at locutions), else it is left out with a warning."""
        out = []
        for end in ends:
            node = self.nodes[end]
            if node.type == "I":
                out.append(end)
            elif node.type == "L":
                anchored = self.anchored(node)
                if len(anchored) == 1:
                    out.append(anchored[0])
                else:
                    self.warn(
                        f"this {s.type} node is aimed at L-node {end!r}, which anchors "
                        f"{len(anchored)} I-nodes, not one: that end is left out",
                        "nodes",
                        s.index,
                    )
        return list(dict.fromkeys(out))

    def anchored(self, locution: _Node) -> list[str]:
        """The I-nodes an L-node anchors, directly or through a YA."""
        out = []
        for succ in map(self.nodes.__getitem__, locution.outs):
            if succ.type == "I":
                out.append(succ.id)
            elif succ.type == "YA":
                out += self.linked(succ.outs, "I")
        return list(dict.fromkeys(out))

    def relations(
        self, ids: dict[str, str]
    ) -> tuple[list[_Relation], list[_Relation], list[dict[str, str]]]:
        """Edges, undercuts and rephrases; each edge/undercut with the node it came from."""
        edges: dict[str, _Relation] = {}
        by_node: dict[str, list[str]] = {}  # RA/CA nodeID → ids of the edges it stands for
        rephrases = []
        undercutters: list[_Node] = []
        for s in self.of_type(*SCHEMES):
            premises = self.propositions(s, self.linked(s.ins, "I", "L"))
            conclusions = self.propositions(s, self.linked(s.outs, "I", "L"))
            aimed_at_schemes = self.linked(s.outs, *SCHEMES)  # PA links: the PA warning
            if aimed_at_schemes:
                if s.type == "CA" and not conclusions and premises:
                    undercutters.append(s)
                else:
                    self.warn(
                        f"this {s.type} node is aimed at scheme node(s) "
                        f"{', '.join(map(repr, aimed_at_schemes))}; only a CA can be (an "
                        "undercut): those links are left out",
                        "nodes",
                        s.index,
                    )
                if s.type == "CA" and not conclusions:
                    continue
            if len(conclusions) != 1 or not premises or (s.type == "MA" and len(premises) != 1):
                many = "one I-node" if s.type == "MA" else "one or more I-nodes"
                self.warn(
                    f"this {s.type} node needs {many} in and exactly one out; has "
                    f"{len(premises)} in, {len(conclusions)} out: not imported",
                    "nodes",
                    s.index,
                )
                continue
            target = conclusions[0]
            if target in premises:
                self.warn("relates a statement to itself: not imported", "nodes", s.index)
                continue
            if s.type == "MA":
                rephrases.append({"source": ids[premises[0]], "target": ids[target]})
                continue
            inference = s.argmap.get("inference")
            if s.type == "RA" and inference is None and len(premises) > 1:
                inference = ids[s.id]
            type_ = EdgeType.SUPPORTS if s.type == "RA" else EdgeType.REFUTES
            for p in premises:
                row = {
                    "source": ids[p],
                    "target": ids[target],
                    "type": type_.value,
                    "inference": inference if type_ is EdgeType.SUPPORTS else None,
                }
                eid = edge_id(row["source"], type_, row["target"])
                if eid in edges and edges[eid].row["inference"] != row["inference"]:
                    # argmap keeps one edge per (source, type, target), with one inference.
                    self.problem(
                        f"premise {p!r} already {type_.value.lower()} {target!r} through "
                        f"node nodes[{edges[eid].node.index}] with another inference",
                        "nodes",
                        s.index,
                    )
                if eid not in edges:
                    edges[eid] = _Relation(s, row | {"id": eid})
                by_node.setdefault(s.id, []).append(eid)
        undercuts: dict[str, _Relation] = {}
        for s in undercutters:
            premises = self.propositions(s, self.linked(s.ins, "I", "L"))
            for t in self.linked(s.outs, *SCHEMES):
                targets = by_node.get(t, [])
                if wanted := s.argmap.get("undercuts"):  # argmap's own: the one edge it attacks
                    targets = [e for e in targets if e == wanted]
                if not targets:
                    self.warn(
                        f"this CA attacks node {t!r}, which is no imported RA/CA (an attack "
                        "on an undercut, a rephrase or a preference has no argmap form): "
                        "left out",
                        "nodes",
                        s.index,
                    )
                for target in targets:
                    for p in premises:
                        if ids[p] in (edges[target].row["source"], edges[target].row["target"]):
                            self.warn(
                                "a statement cannot undercut an edge it is an end of: left out",
                                "nodes",
                                s.index,
                            )
                            continue
                        uid = undercut_id(ids[p], target)
                        undercuts.setdefault(
                            uid, _Relation(s, {"id": uid, "source": ids[p], "target": target})
                        )
        return list(edges.values()), list(undercuts.values()), rephrases

    def grounds(
        self, relation: _Relation, quotes_of: dict[str, list[str]], speakers: dict[str, _Person]
    ) -> dict[str, Any]:
        """basis, note, speakers and quotes of a relation: argmap's own when its export wrote
        them, else from the locutions that YA nodes anchor the scheme node to."""
        s = relation.node
        own = s.argmap.get("grounds")
        if isinstance(own, list):
            for g in own:
                if isinstance(g, dict) and g.get("id") == relation.row["id"]:
                    return {k: g.get(k) for k in ("basis", "note")} | {
                        "speakers": g.get("speakers") or [],
                        "quotes": g.get("quotes") or [],
                    }
        locutions = []
        for ya in self.linked(s.ins, "YA"):
            for source in map(self.nodes.__getitem__, self.nodes[ya].ins):
                if source.type == "L":
                    locutions.append(source.id)
                elif source.type == "TA":  # the later locution of the transition argues
                    later = self.linked(source.outs, "L") or self.linked(source.ins, "L")
                    locutions += later[-1:]
        locutions = list(dict.fromkeys(locutions))
        quotes = list(dict.fromkeys(q for loc in locutions for q in quotes_of.get(loc, [])))
        people = list(dict.fromkeys(speakers[loc].id for loc in locutions if loc in speakers))
        if not quotes:
            return {
                "basis": Basis.RECONSTRUCTED.value,
                "note": NO_ANCHOR_NOTE.format(type=s.type),
                "speakers": people,
                "quotes": [],
            }
        return {"basis": Basis.STATED.value, "note": None, "speakers": people, "quotes": quotes}

    # --- people and locutions -------------------------------------------------------------

    def people(self) -> dict[str, _Person]:
        """participantID → person."""
        out: dict[str, _Person] = {}
        for i, p in self.items("participants"):
            if (pid := self.ident(p, "participantID", "participants", i)) is None:
                continue
            if pid in out:
                self.warn(
                    f"participant {pid!r} is listed again: the first entry is kept",
                    "participants",
                    i,
                    "participantID",
                )
                continue
            if not isinstance(argmap := p.get("argmap", {}), dict):
                argmap = {}
            name = " ".join(str(p[k]) for k in ("firstname", "surname") if p.get(k))
            out[pid] = _Person(
                argmap.get("id") or f"{self.prefix}-person-{_slug(pid)}",
                argmap.get("name") or name or f"Participant {pid}",
                argmap.get("description"),
                argmap.get("aliases") or [],
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
                same = pid is None or people.get(pid) is out[nid]
                self.warn(
                    f"a second locution entry for node {nid!r}"
                    + ("" if same else f" with another person ({pid!r}); the first is kept"),
                    "locutions",
                    i,
                    "nodeID",
                )
            elif pid is not None:
                if pid not in people:  # no participants entry: the "Speaker:" prefix names them
                    prefix, colon, _ = self.nodes[nid].text.partition(":")
                    name = prefix.strip() if colon and 0 < len(prefix.strip()) <= 200 else ""
                    people[pid] = _Person(
                        f"{self.prefix}-person-{_slug(pid)}", name or f"Participant {pid}"
                    )
                out[nid] = people[pid]
        return out

    def own_quote(self, n: _Node) -> dict[str, Any] | None:
        quote = n.argmap.get("quote")
        return quote if isinstance(quote, dict) else None

    def locutions(
        self, ids: dict[str, str], speakers: dict[str, _Person]
    ) -> tuple[dict[str, Any] | None, list[dict[str, Any]], list[dict[str, str]], dict]:
        """The synthetic source of the foreign L-node texts, the quotes of every L-node, the
        speakers' assertions, and L nodeID → ids of its quotes."""
        parts: list[str] = []
        spans: dict[str, tuple[int, int]] = {}
        offset = 0
        for n in self.of_type("L"):
            if any(n.argmap.get(mark) for mark in OWN_MARKS):
                continue  # argmap's own: no words of a source of its own
            start = offset
            if (person := speakers.get(n.id)) and (
                m := re.match(rf"\s*{re.escape(person.name)}\s*:\s*", n.text)
            ):
                start += m.end()
            parts.append(n.text)
            offset += len(n.text)
            spans[n.id] = (start, offset)
            offset += len(LOCUTION_SEPARATOR)
        source = None
        if parts:
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
        quotes: dict[tuple[str, str | None], dict[str, Any]] = {}
        quotes_of: dict[str, list[str]] = {}
        asserts = []
        for n in self.of_type("L"):
            person = speakers.get(n.id)
            if own := self.own_quote(n):
                base = dict(own) | {"speaker": person.id if person else None}
            elif n.id in spans and source and spans[n.id][1] > spans[n.id][0]:
                start, end = spans[n.id]
                base = {
                    "id": quote_id(source["id"], start, end),
                    "source": source["id"],
                    "quote": source["text"][start:end],
                    "start": start,
                    "end": end,
                    "speaker": person.id if person else None,
                }
            else:
                base = None
            anchors = self.anchors(n, ids)
            if base is not None and isinstance(base.get("id"), str):
                quotes_of[n.id] = [base["id"]]
                for statement, _ in anchors:
                    quotes.setdefault((base["id"], statement), base | {"statement": statement})
                if not anchors:  # words only relations cite (or none yet)
                    quotes.setdefault((base["id"], None), base | {"statement": None})
            for statement, illocution in anchors:
                if person and illocution.strip().lower() not in NON_ASSERTIVE:
                    asserts.append({"person": person.id, "statement": statement})
        # A quote some statement has is listed with it; without one only when none has it.
        with_statement = {qid for qid, statement in quotes if statement is not None}
        rows = [
            q for (qid, statement), q in quotes.items() if statement or qid not in with_statement
        ]
        return source, rows, asserts, quotes_of

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


def _unwrap(raw: dict[str, Any], reader_warnings: list[Problem]) -> tuple[Any, tuple[str, ...]]:
    """An OVA3 save's AIF part (and where it is), or the file itself."""
    if "AIF" in raw and "nodes" not in raw:
        dropped = [k for k in ("OVA", "text") if raw.get(k)]
        if dropped:
            reader_warnings.append(
                Problem(
                    location="$",
                    message=f"an OVA3 save: its {' and '.join(dropped)} (layout, analysed text "
                    "with highlights) are not imported; the AIF part is",
                )
            )
        return raw["AIF"], ("AIF",)
    return raw, ()


def aif_to_document(
    raw: Any, *, prefix: str = "aif"
) -> tuple[MapDocument | None, list[Problem], list[Problem]]:
    """An AIF JSON object → (document, [], warnings) or (None, every problem, warnings), each
    located in the AIF."""
    if not re.match(SLUG_PATTERN, prefix) or len(prefix) > 40:
        raise ValueError(f"prefix {prefix!r} is not a short slug")
    if not isinstance(raw, dict):
        return (
            None,
            [Problem(location="$", message="expected a JSON object with nodes and edges")],
            [],
        )
    warnings: list[Problem] = []
    aif, root = _unwrap(raw, warnings)
    if not isinstance(aif, dict):
        return None, [Problem(location="AIF", message="expected an object")], warnings
    reader = _Reader(aif, prefix, root)
    reader.warnings = warnings
    reader.read_graph()
    ids = reader.statement_ids()
    statements = reader.statements(ids)
    edges, undercuts, rephrases = reader.relations(ids)
    people = reader.people()
    speakers = reader.speakers(people)
    source, quotes, asserts, quotes_of = reader.locutions(ids, speakers)
    own = aif.get("argmap") if isinstance(aif.get("argmap"), dict) else {}
    if reader.problems:
        return None, reader.problems, reader.warnings
    doc, problems = validate_document(
        {
            "statements": statements,
            "edges": [r.row | reader.grounds(r, quotes_of, speakers) for r in edges],
            "undercuts": [r.row | reader.grounds(r, quotes_of, speakers) for r in undercuts],
            "rephrases": rephrases,
            "people": [
                {"id": p.id, "name": p.name, "description": p.description, "aliases": p.aliases}
                for p in {p.id: p for p in people.values()}.values()
            ],
            "sources": ([source] if source else []) + list(own.get("sources") or []),
            "quotes": quotes,
            "asserts": [dict(t) for t in dict.fromkeys(tuple(a.items()) for a in asserts)],
            "authored": list(own.get("authored") or []),
        }
    )
    return doc, problems, reader.warnings


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

    def grounds(r: Any) -> dict[str, Any]:
        return r.model_dump(mode="json", include={"id", "basis", "note", "speakers", "quotes"})

    # Scheme and dialogue node ids contain "~", which no argmap id (a slug) does.
    for s in doc.statements:
        node(s.id, "I", s.text, s.model_dump(mode="json", exclude={"text"}, exclude_none=True))
    scheme_of: dict[str, str] = {}  # edge id → its RA/CA nodeID
    schemes: dict[str, dict[str, Any]] = {}  # RA/CA nodeID → its argmap object
    for e in doc.edges:
        if e.type is EdgeType.REFUTES:
            scheme = e.id
            schemes[scheme] = {"grounds": []}
            link(e.source, node(scheme, "CA", SCHEME_TEXT["CA"], schemes[scheme]))
            link(scheme, e.target)
        else:
            scheme = f"{e.target}~inference~{e.inference}" if e.inference else e.id
            if scheme not in schemes:
                schemes[scheme] = {"grounds": []} | (
                    {"inference": e.inference} if e.inference else {}
                )
                node(scheme, "RA", SCHEME_TEXT["RA"], schemes[scheme])
                link(scheme, e.target)
            link(e.source, scheme)
        schemes[scheme]["grounds"].append(grounds(e))
        scheme_of[e.id] = scheme
    for u in doc.undercuts:
        schemes[u.id] = {"grounds": [grounds(u)], "undercuts": u.target}
        link(u.source, node(u.id, "CA", SCHEME_TEXT["CA"], schemes[u.id]))
        link(u.id, scheme_of[u.target])
        scheme_of[u.id] = u.id
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
    quotes = {q.id: q for q in doc.quotes}

    spoken: set[str] = set()

    def locution(id: str, person: str | None, text: str, argmap: dict[str, Any]) -> str:
        if id not in spoken:  # a quote shared by several statements is one L-node
            spoken.add(id)
            node(id, "L", f"{names[person]}: {text}" if person else text, argmap)
            if person:
                locutions.append({"nodeID": id, "personID": person})
        return id

    def own_quote(q: Any) -> dict[str, Any]:
        return q.model_dump(mode="json", include={"id", "source", "quote", "start", "end", "note"})

    def anchor(loc: str, target: str, illocution: str) -> None:
        ya = node(f"{loc}~{target}", "YA", illocution)
        link(loc, ya)
        link(ya, target)

    for q in doc.quotes:
        loc = locution(f"{q.id}~locution", q.speaker, q.quote, {"quote": own_quote(q)})
        if q.statement is not None:
            assertion = (q.speaker, q.statement) in asserted
            anchor(loc, q.statement, "Asserting" if assertion else "Quoting")
            unquoted.pop((q.speaker, q.statement), None)
    for person, statement in list(unquoted):
        # An assertion with no quote is marked, so re-importing it adds no quote.
        loc = locution(
            f"{person}~asserts~{statement}", person, texts[statement], {"assertion_only": True}
        )
        anchor(loc, statement, "Asserting")

    # Each relation's grounds: who argues it in which words, anchored to its RA/CA.
    for r in [*doc.edges, *doc.undercuts]:
        scheme = scheme_of[r.id]
        arguing = ARGUING["RA" if getattr(r, "type", None) is EdgeType.SUPPORTS else "CA"]
        for q in r.quotes:
            for person in r.speakers or [None]:
                loc = locution(
                    f"{r.id}~{person or 'unattributed'}~{q}",
                    person,
                    quotes[q].quote,
                    {"quote": own_quote(quotes[q])},
                )
                anchor(loc, scheme, arguing)
        if not r.quotes:
            for person in r.speakers:
                note = r.note or texts.get(r.source, "")
                loc = locution(f"{r.id}~{person}", person, note, {"grounds_only": True})
                anchor(loc, scheme, arguing)

    participants = []
    for p in doc.people:
        first, _, surname = p.name.partition(" ")
        participants.append(
            {
                "participantID": p.id,
                "firstname": first,
                "surname": surname,
                "argmap": {"id": p.id, "name": p.name}
                | ({"description": p.description} if p.description else {})
                | ({"aliases": p.aliases} if p.aliases else {}),
            }
        )
    extra = {
        "version": 2,
        "sources": [s.model_dump(mode="json", exclude_none=True) for s in doc.sources],
        "authored": [a.model_dump(mode="json") for a in doc.authored],
    }
    return {
        "nodes": nodes,
        "edges": edges,
        "locutions": locutions,
        "participants": participants,
        "argmap": extra,
    }
