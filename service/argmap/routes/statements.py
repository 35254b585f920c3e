from typing import Annotated

from fastapi import APIRouter, Path, Query

from argmap.deps import ReadsDep, WritesDep
from argmap.domain import MAX_STATEMENT_TEXT, SLUG_PATTERN, STORABLE_PATTERN
from argmap.errors import ERROR_RESPONSES, ErrorResponse
from argmap.models import (
    Deleted,
    Page,
    RankedStatement,
    Role,
    SimilarStatement,
    StatementCreate,
    StatementPublic,
    StatementSummary,
    StatementUpdate,
    TreeGraph,
    TreeKind,
)
from argmap.responses import ShapedJSON
from argmap.routes.graph import GRAPH_SHAPE
from argmap.routes.params import Depth, Limit, Offset, StatementId
from argmap.security import ReadAccess, WriteAccess

router = APIRouter(
    prefix="/statements", tags=["statements"], responses=ERROR_RESPONSES, dependencies=[ReadAccess]
)


@router.get("", summary="Search and filter statements")
async def search_statements(
    reads: ReadsDep,
    q: Annotated[
        str | None,
        Query(
            max_length=200,
            pattern=STORABLE_PATTERN,
            description="case-insensitive text match",
            examples=["defensive"],
        ),
    ] = None,
    role: Role | None = None,
    speaker: Annotated[
        str | None, Query(pattern=SLUG_PATTERN, description="person id", examples=["blinken"])
    ] = None,
    source: Annotated[str | None, Query(pattern=SLUG_PATTERN, description="source id")] = None,
    offset: Offset = 0,
    limit: Limit = 50,
) -> Page[StatementSummary]:
    return await reads.search_statements(
        q=q, role=role, speaker=speaker, source=source, offset=offset, limit=limit
    )


@router.get("/contested", summary="Statements ranked by how many statements refute them")
async def contested(
    reads: ReadsDep, offset: Offset = 0, limit: Limit = 50
) -> Page[RankedStatement]:
    return await reads.contested(offset=offset, limit=limit)


@router.get("/unanswered", summary="Statements that nothing refutes")
async def unanswered(
    reads: ReadsDep, offset: Offset = 0, limit: Limit = 50
) -> Page[StatementSummary]:
    return await reads.unanswered(offset=offset, limit=limit)


@router.get("/unsupported", summary="Positions and claims that nothing supports")
async def unsupported(
    reads: ReadsDep, offset: Offset = 0, limit: Limit = 50
) -> Page[StatementSummary]:
    return await reads.unsupported(offset=offset, limit=limit)


@router.get(
    "/similar",
    summary="Claim matching: the statements that say what a text says, best first",
    description="Ranked by `score`, a blend of the embeddings' cosine (`semantic`) and word "
    "overlap (`lexical`); `opposite` flags a statement that likely says the opposite (one side "
    "negates: not, never, denied ...). Give a quote's words to find the statement it expresses.",
)
async def similar_statements(
    reads: ReadsDep,
    text: Annotated[
        str,
        Query(
            min_length=1,
            max_length=MAX_STATEMENT_TEXT,
            pattern=STORABLE_PATTERN,
            description="the words to match",
            examples=["Russia decided that it didn't want to join NATO in the 1990s"],
        ),
    ],
    limit: Limit = 10,
) -> Page[SimilarStatement]:
    return await reads.similar_statements(text=text, limit=limit)


@router.get(
    "/{id}",
    summary="A statement with its speakers, quotes, supporters and refuters",
    description="A statement merged into another answers 301, `Location` naming where it is now.",
    responses={301: {"model": ErrorResponse, "description": "merged into another statement"}},
    response_model=StatementPublic,
)
async def get_statement(reads: ReadsDep, id: StatementId) -> ShapedJSON:
    return ShapedJSON(await reads.statement_record(id=id))


@router.get(
    "/{id}/support-tree",
    summary="Everything that supports it, recursively",
    description=GRAPH_SHAPE,
)
async def support_tree(reads: ReadsDep, id: StatementId, depth: Depth = 4) -> TreeGraph:
    return await reads.tree(id=id, kind=TreeKind.SUPPORT, depth=depth)


@router.get(
    "/{id}/attack-tree",
    summary="Its refuters, their refuters and what supports each (a dialectical tree)",
    description=GRAPH_SHAPE,
)
async def attack_tree(reads: ReadsDep, id: StatementId, depth: Depth = 4) -> TreeGraph:
    return await reads.tree(id=id, kind=TreeKind.ATTACK, depth=depth)


@router.post(
    "",
    status_code=201,
    dependencies=[WriteAccess],
    summary="Create a statement",
    description="409 `near_duplicate` when stored statements say the same (claim matching; "
    "`details` lists them with their scores), unless `force`; opposites do not count.",
)
async def create_statement(
    writes: WritesDep,
    data: StatementCreate,
    force: Annotated[bool, Query(description="create it even if near-duplicates exist")] = False,
) -> StatementPublic:
    return await writes.create_statement(data=data, force=force)


@router.post(
    "/{id}/merge-into/{target}",
    dependencies=[WriteAccess],
    summary="Merge a statement into another (it answers 301 to its GET afterwards)",
    description="One atomic write: the target gets the statement's quotes, speakers, "
    "rephrasings, its supports and refutes in and out and the undercuts it makes, each with "
    "its grounds (moved relations get new ids, their undercuts too); a relation between the "
    "two is dropped (it would be a self-loop), and one the target already has is folded into "
    "the target's (its speakers, quotes and undercuts added; `stated` if either was). The "
    "statement is deleted and its id redirects to the target: GET 301, other methods 410. "
    "Answers with the target.",
)
async def merge_statement(
    writes: WritesDep,
    id: StatementId,
    target: Annotated[
        str, Path(description="the statement to merge into", examples=["nato-is-defensive"])
    ],
) -> StatementPublic:
    return await writes.merge_statement(id=id, into=target)


@router.patch("/{id}", dependencies=[WriteAccess], summary="Change a statement")
async def update_statement(
    writes: WritesDep, id: StatementId, data: StatementUpdate
) -> StatementPublic:
    return await writes.update_statement(id=id, data=data)


@router.delete(
    "/{id}",
    dependencies=[WriteAccess],
    summary="Delete a statement and its edges (409 if it would orphan quotes, unless cascade)",
    description="Its edges go with it, with their grounds and the undercuts aimed at them, and "
    "so do the undercuts it makes (`relations` counts edges and undercuts). Quotes a relation "
    "also cites stay.",
)
async def delete_statement(
    writes: WritesDep,
    id: StatementId,
    cascade: Annotated[bool, Query(description="also delete the quotes only it has")] = False,
) -> Deleted:
    return await writes.delete_statement(id=id, cascade=cascade)
