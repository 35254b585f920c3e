"""Claim matching's embeddings for statements stored without one, computed off the request path.

A bulk import or a map stored before claim matching leaves statements without an embedding.
Embedding them takes minutes at a million statements (the engines insert vectors into their
index at 0.4–1k per second), so it runs in the background: the map answers at once and
`/statements/similar` finds the statements as they are embedded. A start-up that finds none
to embed only reads.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import suppress

from argmap.catalog import Catalog, load_catalog
from argmap.settings import Settings
from argmap.store import GraphStore
from argmap.store.open import open_store
from argmap.store.schema import embed_statements

log = logging.getLogger("argmap")


class EmbeddingBacklog:
    """One background run at a time in this process; a kick during a run asks for one more
    (statements written meanwhile are picked up by it)."""

    def __init__(self, store: GraphStore, catalog: Catalog) -> None:
        self.store, self.catalog = store, catalog
        self._task: asyncio.Task[None] | None = None
        self._again = False

    def kick(self) -> None:
        if self._task is not None and not self._task.done():
            self._again = True
            return
        self._task = asyncio.get_running_loop().create_task(self._run(), name="embed-backlog")

    async def _run(self) -> None:
        while True:
            self._again = False
            try:
                count = await embed_statements(self.store, self.catalog)
            except Exception:  # the next kick (an import, a restart) tries again
                log.exception("embedding statements for claim matching failed")
                return
            if count:
                log.info("embedded %d statements for claim matching", count)
            if not self._again:
                return

    async def wait(self) -> None:
        """Until the current run, if any, has ended (tests, the CLI)."""
        while self._task is not None and not self._task.done():
            await asyncio.shield(self._task)

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with suppress(asyncio.CancelledError):
                await self._task


async def embed_backlog_once(settings: Settings) -> None:
    """Embed what is pending through a store of its own: `argmap serve --workers`'s parent,
    which owns the engine but serves no requests, runs this in a thread."""
    async with open_store(settings) as store:
        backlog = EmbeddingBacklog(store, load_catalog(store.engine))
        backlog.kick()
        await backlog.wait()
