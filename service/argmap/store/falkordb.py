"""FalkorDB through its own client (its Bolt port is not reliable)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from falkordb.asyncio import FalkorDB
from redis import exceptions as redis_errors

from argmap.catalog import Query, load_catalog
from argmap.engines import Engine
from argmap.store import (
    ConstraintViolation,
    EngineUnavailable,
    Params,
    QueryFailed,
    Row,
    check_params,
)

# FalkorDB's DDL has no IF NOT EXISTS: these errors mean the wanted schema is already there.
ALREADY_INDEXED = ("already indexed",)
CONSTRAINT_EXISTS = ("already exists", "already in use")


class FalkorStore:
    engine = Engine.FALKORDB

    def __init__(
        self,
        host: str,
        port: int,
        *,
        graph: str,
        password: str | None = None,
        supervisor_state: Callable[[], str] | None = None,
    ) -> None:
        self.host, self.port, self.graph_name = host, port, graph
        # The state of the engine's supervisor when it runs in this process ("restarting"
        # is more than a failed ping can tell); /healthz reports it.
        self.supervisor_state = supervisor_state
        try:  # the client asks the server (INFO: cluster or not?) right here
            self._db = FalkorDB(host=host, port=port, password=password, socket_connect_timeout=2)
        except (redis_errors.RedisError, OSError) as exc:
            raise EngineUnavailable(f"FalkorDB at {host}:{port} is unreachable: {exc}") from exc
        self._graph = self._db.select_graph(graph)

    async def _run(self, query: str, params: Params, *, read_only: bool) -> list[Row]:
        check_params(params)
        run = self._graph.ro_query if read_only else self._graph.query
        try:
            result = await run(query, dict(params) if params else None)
        except (redis_errors.ConnectionError, redis_errors.TimeoutError, OSError) as exc:
            raise EngineUnavailable(
                f"FalkorDB at {self.host}:{self.port} is unreachable: {exc}"
            ) from exc
        except redis_errors.ResponseError as exc:
            message = str(exc)
            if "constraint violation" in message:
                raise ConstraintViolation(message) from exc
            raise QueryFailed(message) from exc
        columns = [name for _, name in result.header]
        return [dict(zip(columns, map(_plain, row), strict=True)) for row in result.result_set]

    async def read(self, query: str, params: Params = None) -> list[Row]:
        return await self._run(query, params, read_only=True)

    async def write(self, query: str, params: Params = None) -> list[Row]:
        return await self._run(query, params, read_only=False)

    async def ping(self) -> None:
        try:
            await self._db.connection.ping()
        except (redis_errors.RedisError, OSError) as exc:
            raise EngineUnavailable(
                f"FalkorDB at {self.host}:{self.port} is unreachable: {exc}"
            ) from exc

    async def ensure_unique(self, label: str, property: str) -> None:
        # The constraint needs an index on the key first; the constraint is a server
        # command, not Cypher.
        await self._ensure_index(Query.SCHEMA_UNIQUE_KEY, label, property)
        try:
            await self._db.connection.execute_command(
                "GRAPH.CONSTRAINT", "CREATE", self.graph_name, "UNIQUE", "NODE", label,
                "PROPERTIES", "1", property,
            )  # fmt: skip
        except redis_errors.ResponseError as exc:
            if not any(text in str(exc) for text in CONSTRAINT_EXISTS):
                raise QueryFailed(str(exc)) from exc

    async def ensure_index(self, label: str, property: str) -> None:
        await self._ensure_index(Query.SCHEMA_INDEX, label, property)

    async def _ensure_index(self, name: Query, label: str, property: str) -> None:
        await self.ensure_schema(load_catalog(self.engine).template(name, Label=label, key=property))

    async def ensure_schema(self, ddl: str) -> None:
        # FalkorDB's DDL has no IF NOT EXISTS: an index that exists is an error to ignore.
        try:
            await self.write(ddl)
        except QueryFailed as exc:
            if not any(text in str(exc).lower() for text in ALREADY_INDEXED):
                raise

    async def close(self) -> None:
        await self._db.connection.aclose()


def _plain(value: Any) -> Any:
    # The client returns OrderedDicts for maps; plain dicts compare and serialise the same.
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value
