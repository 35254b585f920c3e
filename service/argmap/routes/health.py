from fastapi import APIRouter
from pydantic import BaseModel

from argmap.deps import StoreDep
from argmap.errors import ERROR_RESPONSES

router = APIRouter(tags=["health"], responses=ERROR_RESPONSES)


class Health(BaseModel):
    status: str
    engine: str | None = None


@router.get("/healthz", summary="The process is alive")
async def healthz() -> Health:
    return Health(status="ok")


@router.get("/readyz", summary="The graph engine answers (503 when it does not)")
async def readyz(store: StoreDep) -> Health:
    await store.ping()  # EngineUnavailable becomes a 503 ErrorResponse
    return Health(status="ready", engine=store.engine)
