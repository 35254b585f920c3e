"""Graph logic: each method runs catalog queries through the store and returns models."""

from __future__ import annotations

from typing import Any

from .cypher import Catalog
from .store import GraphStore


class Repository:
    def __init__(self, store: GraphStore, catalog: Catalog) -> None:
        self.store, self.q = store, catalog

    async def _read(self, name: str, **params: Any) -> list[dict[str, Any]]:
        return await self.store.read(self.q(name), params)

    async def _write(self, name: str, **params: Any) -> list[dict[str, Any]]:
        return await self.store.write(self.q(name), params)
