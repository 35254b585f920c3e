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

    from argmap.store.falkordb import FalkorStore

    if settings.falkordb_url:
        url = urlsplit(settings.falkordb_url)
        host, port = url.hostname or "127.0.0.1", url.port or 6379
    else:
        server = start_embedded_falkordb(settings)
        stack.callback(server.stop)
        host, port = server.host, server.port
    return FalkorStore(host, port, graph=settings.falkordb_graph)


def start_embedded_falkordb(settings: Settings) -> EmbeddedFalkorDB:
    """The embedded engine of `settings`, started; the caller stops it. Start it from the main
    thread: its die-with-parent signal follows the starting thread (argmap.engines.process)."""
    from argmap.engines.embedded_falkordb import EmbeddedFalkorDB

    return EmbeddedFalkorDB(
        settings.data_dir, port=settings.falkordb_port, timeout=settings.falkordb_startup_timeout
    ).start()
