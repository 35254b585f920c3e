from typing import Annotated

from fastapi import APIRouter, Path, Query

from argmap.deps import ReadsDep, WritesDep
from argmap.errors import ERROR_RESPONSES
from argmap.models import Deleted, Page, PersonCreate, PersonPublic, PersonSummary, PersonUpdate
from argmap.routes.params import Limit, Offset
from argmap.security import ReadAccess, WriteAccess

router = APIRouter(
    prefix="/people", tags=["people"], responses=ERROR_RESPONSES, dependencies=[ReadAccess]
)

PersonId = Annotated[str, Path(description="a person id", examples=["blinken"])]


@router.get("", summary="Everyone quoted or reported, and the authors")
async def list_people(
    reads: ReadsDep,
    q: Annotated[
        str | None,
        Query(
            max_length=200,
            description="case-insensitive match in the name or any alias (a source's spelling)",
            examples=["theodoracopulos"],
        ),
    ] = None,
    offset: Offset = 0,
    limit: Limit = 100,
) -> Page[PersonSummary]:
    return await reads.people(q=q, offset=offset, limit=limit)


@router.get(
    "/{id}",
    summary="A person with the statements they assert and the relations they argue",
    description="`argues`: the SUPPORTS, REFUTES and UNDERCUTS relations they argue, as graph "
    "edges (an UNDERCUTS' `target` is the undercut edge's id), ordered by id.",
)
async def get_person(reads: ReadsDep, id: PersonId) -> PersonPublic:
    return await reads.person(id=id)


@router.post("", status_code=201, dependencies=[WriteAccess], summary="Create a person")
async def create_person(writes: WritesDep, data: PersonCreate) -> PersonPublic:
    return await writes.create_person(data=data)


@router.patch("/{id}", dependencies=[WriteAccess], summary="Change a person")
async def update_person(writes: WritesDep, id: PersonId, data: PersonUpdate) -> PersonPublic:
    return await writes.update_person(id=id, data=data)


@router.delete(
    "/{id}",
    dependencies=[WriteAccess],
    summary="Delete a person (statements and relations stay, without them as speaker)",
)
async def delete_person(writes: WritesDep, id: PersonId) -> Deleted:
    return await writes.delete_person(id=id)


@router.put(
    "/{id}/asserts/{statement}", dependencies=[WriteAccess], summary="Record that they assert it"
)
async def assert_statement(writes: WritesDep, id: PersonId, statement: str) -> PersonPublic:
    return await writes.assert_statement(person=id, statement=statement)


@router.delete(
    "/{id}/asserts/{statement}", dependencies=[WriteAccess], summary="They no longer assert it"
)
async def unassert_statement(writes: WritesDep, id: PersonId, statement: str) -> PersonPublic:
    return await writes.unassert_statement(person=id, statement=statement)
