"""The two graph engines behind one small interface.

`GraphStore` is all the rest of argmap knows about a database: run a read, run a write
(each one atomic Cypher statement), check the engine answers, close. Queries come from the
catalog (`argmap.cypher`); results are plain dicts keyed by the query's RETURN columns.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any, Protocol

Row = dict[str, Any]
Params = Mapping[str, Any] | None


class Engine(StrEnum):
    NEO4J = "neo4j"
    FALKORDB = "falkordb"


class StoreError(RuntimeError):
    """Base class of the errors a store raises; the API maps each to a status."""


class EngineUnavailable(StoreError):
    """The engine does not answer (down, unreachable, starting)."""


class ConstraintViolation(StoreError):
    """A uniqueness constraint refused the write; nothing was written."""


class QueryFailed(StoreError):
    """The engine rejected or failed a query."""


class GraphStore(Protocol):
    engine: Engine

    async def read(self, query: str, params: Params = None) -> list[Row]: ...

    async def write(self, query: str, params: Params = None) -> list[Row]: ...

    async def ping(self) -> None:
        """Raise `EngineUnavailable` unless the engine answers a query."""

    async def close(self) -> None: ...
