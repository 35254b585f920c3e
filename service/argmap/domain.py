"""argmap's domain rules, each in one place: roles, relation types, ids and field limits.

The write models of the API (`argmap.models`) and the import document
(`argmap.formats.document`) build their fields from these types, so anything the API accepts,
export writes and import accepts back, and the other way round.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from enum import StrEnum
from typing import Annotated, Any, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator


class Role(StrEnum):
    """A statement's role: one label beside `:Statement`, and its `role` property."""

    POSITION = "Position"
    CLAIM = "Claim"
    PREMISE = "Premise"
    REBUTTAL = "Rebuttal"


class EdgeType(StrEnum):
    SUPPORTS = "SUPPORTS"
    REFUTES = "REFUTES"


class Basis(StrEnum):
    """How a relation (SUPPORTS, REFUTES, UNDERCUTS) is grounded in the sources."""

    STATED = "stated"  # the text itself makes the link; its quotes say where
    RECONSTRUCTED = "reconstructed"  # the analyst's reading of an implicit link; a note says why


# --- ids ----------------------------------------------------------------------------------

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]{0,99}$"
SLUG_HINT_LENGTH = 40


def new_slug(*hints: str | None) -> str:
    """A readable, unique id: the first words of the first non-empty hint, a random suffix."""
    hint = next((h for h in hints if h), "item")
    slug = re.sub(r"[^a-z0-9]+", "-", hint.lower()).strip("-")[:SLUG_HINT_LENGTH].rstrip("-")
    return f"{slug or 'item'}-{secrets.token_hex(3)}"


_EDGE_ID_TYPE = {t.value: t.value.lower() for t in EdgeType}


def edge_id(source: str, type_: EdgeType | str, target: str) -> str:
    """`source~supports~target`: one (source, type, target) triple is one edge."""
    return f"{source}~{_EDGE_ID_TYPE[type_]}~{target}"  # a dict: bulk loads make millions


def parse_edge_id(id: str) -> tuple[str, EdgeType, str] | None:
    """The parts of an edge id, or None when `id` is not one."""
    parts = id.split("~")
    if len(parts) != 3 or parts[1].upper() not in EdgeType.__members__:
        return None
    return parts[0], EdgeType(parts[1].upper()), parts[2]


EDGE_ID_FORMAT = "source~supports|refutes~target"

UNDERCUT_ID_FORMAT = "source~undercuts~<edge id>"


def undercut_id(source: str, edge: str) -> str:
    """`source~undercuts~a~supports~b`: statement `source` attacks the inference of `edge`."""
    return f"{source}~undercuts~{edge}"


def parse_undercut_id(id: str) -> tuple[str, str] | None:
    """(undercutting statement, undercut edge id), or None when `id` is not an undercut id."""
    source, sep, edge = id.partition("~undercuts~")
    if not sep or parse_edge_id(edge) is None:
        return None
    return source, edge


def quote_id(source: str, start: int, end: int) -> str:
    """`<source>-<start>-<end>`: one span of one source is one quote."""
    return f"{source}-{start}-{end}"


# --- field limits -------------------------------------------------------------------------


# What `_storable` refuses: C0 controls but tab, line feed and carriage return; lone
# surrogates; the noncharacters U+FFFE and U+FFFF. One compiled search, not a loop in Python:
# importing a 100k-statement file checks some 50M characters.
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _storable(value: str) -> str:
    """Text every engine and every export format keeps as it is.

    XML (GraphML, SVG) cannot hold C0 control characters other than tab, line feed and
    carriage return, and UTF-8 cannot encode lone surrogates; FalkorDB reads NUL as the end
    of the query.
    """
    if found := _UNSTORABLE.search(value):
        raise ValueError(f"must not contain the control character U+{ord(found[0]):04X}")
    return value


# `_storable`'s rule in the OpenAPI schema, so clients (and the fuzzer) know it. The validator
# enforces it and names the character; lone surrogates stay out of the pattern, which regex
# engines (pydantic's, schemathesis's) refuse to compile with them.
STORABLE_PATTERN = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]*$"


class _StorableInSchema:
    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict[str, Any]:
        return {**handler(core_schema), "pattern": STORABLE_PATTERN}


def _text(min_length: int, max_length: int, **extra) -> type[str]:
    return Annotated[  # type: ignore[return-value]
        str,
        Field(min_length=min_length, max_length=max_length, **extra),
        AfterValidator(_storable),
        _StorableInSchema(),
    ]


MAX_STATEMENT_TEXT = 5_000
MAX_SOURCE_TEXT = 2_000_000

Slug = Annotated[str, Field(pattern=SLUG_PATTERN, examples=["my-claim"])]
Title = _text(1, 200)
StatementText = _text(1, MAX_STATEMENT_TEXT)
QuoteText = _text(1, MAX_STATEMENT_TEXT)
PersonName = _text(1, 200)
Description = _text(0, 2_000)
Inference = _text(
    1, 100, description="shared by linked premises that support a conclusion together"
)
Note = _text(0, 1_000)
SourceText = _text(1, MAX_SOURCE_TEXT)
SourceKind = _text(0, 100, examples=["news report", "commentary"])
ShortText = _text(0, 200)
Url = _text(0, 2_000)
Published = _text(0, 40)
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
# strict: a JSON number only (an int is one); `true` or "0.5" is a mistake, not a score.
Score = Annotated[
    float,
    Field(strict=True, ge=0, le=1, allow_inf_nan=False, description="base score for DF-QuAD"),
]
QuoteRef = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9][a-z0-9-]{0,99}-[0-9]{1,7}-[0-9]{1,7}$",
        description="a quote id, <source>-<start>-<end>",
        examples=["src-blinken-colbert-120-180"],
    ),
]
Offset = Annotated[
    int,
    Field(
        ge=0,
        le=MAX_SOURCE_TEXT,
        description="in Unicode code points (Python str indices), not bytes or UTF-16 units",
    ),
]
# A passage given by its words (a W3C TextQuoteSelector), found in the source by
# argmap.text.anchoring: `exact` is the passage, `prefix` / `suffix` the text just before /
# after it, when the passage occurs more than once.
MAX_AFFIX = 500
Exact = _text(
    1,
    MAX_STATEMENT_TEXT,
    description="the passage as pasted: quote marks, dashes and whitespace need not match "
    "the source's (case does)",
)
Affix = _text(1, MAX_AFFIX)


def validation_message(error: Mapping[str, Any]) -> str:
    """pydantic's message for one error, without the "Value error, " it puts before the words
    of the rules above."""
    if error["type"] == "value_error" and isinstance(error.get("ctx", {}).get("error"), ValueError):
        return str(error["ctx"]["error"])
    return str(error["msg"])


# --- field sets shared by the write API and the import document ---------------------------
# Each model class that accepts one of these things (StatementCreate and the document's
# Statement, ...) inherits its fields and rules from here.


class Fields(BaseModel):
    # Unknown keys are refused: in a request or an import file they are almost always typos.
    model_config = ConfigDict(extra="forbid")


class StatementFields(Fields):
    role: Role
    title: Title | None = None
    text: StatementText
    base_score: Score | None = None


class QuoteSelector(Fields):
    """A quote a relation cites, given by its words: found in the source, created when no
    quote of that span exists yet."""

    source: Slug
    exact: Exact
    prefix: Affix | None = Field(None, description="the text just before the passage")
    suffix: Affix | None = Field(None, description="the text just after the passage")

    def key(self) -> tuple[str, str, str | None, str | None]:
        return (self.source, self.exact, self.prefix, self.suffix)


class RelationProvenance(Fields):
    """Who argues a relation and where the text does, or why the analyst reads it in."""

    basis: Basis = Field(
        description="`stated`: the text makes the link (give its `quotes`); `reconstructed`: "
        "the analyst's reading (give a `note` saying why)"
    )
    note: Note | None = Field(None, description="why; required when reconstructed")
    speakers: list[Slug] = Field(
        default_factory=list,
        max_length=50,
        description="ids of the people who argue the link (not necessarily who asserts the "
        "premise: a commentator may turn a speaker's concession against them)",
    )
    quotes: list[QuoteRef | QuoteSelector] = Field(
        default_factory=list,
        max_length=50,
        description="the quotes that make the link: ids, or passages given by their words "
        "(`{source, exact, prefix?, suffix?}`; the quote is created when it does not exist)",
    )

    @model_validator(mode="after")
    def _grounded(self) -> Self:
        if self.basis is Basis.RECONSTRUCTED and not (self.note and self.note.strip()):
            raise ValueError("a reconstructed relation needs a `note` saying why it is read in")
        if self.basis is Basis.STATED and not self.quotes:
            raise ValueError("a stated relation needs the `quotes` whose words make it")
        for name in ("speakers", "quotes"):
            values = [v if isinstance(v, str) else v.key() for v in getattr(self, name)]
            if len(set(values)) != len(values):
                raise ValueError(f"`{name}` lists an id twice")
        return self


class EdgeFields(RelationProvenance):
    source: Slug = Field(description="the supporting / refuting statement")
    target: Slug = Field(description="the supported / refuted statement")
    type: EdgeType
    inference: Inference | None = None

    @model_validator(mode="after")
    def _relates_two_statements(self) -> Self:
        if self.source == self.target:
            raise ValueError("a statement cannot support or refute itself")
        if self.inference is not None and self.type is not EdgeType.SUPPORTS:
            raise ValueError("only SUPPORTS edges carry an inference")
        return self


class UndercutFields(RelationProvenance):
    """A statement that attacks the inference of a SUPPORTS or REFUTES edge (AIF: a CA whose
    conclusion is an RA or CA), not either of its statements."""

    source: Slug = Field(description="the undercutting statement")
    target: str = Field(
        description=f"the id of the edge whose inference it attacks ({EDGE_ID_FORMAT})",
        examples=["us-left-door-open~refutes~west-kept-russia-out"],
        max_length=250,
    )

    @model_validator(mode="after")
    def _attacks_an_edge(self) -> Self:
        edge = parse_edge_id(self.target)
        if edge is None:
            raise ValueError(f"target must be an edge id ({EDGE_ID_FORMAT})")
        if self.source in (edge[0], edge[2]):
            raise ValueError("a statement cannot undercut an edge it is an end of")
        return self


class PersonFields(Fields):
    name: PersonName
    description: Description | None = None
    aliases: list[PersonName] = Field(
        default_factory=list,
        max_length=20,
        description="other spellings a source uses (a garbled transliteration), searched too",
    )


class SourceMetaFields(Fields):
    title: Title | None = None
    kind: SourceKind | None = None
    author: ShortText | None = None
    outlet: ShortText | None = None
    url: Url | None = None
    published: Published | None = None
    file: ShortText | None = None


class QuoteSpan(Fields):
    """A passage of a source: by its offsets (`quote`, `start`, `end`), or by its words
    (`exact`, with `prefix` / `suffix` when it occurs more than once), never both. The words
    are found in the source's text (argmap.text.anchoring) and become the offsets and the
    source's own characters."""

    source: Slug
    quote: QuoteText | None = Field(
        None, description="verbatim: source.text[start:end] == quote (with `start`, `end`)"
    )
    start: Offset | None = None
    end: Offset | None = None
    exact: Exact | None = None
    prefix: Affix | None = Field(None, description="the text just before the passage")
    suffix: Affix | None = Field(None, description="the text just after the passage")
    note: Note | None = None

    @model_validator(mode="after")
    def _one_form(self) -> Self:
        offsets = [n for n in ("quote", "start", "end") if getattr(self, n) is not None]
        words = [n for n in ("exact", "prefix", "suffix") if getattr(self, n) is not None]
        if offsets and words:
            raise ValueError(
                "give the passage either by offsets (`quote`, `start`, `end`) or by its words "
                f"(`exact`, `prefix`, `suffix`), not both (got {', '.join(offsets + words)})"
            )
        if words:
            if self.exact is None:
                raise ValueError("`prefix` and `suffix` go with `exact` (the passage itself)")
            return self
        if len(offsets) < 3:
            missing = [n for n in ("quote", "start", "end") if n not in offsets]
            raise ValueError(
                f"missing {', '.join(f'`{n}`' for n in missing)}: give `quote`, `start` and "
                "`end`, or the passage's words as `exact`"
            )
        assert self.start is not None and self.end is not None
        if self.end <= self.start:
            raise ValueError("end must be after start")
        return self

    @property
    def by_words(self) -> bool:
        """Given by its words (`exact`), still to be found in the source."""
        return self.exact is not None


class _QuoteOf(Fields):
    statement: Slug | None = Field(
        None, description="the statement it expresses; none for a quote only relations cite"
    )


class QuoteFields(QuoteSpan, _QuoteOf):  # bases in this order: `statement` comes first
    pass
