from typing import Annotated

from fastapi import APIRouter, Query

from argmap.deps import ReadsDep
from argmap.domain import SLUG_PATTERN
from argmap.errors import ERROR_RESPONSES
from argmap.models import Paths, Relation, ScopedGraph
from argmap.routes.params import MAX_DEPTH, ScopeDep
from argmap.security import ReadAccess

router = APIRouter(tags=["graph"], responses=ERROR_RESPONSES, dependencies=[ReadAccess])

# The shape every graph answer shares (trees, /graph, positions, /paths), for their docs.
GRAPH_SHAPE = (
    "Each SUPPORTS/REFUTES edge carries its `basis` (`stated` in a source, or `reconstructed` "
    "by the analyst) and `speakers` (names of who argues it; `GET /edges/{id}` has the quotes "
    "and notes). The UNDERCUTS aimed at the answer's edges are edges too: type `UNDERCUTS`, "
    "`source` the undercutting statement (among the nodes, even where the answer would not "
    "otherwise hold it), `target` the id of the edge whose inference it attacks."
)


@router.get(
    "/graph",
    summary="The map, or the part of it one position/speaker/source covers",
    description=GRAPH_SHAPE + " `total` and `limit` count the statements in scope only.",
)
async def graph(
    reads: ReadsDep,
    scope: ScopeDep,
    limit: Annotated[int, Query(ge=1, le=5000, description="most nodes to return")] = 1000,
) -> ScopedGraph:
    return await reads.scoped_graph(scope=scope, limit=limit)


@router.get(
    "/paths",
    summary="The shortest argument chains from one statement to another",
    description=GRAPH_SHAPE + " In each path, `nodes` and `edges` give the chain in order, "
    "then the undercuts of its edges and their statements.",
)
async def paths(
    reads: ReadsDep,
    from_: Annotated[
        str,
        Query(alias="from", pattern=SLUG_PATTERN, description="statement id the chain starts at"),
    ],
    to: Annotated[str, Query(pattern=SLUG_PATTERN, description="statement id the chain ends at")],
    relation: Relation = Relation.SUPPORTS,
    max_depth: Annotated[int, Query(ge=1, le=MAX_DEPTH)] = 6,
) -> Paths:
    return await reads.paths(from_=from_, to=to, relation=relation, max_depth=max_depth)
