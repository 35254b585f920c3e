"""The import a user runs, beside the bulk loader: one argmap JSON file of N synthetic statements.

For each size and engine, each on a fresh database of that engine:
- **bulk loader**: `synthetic.bulk_load` with the bench's `bulk/*` queries (one UNWIND statement
  per batch, CREATE only, generation in a thread meanwhile): the engine's own loading speed;
- **POST /import**: the file's bytes posted to argmap's app in-process (FastAPI's TestClient:
  the route, the service and the engine; no network, no server process), timed from the request
  to its answer;
- **argmap import**: the `argmap import FILE` command as a user runs it (a process of its own:
  Python start-up, reading, parsing, validating and writing), timed as a whole, with its peak RSS;
- **engine alone**: the very `exchange/import` statement argmap sends, sent again through the
  engine's Python client to a fresh database, with the time the engine reports (FalkorDB's
  execution time; Neo4j's available + consumed).

The file is written once per size (`--dir`), streamed from `synthetic.generate` (seed 1, 3 edges a
statement, quotes on 10% of the statements), so 1M statements do not need the document in memory.
Above the import's inline-embedding limit the import writes no embeddings (the server embeds them
in the background afterwards): the figures are the write, not the embedding.

    PYTHONPATH=benchmarks .venv/bin/python -m argmap_bench.import_speed --sizes 10000,100000
    PYTHONPATH=benchmarks .venv/bin/python -m argmap_bench.import_speed --sizes 100000 --neo4j-local
    PYTHONPATH=benchmarks .venv/bin/python -m argmap_bench.import_speed --sizes 1000000 \\
        --steps cli       # 1M: `argmap import` only (the file is over /import's limit)
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from argmap import limits
from argmap.catalog import Query, load_catalog
from argmap.engines import Engine
from argmap.keys import ApiKey
from argmap.routes.exchange import MAX_IMPORT_BYTES
from argmap.settings import Settings
from argmap.store.open import open_store
from argmap.store.schema import prepare_database
from argmap_bench import synthetic
from argmap_bench.engines import Target, falkordb_target, neo4j_target

KEY = "import-speed"
STEPS = ("bulk", "http", "cli", "engine_alone")


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def write_document(path: Path, statements: int, seed: int = 1) -> dict[str, int]:
    """Stream the synthetic map into an argmap JSON (version 1) file; rows per kind."""
    counts: dict[str, int] = {}
    with path.open("w", encoding="utf-8") as out:
        out.write('{"format": "argmap", "version": 1')
        current = None
        for batch in synthetic.generate(statements, 3, seed, quotes=True):
            for row in batch.rows:
                if batch.kind != current:
                    out.write("]" if current else "")
                    out.write(f', "{batch.kind}": [')
                    current = batch.kind
                else:
                    out.write(", ")
                out.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")))
                counts[batch.kind] = counts.get(batch.kind, 0) + 1
        out.write("]}" if current else "}")
    return counts


def peak_rss_mb(pid: int | None) -> float | None:
    """The process's peak resident set (VmHWM), in MB."""
    if pid is None:
        return None
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024)
    return None


def reset_peak_rss(pid: int | None) -> None:
    """Start the engine's VmHWM afresh (writing 5 to clear_refs resets it)."""
    if pid is not None:
        try:
            Path(f"/proc/{pid}/clear_refs").write_text("5")
        except OSError:
            pass


async def _prepare(target: Target) -> None:
    """The schema, and an empty database (Neo4j is reused between measurements)."""
    async with open_store(target.settings) as store:
        await prepare_database(store, load_catalog(store.engine))
        if target.engine is Engine.NEO4J:
            gone = await synthetic.delete_all(store)
            say(f"  neo4j: deleted {gone:,} nodes")


def measure_bulk(target: Target, statements: int) -> dict[str, Any]:
    async def run() -> synthetic.LoadStats:
        async with open_store(target.settings) as store:
            batches = synthetic.generate(statements, 3, 1, quotes=True,
                                         batch_size=synthetic.BATCH_BY_ENGINE[target.engine])  # fmt: skip
            return await synthetic.bulk_load(store, batches)

    asyncio.run(_prepare(target))
    load = loadavg()
    stats = asyncio.run(run())
    return {"seconds": round(stats.wall, 2), "statements_per_s": round(statements / stats.wall),
            "statements_phase_per_s": round(stats.rate("statements")), "loadavg": load}  # fmt: skip


def measure_http(
    target: Target, path: Path, statements: int, *, raise_limit: bool
) -> dict[str, Any]:
    from fastapi.testclient import TestClient

    from argmap.app import create_app

    size = path.stat().st_size
    over_limit = size > MAX_IMPORT_BYTES
    if over_limit and not raise_limit:
        return {"skipped": f"{size:,} bytes is over /import's limit of {MAX_IMPORT_BYTES:,}"}
    # Over the limit: this process's guard takes the file (the figure is the import's speed,
    # not a configuration argmap ships).
    limits.MAX_IMPORT_BYTES = max(MAX_IMPORT_BYTES, size)
    asyncio.run(_prepare(target))
    key = ApiKey(sha256=hashlib.sha256(KEY.encode()).hexdigest(), scope="write", name="bench")
    settings = target.settings.model_copy(
        update={"seed_on_empty": False, "embed_backlog": False, "api_keys": [key]}
    )
    data = path.read_bytes()
    with TestClient(create_app(settings)) as client:
        load = loadavg()
        reset_peak_rss(target.pid)
        started = time.perf_counter()
        response = client.post("/import", content=data,
                               headers={"Authorization": f"Bearer {KEY}"})  # fmt: skip
        seconds = time.perf_counter() - started
        response.raise_for_status()
    return {"seconds": round(seconds, 2), "statements_per_s": round(statements / seconds),
            "engine_peak_rss_mb": peak_rss_mb(target.pid), "limit_raised": over_limit,
            "loadavg": load}  # fmt: skip


def measure_cli(target: Target, path: Path, statements: int) -> dict[str, Any]:
    asyncio.run(_prepare(target))
    env = {k: v for k, v in os.environ.items() if not k.startswith("ARGMAP_")} | target.env
    argmap = Path(sys.executable).with_name("argmap")
    load = loadavg()
    reset_peak_rss(target.pid)
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        process = subprocess.Popen([str(argmap), "import", str(path)], env=env,
                                   stdout=output, stderr=subprocess.STDOUT)  # fmt: skip
        # Its VmHWM, read until it exits (rusage's maxrss would count this process's pages
        # the child had before its exec).
        rss: float | None = None
        while process.poll() is None:
            with contextlib.suppress(OSError):
                rss = peak_rss_mb(process.pid) or rss
            time.sleep(0.05)
        seconds = time.perf_counter() - started
        if process.returncode != 0:
            output.seek(0)
            raise RuntimeError(f"argmap import failed:\n{output.read().decode()[-3000:]}")
    return {"seconds": round(seconds, 2), "statements_per_s": round(statements / seconds),
            "argmap_peak_rss_mb": rss, "engine_peak_rss_mb": peak_rss_mb(target.pid),
            "loadavg": load}  # fmt: skip


def measure_engine(target: Target, path: Path, statements: int) -> dict[str, Any]:
    """The import statement argmap sends, captured and sent again by the engine's own client."""
    from argmap.services.exchange import ExchangeService, ImportFormat, parse

    doc, _, _ = parse(path.read_bytes(), ImportFormat.AUTO)
    captured: dict[str, Any] = {}

    async def capture() -> None:
        async with open_store(target.settings) as store:
            catalog = load_catalog(store.engine)
            await prepare_database(store, catalog)

            async def keep(query: str, params: dict[str, Any] | None = None) -> list[dict]:
                captured["query"], captured["params"] = query, params
                return [{"done": 1}]

            store.write = keep  # type: ignore[method-assign]
            await ExchangeService(store, catalog).import_document(doc=doc)
            assert captured["query"] == catalog(Query.EXCHANGE_IMPORT)

    asyncio.run(_prepare(target))
    asyncio.run(capture())
    load = loadavg()
    started = time.perf_counter()
    if target.engine is Engine.FALKORDB:
        graph = target.direct.g  # type: ignore[attr-defined]
        internal_ms = graph.query(captured["query"], captured["params"]).run_time_ms
    else:  # Neo4j: available + consumed, as the engine reports them
        driver, database = target.direct.driver, target.direct.database  # type: ignore[attr-defined]
        _, summary, _ = driver.execute_query(captured["query"], captured["params"],
                                             database_=database)  # fmt: skip
        internal_ms = (summary.result_available_after or 0) + (summary.result_consumed_after or 0)
    seconds = time.perf_counter() - started
    return {"seconds": round(seconds, 2), "statements_per_s": round(statements / seconds),
            "engine_internal_s": round(internal_ms / 1000, 2),
            "engine_internal_statements_per_s": round(statements / (internal_ms / 1000)),
            "loadavg": load}  # fmt: skip


def run_size(
    target: Target, path: Path, statements: int, steps: list[str], *, raise_limit: bool
) -> dict[str, Any]:
    out: dict[str, Any] = {"engine": target.engine.value, "statements": statements,
                           "file_bytes": path.stat().st_size}  # fmt: skip
    for step in steps:
        say(f"{target.engine.value} {statements:,}: {step} ...")
        out[step] = {"bulk": lambda: measure_bulk(target, statements),
                     "http": lambda: measure_http(target, path, statements, raise_limit=raise_limit),
                     "cli": lambda: measure_cli(target, path, statements),
                     "engine_alone": lambda: measure_engine(target, path, statements)}[step]()  # fmt: skip
        say(f"  {out[step]}")
    bulk = out.get("bulk", {}).get("statements_per_s")
    for step in ("http", "cli", "engine_alone"):
        rate = out.get(step, {}).get("statements_per_s")
        if bulk and rate:
            out[step]["bulk_over_this"] = round(bulk / rate, 2)
    return out


@contextmanager
def neo4j_local(root: Path, heap: str, page_cache: str) -> Iterator[tuple[Settings, int | None]]:
    from argmap.engines.neo4j_local import LocalNeo4j

    with LocalNeo4j(home=root / "neo4j", heap=heap, page_cache=page_cache) as server:
        yield server.pid, Settings(_env_file=None, neo4j_uri=server.bolt_uri, neo4j_user="neo4j",
                       neo4j_password="", neo4j_database="neo4j")  # fmt: skip


def table(results: list[dict[str, Any]]) -> str:
    header = ("| engine | statements | bulk loader st/s | POST /import st/s (bulk ×) | "
              "argmap import st/s (bulk ×) | engine alone st/s (internal) | argmap RSS MB | "
              "engine RSS MB |")  # fmt: skip
    rows = [header, "|---|---:|---:|---:|---:|---:|---:|---:|"]

    def rate(r: dict[str, Any], step: str) -> str:
        s = r.get(step, {})
        if "statements_per_s" not in s:
            return s.get("skipped", "–")[:30] if s else "–"
        ratio = f" ({s['bulk_over_this']}×)" if "bulk_over_this" in s else ""
        ratio += " †" if s.get("limit_raised") else ""
        return f"{s['statements_per_s']:,}{ratio}"

    for r in results:
        internal = r.get("engine_alone", {}).get("engine_internal_statements_per_s")
        rows.append(
            f"| {r['engine']} | {r['statements']:,} | {rate(r, 'bulk')} | {rate(r, 'http')} | "
            f"{rate(r, 'cli')} | {rate(r, 'engine_alone')}{f' ({internal:,})' if internal else ''} | "
            f"{r.get('cli', {}).get('argmap_peak_rss_mb') or '–'} | "
            f"{r.get('cli', {}).get('engine_peak_rss_mb') or '–'} |"
        )
    return "\n".join([*rows, "† over /import's body limit: measured with it raised"])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m argmap_bench.import_speed",
        description="Time POST /import (in-process app) and `argmap import` of one argmap JSON "
        "file beside the bulk loader, each on a fresh database of the same engine.",
    )
    parser.add_argument("--sizes", default="10000,100000", help="statements, comma-separated")
    parser.add_argument("--steps", default=",".join(STEPS),
                        help=f"which of {','.join(STEPS)} to run")  # fmt: skip
    parser.add_argument("--no-falkordb", action="store_true", help="skip the embedded FalkorDB")
    parser.add_argument("--neo4j-local", action="store_true",
                        help="also a local Neo4j 5.26 started for the run (java, mvn)")  # fmt: skip
    parser.add_argument("--neo4j-heap", default="2g",
                        help="the local Neo4j's heap: one import is one transaction")  # fmt: skip
    parser.add_argument("--neo4j-page-cache", default="512m")
    parser.add_argument("--falkordb-max-bulk", default=None,
                        help="raise Redis's proto-max-bulk-len (512mb: the largest query FalkorDB "
                        "takes) for the run, e.g. 2gb: a 1M-statement import is one ~900 MB "
                        "query")  # fmt: skip
    parser.add_argument("--dir", type=Path, default=None,
                        help="where the files and databases go (default: a temporary directory)")  # fmt: skip
    parser.add_argument("--no-raise-limit", dest="raise_limit", action="store_false",
                        help="skip POST /import of a file over its body limit (by default this "
                        "process's guard is raised to the file's size)")  # fmt: skip
    parser.add_argument("--out", type=Path, default=None, help="append the results as JSON lines")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    steps = [s for s in args.steps.split(",") if s]
    if unknown := set(steps) - set(STEPS):
        parser.error(f"unknown steps {sorted(unknown)}")

    with tempfile.TemporaryDirectory() as tmp:
        root = args.dir or Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        files = {}
        for n in sizes:
            files[n] = root / f"argmap-{n}.json"
            if not files[n].exists():
                say(f"writing {files[n]} ...")
                counts = write_document(files[n], n)
                say(f"  {counts}, {files[n].stat().st_size:,} bytes")
        results = []

        def record(result: dict[str, Any]) -> None:
            results.append(result)
            if args.out:
                with args.out.open("a") as out:
                    out.write(json.dumps(result) + "\n")

        if not args.no_falkordb:
            for n in sizes:
                with falkordb_target(root, n) as target:
                    if args.falkordb_max_bulk:  # not argmap's configuration: say so
                        target.direct.db.connection.config_set(  # type: ignore[attr-defined]
                            "proto-max-bulk-len", args.falkordb_max_bulk
                        )
                        say(f"  FalkorDB's proto-max-bulk-len set to {args.falkordb_max_bulk}")
                    record(run_size(target, files[n], n, steps, raise_limit=args.raise_limit))
        if args.neo4j_local:
            with neo4j_local(root, args.neo4j_heap, args.neo4j_page_cache) as (pid, settings):
                for n in sizes:
                    with neo4j_target(settings, pid) as target:
                        record(run_size(target, files[n], n, steps, raise_limit=args.raise_limit))
    print(table(results))


if __name__ == "__main__":
    main()
