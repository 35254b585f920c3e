"""The FastAPI application: one store per process, opened and closed by the lifespan."""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from argmap import __version__
from argmap.catalog import Catalog, load_catalog
from argmap.engines.process import die_with_parent
from argmap.errors import install_error_handlers
from argmap.limits import RequestGuard
from argmap.routes import ROUTERS
from argmap.routes.viewer import WEB_DIR
from argmap.security import mark_public_reads
from argmap.seeding import is_empty, load_seeds
from argmap.services.backlog import EmbeddingBacklog
from argmap.settings import Settings, get_settings
from argmap.store import GraphStore
from argmap.store.open import open_store
from argmap.store.schema import prepare_database

log = logging.getLogger("argmap")

DESCRIPTION = """
argmap stores an argument map as a property graph — positions, claims, premises and
rebuttals linked by SUPPORTS and REFUTES, with speakers and verbatim quotes from sources —
and answers questions about it: support and attack trees, paths, clashes between positions,
and which statements stand.
"""


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings: Settings = app.state.settings
    async with AsyncExitStack() as stack:
        # Not app.state.store: a second run of the lifespan (a second TestClient) would reuse
        # the store the first run closed.
        store: GraphStore = app.state.given_store or await stack.enter_async_context(
            open_store(settings)
        )
        await store.ping()  # an unreachable engine fails startup now, not after driver retries
        catalog = load_catalog(store.engine)
        if not app.state.prepared:
            await prepare_and_seed(store, catalog, seed_on_empty=settings.seed_on_empty)
        app.state.store, app.state.catalog = store, catalog
        # Imports kick it; the process that prepared the database also starts it, for maps
        # stored without embeddings (`argmap serve --workers`: its parent does).
        app.state.backlog = backlog = EmbeddingBacklog(store, catalog)
        stack.push_async_callback(backlog.close)
        if not app.state.prepared and settings.embed_backlog:
            backlog.kick()
        log.info("argmap ready on %s", store.engine)
        yield


async def prepare_and_seed(store: GraphStore, catalog: Catalog, *, seed_on_empty: bool) -> None:
    """Schema and migrations, then the seeds when the database is empty: once per start."""
    await prepare_database(store, catalog)
    if seed_on_empty and await is_empty(store, catalog):
        statements = await load_seeds(store, catalog)
        log.info("empty database: loaded the seeds (%d Cypher statements)", statements)


# Set by `argmap serve --workers` for its workers: the pid of the process that owns the engine.
WORKER_PARENT_ENV = "ARGMAP_WORKER_PARENT"


def create_worker_app() -> FastAPI:
    """The app in one of `argmap serve`'s uvicorn workers: it dies with the serve process, which
    owns the engine and has prepared and seeded the database (the environment says where)."""
    if parent := os.environ.get(WORKER_PARENT_ENV):
        die_with_parent(int(parent))
    return create_app(Settings(), prepared=True)


def create_app(
    settings: Settings | None = None, *, store: GraphStore | None = None, prepared: bool = False
) -> FastAPI:
    """Build the app. Pass `store` to serve an engine the caller owns (tests, benchmarks), and
    `prepared` when the caller has already run `prepare_and_seed` on it."""
    app = FastAPI(
        title="argmap",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        # /docs is routes/viewer.py: Swagger UI from the vendored copy, not a CDN. No ReDoc:
        # FastAPI's page loads it from a CDN and /docs covers the same schema.
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings or get_settings()
    app.state.store = app.state.given_store = store
    app.state.prepared = prepared
    install_error_handlers(app)
    app.add_middleware(RequestGuard)
    # Added after the guard, so outside it: its 401s and 413s carry the CORS headers too.
    # Neo4j Browser (another origin) fetches the guide and style; the read API is public.
    app.add_middleware(
        CORSMiddleware,
        allow_origins=app.state.settings.cors_origins,
        allow_methods=["*"],
        allow_headers=["*"],
    )
    for router in ROUTERS:
        app.include_router(router)
    app.mount("/viewer", StaticFiles(directory=WEB_DIR), name="viewer")
    if not app.state.settings.read_requires_key:
        app.openapi = lambda: _openapi_with_public_reads(app)
    return app


def _openapi_with_public_reads(app: FastAPI) -> dict:
    if app.openapi_schema is None:
        mark_public_reads(FastAPI.openapi(app), app.routes)  # FastAPI.openapi caches it
    return app.openapi_schema
