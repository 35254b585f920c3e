"""GET /search: statements, quotes, people and sources by their words (full-text indexes)."""

from typing import Annotated

from fastapi import APIRouter, Query

from argmap.deps import ReadsDep
from argmap.domain import STORABLE_PATTERN
from argmap.errors import ERROR_RESPONSES
from argmap.models import Page, SearchHit, SearchKind
from argmap.routes.params import Limit, Offset
from argmap.security import ReadAccess

router = APIRouter(
    prefix="/search", tags=["search"], responses=ERROR_RESPONSES, dependencies=[ReadAccess]
)


@router.get(
    "",
    summary="Search statements, quotes, people and sources",
    description="Each word of `q` is matched in any order, by its stem (english) or by a "
    "prefix of it (`defence` finds `defensive`); hits holding more of the words rank first. "
    "Each hit gives the passage around its first match (`snippet`) and where each matched "
    "word is in it (`highlights`, [start, end)). `semantic=true` ranks statements by meaning "
    "instead (claim matching: `score` is its 0..1 blend; `total` counts at most offset + limit).",
)
async def search(
    reads: ReadsDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=200,
            pattern=STORABLE_PATTERN,
            description="words to look for (operators and punctuation are ignored)",
            examples=["Pope"],
        ),
    ],
    kind: Annotated[
        list[SearchKind] | None,
        Query(description="only these kinds of hit (repeat for several); default all"),
    ] = None,
    semantic: Annotated[
        bool, Query(description="rank statements by meaning (embeddings) instead of words")
    ] = False,
    offset: Offset = 0,
    limit: Limit = 20,
) -> Page[SearchHit]:
    return await reads.search(q=q, kinds=kind, semantic=semantic, offset=offset, limit=limit)
