from typing import Annotated

from fastapi import APIRouter, Path

from argmap.deps import ReadsDep, WritesDep
from argmap.domain import UNDERCUT_ID_FORMAT
from argmap.errors import ERROR_RESPONSES
from argmap.models import Deleted, RelationGrounds, UndercutCreate
from argmap.security import ReadAccess, WriteAccess

router = APIRouter(
    prefix="/undercuts", tags=["undercuts"], responses=ERROR_RESPONSES, dependencies=[ReadAccess]
)

UndercutId = Annotated[
    str,
    Path(
        description=f"an undercut id ({UNDERCUT_ID_FORMAT})",
        examples=[
            "blinken-answered-about-the-1990s~undercuts~us-left-door-open~refutes~west-kept-russia-out"
        ],
    ),
]


@router.get("/{id}", summary="An undercut with its grounds")
async def get_undercut(reads: ReadsDep, id: UndercutId) -> RelationGrounds:
    return await reads.undercut(id=id)


@router.post(
    "",
    status_code=201,
    dependencies=[WriteAccess],
    summary="A statement attacks the inference of an edge (not its statements)",
    description="`target` is a SUPPORTS or REFUTES edge's id; the undercut's id is "
    f"{UNDERCUT_ID_FORMAT}. Grounds as for edges: `stated` needs a quote, `reconstructed` a "
    "note (422); an unknown statement, edge, speaker or quote is a 404 naming it, and nothing "
    "is written. Posting it again replaces its grounds.",
)
async def create_undercut(writes: WritesDep, data: UndercutCreate) -> RelationGrounds:
    return await writes.create_undercut(data=data)


@router.delete("/{id}", dependencies=[WriteAccess], summary="Remove an undercut")
async def delete_undercut(writes: WritesDep, id: UndercutId) -> Deleted:
    return await writes.delete_undercut(id=id)
