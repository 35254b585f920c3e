from typing import Annotated

from fastapi import APIRouter, Query

from argmap.deps import ReadsDep
from argmap.errors import ERROR_RESPONSES
from argmap.models import Paths, Relation, ScopedGraph
from argmap.routes.params import MAX_DEPTH, ScopeDep
from argmap.security import ReadAccess

router = APIRouter(tags=["graph"], responses=ERROR_RESPONSES, dependencies=[ReadAccess])


@router.get("/graph", summary="The map, or the part of it one position/speaker/source covers")
async def graph(
    reads: ReadsDep,
    scope: ScopeDep,
    limit: Annotated[int, Query(ge=1, le=5000, description="most nodes to return")] = 1000,
) -> ScopedGraph:
    return await reads.scoped_graph(scope=scope, limit=limit)


@router.get("/paths", summary="The shortest argument chains from one statement to another")
async def paths(
    reads: ReadsDep,
    from_: Annotated[str, Query(alias="from", description="statement id the chain starts at")],
    to: Annotated[str, Query(description="statement id the chain ends at")],
    relation: Relation = Relation.SUPPORTS,
    max_depth: Annotated[int, Query(ge=1, le=MAX_DEPTH)] = 6,
) -> Paths:
    return await reads.paths(from_=from_, to=to, relation=relation, max_depth=max_depth)
