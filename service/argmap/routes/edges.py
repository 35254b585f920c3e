from typing import Annotated

from fastapi import APIRouter, Path

from ..deps import WriterDep
from ..errors import ERROR_RESPONSES
from ..models import Deleted, EdgeCreate, EdgePublic
from ..security import WriteAccess

router = APIRouter(
    prefix="/edges", tags=["edges"], responses=ERROR_RESPONSES, dependencies=[WriteAccess]
)


@router.post(
    "",
    status_code=201,
    summary="Link two statements by SUPPORTS or REFUTES",
    description="Duplicates merge: posting an existing (source, type, target) returns that edge.",
)
async def create_edge(writer: WriterDep, data: EdgeCreate) -> EdgePublic:
    return await writer.create_edge(data=data)


@router.delete("/{id}", summary="Remove an edge")
async def delete_edge(
    writer: WriterDep,
    id: Annotated[str, Path(examples=["nato-never-attacked-russia~supports~nato-is-defensive"])],
) -> Deleted:
    return await writer.delete_edge(id=id)
