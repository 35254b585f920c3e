from typing import Annotated

from fastapi import APIRouter, Path

from argmap.deps import WritesDep
from argmap.errors import ERROR_RESPONSES
from argmap.models import Deleted, EdgeCreate, EdgePublic
from argmap.security import WriteAccess

router = APIRouter(
    prefix="/edges", tags=["edges"], responses=ERROR_RESPONSES, dependencies=[WriteAccess]
)


@router.post(
    "",
    status_code=201,
    summary="Link two statements by SUPPORTS or REFUTES",
    description="Duplicates merge: posting an existing (source, type, target) returns that edge.",
)
async def create_edge(writes: WritesDep, data: EdgeCreate) -> EdgePublic:
    return await writes.create_edge(data=data)


@router.delete("/{id}", summary="Remove an edge")
async def delete_edge(
    writes: WritesDep,
    id: Annotated[str, Path(examples=["nato-never-attacked-russia~supports~nato-is-defensive"])],
) -> Deleted:
    return await writes.delete_edge(id=id)
