"""The `argmap-bench` command (also `python -m argmap_bench`): synthetic maps and benchmarks.

- `generate` loads a synthetic map into an engine and prints the import rates;
- `bench` measures argmap against its engines and merges the runs into `benchmarks/results.json`;
- `report` prints the tables of a results file;
- `server-variants`, `aof-replay` and `grounded` are the narrower studies in benchmarks/README.md.

What `bench` measures, per engine and map size (figures, not pass/fail tests):
- bulk import (`argmap_bench.synthetic.bulk_load`): statements/s and edges/s, and the CPU
  seconds the engine process and the loading Python process spent;
- engine process memory after the load (RSS and peak RSS from /proc), data on disk, and for
  the embedded FalkorDB the restart (AOF replay) time;
- latency p50/p99 of one operation at each layer: the engine's own (the same catalog Cypher
  through the engine's client: wall time, and the execution time the engine reports), argmap's
  store, argmap's read service (the "argmap repository" column), and end-to-end HTTP against
  `argmap serve` — so that every argmap figure has the engine's beside it and the ratio is the
  argmap layers' overhead;
- GET /statements/{id} throughput with `wrk` over loopback against `argmap serve` (one uvicorn
  worker) and against uvicorn with 2 workers of the same app, beside the engine's own
  throughput for the same query through its async client.
"""

from __future__ import annotations

import asyncio
import json
import tempfile
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from argmap.catalog import load_catalog
from argmap.engines.embedded_falkordb import EmbeddedEngineError
from argmap.settings import Settings
from argmap.store import StoreError
from argmap.store.open import open_store
from argmap.store.schema import prepare_database
from argmap_bench import synthetic
from argmap_bench.engines import falkordb_target, neo4j_target
from argmap_bench.measure import machine, package_versions
from argmap_bench.report import DEFAULT_RESULTS, merge_runs, render_table
from argmap_bench.run import Plan, run_one, say

app = typer.Typer(help="Synthetic argument maps and benchmarks for argmap.", no_args_is_help=True)
console = Console()
err = Console(stderr=True)

SIZES = "10000,100000,1000000"


def _settings(**overrides: Any) -> Settings:
    return Settings(**{k: v for k, v in overrides.items() if v is not None})


def _sizes(text: str) -> list[int]:
    return [int(s) for s in text.split(",")]


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
            await prepare_database(store, load_catalog(store.engine))
            if reset:
                with console.status("deleting the existing map"):
                    gone = await synthetic.delete_all(store)
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
                return await synthetic.bulk_load(store, batches, advance)

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


# --- bench -------------------------------------------------------------------------------------


@app.command()
def bench(
    sizes: Annotated[str, typer.Option(help="comma-separated map sizes (statements)")] = SIZES,
    edges_per_statement: Annotated[float, typer.Option(min=0)] = 3.0,
    seed: Annotated[int, typer.Option()] = 1,
    neo4j_uri: Annotated[
        str | None,
        typer.Option(
            help="also measure Neo4j at this URI [env ARGMAP_NEO4J_URI, with ARGMAP_NEO4J_USER, "
            "_PASSWORD, _DATABASE]; its database is EMPTIED"
        ),
    ] = None,
    neo4j_local: Annotated[
        bool,
        typer.Option(
            help="also measure a local Neo4j started for the run (argmap.engines.neo4j_local)"
        ),
    ] = False,
    neo4j_heap: Annotated[str, typer.Option(help="the local Neo4j's JVM heap")] = "512m",
    neo4j_page_cache: Annotated[str, typer.Option(help="the local Neo4j's page cache")] = "64m",
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
            "load (0: persist writes as effects; default: as argmap starts it)"
        ),
    ] = None,
    label: Annotated[str, typer.Option(help="names this variant in the results")] = "shipped",
    out: Annotated[Path, typer.Option(help="results file (runs are merged in)")] = DEFAULT_RESULTS,
    work_dir: Annotated[Path | None, typer.Option(help="scratch directory")] = None,
) -> None:
    """Measure import, latency per layer, memory and HTTP throughput; write the results."""
    # Neo4j's connection comes from argmap's settings (ARGMAP_NEO4J_*), the URI maybe from here.
    neo4j = _settings(neo4j_uri=neo4j_uri)

    def plan_for(n: int) -> Plan:
        return Plan(n, edges_per_statement, seed, lookups, trees, paths, wrk_seconds,
                    wrk_connections, _sizes(workers), concurrency, batch_size, restart_timeout,
                    effects_threshold, label)  # fmt: skip

    falkor_sizes = _sizes(sizes) if falkordb else []
    n4_sizes = _sizes(neo4j_sizes or sizes)
    versions: dict[str, Any] = {}
    out = out.resolve()
    if work_dir is not None:
        work_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="argmap-bench-", dir=work_dir) as tmp_name:
        tmp = Path(tmp_name)

        def record(result: dict) -> None:
            versions[result["engine"]] = result.pop("versions")
            versions["python-packages"] = package_versions()
            merge_runs(out, [result], {"machine": machine(), "versions": versions})
            say(f"  written to {out}")

        for n in falkor_sizes:
            with falkordb_target(tmp, n) as target:
                record(run_one(target, plan_for(n), tmp))
        if neo4j.neo4j_uri:
            for n in n4_sizes:
                with neo4j_target(neo4j, None) as target:
                    record(run_one(target, plan_for(n), tmp))
        elif neo4j_local:
            from argmap.engines.neo4j_local import LocalNeo4j

            memory = {"heap": neo4j_heap, "page_cache": neo4j_page_cache}
            with LocalNeo4j(home=tmp / "neo4j", **memory) as server:
                local = Settings(_env_file=None, neo4j_uri=server.bolt_uri, neo4j_user="neo4j",
                                 neo4j_password="", neo4j_database="neo4j")  # fmt: skip
                for n in n4_sizes:
                    with neo4j_target(local, server.pid) as target:
                        record(run_one(target, plan_for(n), tmp))
    data = json.loads(out.read_text())
    console.print(render_table(data), markup=False, soft_wrap=True)


# --- report ------------------------------------------------------------------------------------


@app.command()
def report(
    results: Annotated[Path, typer.Argument(help="results file")] = DEFAULT_RESULTS,
) -> None:
    """Print the markdown tables of a results file (for benchmarks/README.md)."""
    console.print(render_table(json.loads(results.read_text())), markup=False, soft_wrap=True)


@app.command()
def plot(
    label: Annotated[str, typer.Option(help="the runs to draw (bench --label)")] = "scale",
    results: Annotated[Path, typer.Option(help="results file")] = DEFAULT_RESULTS,
    out: Annotated[Path, typer.Option(help="PNG to write")] = Path("benchmarks/scale-curve.png"),
) -> None:
    """Draw the scale curve: p50 of every route against map size, argmap beside the engine."""
    from argmap_bench.plot import plot_scale

    engines = plot_scale(json.loads(results.read_text()), label, out)
    console.print(f"wrote {out} ({', '.join(engines)})")


# --- the narrower studies ----------------------------------------------------------------------


@app.command("server-variants")
def server_variants(
    statements: Annotated[int, typer.Option(min=1)] = 10_000,
    rounds: Annotated[int, typer.Option(min=1, help="each variant this many times, in turn")] = 3,
    seconds: Annotated[int, typer.Option(min=1, help="length of each wrk run")] = 10,
    connections: Annotated[int, typer.Option(min=1)] = 32,
    hiredis_path: Annotated[
        str | None, typer.Option(help="a directory holding the hiredis package")
    ] = None,
    out: Annotated[
        Path, typer.Option(help="results file (written under server_variants)")
    ] = DEFAULT_RESULTS,
) -> None:
    """GET /statements/{id} throughput of one uvicorn worker, as shipped and with changes.

    See argmap_bench.server_variants.
    """
    from argmap_bench.server_variants import server_variants as measure

    summary = measure(statements, rounds, seconds, connections, hiredis_path, out.resolve())
    console.print_json(data=summary)


@app.command("aof-replay")
def aof_replay(
    statements: Annotated[int, typer.Option(min=1)] = 10_000,
    effects_threshold: Annotated[
        int | None, typer.Option(help="GRAPH.CONFIG SET EFFECTS_THRESHOLD before the load")
    ] = None,
    timeout: Annotated[float, typer.Option(help="seconds to wait for the restart")] = 600.0,
    auto_rewrite: Annotated[
        bool, typer.Option(help="keep Redis's automatic AOF rewrite on, as argmap ships it")
    ] = False,
) -> None:
    """How long the embedded FalkorDB takes to restart (AOF replay) after a synthetic load.

    See argmap_bench.aof_replay.
    """
    from argmap_bench.aof_replay import aof_replay as measure

    line = measure(statements, effects_threshold, timeout, auto_rewrite)
    console.print(line, markup=False, soft_wrap=True)


@app.command()
def grounded(
    skip_py_arg: Annotated[bool, typer.Option(help="skip the slow reference run")] = False,
) -> None:
    """Timing of argmap's grounded and preferred semantics against py_arg.

    On seeded random frameworks; see argmap_bench.grounded.
    """
    from argmap_bench.grounded import grounded_bench

    grounded_bench(skip_py_arg)


@app.command()
def reading(
    sizes: Annotated[str, typer.Option(help="comma-separated map sizes (statements)")] = (
        "10000,1000000"
    ),
    neo4j_local: Annotated[
        bool, typer.Option(help="also measure a local Neo4j started for the run")
    ] = False,
    neo4j_sizes: Annotated[str | None, typer.Option(help="sizes for Neo4j")] = None,
    falkordb: Annotated[bool, typer.Option(help="measure the embedded FalkorDB")] = True,
    samples: Annotated[int, typer.Option(min=10, help="searches and rewordings per size")] = 200,
    seed: Annotated[int, typer.Option()] = 1,
    work_dir: Annotated[Path | None, typer.Option(help="scratch directory")] = None,
) -> None:
    """Search and claim matching at scale, beside the engine's own query. See
    argmap_bench.reading."""
    from argmap_bench.reading import run_reading, table

    def plan_for(n: int) -> Plan:
        return Plan(n, 3.0, seed, 0, 0, 0, 0, 0, [], 1, None, 300.0, None, "reading")

    results = []
    with tempfile.TemporaryDirectory(prefix="argmap-bench-", dir=work_dir) as tmp_name:
        tmp = Path(tmp_name)
        for n in _sizes(sizes) if falkordb else []:
            with falkordb_target(tmp, n) as target:
                results.append({"engine": "falkordb", "statements": n,
                                **run_reading(target, plan_for(n), samples)})  # fmt: skip
                console.print(table(results[-1:]), markup=False, soft_wrap=True)
        if neo4j_local:
            from argmap.engines.neo4j_local import LocalNeo4j

            with LocalNeo4j(home=tmp / "neo4j") as server:
                local = Settings(_env_file=None, neo4j_uri=server.bolt_uri, neo4j_user="neo4j",
                                 neo4j_password="", neo4j_database="neo4j")  # fmt: skip
                for n in _sizes(neo4j_sizes or sizes):
                    with neo4j_target(local, server.pid) as target:
                        results.append({"engine": "neo4j", "statements": n,
                                        **run_reading(target, plan_for(n), samples)})  # fmt: skip
                        console.print(table(results[-1:]), markup=False, soft_wrap=True)
    console.print(table(results), markup=False, soft_wrap=True)
    console.print_json(data=[{k: v for k, v in r.items() if k != "load"} for r in results])
