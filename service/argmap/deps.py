"""Request-scoped dependencies: the app's store and catalog, and one service per request."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from argmap.services.evaluation import EvaluationService
from argmap.services.exchange import ExchangeService
from argmap.services.reads import ReadService
from argmap.services.writes import WriteService
from argmap.store import GraphStore


async def get_store(request: Request) -> GraphStore:
    return request.app.state.store


async def get_reads(request: Request) -> ReadService:
    return ReadService(request.app.state.store, request.app.state.catalog)


async def get_writes(request: Request) -> WriteService:
    return WriteService(request.app.state.store, request.app.state.catalog)


async def get_evaluation(request: Request) -> EvaluationService:
    return EvaluationService(request.app.state.store, request.app.state.catalog)


async def get_exchange(request: Request) -> ExchangeService:
    return ExchangeService(request.app.state.store, request.app.state.catalog)


StoreDep = Annotated[GraphStore, Depends(get_store)]
ReadsDep = Annotated[ReadService, Depends(get_reads)]
WritesDep = Annotated[WriteService, Depends(get_writes)]
EvaluationDep = Annotated[EvaluationService, Depends(get_evaluation)]
ExchangeDep = Annotated[ExchangeService, Depends(get_exchange)]
