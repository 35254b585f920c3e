"""`argmap serve`: one process, or a parent that owns the engine and uvicorn workers over it."""

from __future__ import annotations

import asyncio
import copy
import logging
import logging.config
import os
from contextlib import ExitStack

import uvicorn

from argmap.app import WORKER_PARENT_ENV, create_app
from argmap.catalog import load_catalog
from argmap.seeding import is_empty, load_seeds
from argmap.settings import Settings
from argmap.store.open import open_store, start_embedded_falkordb
from argmap.store.schema import prepare_database

log = logging.getLogger("argmap")

# uvicorn's own logging, with argmap's logger beside its (start-up, seeding, engine errors).
LOG_CONFIG = copy.deepcopy(uvicorn.config.LOGGING_CONFIG)
LOG_CONFIG["loggers"]["argmap"] = {"handlers": ["default"], "level": "INFO", "propagate": False}


def serve(settings: Settings) -> None:
    if settings.workers == 1:
        app = create_app(settings)
        uvicorn.run(app, host=settings.host, port=settings.port, log_config=LOG_CONFIG)
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
        logging.config.dictConfig(LOG_CONFIG)
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
            log_config=LOG_CONFIG,
        )


async def _prepare(settings: Settings) -> None:
    async with open_store(settings) as store:
        await store.ping()
        catalog = load_catalog(store.engine)
        await prepare_database(store, catalog)
        if settings.seed_on_empty and await is_empty(store, catalog):
            log.info(
                "empty database: loaded the seeds (%d Cypher statements)",
                await load_seeds(store, catalog),
            )
