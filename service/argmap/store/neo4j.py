"""Neo4j 5 through the official driver: one driver per process, database always named."""

from __future__ import annotations

import neo4j
from neo4j import AsyncGraphDatabase, NotificationMinimumSeverity, RoutingControl
from neo4j.exceptions import ConstraintError, DriverError, Neo4jError, ServiceUnavailable

from argmap.catalog import Query, load_catalog
from argmap.engines import Engine
from argmap.store import (
    ConstraintViolation,
    EngineUnavailable,
    Params,
    QueryFailed,
    Row,
    TooLarge,
    check_params,
)

# A statement over the transaction memory limit (dbms.memory.transaction.*), or one that
# exhausted the server's pool: rolled back, and no retry of it will fit.
TRANSACTION_MEMORY_CODES = (
    "Neo.ClientError.General.TransactionOutOfMemoryError",
    "Neo.TransientError.General.TransactionMemoryLimit",
    "Neo.TransientError.General.MemoryPoolOutOfMemoryError",
)
RETRY_SECONDS = 5.0  # deadlocks and blips still get retries; a lost server is a 503 in ~7 s


class Neo4jStore:
    engine = Engine.NEO4J

    def __init__(self, uri: str, *, user: str, password: str, database: str) -> None:
        auth = (user, password) if password else None
        # Server notifications (e.g. "property key does not exist" for optional properties)
        # would log a warning per query; the Cypher lint already checks every query.
        # Failed transactions are retried for RETRY_SECONDS (driver default 30 s: with its
        # backoff a request to a lost server waited ~60 s for its 503).
        self._driver = AsyncGraphDatabase.driver(
            uri,
            auth=auth,
            notifications_min_severity=NotificationMinimumSeverity.OFF,
            max_transaction_retry_time=RETRY_SECONDS,
        )
        self._database = database
        self.uri = uri

    async def _run(self, query: str, params: Params, routing: RoutingControl) -> list[Row]:
        check_params(params)
        try:
            records, _, _ = await self._driver.execute_query(
                query, dict(params or {}), database_=self._database, routing_=routing
            )
        except ConstraintError as exc:
            raise ConstraintViolation(exc.message or str(exc)) from exc
        except (ServiceUnavailable, OSError) as exc:
            raise EngineUnavailable(f"Neo4j at {self.uri} is unreachable: {exc}") from exc
        except Neo4jError as exc:
            if exc.code in TRANSACTION_MEMORY_CODES:
                raise TooLarge(exc.message or str(exc)) from exc
            raise QueryFailed(exc.message or str(exc)) from exc
        except DriverError as exc:  # session expired, pool closed, ...
            raise EngineUnavailable(f"Neo4j driver error: {exc}") from exc
        return [record.data() for record in records]

    async def read(self, query: str, params: Params = None) -> list[Row]:
        return await self._run(query, params, RoutingControl.READ)

    async def write(self, query: str, params: Params = None) -> list[Row]:
        return await self._run(query, params, RoutingControl.WRITE)

    async def ensure_unique(self, label: str, property: str) -> None:
        ddl = load_catalog(self.engine).template(Query.SCHEMA_UNIQUE_KEY, Label=label, key=property)
        await self.write(ddl)  # IF NOT EXISTS: an equivalent constraint makes it a no-op

    async def ensure_index(self, label: str, property: str) -> None:
        await self.write(
            load_catalog(self.engine).template(Query.SCHEMA_INDEX, Label=label, key=property)
        )

    async def ensure_schema(self, ddl: str) -> None:
        await self.write(ddl)  # the catalog's Neo4j DDL says IF NOT EXISTS

    async def ping(self) -> None:
        try:
            await self._driver.verify_connectivity()
        except (neo4j.exceptions.Neo4jError, DriverError, OSError) as exc:
            raise EngineUnavailable(f"Neo4j at {self.uri} is unreachable: {exc}") from exc

    async def close(self) -> None:
        await self._driver.close()
