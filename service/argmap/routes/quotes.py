from typing import Annotated

from fastapi import APIRouter, Path

from ..deps import WriterDep
from ..errors import ERROR_RESPONSES
from ..models import Deleted, QuoteCreate, QuotePublic
from ..security import WriteAccess

router = APIRouter(
    prefix="/quotes", tags=["quotes"], responses=ERROR_RESPONSES, dependencies=[WriteAccess]
)


@router.post(
    "",
    status_code=201,
    summary="Quote a source for a statement (422 unless text[start:end] == quote)",
)
async def create_quote(writer: WriterDep, data: QuoteCreate) -> QuotePublic:
    return await writer.create_quote(data=data)


@router.delete("/{id}", summary="Delete a quote")
async def delete_quote(writer: WriterDep, id: Annotated[str, Path()]) -> Deleted:
    return await writer.delete_quote(id=id)
