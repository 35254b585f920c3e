from typing import Annotated

from fastapi import APIRouter, Path, Query

from ..deps import RepoDep
from ..errors import ERROR_RESPONSES
from ..models import Page, QuotedStatement, SourceListItem, SourcePublic
from .params import Limit, Offset

router = APIRouter(prefix="/sources", tags=["sources"], responses=ERROR_RESPONSES)

SourceId = Annotated[str, Path(description="a source id", examples=["src-blinken-colbert"])]


@router.get("", summary="The sources (metadata only)")
async def list_sources(repo: RepoDep, offset: Offset = 0, limit: Limit = 100) -> Page[SourceListItem]:
    return await repo.sources(offset=offset, limit=limit)


@router.get("/{id}", summary="A source's metadata, and its full text on request")
async def get_source(
    repo: RepoDep,
    id: SourceId,
    include_text: Annotated[bool, Query(description="include the full text")] = False,
) -> SourcePublic:
    return await repo.source(id=id, include_text=include_text)


@router.get("/{id}/statements", summary="The statements a source gives, with their quotes")
async def source_statements(repo: RepoDep, id: SourceId) -> Page[QuotedStatement]:
    return await repo.source_statements(id=id)
