"""Request-scoped dependencies: the store and catalog of the app, and a repository over them."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from .cypher import Catalog
from .repository import Repository
from .store import GraphStore
from .writer import Writer


async def get_store(request: Request) -> GraphStore:
    return request.app.state.store


async def get_catalog(request: Request) -> Catalog:
    return request.app.state.catalog


async def get_repository(request: Request) -> Repository:
    return Repository(request.app.state.store, request.app.state.catalog)


StoreDep = Annotated[GraphStore, Depends(get_store)]
RepoDep = Annotated[Repository, Depends(get_repository)]


async def get_writer(request: Request) -> Writer:
    return Writer(request.app.state.store, request.app.state.catalog)


WriterDep = Annotated[Writer, Depends(get_writer)]
