"""Response models. Each maps 1:1 to what a catalog query returns (argmap ids only)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Generic, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from argmap.domain import (
    Description,
    EdgeFields,
    EdgeType,
    Fields,
    PersonFields,
    PersonName,
    QuoteFields,
    Role,
    Score,
    Slug,
    SourceMetaFields,
    SourceText,
    StatementFields,
    StatementText,
    Title,
)


class TreeKind(StrEnum):
    SUPPORT = "support"  # everything that supports it, recursively
    ATTACK = "attack"  # its refuters, their refuters and what supports each
    ARGUMENT = "argument"  # all that reaches it through SUPPORTS/REFUTES (a position's argument)


class Relation(StrEnum):
    SUPPORTS = "supports"
    REFUTES = "refutes"
    ANY = "any"


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


T = TypeVar("T")
UniqueList = Annotated[list[str], AfterValidator(_unique)]


class Model(BaseModel):
    model_config = ConfigDict(extra="ignore")


class Page(Model, Generic[T]):
    items: list[T]
    total: int = Field(description="matches in all, before limit/offset")


# --- statements ---------------------------------------------------------------------------


class StatementSummary(Model):
    id: str = Field(examples=["nato-is-defensive"])
    role: Role
    title: str | None = None
    text: str


class RankedStatement(StatementSummary):
    refuters: int = Field(description="how many statements refute it")


class PersonRef(Model):
    id: str = Field(examples=["blinken"])
    name: str


class QuotePublic(Model):
    id: str
    source: str = Field(description="id of the source the quote is from")
    quote: str = Field(description="verbatim: source.text[start:end] == quote")
    start: int
    end: int
    note: str | None = Field(None, description="e.g. marks a machine-paraphrased passage")


class StatementPublic(StatementSummary):
    speakers: list[PersonRef]
    quotes: list[QuotePublic]
    supporters: list[StatementSummary] = Field(description="statements that SUPPORT this one")
    refuters: list[StatementSummary] = Field(description="statements that REFUTE this one")
    supports: list[StatementSummary] = Field(description="what this statement SUPPORTS")
    refutes: list[StatementSummary] = Field(description="what this statement REFUTES")


# --- graphs -------------------------------------------------------------------------------


class GraphNode(StatementSummary):
    speakers: UniqueList = Field(description="names of the people who assert it")
    sources: UniqueList = Field(description="ids of the sources that quote it")


class GraphEdge(Model):
    id: str = Field(examples=["nato-never-attacked-russia~supports~nato-is-defensive"])
    source: str = Field(description="the supporting / refuting statement")
    target: str = Field(description="the supported / refuted statement")
    type: EdgeType


class Graph(Model):
    nodes: list[GraphNode]
    edges: list[GraphEdge]


class ScopedGraph(Graph):
    total: int = Field(description="statements in scope before the node limit")
    truncated: bool


class TreeGraph(Graph):
    root: str
    depth: int


class PathPublic(Model):
    nodes: list[GraphNode] = Field(description="in chain order, from `from` to `to`")
    edges: list[GraphEdge] = Field(description="in chain order")


class Paths(Model):
    from_: str = Field(alias="from", serialization_alias="from")
    to: str
    relation: Relation
    length: int | None = Field(description="edges per path; null when no chain exists")
    paths: list[PathPublic]

    model_config = ConfigDict(populate_by_name=True)


# --- positions ----------------------------------------------------------------------------


class PositionSummary(Model):
    id: str = Field(examples=["nato-is-defensive"])
    title: str | None = None
    text: str
    supporters: int = Field(description="statements that SUPPORT it directly")
    refuters: int = Field(description="statements that REFUTE it directly")
    supporters_total: int = Field(description="statements reaching it through SUPPORTS chains")
    refuters_total: int = Field(
        description="statements that refute it, or support (through chains) a refuter"
    )


class PositionDetail(PositionSummary):
    graph: Graph = Field(description="its argument: all that reaches it via SUPPORTS/REFUTES")


class Side(Model):
    statements: list[GraphNode]
    speakers: list[str] = Field(description="names of the people asserting these statements")


class Versus(Model):
    a: PositionSummary
    b: PositionSummary
    a_against_b: Side = Field(description="statements for `a` that argue against `b`")
    b_against_a: Side = Field(description="statements for `b` that argue against `a`")


# --- people and sources -------------------------------------------------------------------


class PersonSummary(Model):
    id: str
    name: str
    description: str | None = None
    statements: int


class SourceRef(Model):
    id: str
    title: str | None = None


class PersonPublic(Model):
    id: str
    name: str
    description: str | None = None
    statements: list[StatementSummary]
    authored: list[SourceRef]


class SourceSummary(Model):
    id: str = Field(examples=["src-blinken-colbert"])
    title: str | None = None
    kind: str | None = Field(None, examples=["news report", "commentary"])
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    file: str | None = None
    sha256: str | None = None
    length: int = Field(description="characters of text")


class SourceListItem(SourceSummary):
    quotes: int
    statements: int


class SourcePublic(SourceSummary):
    text: str | None = Field(None, description="the full text, with ?include_text=true")


class QuotedStatement(StatementSummary):
    quotes: list[QuotePublic]


# --- writes -------------------------------------------------------------------------------
# Fields and their limits come from argmap.domain, shared with the import document.


class StatementCreate(StatementFields):
    id: Slug | None = Field(None, description="omit to have one generated from the title/text")
    speakers: list[Slug] = Field(default_factory=list, description="ids of people asserting it")


def _omittable() -> Any:
    """A PATCH field that may be left out (unchanged) but not sent as null: a field the thing
    must have cannot be removed. Its default stays out of the schema, where `null` would read
    as a value the field takes."""
    return Field(None, json_schema_extra=lambda schema: schema.pop("default", None))


# PATCH models: null clears an optional field; a field the thing must have is not nullable.
class StatementUpdate(Fields):
    role: Role = _omittable()
    title: Title | None = None
    text: StatementText = _omittable()
    base_score: Score | None = Field(None, description="null: back to the default, 0.5")


class EdgeCreate(EdgeFields):
    pass


class EdgePublic(GraphEdge):
    inference: str | None = None


class PersonCreate(PersonFields):
    id: Slug | None = None


class PersonUpdate(Fields):
    name: PersonName = _omittable()
    description: Description | None = None


class SourceMeta(SourceMetaFields):
    pass


class SourceCreate(SourceMetaFields):
    id: Slug | None = None
    text: SourceText


class QuoteCreate(QuoteFields):
    pass


class Deleted(Model):
    id: str
    deleted: bool = True
    quotes: int = Field(0, description="quotes deleted with it (cascade)")


# --- evaluation ---------------------------------------------------------------------------


class Semantics(StrEnum):
    GROUNDED = "grounded"
    PREFERRED = "preferred"
    DFQUAD = "dfquad"


class GroundedLabel(StrEnum):
    IN = "IN"
    OUT = "OUT"
    UNDEC = "UNDEC"


class MapScope(Model):
    """The part of the map a question is about; the whole map when all are null."""

    position: str | None = Field(None, description="only this position's argument")
    source: str | None = Field(None, description="only what this source says")
    speaker: str | None = Field(None, description="only what this person asserts")


class Outcome(Model):
    id: str
    role: Role
    title: str | None = None
    label: GroundedLabel | None = Field(None, description="grounded: IN, OUT or UNDEC")
    credulous: bool | None = Field(None, description="preferred: in some preferred extension")
    sceptical: bool | None = Field(None, description="preferred: in every preferred extension")
    strength: float | None = Field(None, description="dfquad: gradual strength in [0, 1]")


class Evaluation(Model):
    semantics: Semantics
    scope: MapScope = Field(description="what was believed: the whole map when all are null")
    arguments: int
    attacks: int
    supports: int
    items: list[Outcome]
    counts: dict[str, int] = Field(description="statements per label (grounded) or status")
    extensions: list[list[str]] | None = Field(None, description="preferred extensions")
    converged: bool | None = Field(None, description="dfquad: the iteration reached a fixed point")


class ExplainedNode(GraphNode):
    label: GroundedLabel


class Explanation(Model):
    id: str
    semantics: Semantics
    scope: MapScope
    label: GroundedLabel
    reason: str
    nodes: list[ExplainedNode] = Field(description="a minimal justification subgraph")
    edges: list[GraphEdge]


class Applied(Model):
    written: int
    counts: dict[str, int] = Field(description="statements per written label")
