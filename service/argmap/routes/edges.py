from typing import Annotated

from fastapi import APIRouter, Path

from argmap.deps import ReadsDep, WritesDep
from argmap.domain import EDGE_ID_FORMAT
from argmap.errors import ERROR_RESPONSES
from argmap.models import Deleted, EdgeCreate, EdgePublic, RelationGroundsUpdate
from argmap.security import ReadAccess, WriteAccess

router = APIRouter(
    prefix="/edges", tags=["edges"], responses=ERROR_RESPONSES, dependencies=[ReadAccess]
)

EdgeId = Annotated[
    str,
    Path(
        description=f"an edge id ({EDGE_ID_FORMAT})",
        examples=["nato-never-attacked-russia~supports~nato-is-defensive"],
    ),
]


@router.get(
    "/{id}",
    summary="An edge with its grounds and its undercutters",
    description="Who argues the link (`speakers`), the quotes that make it (`quotes`, in their "
    "sources), its `basis` and `note`, and the undercuts that attack its inference "
    "(`undercutters`, each with its own grounds).",
)
async def get_edge(reads: ReadsDep, id: EdgeId) -> EdgePublic:
    return await reads.edge(id=id)


@router.post(
    "",
    status_code=201,
    dependencies=[WriteAccess],
    summary="Link two statements by SUPPORTS or REFUTES, with its grounds",
    description="Writes the edge, who argues it and the quotes that make it in one step. "
    "`stated` needs at least one quote, `reconstructed` a note (422). An unknown statement, "
    "speaker or quote is a 404 naming it, and nothing is written. Duplicates merge: posting an "
    "existing (source, type, target) keeps that one edge, and its grounds (basis, note, "
    "speakers, quotes) are replaced by the ones posted.",
)
async def create_edge(writes: WritesDep, data: EdgeCreate) -> EdgePublic:
    return await writes.create_edge(data=data)


@router.patch(
    "/{id}",
    dependencies=[WriteAccess],
    summary="Change an edge's grounds",
    description="Fields sent replace the edge's basis, note, speakers or quotes; the result "
    "must follow the rules of a new edge (422), and every speaker and quote must exist (404). "
    "All or nothing.",
)
async def update_edge(writes: WritesDep, id: EdgeId, data: RelationGroundsUpdate) -> EdgePublic:
    return await writes.update_edge(id=id, data=data)


@router.delete(
    "/{id}",
    dependencies=[WriteAccess],
    summary="Remove an edge, with its grounds and the undercuts aimed at it",
    description="The edge goes with who argues it and its quote links (the people and quotes "
    "stay), and so do the undercuts that attack it; `relations` counts those undercuts.",
)
async def delete_edge(writes: WritesDep, id: EdgeId) -> Deleted:
    return await writes.delete_edge(id=id)
