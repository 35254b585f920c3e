"""One benchmark run: one engine, one map size. Load the synthetic map, then measure each
operation at every layer (the engine's own, argmap's store, its read service, HTTP), HTTP
throughput, memory and, for the embedded FalkorDB, the restart."""

from __future__ import annotations

import asyncio
import random
import statistics
import time
from collections.abc import Awaitable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console

from argmap.catalog import Catalog, Query, load_catalog
from argmap.engines import Engine
from argmap.engines.embedded_falkordb import EmbeddedEngineError
from argmap.models import Relation, TreeKind
from argmap.services.reads import ReadService
from argmap.store import GraphStore
from argmap.store.open import open_store
from argmap.store.schema import prepare_database
from argmap_bench import synthetic
from argmap_bench.engines import GRAPH, FalkorDirect, NoDirect, Target
from argmap_bench.http_load import argmap_server, http_throughput, measured_throughput
from argmap_bench.measure import (
    cycle,
    dir_size,
    hiredis,
    loadavg,
    proc_cpu,
    proc_memory,
    self_cpu,
    summary,
    timed,
)
from argmap_bench.queries import BenchQuery, bench_catalog

TREE_DEPTH = 4
PATH_DEPTH = 6  # the API's default max_depth for /paths
PATH_STEPS = 3  # path pairs: a random walk of up to 3 steps along out-edges
WARMUP = 20

err = Console(stderr=True)


def say(message: str) -> None:
    err.print(f"[dim]{time.strftime('%H:%M:%S')}[/] {message}")


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


OPS: dict[str, tuple[Query, int | None, str]] = {
    # operation: (catalog query, depth or None, what the HTTP route is)
    "lookup": (Query.STATEMENTS_GET, None, "GET /statements/{id}"),
    "support_tree": (Query.GRAPH_SUPPORT_TREE, TREE_DEPTH,
                     "GET /statements/{id}/support-tree?depth=4"),
    "support_tree_positions": (Query.GRAPH_SUPPORT_TREE, TREE_DEPTH,
                               "GET /statements/{position}/support-tree?depth=4"),
    "attack_tree": (Query.GRAPH_ATTACK_TREE, TREE_DEPTH,
                    "GET /statements/{id}/attack-tree?depth=4"),
    "paths": (Query.PATHS_SHORTEST_ANY, PATH_DEPTH, "GET /paths?from&to&relation=any"),
    "position": (Query.GRAPH_ARGUMENT_SUBGRAPH, TREE_DEPTH, "GET /positions/{id}?depth=4"),
    "versus": (Query.POSITIONS_VERSUS, None, "GET /positions/{a}/versus/{b}"),
}  # fmt: skip
# Routes that run more than their main query: the others (run at once with it), whose engine
# time counts in the engine's share of the answer.
ALSO: dict[str, tuple[Query, ...]] = {"position": (Query.POSITIONS_GET,)}


async def load(target: Target, plan: Plan) -> tuple[dict, Catalog[Query]]:
    """Prepare the database, bulk-load the plan's map; the import figures and the catalog."""
    async with open_store(target.settings) as store:
        catalog = load_catalog(store.engine)
        await prepare_database(store, catalog)
        if target.engine is Engine.NEO4J:
            gone = await synthetic.delete_all(store)
            say(f"neo4j: deleted {gone:,} nodes")
        if plan.effects_threshold is not None and isinstance(target.direct, FalkorDirect):
            target.direct.set_effects_threshold(plan.effects_threshold)
        cpu0, engine0, load0 = self_cpu(), proc_cpu(target.pid), loadavg()
        last = [time.perf_counter()]

        def progress(batch: synthetic.Batch, seconds: float) -> None:
            if time.perf_counter() - last[0] > 10:
                last[0] = time.perf_counter()
                say(f"  {batch.kind}: batch of {len(batch.rows):,} in {seconds:.2f} s")

        size = plan.batch_size or synthetic.BATCH_BY_ENGINE[target.engine]
        batches = synthetic.generate(plan.statements, plan.edges_per_statement, plan.seed,
                                     batch_size=size)  # fmt: skip
        stats = await synthetic.bulk_load(store, batches, progress,
                                          concurrency=plan.concurrency)  # fmt: skip
        engine1 = proc_cpu(target.pid)
        counts = await store.read(catalog(Query.ADMIN_COUNTS))
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


async def pick_samples(store: GraphStore, catalog: Catalog[Query], plan: Plan) -> dict[str, list]:
    """Ids to ask about (uniform over the map, and positions), and path pairs found by
    walking out-edges from random statements (so that a path exists)."""
    rng = random.Random(plan.seed)
    n = plan.statements
    uniform = [synthetic.statement_id(rng.randrange(n)) for _ in range(max(plan.lookups, 2000))]
    positions = [synthetic.statement_id(rng.randrange(0, n, synthetic.CLUSTER))
                 for _ in range(plan.trees)]  # fmt: skip
    reads = ReadService(store, catalog)
    pairs: list[tuple[str, str]] = []
    while len(pairs) < plan.paths:
        start = cur = synthetic.statement_id(rng.randrange(n))
        for _ in range(rng.randint(1, PATH_STEPS)):
            s = await reads.get_statement(id=cur)
            nxt = [x.id for x in s.supports + s.refutes]
            if not nxt:
                break
            cur = rng.choice(nxt)
        if cur != start:
            pairs.append((start, cur))
    return {"uniform": uniform, "positions": positions, "pairs": pairs}


def _params_of(op: str, samples: dict) -> list[dict]:
    if op == "paths":
        return [{"from": a, "to": b} for a, b in samples["pairs"]]
    positions = samples["positions"]
    if op == "versus":  # two sampled positions, never one against itself
        pairs = zip(positions, positions[1:] + positions[:1], strict=True)
        return [{"a": a, "b": b} for a, b in pairs if a != b]
    ids = positions if op in ("support_tree_positions", "position") else samples["uniform"]
    return [{"id": i} for i in ids]


def _count(op: str, plan: Plan) -> int:
    return {"lookup": plan.lookups, "paths": plan.paths}.get(op, plan.trees)


def _query(catalog: Catalog[Query], op: str) -> str:
    name, depth, _ = OPS[op]
    return catalog.bounded(name, depth) if depth else catalog(name)


def direct_samples(
    target: Target, query: str, params: list[dict], count: int, also: tuple[str, ...] = ()
) -> dict:
    """The query (and `also`, one after another, their times added) through the engine's own
    client: its wall time, and the execution time the engine reports."""
    nxt = cycle(params)
    for _ in range(WARMUP):
        target.direct.run(query, nxt())
    walls, engine = [], []
    for _ in range(count):
        p = nxt()
        w, e = target.direct.run(query, p)
        for other in also:
            w2, e2 = target.direct.run(other, p)
            w, e = w + w2, e + e2
        walls.append(w)
        engine.append(e)
    return {"engine_client": summary(walls), "engine_internal": summary(engine)}


async def engine_latency(store: GraphStore, target: Target, catalog: Catalog[Query], plan: Plan,
                         samples: dict) -> dict:  # fmt: skip
    """Each operation's catalog query straight through the engine's client: the whole of the
    engine's share of its route, which runs that one query."""
    out: dict[str, Any] = {}
    for op in OPS:
        also = tuple(catalog(q) for q in ALSO.get(op, ()))
        out[op] = direct_samples(target, _query(catalog, op), _params_of(op, samples),
                                  _count(op, plan), also)  # fmt: skip
    point_lookup = bench_catalog(store.engine)(BenchQuery.BULK_POINT_LOOKUP)
    out["point_lookup"] = direct_samples(target, point_lookup, _params_of("lookup", samples),
                                          plan.lookups)  # fmt: skip
    return out


def _service_call(reads: ReadService, op: str, p: dict) -> Awaitable[Any]:
    """The read-service method the operation's route calls."""
    if op == "lookup":
        return reads.get_statement(id=p["id"])
    if op == "position":
        return reads.position(id=p["id"], depth=TREE_DEPTH)
    if op == "versus":
        return reads.versus(a=p["a"], b=p["b"])
    if op == "paths":
        return reads.paths(from_=p["from"], to=p["to"], relation=Relation.ANY,
                           max_depth=PATH_DEPTH)  # fmt: skip
    kind = TreeKind.ATTACK if op == "attack_tree" else TreeKind.SUPPORT
    return reads.tree(id=p["id"], kind=kind, depth=TREE_DEPTH)


async def argmap_latency(store: GraphStore, catalog: Catalog[Query], plan: Plan, samples: dict,
                         layers: dict) -> None:  # fmt: skip
    """The same queries through argmap's store, and the routes' read-service calls. (The
    layer keeps its name from before the read service: "argmap_repository".)"""
    reads = ReadService(store, catalog)
    for op in OPS:
        params = _params_of(op, samples)
        query = _query(catalog, op)
        nxt = cycle(params)
        layers[op]["argmap_store"] = summary(
            await timed(lambda q=query, n=nxt: store.read(q, n()), _count(op, plan), WARMUP)
        )
        nxt = cycle(params)
        layers[op]["argmap_repository"] = summary(
            await timed(lambda o=op, n=nxt: _service_call(reads, o, n()), _count(op, plan), WARMUP)
        )


def http_latency(base: str, plan: Plan, samples: dict, layers: dict) -> None:
    import httpx

    with httpx.Client(base_url=base, timeout=60) as client:
        for op in OPS:
            params = cycle(_params_of(op, samples))

            def url(p: dict, op: str = op) -> str:
                if op == "paths":
                    return f"/paths?from={p['from']}&to={p['to']}&relation=any"
                if op == "lookup":
                    return f"/statements/{p['id']}"
                if op == "position":
                    return f"/positions/{p['id']}?depth={TREE_DEPTH}"
                if op == "versus":
                    return f"/positions/{p['a']}/versus/{p['b']}"
                kind = "attack-tree" if op == "attack_tree" else "support-tree"
                return f"/statements/{p['id']}/{kind}?depth={TREE_DEPTH}"

            for _ in range(WARMUP):
                client.get(url(params())).raise_for_status()
            walls, sizes = [], []
            for _ in range(_count(op, plan)):
                u = url(params())
                t0 = time.perf_counter()
                r = client.get(u)
                walls.append(time.perf_counter() - t0)
                r.raise_for_status()
                if op in ("support_tree", "support_tree_positions", "attack_tree"):
                    sizes.append(len(r.json()["nodes"]))
            layers[op]["argmap_http"] = summary(walls)
            if sizes:
                layers[op]["tree_nodes"] = {"p50": statistics.median(sizes), "max": max(sizes)}


def ratios(layers: dict) -> None:
    for row in layers.values():
        base = row.get("engine_client", {}).get("p50")
        internal = row.get("engine_internal", {}).get("p50")
        http = row.get("argmap_http", {}).get("p50")
        if base and http:
            row["ratio_http_to_engine_client"] = round(http / base, 1)
        if internal and http:
            row["ratio_http_to_engine_internal"] = round(http / internal, 1)


def run_one(target: Target, plan: Plan, tmp: Path) -> dict[str, Any]:
    result: dict[str, Any] = {"engine": target.engine.value, "statements": plan.statements,
                              "label": plan.label,
                              "edges_per_statement": plan.edges_per_statement,
                              "seed": plan.seed, "hiredis": hiredis()}  # fmt: skip
    say(f"{target.engine} {plan.statements:,}: loading")
    result["load"], catalog = asyncio.run(load(target, plan))
    ld = result["load"]
    say(f"  loaded in {ld['wall_s']} s: {ld['statements_per_s']:,} statements/s, "
        f"{ld['edges_per_s']:,} edges/s (engine CPU {ld['engine_cpu_s']} s, "
        f"client CPU {ld['client_cpu_s']} s)")  # fmt: skip
    result["memory"] = proc_memory(target.pid)
    if target.data_dir:
        result["memory"]["data_dir_bytes"] = dir_size(target.data_dir)
    if isinstance(target.direct, FalkorDirect):
        result["memory"]["used_memory_bytes"] = target.direct.used_memory()
    say(f"  memory {result['memory']}")

    async def latency() -> dict:
        async with open_store(target.settings) as store:
            samples = await pick_samples(store, catalog, plan)
            layers = await engine_latency(store, target, catalog, plan, samples)
            await argmap_latency(store, catalog, plan, samples, layers)
        return {"samples": samples, "layers": layers}

    say("  latency: engine direct, argmap store and read service")
    measured = asyncio.run(latency())
    samples, layers = measured["samples"], measured["layers"]
    result["loadavg_latency"] = loadavg()

    result["throughput"] = {}
    for workers in plan.workers:
        label = f"argmap serve --workers {workers}"
        say(f"  HTTP: {label}")
        with argmap_server(target.env, workers, tmp) as (base, pid):
            if workers == plan.workers[0]:  # one request at a time: one server is enough
                http_latency(base, plan, samples, layers)
            ids, conns = samples["uniform"], plan.wrk_connections
            http_throughput(base, ids, 2, conns, tmp)  # warm-up
            tp = measured_throughput(base, pid, target.pid, ids, plan.wrk_seconds, conns, tmp)
            tp |= {"server": label, "workers": workers}
            result["throughput"][f"workers_{workers}"] = tp
            say(f"    {tp['rps']:,.0f} req/s (p50 {tp.get('p50')} ms, p99 {tp.get('p99')} ms)")
    say("  engine's own throughput for statements/get (its async client)")
    params = [{"id": i} for i in samples["uniform"]]
    rps = asyncio.run(target.direct.throughput(catalog(Query.STATEMENTS_GET), params,
                                               plan.wrk_seconds, plan.wrk_connections))  # fmt: skip
    result["throughput"]["engine_client"] = {
        "rps": round(rps),
        "tool": f"python async client, {plan.wrk_connections} concurrent",
    }
    ratios(layers)
    result["latency"] = layers
    result["latency_ops"] = {op: route for op, (_, _, route) in OPS.items()}
    result["samples"] = {"path_pairs": samples["pairs"][:5]}
    result["versions"] = {"engine": target.direct.version()}
    if isinstance(target.direct, FalkorDirect):
        result["versions"]["redis"] = target.direct.redis_version()

    if target.server is not None:
        result["restart"] = restart(target, plan)
    return result


def restart(target: Target, plan: Plan) -> dict[str, Any]:
    """Stop the embedded engine and start it again on the same data: how long it takes to
    replay its append-only file (at most `plan.restart_timeout` seconds)."""
    assert target.server is not None
    say("  restart (AOF replay)")
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
        say(f"    {out['note']}")
        target.direct = NoDirect()
        return out
    assert target.server.process is not None
    out["start_s"] = round(time.perf_counter() - stopped, 2)
    out["rss_after_replay_kb"] = proc_memory(target.server.process.pid).get("vmrss_kb")
    say(f"    ready again in {out['start_s']} s")
    target.direct = FalkorDirect(target.server.host, target.server.port, GRAPH)
    return out
