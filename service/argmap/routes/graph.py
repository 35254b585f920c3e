from typing import Annotated

from fastapi import APIRouter, Query

from ..deps import RepoDep
from ..errors import ERROR_RESPONSES
from ..models import Paths, Relation, ScopedGraph
from ..security import ReadAccess
from .params import MAX_DEPTH

router = APIRouter(tags=["graph"], responses=ERROR_RESPONSES, dependencies=[ReadAccess])


@router.get("/graph", summary="The map, or the part of it one position/speaker/source covers")
async def graph(
    repo: RepoDep,
    position: Annotated[
        str | None, Query(description="position id", examples=["nato-is-defensive"])
    ] = None,
    speaker: Annotated[str | None, Query(description="person id", examples=["blinken"])] = None,
    source: Annotated[str | None, Query(description="source id")] = None,
    limit: Annotated[int, Query(ge=1, le=5000, description="most nodes to return")] = 1000,
) -> ScopedGraph:
    return await repo.scoped_graph(position=position, speaker=speaker, source=source, limit=limit)


@router.get("/paths", summary="The shortest argument chains from one statement to another")
async def paths(
    repo: RepoDep,
    from_: Annotated[str, Query(alias="from", description="statement id the chain starts at")],
    to: Annotated[str, Query(description="statement id the chain ends at")],
    relation: Relation = Relation.SUPPORTS,
    max_depth: Annotated[int, Query(ge=1, le=MAX_DEPTH)] = 6,
) -> Paths:
    return await repo.paths(from_=from_, to=to, relation=relation, max_depth=max_depth)
