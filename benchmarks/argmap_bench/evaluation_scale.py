"""`GET /evaluation` at scale, phase by phase, beside the engine's own time for the reads.

Against a running `argmap serve` (e.g. on a map from `argmap-bench generate --statements
1000000`): each run times the request end to end (the client's wall time, the body's size)
with the phases the route reports in its Server-Timing header (read: the engine reads as argmap
waits for them; build: the framework from their columns; solve; encode: the JSON), then runs
the same evaluation queries (every `evaluation/*` read of the importable catalog) straight
through the engine's own Python client, one after the other, for the engine's own execution
time and that client's wall time. Figures, not a test:

    PYTHONPATH=benchmarks python -m argmap_bench.evaluation_scale \\
        --url http://127.0.0.1:8822 --data-dir /tmp/evaluation/big --runs 3

A server of an older argmap (no Server-Timing) gives the total only; with that argmap on
PYTHONPATH, its own catalog's queries are the ones timed.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated, Any

import httpx
import typer

from argmap.catalog import Query, load_catalog
from argmap.engines import Engine
from argmap.engines.embedded_falkordb import running_engine
from argmap_bench.engines import GRAPH, Direct, Neo4jDirect
from argmap_bench.measure import loadavg

# Every parameter an evaluation read takes; each engine ignores those a query does not use.
PARAMS = {"ids": None, "basis": None, "sep": "\x1f"}

app = typer.Typer(add_completion=False)


class FalkorWithPassword(Direct):
    """The embedded engine of a running argmap (its port and password from the data dir)."""

    name = "falkordb"

    def __init__(self, data_dir: Path, graph: str) -> None:
        from falkordb import FalkorDB

        engine = running_engine(data_dir)
        if engine is None:
            raise typer.BadParameter(f"no argmap runs an engine on {data_dir}")
        self.db = FalkorDB(host=engine.host, port=engine.port, password=engine.password)
        self.g = self.db.select_graph(graph)

    def run(self, query: str, params: dict[str, Any]) -> tuple[float, float]:
        started = time.perf_counter()
        result = self.g.ro_query(query, params)
        return time.perf_counter() - started, result.run_time_ms / 1000

    def close(self) -> None:
        self.db.connection.close()


def evaluation_reads() -> list[Query]:
    """The catalog's evaluation reads, whichever they are in the argmap imported."""
    return [q for q in Query if q.value.startswith("evaluation/") and q.value != "evaluation/apply"]


def server_timing(header: str | None) -> dict[str, float]:
    """`read;dur=12.5, build;dur=3` -> {"read": 0.0125, "build": 0.003} (seconds)."""
    phases: dict[str, float] = {}
    for part in (header or "").split(","):
        name, _, rest = part.strip().partition(";dur=")
        if name and rest:
            phases[name] = float(rest) / 1000
    return phases


def measure(
    url: str, direct: Direct, engine: Engine, runs: int, params: dict[str, str]
) -> list[dict[str, Any]]:
    catalog = load_catalog(engine)
    queries = evaluation_reads()
    results = []
    with httpx.Client(base_url=url, timeout=600) as client:
        for run in range(runs):
            load = loadavg()
            started = time.perf_counter()
            response = client.get("/evaluation", params=params)
            total = time.perf_counter() - started
            response.raise_for_status()
            engine_own: dict[str, tuple[float, float]] = {}
            for query in queries:
                engine_own[query.value] = direct.run(catalog(query), PARAMS)
            results.append(
                {
                    "run": run + 1,
                    "loadavg": load,
                    "total_s": round(total, 3),
                    "bytes": len(response.content),
                    "phases_s": server_timing(response.headers.get("server-timing")),
                    "engine_s": {q: round(own, 3) for q, (_, own) in engine_own.items()},
                    "engine_client_s": {q: round(wall, 3) for q, (wall, _) in engine_own.items()},
                    "arguments": response.json()["arguments"] if runs == 1 or run == 0 else None,
                }
            )
            say(results[-1])
    return results


def say(row: dict[str, Any]) -> None:
    phases = " ".join(f"{k} {v:.2f}" for k, v in row["phases_s"].items()) or "(no Server-Timing)"
    engine = sum(row["engine_s"].values())
    client = sum(row["engine_client_s"].values())
    print(
        f"run {row['run']}: total {row['total_s']:.2f} s, {row['bytes'] / 1e6:.1f} MB | {phases} | "
        f"engine's own reads {engine:.2f} s (its client {client:.2f} s: "
        + ", ".join(f"{q.split('/')[-1]} {s:.2f}" for q, s in row["engine_s"].items())
        + f") | loadavg {row['loadavg']:.2f}",
        flush=True,
    )


@app.command()
def main(
    url: Annotated[str, typer.Option(help="the argmap server")] = "http://127.0.0.1:8822",
    data_dir: Annotated[
        Path | None, typer.Option(help="the served FalkorDB data directory (its engine)")
    ] = None,
    neo4j_uri: Annotated[str | None, typer.Option(help="or the Neo4j it serves")] = None,
    neo4j_user: str = "neo4j",
    neo4j_password: Annotated[str, typer.Option(envvar="ARGMAP_NEO4J_PASSWORD")] = "",
    neo4j_database: str = "neo4j",
    runs: Annotated[int, typer.Option(min=1)] = 3,
    semantics: str = "grounded",
    basis: str = "all",
    out: Annotated[Path | None, typer.Option(help="append the runs here as JSON lines")] = None,
) -> None:
    """Time GET /evaluation by phase beside the engine's own time for its reads."""
    if neo4j_uri:
        auth = (neo4j_user, neo4j_password) if neo4j_password else None
        direct: Direct = Neo4jDirect(neo4j_uri, auth, neo4j_database)
        engine = Engine.NEO4J
    elif data_dir:
        direct, engine = FalkorWithPassword(data_dir, GRAPH), Engine.FALKORDB
    else:
        raise typer.BadParameter("give --data-dir (FalkorDB) or --neo4j-uri")
    try:
        rows = measure(url, direct, engine, runs, {"semantics": semantics, "basis": basis})
    finally:
        direct.close()
    if out:
        with out.open("a") as f:
            for row in rows:
                f.write(json.dumps({"url": url, "engine": engine.value, **row}) + "\n")


if __name__ == "__main__":
    app()
