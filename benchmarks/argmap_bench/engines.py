"""The engines under test, and each one reached directly through its own Python client,
bypassing argmap's store: the baseline every argmap figure is compared with."""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argmap.engines import Engine
from argmap.engines.embedded_falkordb import EmbeddedFalkorDB
from argmap.settings import Settings
from argmap_bench.measure import cycle

GRAPH = "argmap"  # the FalkorDB graph the benchmarks load


class Direct:
    """The engine through its own client, bypassing argmap: `run` returns (wall s, engine s)."""

    name: str

    def run(self, query: str, params: dict[str, Any]) -> tuple[float, float]:
        raise NotImplementedError

    async def throughput(self, query: str, params: list[dict], seconds: float, conns: int) -> float:
        raise NotImplementedError

    def version(self) -> str:
        raise NotImplementedError

    def close(self) -> None: ...


class NoDirect(Direct):
    """In place of a client whose engine is gone (a restart that did not finish)."""

    name = "none"


class FalkorDirect(Direct):
    name = "falkordb"

    def __init__(self, host: str, port: int, graph: str) -> None:
        from falkordb import FalkorDB

        self.host, self.port, self.graph = host, port, graph
        self.db = FalkorDB(host=host, port=port)
        self.g = self.db.select_graph(graph)

    def run(self, query: str, params: dict[str, Any]) -> tuple[float, float]:
        t0 = time.perf_counter()
        result = self.g.ro_query(query, params)
        return time.perf_counter() - t0, result.run_time_ms / 1000

    async def throughput(self, query: str, params: list[dict], seconds: float, conns: int) -> float:
        from falkordb.asyncio import FalkorDB as AsyncFalkorDB
        from redis.asyncio import BlockingConnectionPool

        pool = BlockingConnectionPool(host=self.host, port=self.port, max_connections=conns)
        g = AsyncFalkorDB(connection_pool=pool).select_graph(self.graph)
        return await closed_loop(lambda p: g.ro_query(query, p), params, seconds, conns,
                                 pool.aclose)  # fmt: skip

    def version(self) -> str:
        modules = self.db.connection.execute_command("MODULE", "LIST")
        for module in modules:
            info = dict(zip(module[::2], module[1::2], strict=False))
            name = info.get(b"name", info.get("name"))
            if name in (b"graph", "graph"):
                ver = int(info.get(b"ver", info.get("ver", 0)))
                return f"{ver // 10000}.{ver // 100 % 100}.{ver % 100}"
        return "unknown"

    def redis_version(self) -> str:
        return self.db.connection.info("server")["redis_version"]

    def set_effects_threshold(self, value: int) -> None:
        self.db.connection.execute_command("GRAPH.CONFIG", "SET", "EFFECTS_THRESHOLD", value)

    def used_memory(self) -> int:
        return self.db.connection.info("memory")["used_memory"]

    def close(self) -> None:
        self.db.connection.close()


class Neo4jDirect(Direct):
    name = "neo4j"

    def __init__(self, uri: str, auth: tuple[str, str] | None, database: str) -> None:
        import neo4j

        self.uri, self.auth, self.database = uri, auth, database
        # As the store: server notifications off (each would be logged per query).
        self.driver = neo4j.GraphDatabase.driver(
            uri, auth=auth, notifications_min_severity=neo4j.NotificationMinimumSeverity.OFF
        )

    def run(self, query: str, params: dict[str, Any]) -> tuple[float, float]:
        import neo4j

        t0 = time.perf_counter()
        _, summary_, _ = self.driver.execute_query(
            query, params, database_=self.database, routing_=neo4j.RoutingControl.READ
        )
        wall = time.perf_counter() - t0
        engine = (summary_.result_available_after or 0) + (summary_.result_consumed_after or 0)
        return wall, engine / 1000

    async def throughput(self, query: str, params: list[dict], seconds: float, conns: int) -> float:
        import neo4j

        driver = neo4j.AsyncGraphDatabase.driver(
            self.uri, auth=self.auth, max_connection_pool_size=conns,
            notifications_min_severity=neo4j.NotificationMinimumSeverity.OFF,
        )  # fmt: skip

        def one(p: dict) -> Awaitable[Any]:
            return driver.execute_query(query, p, database_=self.database,
                                        routing_=neo4j.RoutingControl.READ)  # fmt: skip

        return await closed_loop(one, params, seconds, conns, driver.close)

    def version(self) -> str:
        info = self.driver.get_server_info()
        return info.agent.split("/")[-1]

    def close(self) -> None:
        self.driver.close()


async def closed_loop(
    call: Callable[[dict], Awaitable[Any]],
    params: list[dict],
    seconds: float,
    conns: int,
    close: Callable[[], Awaitable[Any]],
) -> float:
    """Requests/s of `conns` concurrent callers, each issuing the next call when one returns."""
    done = 0
    next_params = cycle(params)
    deadline = time.perf_counter() + seconds

    async def worker() -> None:
        nonlocal done
        while time.perf_counter() < deadline:
            await call(next_params())
            done += 1

    try:
        await asyncio.gather(*(call(next_params()) for _ in range(conns)))  # warm the pool
        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(conns)))
        return done / (time.perf_counter() - started)
    finally:
        await close()


# --- the engines under test --------------------------------------------------------------------


@dataclass
class Target:
    """One engine holding one map: how argmap reaches it and how to measure it directly."""

    engine: Engine
    settings: Settings  # what argmap (and `argmap serve`) is configured with
    env: dict[str, str]  # the same, as ARGMAP_* variables for the server processes
    pid: int | None  # the engine process (memory, CPU), when it runs on this machine
    direct: Direct
    data_dir: Path | None = None
    server: EmbeddedFalkorDB | None = None


@contextlib.contextmanager
def falkordb_target(root: Path, size: int) -> Iterator[Target]:
    """A fresh embedded FalkorDB in `root/falkordb-<size>`, removed afterwards."""
    data = root / f"falkordb-{size}"
    shutil.rmtree(data, ignore_errors=True)
    with EmbeddedFalkorDB(data) as server:
        url = f"redis://{server.host}:{server.port}"
        # neo4j_uri=None: an ARGMAP_NEO4J_URI in the environment must not redirect this target.
        settings = Settings(_env_file=None, neo4j_uri=None, falkordb_url=url, falkordb_graph=GRAPH)
        env = {"ARGMAP_FALKORDB_URL": url, "ARGMAP_FALKORDB_GRAPH": GRAPH}
        direct = FalkorDirect(server.host, server.port, GRAPH)
        assert server.process is not None
        target = Target(Engine.FALKORDB, settings, env, server.process.pid, direct, data, server)
        try:
            yield target
        finally:
            target.direct.close()
    shutil.rmtree(data, ignore_errors=True)


@contextlib.contextmanager
def neo4j_target(settings: Settings, pid: int | None) -> Iterator[Target]:
    """The Neo4j that `settings` name (its database gets EMPTIED by a run); `pid` when it runs
    on this machine."""
    assert settings.neo4j_uri, "a Neo4j target needs neo4j_uri"
    password = settings.neo4j_password.get_secret_value()
    env = {"ARGMAP_NEO4J_URI": settings.neo4j_uri, "ARGMAP_NEO4J_USER": settings.neo4j_user,
           "ARGMAP_NEO4J_PASSWORD": password,
           "ARGMAP_NEO4J_DATABASE": settings.neo4j_database}  # fmt: skip
    auth = (settings.neo4j_user, password) if password else None
    direct = Neo4jDirect(settings.neo4j_uri, auth, settings.neo4j_database)
    try:
        yield Target(Engine.NEO4J, settings, env, pid, direct)
    finally:
        direct.close()
