from typing import Annotated

from fastapi import APIRouter, Path

from ..deps import RepoDep, WriterDep
from ..errors import ERROR_RESPONSES
from ..models import Deleted, Page, PersonCreate, PersonPublic, PersonSummary, PersonUpdate
from ..security import ReadAccess, WriteAccess
from .params import Limit, Offset

router = APIRouter(
    prefix="/people", tags=["people"], responses=ERROR_RESPONSES, dependencies=[ReadAccess]
)

PersonId = Annotated[str, Path(description="a person id", examples=["blinken"])]


@router.get("", summary="Everyone quoted or reported, and the authors")
async def list_people(repo: RepoDep, offset: Offset = 0, limit: Limit = 100) -> Page[PersonSummary]:
    return await repo.people(offset=offset, limit=limit)


@router.get("/{id}", summary="A person with the statements they assert")
async def get_person(repo: RepoDep, id: PersonId) -> PersonPublic:
    return await repo.person(id=id)


@router.post("", status_code=201, dependencies=[WriteAccess], summary="Create a person")
async def create_person(writer: WriterDep, data: PersonCreate) -> PersonPublic:
    return await writer.create_person(data=data)


@router.patch("/{id}", dependencies=[WriteAccess], summary="Change a person")
async def update_person(writer: WriterDep, id: PersonId, data: PersonUpdate) -> PersonPublic:
    return await writer.update_person(id=id, data=data)


@router.delete("/{id}", dependencies=[WriteAccess], summary="Delete a person (statements stay)")
async def delete_person(writer: WriterDep, id: PersonId) -> Deleted:
    return await writer.delete_person(id=id)


@router.put(
    "/{id}/asserts/{statement}", dependencies=[WriteAccess], summary="Record that they assert it"
)
async def assert_statement(writer: WriterDep, id: PersonId, statement: str) -> PersonPublic:
    return await writer.assert_statement(person=id, statement=statement)


@router.delete(
    "/{id}/asserts/{statement}", dependencies=[WriteAccess], summary="They no longer assert it"
)
async def unassert_statement(writer: WriterDep, id: PersonId, statement: str) -> PersonPublic:
    return await writer.unassert_statement(person=id, statement=statement)
