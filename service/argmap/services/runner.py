"""What every service shares: running a named catalog query on the store."""

from __future__ import annotations

from typing import Any

from argmap.catalog import Catalog, Query
from argmap.store import GraphStore, Row


class QueryRunner:
    """The store and the catalog of one engine; each call is one atomic Cypher statement."""

    def __init__(self, store: GraphStore, catalog: Catalog) -> None:
        self.store, self.catalog = store, catalog

    async def read(self, name: Query, /, **params: Any) -> list[Row]:
        return await self.store.read(self.catalog(name), params)

    async def read_one(self, name: Query, /, **params: Any) -> Row | None:
        rows = await self.read(name, **params)
        return rows[0] if rows else None

    async def read_bounded(self, name: Query, /, depth: int, **params: Any) -> list[Row]:
        """A variable-length query with its depth bound set to `depth`."""
        return await self.store.read(self.catalog.bounded(name, depth), params)

    async def write(self, name: Query, /, **params: Any) -> list[Row]:
        return await self.store.write(self.catalog(name), params)

    async def write_one(self, name: Query, /, **params: Any) -> Row | None:
        rows = await self.write(name, **params)
        return rows[0] if rows else None
