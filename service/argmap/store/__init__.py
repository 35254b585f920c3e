"""The two graph engines behind one small interface.

`GraphStore` is all the rest of argmap knows about a database: run a read, run a write
(each one atomic Cypher statement), apply the schema (`argmap.store.schema`), check the engine
answers, close. Queries come from the
catalog (`argmap.catalog`); results are plain dicts keyed by the query's RETURN columns.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from argmap.engines import Engine

Row = dict[str, Any]
Params = Mapping[str, Any] | None


class StoreError(RuntimeError):
    """Base class of the errors a store raises; the API maps each to a status."""


class EngineUnavailable(StoreError):
    """The engine does not answer (down, unreachable, starting)."""


class ConstraintViolation(StoreError):
    """A uniqueness constraint refused the write; nothing was written."""


class TooLarge(StoreError):
    """One statement needed more memory than the engine allows a transaction; nothing was
    written."""


class QueryFailed(StoreError):
    """The engine rejected or failed a query."""


class InvalidValue(StoreError):
    """A parameter holds text no engine may store (U+0000); the query did not run."""


def check_params(params: Params) -> None:
    """Refuse U+0000 in any parameter, on every engine. The FalkorDB client writes parameters
    into the query text, which the server reads as a C string: a NUL cut the query short (a
    500). Neo4j could store it; it refuses it too so that both engines hold the same data."""
    if params and _has_nul(params):
        raise InvalidValue("text must not contain the NUL character (U+0000)")


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, Mapping):
        return any(_has_nul(key) or _has_nul(item) for key, item in value.items())
    if isinstance(value, list | tuple):
        return any(_has_nul(item) for item in value)
    return False


class GraphStore(Protocol):
    engine: Engine

    async def read(self, query: str, params: Params = None) -> list[Row]: ...

    async def write(self, query: str, params: Params = None) -> list[Row]: ...

    async def ensure_unique(self, label: str, property: str) -> None:
        """Make `property` a unique key of `label` nodes (indexed); a no-op when it is one."""

    async def ensure_index(self, label: str, property: str) -> None:
        """Index `property` of `label` nodes; a no-op when it is indexed."""

    async def ensure_schema(self, ddl: str) -> None:
        """Run one schema statement from the catalog (a full-text or vector index); a no-op
        when what it creates exists."""

    async def ping(self) -> None:
        """Raise `EngineUnavailable` unless the engine answers a query."""

    async def close(self) -> None: ...
