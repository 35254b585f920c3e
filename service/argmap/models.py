"""Response models. Each maps 1:1 to what a catalog query returns (argmap ids only)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from argmap.domain import (
    Basis,
    Description,
    EdgeFields,
    EdgeType,
    Fields,
    Note,
    PersonFields,
    PersonName,
    QuoteFields,
    QuoteRef,
    QuoteSelector,
    QuoteSpan,
    Role,
    Score,
    Slug,
    SourceMetaFields,
    SourceText,
    StatementFields,
    StatementText,
    Title,
    UndercutFields,
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


UNDERCUTS = "UNDERCUTS"


class GraphEdge(Model):
    """A SUPPORTS/REFUTES edge between two statements, or an UNDERCUTS edge from a statement
    to another edge of the same answer (its `target` is that edge's id)."""

    id: str = Field(examples=["nato-never-attacked-russia~supports~nato-is-defensive"])
    source: str = Field(description="the supporting / refuting / undercutting statement")
    target: str = Field(description="the supported / refuted statement; for UNDERCUTS an edge id")
    type: EdgeType | Literal["UNDERCUTS"]
    basis: Basis = Field(description="stated in a source, or reconstructed by the analyst")
    speakers: UniqueList = Field(
        default_factory=list, description="names of the people who argue the link"
    )


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
    nodes: list[GraphNode] = Field(
        description="in chain order, from `from` to `to`; then the statements undercutting "
        "its edges"
    )
    edges: list[GraphEdge] = Field(
        description="in chain order; then the UNDERCUTS aimed at them (target: an edge id)"
    )


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
    aliases: list[str] = Field(default_factory=list, description="other spellings, searched")
    statements: int


class SourceRef(Model):
    id: str
    title: str | None = None


class PersonPublic(Model):
    id: str
    name: str
    description: str | None = None
    aliases: list[str] = Field(default_factory=list, description="other spellings, searched")
    statements: list[StatementSummary]
    argues: list[GraphEdge] = Field(
        default_factory=list,
        description="the relations they argue (SUPPORTS, REFUTES, UNDERCUTS), ordered by id",
    )
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
    quotes: list[QuoteSpan] = Field(
        default_factory=list,
        max_length=50,
        description="quotes of it, created with it: each by its words (`{source, exact, "
        "prefix?, suffix?, note?}`) or by offsets (`{source, quote, start, end, note?}`)",
    )


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


class UndercutCreate(UndercutFields):
    pass


class RelationGroundsUpdate(Fields):
    """PATCH /edges/{id}: new grounds, checked as a whole with the ones not sent."""

    basis: Basis = _omittable()
    note: Note | None = None
    speakers: list[Slug] = _omittable()
    quotes: list[QuoteRef | QuoteSelector] = _omittable()


class RelationGrounds(Model):
    """A relation with who argues it and where: `GET /edges/{id}`, and in explanations."""

    id: str
    source: str
    target: str = Field(description="a statement id; for UNDERCUTS the undercut edge's id")
    type: EdgeType | Literal["UNDERCUTS"]
    inference: str | None = None
    basis: Basis
    note: str | None = Field(None, description="why the analyst reads the link in")
    speakers: list[PersonRef] = Field(description="who argues the link")
    quotes: list[QuotePublic] = Field(description="the words that make it, in their sources")

    def as_graph_edge(self) -> GraphEdge:
        """The relation as a graph answer draws it: speakers by name, no quotes."""
        return GraphEdge(
            id=self.id,
            source=self.source,
            target=self.target,
            type=self.type,
            basis=self.basis,
            speakers=[p.name for p in self.speakers],
        )


class EdgePublic(RelationGrounds):
    undercutters: list[RelationGrounds] = Field(
        default_factory=list, description="UNDERCUTS relations that attack this edge's inference"
    )


class PersonCreate(PersonFields):
    id: Slug | None = None


class PersonUpdate(Fields):
    name: PersonName = _omittable()
    description: Description | None = None
    aliases: list[PersonName] = Field(
        None,
        max_length=20,
        description="replaces the list; [] removes them all",
        json_schema_extra=lambda schema: schema.pop("default", None),
    )


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
    relations: int = Field(
        0, description="relations deleted with it: its edges and the undercuts of them"
    )


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


class BasisFilter(StrEnum):
    """Which relations an evaluation believes: those the sources state, or all of them."""

    STATED = "stated"  # only relations (and undercuts) whose basis is `stated`
    ALL = "all"  # stated and reconstructed


class Evaluation(Model):
    semantics: Semantics
    scope: MapScope = Field(description="what was believed: the whole map when all are null")
    basis: BasisFilter = Field(description="which relations were believed: `stated` or `all`")
    arguments: int
    attacks: int
    supports: int
    undercuts: int = Field(description="undercuts of the attacks and supports used")
    relations: dict[str, dict[str, int]] = Field(
        description="the relations used, by type then basis, e.g. "
        '{"REFUTES": {"stated": 3, "reconstructed": 5}, "UNDERCUTS": {"stated": 1}}'
    )
    items: list[Outcome]
    counts: dict[str, int] = Field(description="statements per label (grounded) or status")
    extensions: list[list[str]] | None = Field(None, description="preferred extensions")
    converged: bool | None = Field(None, description="dfquad: the iteration reached a fixed point")


class CitedQuote(QuotePublic):
    source_title: str | None = Field(None, description="the title of the quote's source")


class GroundedRelation(RelationGrounds):
    """A relation with its grounds, its quotes with their source's title, and both in words."""

    quotes: list[CitedQuote] = Field(description="the words that make it, in their sources")
    summary: str = Field(
        description="who argues it and where (quote, source), or 'reconstructed: <note>'"
    )


class AttackEffect(StrEnum):
    DEFEATS = "defeats"  # the attacker is IN and no undercutter of the attack is
    FAILS = "fails"  # the attacker is OUT, or an undercutter of the attack is IN
    UNDECIDED = "undecided"


class UndercutStep(Model):
    undercutter: str = Field(description="the statement that attacks the attack's inference")
    label: GroundedLabel = Field(description="the undercutter's grounded label")
    relation: GroundedRelation = Field(description="the UNDERCUTS relation, with its grounds")


class AttackStep(Model):
    """One attack of the justification: who attacks what, through which relation, on what
    grounds, whether it defeats its target, and the undercuts that decide that."""

    attacker: str
    target: str
    effect: AttackEffect
    relation: GroundedRelation = Field(description="the REFUTES relation, with its grounds")
    undercuts: list[UndercutStep] = Field(
        description="undercuts of this attack in the justification: an IN one makes it fail"
    )


class ExplainedNode(GraphNode):
    label: GroundedLabel


class Explanation(Model):
    id: str
    semantics: Semantics
    scope: MapScope
    basis: BasisFilter = Field(description="which relations were believed: `stated` or `all`")
    label: GroundedLabel
    reason: str
    nodes: list[ExplainedNode] = Field(description="a minimal justification subgraph")
    edges: list[GraphEdge] = Field(
        description="its REFUTES edges, and UNDERCUTS edges whose `target` is the attack's id"
    )
    steps: list[AttackStep] = Field(
        description="each attack of the subgraph, by relation, with who argues it and where"
    )


class Applied(Model):
    basis: BasisFilter = Field(description="which relations were believed: `stated` or `all`")
    written: int
    counts: dict[str, int] = Field(description="statements per written label")


# --- reading a source: segments, claim matching, search ------------------------------------
# Offsets are in Unicode code points of the source's text (Python str indices).


class Attribution(Model):
    """Reported speech in a segment: who the text says is speaking, and the cue that says so."""

    speaker: str = Field(description="the name as the text gives it", examples=["Blinken"])
    person: str | None = Field(None, description="id of the known person it names, if any")
    cue: str = Field(examples=["said", "according to", "wrote", "quotation marks"])
    start: int = Field(description="where the speaker's name starts in the source")
    end: int


class MarkerSignal(StrEnum):
    SUPPORT = "support"
    ATTACK = "attack"


class DiscourseMarker(Model):
    """A word or phrase that signals the segment supports or attacks what comes before."""

    marker: str = Field(examples=["because", "however", "denied"])
    signal: MarkerSignal
    start: int
    end: int


class SegmentQuote(Model):
    """A quote that overlaps the segment, and the statement it expresses."""

    quote: str = Field(description="quote id")
    statement: str | None = Field(None, description="none for a quote only relations cite")
    start: int
    end: int


class Segment(Model):
    index: int = Field(description="0-based position in the source")
    start: int
    end: int
    text: str = Field(description="source.text[start:end]")
    attributions: list[Attribution]
    markers: list[DiscourseMarker]
    quoted_by: list[SegmentQuote] = Field(description="quotes of the map that overlap it")


class SimilarStatement(StatementSummary):
    score: float = Field(description="0..1, the blend of `semantic` and `lexical` it is ranked by")
    semantic: float = Field(description="cosine similarity of the embeddings, -1..1")
    lexical: float = Field(description="word overlap, 0..1")
    opposite: bool = Field(
        description="likely says the opposite (one side negates: not, never, denied …) rather "
        "than the same"
    )


class SearchKind(StrEnum):
    STATEMENT = "statement"
    QUOTE = "quote"
    PERSON = "person"
    SOURCE = "source"


class SearchHit(Model):
    kind: SearchKind
    id: str = Field(description="id of the statement, quote, person or source")
    title: str | None = Field(
        None, description="statement title, person name, source title; a quote's statement title"
    )
    field: str = Field(description="what matched", examples=["title", "text", "quote", "name"])
    snippet: str = Field(description="the matched passage, cut around the match")
    highlights: list[tuple[int, int]] = Field(
        description="[start, end) of each matched word within `snippet`"
    )
    score: float = Field(description="rank, higher first (comparable within one answer)")
    statement: str | None = Field(None, description="for a quote: the statement it expresses")
    source: str | None = Field(None, description="for a quote: its source")
