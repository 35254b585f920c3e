import asyncio
from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel

from argmap.deps import StoreDep
from argmap.errors import ERROR_RESPONSES
from argmap.store import EngineUnavailable, GraphStore

router = APIRouter(tags=["health"], responses=ERROR_RESPONSES)

# Both answer in bounded time even when the engine hangs (accepts but never replies):
# /healthz must stay fast; /readyz may wait a little longer before it says 503.
ENGINE_PING_TIMEOUT = 0.5
READY_PING_TIMEOUT = 2.0


class Health(BaseModel):
    status: str
    engine: str | None = None


class Liveness(BaseModel):
    status: str
    engine: str
    engine_state: Literal["up", "down", "restarting"]


@router.get(
    "/healthz",
    summary="The process is alive (200 whenever it answers); reports the engine's state",
    description="A liveness check: 200 as long as argmap runs, whatever the engine does, so "
    "a supervisor does not restart argmap for an engine outage (argmap restarts its embedded "
    "engine itself). `engine_state` says how the engine is: `up` (it answered a ping within "
    f"{ENGINE_PING_TIMEOUT} s), `restarting` (the embedded engine died and argmap is starting "
    "it again) or `down`. Readiness, 503 while the engine is not up, is `/readyz`.",
)
async def healthz(store: StoreDep) -> Liveness:
    return Liveness(status="ok", engine=store.engine, engine_state=await _engine_state(store))


@router.get("/readyz", summary="The graph engine answers (503 when it does not)")
async def readyz(store: StoreDep) -> Health:
    try:
        await asyncio.wait_for(store.ping(), READY_PING_TIMEOUT)
    except TimeoutError:
        raise EngineUnavailable(
            f"the graph engine did not answer within {READY_PING_TIMEOUT:.0f} s"
        ) from None
    # EngineUnavailable becomes a 503 ErrorResponse
    return Health(status="ready", engine=store.engine)


async def _engine_state(store: GraphStore) -> str:
    try:
        await asyncio.wait_for(store.ping(), ENGINE_PING_TIMEOUT)
    except (EngineUnavailable, TimeoutError):
        # A supervisor in this process knows whether the engine is being restarted.
        supervisor_state = getattr(store, "supervisor_state", None)
        state = supervisor_state() if supervisor_state else "down"
        return "restarting" if state == "restarting" else "down"
    return "up"
