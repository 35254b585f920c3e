"""`argmap serve`: one process, or a parent that owns the engine and uvicorn workers over it."""

from __future__ import annotations

import asyncio
import copy
import logging
import logging.config
import os
import threading
from contextlib import ExitStack

import uvicorn

from argmap.app import WORKER_PARENT_ENV, create_app, prepare_and_seed
from argmap.catalog import load_catalog
from argmap.services.backlog import embed_backlog_once
from argmap.settings import Settings
from argmap.store.open import open_store, start_embedded_falkordb

# uvicorn's own logging, with argmap's logger beside its (start-up, seeding, engine errors).
LOG_CONFIG = copy.deepcopy(uvicorn.config.LOGGING_CONFIG)
LOG_CONFIG["loggers"]["argmap"] = {"handlers": ["default"], "level": "INFO", "propagate": False}


def serve(settings: Settings) -> None:
    if settings.workers == 1:
        app = create_app(settings)
        uvicorn.run(
            app,
            host=settings.host,
            port=settings.port,
            log_config=LOG_CONFIG,
            access_log=settings.access_log,
        )
        return
    with ExitStack() as stack:
        if not settings.neo4j_uri and settings.falkordb_url is None:
            # The embedded engine belongs to this process, which supervises it (restarts it on
            # the same port, with the same password); the workers connect to it and reconnect
            # after a restart. The URL holds the password: it reaches the workers through the
            # environment (/proc/<pid>/environ is owner-only, argv is not) and is never logged.
            server = start_embedded_falkordb(settings)
            stack.callback(server.stop)
            settings = settings.model_copy(update={"falkordb_url": server.url})
        logging.config.dictConfig(LOG_CONFIG)
        asyncio.run(_prepare(settings))  # once, here: workers starting together would race
        if settings.embed_backlog:  # in the background, while the workers serve
            threading.Thread(
                target=asyncio.run, args=(embed_backlog_once(settings),), daemon=True
            ).start()
        # uvicorn starts its workers afresh (spawn): they read their settings from the
        # environment, so it names the engine argmap serve was given and this process's pid.
        engine = {
            "ARGMAP_NEO4J_URI": settings.neo4j_uri,
            "ARGMAP_FALKORDB_URL": settings.falkordb_url,
        }
        os.environ.update(
            {k: v for k, v in engine.items() if v}, **{WORKER_PARENT_ENV: str(os.getpid())}
        )
        uvicorn.run(
            "argmap.app:create_worker_app",
            factory=True,
            host=settings.host,
            port=settings.port,
            workers=settings.workers,
            log_config=LOG_CONFIG,
            access_log=settings.access_log,
        )


async def _prepare(settings: Settings) -> None:
    async with open_store(settings) as store:
        await store.ping()
        await prepare_and_seed(
            store, load_catalog(store.engine), seed_on_empty=settings.seed_on_empty
        )
