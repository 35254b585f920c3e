"""How long the embedded FalkorDB takes to come back after a restart, by how writes are logged.

Loads a synthetic map with `argmap_bench.synthetic.bulk_load` into a fresh embedded FalkorDB
with the automatic AOF rewrite switched off (so the whole load stays in the incremental AOF,
as it does when the engine stops before Redis has rewritten it; `auto_rewrite` keeps it on, as
argmap ships it), stops it and starts it again: the restart replays the AOF.

FalkorDB logs a write either as its query text (GRAPH.QUERY, replayed by running the query
again) or as its effects (GRAPH.EFFECT, replayed by applying the changes); EFFECTS_THRESHOLD
(µs of execution per change; FalkorDB's default 300, argmap's embedded engine starts with 0)
chooses. Bulk batches are cheap per change, so at 300 they are logged as queries, and
replaying those queries is far slower than running them was (the edge batches'
`MATCH ... {id: row.source}` do not get the id index during the replay).
"""

from __future__ import annotations

import asyncio
import re
import tempfile
import time
from collections import Counter
from pathlib import Path

import redis

from argmap.catalog import load_catalog
from argmap.engines.embedded_falkordb import EmbeddedEngineError, EmbeddedFalkorDB
from argmap.store.falkordb import FalkorStore
from argmap.store.schema import prepare_database
from argmap_bench import synthetic
from argmap_bench.engines import GRAPH


async def _load(server: EmbeddedFalkorDB, statements: int) -> float:
    store = FalkorStore(server.host, server.port, graph=GRAPH)
    try:
        await prepare_database(store, load_catalog(store.engine))
        started = time.perf_counter()
        await synthetic.bulk_load(store, synthetic.generate(statements, 3, 1))
        return time.perf_counter() - started
    finally:
        await store.close()


def logged_commands(data_dir: Path) -> Counter:
    """How many records of each GRAPH.* command the incremental AOF files hold."""
    counts: Counter = Counter()
    for aof in (data_dir / "appendonlydir").glob("*.incr.aof"):
        counts.update(m.decode() for m in re.findall(rb"\r\n(GRAPH\.[A-Z]+)\r\n", aof.read_bytes()))
    return counts


def aof_replay(statements: int, effects_threshold: int | None, timeout: float,
               auto_rewrite: bool) -> str:  # fmt: skip
    """Load, stop, start again; one line saying what the AOF held and how long the start took."""
    with tempfile.TemporaryDirectory(prefix="argmap-aof-") as tmp:
        data = Path(tmp)
        server = EmbeddedFalkorDB(data, timeout=timeout).start()
        try:
            admin = redis.Redis(host=server.host, port=server.port)
            if not auto_rewrite:
                admin.config_set("auto-aof-rewrite-percentage", 0)
            if effects_threshold is not None:
                admin.execute_command("GRAPH.CONFIG", "SET", "EFFECTS_THRESHOLD", effects_threshold)
            threshold = admin.execute_command("GRAPH.CONFIG", "GET", "EFFECTS_THRESHOLD")[1]
            admin.close()
            loaded = asyncio.run(_load(server, statements))
        finally:
            server.stop()
        commands = logged_commands(data)
        started = time.perf_counter()
        try:
            server.start()
            replay = f"{time.perf_counter() - started:.2f} s"
        except EmbeddedEngineError:
            replay = f"not ready within {timeout:.0f} s"
        finally:
            server.stop()
    rewrite = "auto rewrite on" if auto_rewrite else "auto rewrite off"
    return (
        f"{statements:,} statements, {rewrite}, EFFECTS_THRESHOLD {threshold}: "
        f"load {loaded:.2f} s, AOF {dict(commands)}, restart {replay}"
    )
