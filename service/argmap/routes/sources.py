from typing import Annotated

from fastapi import APIRouter, Path, Query

from argmap.deps import ReadsDep, WritesDep
from argmap.errors import ERROR_RESPONSES
from argmap.models import (
    Deleted,
    Page,
    QuotedStatement,
    Segment,
    SourceCreate,
    SourceListItem,
    SourceMeta,
    SourcePublic,
)
from argmap.routes.params import Limit, Offset
from argmap.security import ReadAccess, WriteAccess

router = APIRouter(
    prefix="/sources", tags=["sources"], responses=ERROR_RESPONSES, dependencies=[ReadAccess]
)

SourceId = Annotated[str, Path(description="a source id", examples=["src-blinken-colbert"])]


@router.get("", summary="The sources (metadata only)")
async def list_sources(
    reads: ReadsDep, offset: Offset = 0, limit: Limit = 100
) -> Page[SourceListItem]:
    return await reads.sources(offset=offset, limit=limit)


@router.get("/{id}", summary="A source's metadata, and its full text on request")
async def get_source(
    reads: ReadsDep,
    id: SourceId,
    include_text: Annotated[bool, Query(description="include the full text")] = False,
) -> SourcePublic:
    return await reads.source(id=id, include_text=include_text)


@router.get("/{id}/statements", summary="The statements a source gives, with their quotes")
async def source_statements(reads: ReadsDep, id: SourceId) -> Page[QuotedStatement]:
    return await reads.source_statements(id=id)


@router.get(
    "/{id}/segments",
    summary="A source cut into sentences: who speaks, discourse markers, the quotes over them",
    description="A suggestion layer for mapping a source (nothing is written): its text in "
    "sentences with code-point offsets (`text == source.text[start:end]`; a blank line always "
    "ends one), each with the reported speech in it (`X said`, `said X`, `according to X`, "
    "`X's statement`, and quoted passages given to the nearest named speaker) resolved to "
    "known people by name and alias, the discourse markers that signal support (`because`, "
    "`therefore` …) or attack (`but`, `however`, `denied` …), and the map's quotes that "
    "overlap it with the statement each expresses.",
)
async def source_segments(reads: ReadsDep, id: SourceId) -> Page[Segment]:
    return await reads.segments(id=id)


@router.post("", status_code=201, dependencies=[WriteAccess], summary="Add a source with its text")
async def create_source(writes: WritesDep, data: SourceCreate) -> SourcePublic:
    return await writes.create_source(data=data)


@router.patch("/{id}", dependencies=[WriteAccess], summary="Change a source's metadata")
async def update_source(writes: WritesDep, id: SourceId, data: SourceMeta) -> SourcePublic:
    return await writes.update_source(id=id, data=data)


@router.delete(
    "/{id}",
    dependencies=[WriteAccess],
    summary="Delete a source (409 if it has quotes, unless cascade)",
    description="With `cascade=true` its quotes go too, unless a stated relation would be left "
    "without any quote: then 409 names the relations (make them reconstructed, or cite other "
    "quotes, first).",
)
async def delete_source(
    writes: WritesDep,
    id: SourceId,
    cascade: Annotated[bool, Query(description="also delete its quotes")] = False,
) -> Deleted:
    return await writes.delete_source(id=id, cascade=cascade)
