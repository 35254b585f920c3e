"""`argmap serve`: one process, or a parent that owns the engine and uvicorn workers over it."""

from __future__ import annotations

import asyncio
import os
from contextlib import ExitStack

import uvicorn

from argmap.app import WORKER_PARENT_ENV, create_app
from argmap.catalog import load_catalog
from argmap.seeding import is_empty, load_seeds
from argmap.settings import Settings
from argmap.store.open import open_store, start_embedded_falkordb
from argmap.store.schema import prepare_database


def serve(settings: Settings) -> None:
    if settings.workers == 1:
        uvicorn.run(create_app(settings), host=settings.host, port=settings.port)
        return
    with ExitStack() as stack:
        engine_env = {"ARGMAP_NEO4J_URI": settings.neo4j_uri or ""}
        if not settings.neo4j_uri:
            url = settings.falkordb_url
            if url is None:  # the embedded engine belongs to this process; workers connect to it
                server = start_embedded_falkordb(settings)
                stack.callback(server.stop)
                url = f"redis://{server.host}:{server.port}"
            engine_env["ARGMAP_FALKORDB_URL"] = url
        shared = settings.model_copy(update={"falkordb_url": engine_env.get("ARGMAP_FALKORDB_URL")})
        asyncio.run(_prepare(shared))  # once, here: workers starting together would race
        # uvicorn starts its workers afresh (spawn): they read their settings from the
        # environment, where the engine now is and that the map is ready.
        os.environ.update(
            engine_env, ARGMAP_SEED_ON_EMPTY="false", **{WORKER_PARENT_ENV: str(os.getpid())}
        )
        uvicorn.run(
            "argmap.app:create_worker_app",
            factory=True,
            host=settings.host,
            port=settings.port,
            workers=settings.workers,
        )


async def _prepare(settings: Settings) -> None:
    async with open_store(settings) as store:
        await store.ping()
        catalog = load_catalog(store.engine)
        await prepare_database(store, catalog)
        if settings.seed_on_empty and await is_empty(store, catalog):
            await load_seeds(store, catalog)
