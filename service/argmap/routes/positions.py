from typing import Annotated

from fastapi import APIRouter, Path

from ..deps import RepoDep
from ..errors import ERROR_RESPONSES
from ..models import Page, PositionDetail, PositionSummary, Versus
from ..security import ReadAccess
from .params import Depth

router = APIRouter(prefix="/positions", tags=["positions"], responses=ERROR_RESPONSES, dependencies=[ReadAccess])

PositionId = Annotated[str, Path(description="a position id", examples=["nato-is-defensive"])]


@router.get("", summary="Every position with its direct and transitive support and attack")
async def list_positions(repo: RepoDep) -> Page[PositionSummary]:
    return await repo.positions()


@router.get("/{id}", summary="A position with its counts and its argument subgraph")
async def get_position(repo: RepoDep, id: PositionId, depth: Depth = 10) -> PositionDetail:
    return await repo.position(id=id, depth=depth)


@router.get("/{a}/versus/{b}", summary="The clash between two positions")
async def versus(repo: RepoDep, a: PositionId, b: PositionId) -> Versus:
    return await repo.versus(a=a, b=b)
