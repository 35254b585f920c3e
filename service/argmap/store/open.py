"""Open the configured engine: Neo4j when a URI is set, else FalkorDB (embedded by default)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from argmap.settings import Settings
from argmap.store import GraphStore

if TYPE_CHECKING:
    from argmap.engines.embedded_falkordb import EmbeddedFalkorDB


@asynccontextmanager
async def open_store(settings: Settings) -> AsyncIterator[GraphStore]:
    async with AsyncExitStack() as stack:
        store = _connect(settings, stack)
        stack.push_async_callback(store.close)
        yield store


def _connect(settings: Settings, stack: AsyncExitStack) -> GraphStore:
    if settings.neo4j_uri:
        from argmap.store.neo4j import Neo4jStore

        return Neo4jStore(
            settings.neo4j_uri,
            user=settings.neo4j_user,
            password=settings.neo4j_password.get_secret_value(),
            database=settings.neo4j_database,
        )

    from argmap.engines.embedded_falkordb import DataDirInUse, running_engine
    from argmap.store.falkordb import FalkorStore

    if settings.falkordb_url:
        url = urlsplit(settings.falkordb_url)
        return FalkorStore(
            url.hostname or "127.0.0.1",
            url.port or 6379,
            password=url.password,
            graph=settings.falkordb_graph,
        )
    try:
        server = start_embedded_falkordb(settings)
    except DataDirInUse:
        # A live argmap (`argmap serve`, say) holds the data directory: use its engine, found
        # through its runtime file, and never start a second server on the same data.
        running = running_engine(settings.data_dir)
        if running is None:
            raise
        return FalkorStore(
            running.host, running.port, password=running.password, graph=settings.falkordb_graph
        )
    stack.callback(server.stop)
    return FalkorStore(
        server.host,
        server.port,
        password=server.password,
        graph=settings.falkordb_graph,
        supervisor_state=lambda: server.state,
    )


def start_embedded_falkordb(settings: Settings) -> EmbeddedFalkorDB:
    """The embedded engine of `settings`, started, password-protected and supervised; the
    caller stops it. Start it from a long-lived thread (the main one): its die-with-parent
    signal follows the starting thread (argmap.engines.process)."""
    from argmap.engines.embedded_falkordb import EmbeddedFalkorDB

    return EmbeddedFalkorDB(
        settings.data_dir,
        port=settings.falkordb_port,
        timeout=settings.falkordb_startup_timeout,
        fsync=settings.falkordb_fsync,
        require_password=True,
        supervise=True,
    ).start()
