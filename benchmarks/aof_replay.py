"""How long the embedded FalkorDB takes to come back after a restart, by how writes are logged.

    PYTHONPATH=service python benchmarks/aof_replay.py --statements 10000 [--effects-threshold 0]

Loads a synthetic map with `argmap.synthetic.bulk_load` into a fresh embedded FalkorDB with the
automatic AOF rewrite switched off (so the whole load stays in the incremental AOF, as it does
when the engine stops before Redis has rewritten it; `--auto-rewrite` keeps it on, as argmap
ships it), stops it and starts it again: the restart replays the AOF.

FalkorDB logs a write either as its query text (GRAPH.QUERY, replayed by running the query
again) or as its effects (GRAPH.EFFECT, replayed by applying the changes); EFFECTS_THRESHOLD
(µs of execution per change, default 300) chooses. Bulk batches are cheap per change, so by
default they are logged as queries, and replaying those queries is far slower than running them
was (the edge batches' `MATCH ... {id: row.source}` do not get the id index during the replay).
"""

import argparse
import asyncio
import re
import tempfile
import time
from collections import Counter
from pathlib import Path

import redis

from argmap import synthetic
from argmap.cypher import load_catalog
from argmap.schema import apply_schema
from argmap.store.falkordb import FalkorStore
from argmap.store.falkordb_server import EmbeddedEngineError, EmbeddedFalkorDB


async def load(server: EmbeddedFalkorDB, statements: int) -> float:
    store = FalkorStore(server.host, server.port, graph="argmap")
    try:
        catalog = load_catalog(store.engine)
        await apply_schema(store, catalog)
        started = time.perf_counter()
        await synthetic.bulk_load(store, catalog, synthetic.generate(statements, 3, 1))
        return time.perf_counter() - started
    finally:
        await store.close()


def logged_commands(data_dir: Path) -> Counter:
    counts: Counter = Counter()
    for aof in (data_dir / "appendonlydir").glob("*.incr.aof"):
        counts.update(m.decode() for m in re.findall(rb"\r\n(GRAPH\.[A-Z]+)\r\n", aof.read_bytes()))
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--statements", type=int, default=10_000)
    parser.add_argument("--effects-threshold", type=int, default=None)
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument(
        "--auto-rewrite",
        action="store_true",
        help="keep Redis's automatic AOF rewrite on, as argmap ships it",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="argmap-aof-") as tmp:
        data = Path(tmp)
        server = EmbeddedFalkorDB(data, timeout=args.timeout).start()
        admin = redis.Redis(host=server.host, port=server.port)
        if not args.auto_rewrite:
            admin.config_set("auto-aof-rewrite-percentage", 0)
        if args.effects_threshold is not None:
            admin.execute_command(
                "GRAPH.CONFIG", "SET", "EFFECTS_THRESHOLD", args.effects_threshold
            )
        threshold = admin.execute_command("GRAPH.CONFIG", "GET", "EFFECTS_THRESHOLD")[1]
        admin.close()
        loaded = asyncio.run(load(server, args.statements))
        server.stop()
        commands = logged_commands(data)
        started = time.perf_counter()
        try:
            server.start()
            replay = f"{time.perf_counter() - started:.2f} s"
        except EmbeddedEngineError:
            replay = f"not ready within {args.timeout:.0f} s"
        finally:
            server.stop()
        rewrite = "auto rewrite on" if args.auto_rewrite else "auto rewrite off"
        print(
            f"{args.statements:,} statements, {rewrite}, EFFECTS_THRESHOLD {threshold}: "
            f"load {loaded:.2f} s, "
            f"AOF {dict(commands)}, restart {replay}"
        )


if __name__ == "__main__":
    main()
