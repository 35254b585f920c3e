"""The results file (`benchmarks/results.json`): merging new runs into it, and its markdown
tables (the ones in benchmarks/README.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from argmap.domain import EdgeType

DEFAULT_RESULTS = Path("benchmarks/results.json")  # relative to the repository root
EDGE_COUNTS = tuple(f"type:{t.value}" for t in EdgeType)  # the argument edges in "counts"


def _key(run: dict) -> tuple[str, str, int]:
    return run.get("label", ""), run["engine"], run["statements"]


def merge_runs(path: Path, runs: list[dict], extra: dict) -> dict:
    """Write `runs` into the results file, replacing the runs of the same (label, engine,
    size) and keeping the others; top-level keys from `extra`. Returns the whole file."""
    data = read_results(path)
    new = {_key(r) for r in runs}
    kept = [r for r in data.get("runs", []) if _key(r) not in new]
    data |= extra
    data["runs"] = sorted(kept + runs, key=_key)
    write_results(path, data)
    return data


def read_results(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text()) if path.exists() else {}


def write_results(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2) + "\n")


def _ratio(row: dict, layer: str) -> float | None:
    """argmap's HTTP p50 over `layer`'s p50, when both were measured and the latter is > 0."""
    http, base = row.get("argmap_http") or {}, row.get(layer) or {}
    if not (http.get("n") and base.get("n") and base.get("p50")):
        return None
    return http["p50"] / base["p50"]


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
            "engine RSS MB | engine bytes per statement | restart s | "
            "GET /statements/{id} req/s: 2 workers / 1 worker / engine client | "
            "CPU ms per request (2 workers): argmap / engine |"
        ),
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for r in data["runs"]:
        load, tp = r["load"], r.get("throughput", {})
        edges = sum(v for k, v in load["counts"].items() if k in EDGE_COUNTS)
        rss = r.get("memory", {}).get("vmrss_kb")
        rates = " / ".join(
            _fmt(round(tp[k]["rps"])) if k in tp else "–"
            for k in ("workers_2", "workers_1", "engine_client")
        )
        busy = tp.get("workers_2", {})
        cpu = (
            f"{_fmt(busy.get('server_cpu_ms_per_request'))} / "
            f"{_fmt(busy.get('engine_cpu_ms_per_request'))}"
        )
        lines.append(
            f"| {r['engine']} | {r.get('label', '')} | {r['statements']:,} | {edges:,} | "
            f"{load['statements_per_s']:,} | {load['edges_per_s']:,} | "
            f"{_fmt(rss // 1024 if rss else None)} | "
            f"{_fmt(round(rss * 1024 / r['statements']) if rss else None)} | "
            f"{_fmt(r.get('restart', {}).get('start_s'))} | {rates} | {cpu} |"
        )
    lines += [
        "",
        (
            "Latency p50 / p99 in ms, one request at a time; ratios of argmap's HTTP p50 to the "
            "engine's internal p50 (its own execution time; Neo4j reports whole ms, – when 0) "
            "and to the engine client's (the same catalog Cypher through the engine's own client):"
        ),
        "",
        (
            "| engine | variant | statements | operation | engine internal | engine client | "
            "argmap store | argmap repository | argmap HTTP | ratio to internal | "
            "ratio to client |"
        ),
        "|---|---|---:|---|---|---|---|---|---|---:|---:|",
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
                f"{_fmt(_ratio(row, 'engine_internal'), 1)} | "
                f"{_fmt(row.get('ratio_http_to_engine_client'), 1)} |"
            )
    return "\n".join(lines)
