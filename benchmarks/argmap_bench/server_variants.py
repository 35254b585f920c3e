"""GET /statements/{id} throughput of one uvicorn worker, as shipped and with proposed changes.

Loads a synthetic map into an embedded FalkorDB, then for each variant starts
`argmap_bench.variant_server` (the app with the change applied from outside) and runs `wrk`
against it, `rounds` times in turn; prints requests/s and the CPU milliseconds per request of
the server process and of the engine (the steadier figures on a shared machine), and stores
them under "server_variants" in the results file.

The "hiredis" variants put a directory holding the hiredis package (`--hiredis-path`, e.g.
`pip install --target /tmp/hiredis hiredis`) on the server's Python path: they differ from
"shipped" only where hiredis is not installed (argmap depends on it since the measured runs).
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from argmap_bench import synthetic
from argmap_bench.engines import falkordb_target
from argmap_bench.http_load import http_throughput, measured_throughput, server_env, server_process
from argmap_bench.report import read_results, write_results
from argmap_bench.run import Plan, load

# The folder holding argmap_bench: the variant server imports the same package as this process.
BENCH_ROOT = Path(__file__).resolve().parents[1]
VARIANT_SERVER = [sys.executable, "-m", "argmap_bench.variant_server"]


def variants(hiredis_path: str | None) -> dict[str, tuple[dict[str, str], list[str]]]:
    """Each variant: (extra environment, directories before the server's Python path)."""
    out: dict[str, tuple[dict[str, str], list[str]] | None] = {
        "shipped": ({}, []),
        "hiredis": ({}, [hiredis_path]) if hiredis_path else None,
        "no_access_log": ({"NO_ACCESS_LOG": "1"}, []),
        "hiredis+no_access_log": (
            ({"NO_ACCESS_LOG": "1"}, [hiredis_path]) if hiredis_path else None
        ),
    }
    return {name: v for name, v in out.items() if v is not None}


def server_variants(statements: int, rounds: int, seconds: int, connections: int,
                    hiredis_path: str | None, out: Path) -> dict:  # fmt: skip
    plan = Plan(statements, 3, 1, 0, 0, 0, seconds, connections, [1], 1, None, 60, None,
                "variants")  # fmt: skip
    runs: dict[str, list[dict]] = {}
    with tempfile.TemporaryDirectory(prefix="argmap-variants-") as name, \
            falkordb_target(Path(name), statements) as target:  # fmt: skip
        tmp = Path(name)
        asyncio.run(load(target, plan))
        rng = random.Random(1)
        ids = [synthetic.statement_id(rng.randrange(statements)) for _ in range(2000)]
        for _ in range(rounds):
            for variant, (extra, path) in variants(hiredis_path).items():
                env = server_env(target.env, extra, [*path, BENCH_ROOT])
                with server_process(lambda _port: VARIANT_SERVER, env, tmp) as (base, pid):
                    http_throughput(base, ids, 2, connections, tmp)  # warm-up
                    tp = measured_throughput(base, pid, target.pid, ids, seconds, connections,
                                             tmp)  # fmt: skip
                runs.setdefault(variant, []).append(tp)
                print(f"{variant:34} {tp['rps']:7,.0f} req/s  server "
                      f"{tp['server_cpu_ms_per_request']:.3f} ms/req  engine "
                      f"{tp.get('engine_cpu_ms_per_request', 0):.3f} ms/req", flush=True)  # fmt: skip
    summary = {
        variant: {
            "rps": [round(t["rps"]) for t in tps],
            "server_cpu_ms_per_request": statistics.median(
                t["server_cpu_ms_per_request"] for t in tps),
            "engine_cpu_ms_per_request": statistics.median(
                t["engine_cpu_ms_per_request"] for t in tps),
            "loadavg": [t["loadavg_before"] for t in tps],
        }
        for variant, tps in runs.items()
    }  # fmt: skip
    data = read_results(out)
    data["server_variants"] = {
        "measured": time.strftime("%Y-%m-%d %H:%M"),
        "statements": statements,
        "server": "one uvicorn worker (argmap_bench.variant_server), wrk "
                  f"-t1 -c{connections} -d{seconds}s, GET /statements/{{id}}",
        "variants": summary,
    }  # fmt: skip
    write_results(out, data)
    return summary
