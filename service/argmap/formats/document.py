"""argmap's own JSON document: the one in-memory form that every interchange format converts
to and from, and its validation (every problem at once, each with a JSON-path-like location).

Import is all-or-nothing: a caller writes nothing unless `validate_document` returns no problems.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError, model_validator

from argmap.domain import (
    EDGE_ID_FORMAT,
    MAX_STATEMENT_TEXT,
    UNDERCUT_ID_FORMAT,
    Basis,
    EdgeFields,
    Fields,
    PersonFields,
    QuoteFields,
    QuoteSelector,
    Sha256,
    Slug,
    SourceMetaFields,
    SourceText,
    StatementFields,
    UndercutFields,
    edge_id,
    quote_id,
    undercut_id,
    validation_message,
)
from argmap.text.anchoring import AnchorError, anchor


class Problem(BaseModel):
    location: str = Field(examples=["edges[3].target"])
    message: str


class Item(Fields):
    pass


class Statement(StatementFields):
    id: Slug


class Edge(EdgeFields):
    id: str = Field("", description=f"{EDGE_ID_FORMAT}; derived when omitted")

    @model_validator(mode="after")
    def _derive_id(self) -> Edge:
        if not self.id:  # an assignment costs: only when there is one to make
            self.id = edge_id(self.source, self.type, self.target)
        return self


class Undercut(UndercutFields):
    id: str = Field("", description=f"{UNDERCUT_ID_FORMAT}; derived when omitted")

    @model_validator(mode="after")
    def _derive_id(self) -> Undercut:
        self.id = self.id or undercut_id(self.source, self.target)
        return self


class Rephrase(Item):
    source: Slug = Field(description="the statement that rephrases `target`")
    target: Slug


class Person(PersonFields):
    id: Slug


class Source(SourceMetaFields):
    id: Slug
    sha256: Sha256 | None = None
    text: SourceText


class Quote(QuoteFields):
    """A quote by offsets, or by its words (`exact`): import finds those in the document's
    source and writes the offsets (and export writes offsets)."""

    id: str = Field("", description="<source>-<start>-<end>; derived when omitted")
    speaker: Slug | None = Field(None, description="id of the person who said it")

    @model_validator(mode="after")
    def _derive_id(self) -> Quote:
        if self.start is not None and self.end is not None:  # by its words: once found
            self.id = self.id or quote_id(self.source, self.start, self.end)
        return self


class Asserts(Item):
    person: Slug
    statement: Slug


class Authored(Item):
    person: Slug
    source: Slug


# Version 2 added how each relation is grounded (basis, note, speakers, quotes), undercuts,
# quotes that only relations cite, and people's aliases. A version-1 file still imports: its
# edges become `reconstructed` with V1_EDGE_NOTE, as nothing in it says more.
VERSION = 2
V1_EDGE_NOTE = "imported from an argmap version-1 file, which did not record the link's grounds"


class MapDocument(Item):
    format: Literal["argmap"] = "argmap"
    version: Literal[1, 2] = VERSION
    statements: list[Statement] = []
    edges: list[Edge] = []
    undercuts: list[Undercut] = []
    rephrases: list[Rephrase] = []
    people: list[Person] = []
    sources: list[Source] = []
    # A quote shared by several statements (one :Quote, several HAS_QUOTE) is repeated with
    # the same id and a different `statement`.
    quotes: list[Quote] = []
    asserts: list[Asserts] = []
    authored: list[Authored] = []


COLLECTIONS: dict[str, type[Item]] = {
    "statements": Statement,
    "edges": Edge,
    "undercuts": Undercut,
    "rephrases": Rephrase,
    "people": Person,
    "sources": Source,
    "quotes": Quote,
    "asserts": Asserts,
    "authored": Authored,
}


def location(*parts: str | int) -> str:
    """('edges', 3, 'target') -> 'edges[3].target'."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "$"


def pydantic_problems(error: ValidationError, *prefix: str | int) -> list[Problem]:
    return [
        Problem(location=location(*prefix, *e["loc"]), message=validation_message(e))
        for e in error.errors()
    ]


def parse_json_bytes(data: bytes) -> tuple[Any, list[Problem]]:
    """Decode UTF-8 JSON; a problem's location is `line:column` (1-based)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Problem(location=f"{line}:{column}", message=f"not UTF-8: {exc.reason}")]
    try:
        return json.loads(text), []
    except json.JSONDecodeError as exc:
        return None, [Problem(location=f"{exc.lineno}:{exc.colno}", message=exc.msg)]
    except ValueError as exc:  # e.g. an integer over Python's 4300-digit conversion limit
        return None, [Problem(location="$", message=str(exc))]
    except RecursionError:
        return None, [Problem(location="$", message="nested too deeply")]


def validate_document(raw: Any) -> tuple[MapDocument | None, list[Problem]]:
    """Every schema and consistency problem of a raw (parsed JSON) document, or the document."""
    if not isinstance(raw, dict):
        return None, [Problem(location="$", message="expected a JSON object")]
    problems: list[Problem] = []
    header = {k: v for k, v in raw.items() if k not in COLLECTIONS}
    if header.get("version") == 1:
        raw = _upgrade_v1(raw)
        header["version"] = VERSION
    document = None
    try:
        document = MapDocument.model_validate(header)
    except ValidationError as exc:
        problems += pydantic_problems(exc)
    # Each item is validated alone so that one bad item hides neither the other items'
    # problems nor the cross-reference checks, which run on the items that did validate.
    valid: dict[str, list[tuple[int, Any]]] = {}
    # Ids of all items, bad ones included: a bad item's id is still checked for duplicates and
    # still counts as present, so that references to it do not cascade into "dangling" noise.
    ids: dict[str, list[tuple[int, str]]] = {}
    for name, model in COLLECTIONS.items():
        items = raw.get(name, [])
        valid[name] = []
        if not isinstance(items, list):
            problems.append(Problem(location=name, message="expected a list"))
            continue
        ids[name] = [
            (index, item["id"])
            for index, item in enumerate(items)
            if isinstance(item, dict) and isinstance(item.get("id"), str)
        ]
        for index, item in enumerate(items):
            try:
                valid[name].append((index, model.model_validate(item)))
            except ValidationError as exc:
                problems += pydantic_problems(exc, name, index)
    problems += _place_quotes(valid)
    problems += _cross_check(valid, ids)
    if problems or document is None:
        return None, problems
    # The validated header with the validated items: validating the whole again would run
    # every item's model validators a second time (pydantic runs them on instances too).
    return document.model_copy(update={k: [i for _, i in v] for k, v in valid.items()}), []


def _place_quotes(valid: dict[str, list[tuple[int, Any]]]) -> list[Problem]:
    """Find each quote given by its words (`exact`, in `quotes` or a relation's `quotes`) in
    its source's text in the document: it becomes a quote by offsets, the source's own
    characters (a relation's, its id; a quote no statement has when the document lacks it).
    A quote that cannot be found is a problem, and leaves the valid items."""
    problems: list[Problem] = []
    texts = {s.id: s.text for _, s in valid["sources"]}

    def find(
        source: str, exact: str, prefix: str | None, suffix: str | None, *loc: str | int
    ) -> tuple[int, int] | None:
        if source not in texts:
            problems.append(
                Problem(
                    location=location(*loc, "source"),
                    message=f"no source {source!r} in the document",
                )
            )
            return None
        try:
            start, end = anchor(texts[source], exact=exact, prefix=prefix, suffix=suffix)
        except AnchorError as exc:
            places = ", ".join(f"[{c.start}:{c.end}] {c.context!r}" for c in exc.candidates)
            problems.append(
                Problem(
                    location=location(*loc, "exact"),
                    message=f"{exc.message} (source {source!r})"
                    + (f": {places}" if places else ""),
                )
            )
            return None
        if end - start > MAX_STATEMENT_TEXT:
            problems.append(
                Problem(
                    location=location(*loc, "exact"),
                    message=f"the passage found at [{start}:{end}] is longer than a quote may "
                    f"be ({MAX_STATEMENT_TEXT} characters)",
                )
            )
            return None
        return start, end

    placed: list[tuple[int, Quote]] = []
    for i, q in valid["quotes"]:
        if not q.by_words:
            placed.append((i, q))
        elif span := find(q.source, q.exact, q.prefix, q.suffix, "quotes", i):
            start, end = span
            fields = q.model_dump(exclude={"exact", "prefix", "suffix"})
            quote = texts[q.source][start:end]
            placed.append(
                (i, Quote.model_validate(fields | {"quote": quote, "start": start, "end": end}))
            )
    valid["quotes"] = placed
    have = {q.id for _, q in placed}
    for name in ("edges", "undercuts"):
        kept = []
        for i, relation in valid[name]:
            cited: list[str] = []
            for j, ref in enumerate(relation.quotes):
                if not isinstance(ref, QuoteSelector):
                    cited.append(ref)
                elif span := find(
                    ref.source, ref.exact, ref.prefix, ref.suffix, name, i, "quotes", j
                ):
                    start, end = span
                    id = quote_id(ref.source, start, end)
                    cited.append(id)
                    if id not in have:  # a quote only relations cite
                        have.add(id)
                        valid["quotes"].append(
                            (
                                len(valid["quotes"]),
                                Quote(
                                    source=ref.source,
                                    quote=texts[ref.source][start:end],
                                    start=start,
                                    end=end,
                                ),
                            )
                        )
            if len(cited) == len(relation.quotes):
                if cited != relation.quotes:  # an assignment costs a validation: only if needed
                    relation.quotes = cited
                kept.append((i, relation))
        valid[name] = kept
    return problems


def _upgrade_v1(raw: dict[str, Any]) -> dict[str, Any]:
    edges = raw.get("edges")
    if not isinstance(edges, list):
        return raw
    upgraded = [
        {"basis": Basis.RECONSTRUCTED.value, "note": V1_EDGE_NOTE} | e
        if isinstance(e, dict) and "basis" not in e
        else e
        for e in edges
    ]
    return raw | {"edges": upgraded}


def _cross_check(
    valid: dict[str, list[tuple[int, Any]]], ids: dict[str, list[tuple[int, str]]]
) -> list[Problem]:
    out: list[Problem] = []
    present = {name: {id for _, id in pairs} for name, pairs in ids.items()}
    for name in ("edges", "quotes"):  # their ids may be left to be derived
        present.setdefault(name, set()).update(item.id for _, item in valid[name])

    def refer(kind: str, what: str, value: str | None, *loc: str | int) -> None:
        if value is not None and value not in present.get(kind, set()):
            out.append(
                Problem(location=location(*loc), message=f"no {what} {value!r} in the document")
            )

    for name in ("statements", "people", "sources"):
        out += _duplicates(name, ids.get(name, []))

    sources = {s.id: s for _, s in valid["sources"]}
    for i, s in valid["sources"]:
        if s.sha256 and s.sha256 != hashlib.sha256(s.text.encode()).hexdigest():
            out.append(
                Problem(
                    location=location("sources", i, "sha256"),
                    message="does not match the SHA-256 of the UTF-8 encoded text",
                )
            )

    inference_targets: dict[str, tuple[int, str]] = {}
    for i, e in valid["edges"]:
        out += _derived_id("edges", i, e.id, edge_id(e.source, e.type, e.target))
        refer("statements", "statement", e.source, "edges", i, "source")
        refer("statements", "statement", e.target, "edges", i, "target")
        if e.inference is not None:
            first = inference_targets.setdefault(e.inference, (i, e.target))
            if first[1] != e.target:
                out.append(
                    Problem(
                        location=location("edges", i, "inference"),
                        message=f"inference {e.inference!r} already links premises of "
                        f"{first[1]!r} (edges[{first[0]}]); linked premises "
                        "share one conclusion",
                    )
                )
    out += _duplicates("edges", ((i, e.id) for i, e in valid["edges"]))

    for i, u in valid["undercuts"]:
        out += _derived_id("undercuts", i, u.id, undercut_id(u.source, u.target))
        refer("statements", "statement", u.source, "undercuts", i, "source")
        refer("edges", "edge", u.target, "undercuts", i, "target")
    out += _duplicates("undercuts", ((i, u.id) for i, u in valid["undercuts"]))

    # Who argues each relation, and the quotes that make it, are in the document too.
    for name in ("edges", "undercuts"):
        for i, relation in valid[name]:
            for j, person in enumerate(relation.speakers):
                refer("people", "person", person, name, i, "speakers", j)
            for j, quote in enumerate(relation.quotes):
                refer("quotes", "quote", quote, name, i, "quotes", j)

    for i, r in valid["rephrases"]:
        refer("statements", "statement", r.source, "rephrases", i, "source")
        refer("statements", "statement", r.target, "rephrases", i, "target")
        if r.source == r.target:
            out.append(
                Problem(
                    location=location("rephrases", i), message="a statement cannot rephrase itself"
                )
            )

    first_quote: dict[str, tuple[int, Quote]] = {}
    for i, q in valid["quotes"]:
        out += _derived_id("quotes", i, q.id, quote_id(q.source, q.start, q.end))
        refer("statements", "statement", q.statement, "quotes", i, "statement")
        refer("sources", "source", q.source, "quotes", i, "source")
        refer("people", "person", q.speaker, "quotes", i, "speaker")
        if (source := sources.get(q.source)) and source.text[q.start : q.end] != q.quote:
            out.append(
                Problem(
                    location=location("quotes", i, "quote"),
                    message=f"differs from the text of source {q.source!r} at [{q.start}:{q.end}]",
                )
            )
        j, earlier = first_quote.setdefault(q.id, (i, q))
        if j != i and (
            earlier.statement == q.statement
            or earlier.model_dump(exclude={"statement"}) != q.model_dump(exclude={"statement"})
        ):
            out.append(
                Problem(
                    location=location("quotes", i, "id"),
                    message=f"duplicate id {q.id!r} (first at quotes[{j}]); a repeated "
                    "quote may differ only in `statement`",
                )
            )

    for i, a in valid["asserts"]:
        refer("people", "person", a.person, "asserts", i, "person")
        refer("statements", "statement", a.statement, "asserts", i, "statement")
    for i, a in valid["authored"]:
        refer("people", "person", a.person, "authored", i, "person")
        refer("sources", "source", a.source, "authored", i, "source")
    return out


def _derived_id(name: str, index: int, given: str, expected: str) -> list[Problem]:
    """An edge's or quote's id is derived from what it links: a given one must be that."""
    if given == expected:
        return []
    return [Problem(location=location(name, index, "id"), message=f"must be {expected!r}")]


def _duplicates(name: str, ids: Iterable[tuple[int, str]]) -> list[Problem]:
    first: dict[str, int] = {}
    out = []
    for index, id in ids:
        if (j := first.setdefault(id, index)) != index:
            out.append(
                Problem(
                    location=location(name, index, "id"),
                    message=f"duplicate id {id!r} (first at {name}[{j}])",
                )
            )
    return out
