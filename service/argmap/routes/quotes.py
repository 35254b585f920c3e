from typing import Annotated

from fastapi import APIRouter, Path

from argmap.deps import WritesDep
from argmap.errors import ERROR_RESPONSES
from argmap.models import Deleted, QuoteCreate, QuotePublic
from argmap.security import WriteAccess

router = APIRouter(
    prefix="/quotes", tags=["quotes"], responses=ERROR_RESPONSES, dependencies=[WriteAccess]
)


@router.post(
    "",
    status_code=201,
    summary="Quote a source for a statement: by its words (`exact`) or by offsets",
    description="Give the passage by its words: `exact` as pasted (quote marks, dashes and "
    "whitespace need not match the source's; case does), with `prefix` / `suffix` (the text "
    "just before / after) when it occurs more than once; argmap finds it and stores the "
    "source's own characters and offsets. 422 when it is absent or ambiguous, `details` "
    "listing the candidates (`start`, `end`, `context`). Or give `quote`, `start` and `end` "
    "(Unicode code points, Python str indices, not bytes or UTF-16 units): 422 unless "
    "text[start:end] == quote. Without `statement`, a quote only relations cite (`quotes` of "
    "an edge).",
)
async def create_quote(writes: WritesDep, data: QuoteCreate) -> QuotePublic:
    return await writes.create_quote(data=data)


@router.delete(
    "/{id}",
    summary="Delete a quote",
    description="409 when it is the only quote of a stated relation (which needs one): give "
    "the relation another quote, or make it reconstructed, first.",
)
async def delete_quote(writes: WritesDep, id: Annotated[str, Path()]) -> Deleted:
    return await writes.delete_quote(id=id)
