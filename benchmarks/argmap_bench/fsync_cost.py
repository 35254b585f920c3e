"""The cost of `ARGMAP_FALKORDB_FSYNC=always` against the default `everysec`.

For each mode: the embedded FalkorDB as `argmap serve` starts it (`store.open`: password,
supervision, the given appendfsync) in a fresh data directory on the same disk as this
checkout, then N statements created one after the other through argmap's write service (what
a POST /statements runs, less HTTP): median and p99 latency, writes/s.

    .venv/bin/python benchmarks/argmap_bench/fsync_cost.py [--writes 2000]

Standalone (only `argmap` imported), so it runs without installing argmap-bench.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from argmap.catalog import load_catalog
from argmap.models import StatementCreate
from argmap.services.writes import WriteService
from argmap.settings import Settings
from argmap.store.open import open_store
from argmap.store.schema import prepare_database


async def measure(fsync: str, writes: int, parent: Path) -> dict[str, float]:
    with tempfile.TemporaryDirectory(dir=parent) as data_dir:
        settings = Settings(_env_file=None, data_dir=Path(data_dir), falkordb_fsync=fsync)
        async with open_store(settings) as store:
            catalog = load_catalog(store.engine)
            await prepare_database(store, catalog)
            service = WriteService(store, catalog)

            async def create(id: str, text: str) -> None:
                data = StatementCreate(id=id, role="Claim", text=text)
                await service.create_statement(data=data)

            for n in range(50):  # warm up: connection, first allocations
                await create(f"warm-{n}", "warm-up")
            latencies = []
            started = time.perf_counter()
            for n in range(writes):
                before = time.perf_counter()
                await create(f"s-{n}", f"statement {n}")
                latencies.append(time.perf_counter() - before)
            elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "median_ms": statistics.median(latencies) * 1000,
        "p99_ms": latencies[int(len(latencies) * 0.99) - 1] * 1000,
        "writes_per_s": writes / elapsed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--writes", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=1, help="alternate the modes this often")
    parser.add_argument("--dir", type=Path, default=Path(__file__).resolve().parents[2])
    args = parser.parse_args()
    print(f"{args.writes} statements created one after the other (WriteService.create_statement)")
    print(f"{'appendfsync':<12} {'median ms':>10} {'p99 ms':>10} {'writes/s':>10}")
    for _ in range(args.rounds):
        for fsync in ("everysec", "always"):
            result = asyncio.run(measure(fsync, args.writes, args.dir))
            print(
                f"{fsync:<12} {result['median_ms']:>10.2f} {result['p99_ms']:>10.2f} "
                f"{result['writes_per_s']:>10.0f}"
            )


if __name__ == "__main__":
    main()
