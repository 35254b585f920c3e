from typing import Annotated

from fastapi import APIRouter, Path

from argmap.deps import ReadsDep
from argmap.errors import ERROR_RESPONSES
from argmap.models import Page, PositionDetail, PositionSummary, Versus
from argmap.routes.graph import GRAPH_SHAPE
from argmap.routes.params import Depth
from argmap.security import ReadAccess

router = APIRouter(
    prefix="/positions", tags=["positions"], responses=ERROR_RESPONSES, dependencies=[ReadAccess]
)

PositionId = Annotated[str, Path(description="a position id", examples=["nato-is-defensive"])]


@router.get("", summary="Every position with its direct and transitive support and attack")
async def list_positions(reads: ReadsDep) -> Page[PositionSummary]:
    return await reads.positions()


@router.get(
    "/{id}",
    summary="A position with its counts and its argument subgraph",
    description="`graph`: " + GRAPH_SHAPE,
)
async def get_position(reads: ReadsDep, id: PositionId, depth: Depth = 10) -> PositionDetail:
    return await reads.position(id=id, depth=depth)


@router.get("/{a}/versus/{b}", summary="The clash between two positions")
async def versus(reads: ReadsDep, a: PositionId, b: PositionId) -> Versus:
    return await reads.versus(a=a, b=b)
