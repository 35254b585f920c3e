"""FalkorDB through its own client (its Bolt port is not reliable)."""

from __future__ import annotations

from typing import Any

from falkordb.asyncio import FalkorDB
from redis import exceptions as redis_errors

from . import ConstraintViolation, Engine, EngineUnavailable, Params, QueryFailed, Row, check_params

ALREADY_EXISTS = ("already indexed", "already exists", "already in use")


class FalkorStore:
    engine = Engine.FALKORDB

    def __init__(self, host: str, port: int, *, graph: str) -> None:
        self.host, self.port, self.graph_name = host, port, graph
        try:  # the client asks the server (INFO: cluster or not?) right here
            self._db = FalkorDB(host=host, port=port, socket_connect_timeout=2)
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

    async def create_unique_constraint(self, label: str, prop: str) -> None:
        """FalkorDB's unique constraints are a server command, not Cypher."""
        try:
            await self._db.connection.execute_command(
                "GRAPH.CONSTRAINT", "CREATE", self.graph_name, "UNIQUE", "NODE", label,
                "PROPERTIES", "1", prop,
            )  # fmt: skip
        except redis_errors.ResponseError as exc:
            if not any(text in str(exc) for text in ALREADY_EXISTS):
                raise QueryFailed(str(exc)) from exc

    async def close(self) -> None:
        await self._db.connection.aclose()


def _plain(value: Any) -> Any:
    # The client returns OrderedDicts for maps; plain dicts compare and serialise the same.
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value
