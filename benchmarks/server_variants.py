"""GET /statements/{id} throughput of one uvicorn worker, as shipped and with proposed changes.

    pip install --target /tmp/hiredis hiredis        # once: hiredis outside the project's venv
    PYTHONPATH=service python benchmarks/server_variants.py --hiredis-path /tmp/hiredis

Loads a synthetic map into an embedded FalkorDB, then for each variant starts
`benchmarks/variant_server.py` (the app with the change applied from outside) and runs `wrk`
against it, `--rounds` times in turn; prints requests/s and the CPU milliseconds per request of
the server process and of the engine (the steadier figures on a shared machine), and stores
them under "server_variants" in benchmarks/results.json.
"""

import argparse
import asyncio
import contextlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from argmap import cli_bench as cb
from argmap import synthetic

HERE = Path(__file__).resolve().parent


def variants(hiredis: str | None) -> dict[str, dict[str, str]]:
    with_hiredis = {"PYTHONPATH": hiredis} if hiredis else None
    out: dict[str, dict[str, str] | None] = {
        "shipped": {},
        "hiredis": with_hiredis,
        "async_deps": {"ASYNC_DEPS": "1"},
        "no_access_log": {"NO_ACCESS_LOG": "1"},
        "hiredis+async_deps+no_access_log": (
            with_hiredis | {"ASYNC_DEPS": "1", "NO_ACCESS_LOG": "1"} if with_hiredis else None
        ),
    }
    return {name: env for name, env in out.items() if env is not None}


@contextlib.contextmanager
def server(target: cb.Target, extra: dict[str, str], tmp: Path) -> Iterator[tuple[str, int]]:
    port = cb._free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ARGMAP_")}
    env |= target.env | {"ARGMAP_PORT": str(port), "ARGMAP_SEED_ON_EMPTY": "false"}
    path = [p for p in (extra.get("PYTHONPATH"), os.environ.get("PYTHONPATH")) if p]
    env |= {k: v for k, v in extra.items() if k != "PYTHONPATH"}
    if path:
        env["PYTHONPATH"] = os.pathsep.join(path)
    log = tmp / f"variant-{port}.log"
    with open(log, "wb") as sink:
        proc = subprocess.Popen([sys.executable, str(HERE / "variant_server.py")], cwd=tmp,
                                env=env, stdout=subprocess.DEVNULL, stderr=sink)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        cb._wait_ready(base, proc, log, 1)
        yield base, proc.pid
    finally:
        proc.terminate()
        proc.wait(20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--statements", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--hiredis-path", help="a directory holding the hiredis package")
    parser.add_argument("--out", type=Path, default=HERE / "results.json")
    args = parser.parse_args()
    plan = cb.Plan(args.statements, 3, 1, 0, 0, 0, args.seconds, args.connections, [1], 1,
                   None, 60, None, "variants")  # fmt: skip
    runs: dict[str, list[dict]] = {}
    with tempfile.TemporaryDirectory(prefix="argmap-variants-") as name, \
            cb.falkordb_target(Path(name), args.statements) as target:  # fmt: skip
        tmp = Path(name)
        asyncio.run(cb._load(target, plan))
        rng = random.Random(1)
        ids = [synthetic.statement_id(rng.randrange(args.statements)) for _ in range(2000)]
        for _ in range(args.rounds):
            for variant, extra in variants(args.hiredis_path).items():
                with server(target, extra, tmp) as (base, pid):
                    cb.http_throughput(base, ids, 2, args.connections, tmp)  # warm-up
                    tp = cb.measured_throughput(base, pid, target.pid, ids, plan, tmp)
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
    data = json.loads(args.out.read_text()) if args.out.exists() else {}
    data["server_variants"] = {
        "measured": time.strftime("%Y-%m-%d %H:%M"),
        "statements": args.statements,
        "server": "one uvicorn worker (benchmarks/variant_server.py), wrk "
                  f"-t1 -c{args.connections} -d{args.seconds}s, GET /statements/{{id}}",
        "variants": summary,
    }  # fmt: skip
    args.out.write_text(json.dumps(data, indent=2) + "\n")
    print(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()
