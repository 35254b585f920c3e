from typing import Annotated

from fastapi import APIRouter, Path

from ..deps import RepoDep
from ..errors import ERROR_RESPONSES
from ..models import Page, PersonPublic, PersonSummary
from .params import Limit, Offset

router = APIRouter(prefix="/people", tags=["people"], responses=ERROR_RESPONSES)


@router.get("", summary="Everyone quoted or reported, and the authors")
async def list_people(repo: RepoDep, offset: Offset = 0, limit: Limit = 100) -> Page[PersonSummary]:
    return await repo.people(offset=offset, limit=limit)


@router.get("/{id}", summary="A person with the statements they assert")
async def get_person(
    repo: RepoDep, id: Annotated[str, Path(examples=["blinken"])]
) -> PersonPublic:
    return await repo.person(id=id)
