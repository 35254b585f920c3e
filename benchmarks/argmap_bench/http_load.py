"""HTTP: start argmap's app in a server process (`argmap serve`, uvicorn with N workers, or an
experimental variant), wait until it answers, and put GET /statements/{id} load on it with
`wrk` (or, without wrk, a Python asyncio + httpx client), with the CPU each request cost.

(Not named `http`: a module of that name would shadow the standard library's wherever this
folder itself lands on the import path.)"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from argmap.engines.process import free_port, spawn, stop
from argmap_bench.measure import loadavg, proc_cpu, process_tree, summary, tree_cpu

READY_TIMEOUT = 90.0
STOP_TIMEOUT = 20.0


def server_env(
    target_env: Mapping[str, str],
    extra: Mapping[str, str] | None = None,
    pythonpath: Sequence[str | Path] = (),
) -> dict[str, str]:
    """This process's environment without its ARGMAP_* settings, plus the target's (so the
    server reaches the same engine), no seeding, no embedding of the synthetic map in the
    background (minutes of CPU at 1M, which would share the cores with the measurement),
    `extra`, and `pythonpath` before the inherited PYTHONPATH (made absolute: the server runs
    in a scratch directory)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ARGMAP_")}
    quiet = {"ARGMAP_SEED_ON_EMPTY": "false", "ARGMAP_EMBED_BACKLOG": "false"}
    env |= dict(target_env) | quiet | dict(extra or {})
    inherited = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    path = [str(Path(p).resolve()) for p in [*pythonpath, *inherited]]
    if path:
        env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(path))
    return env


@contextlib.contextmanager
def server_process(
    command: Callable[[int], list[str]], env: Mapping[str, str], cwd: Path, workers: int = 1
) -> Iterator[tuple[str, int]]:
    """Run `command(port)` on a free port (also in ARGMAP_PORT) in `cwd`, its log in
    `cwd/server-<port>.log`; yield (base URL, pid) once `workers` workers have started. The
    process dies with this one and is stopped (SIGTERM, then SIGKILL) on the way out."""
    port = free_port()
    log = cwd / f"server-{port}.log"
    with open(log, "wb") as sink:
        proc = spawn(command(port), cwd=cwd, env={**env, "ARGMAP_PORT": str(port)},
                     stdout=subprocess.DEVNULL, stderr=sink)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        wait_ready(base, proc, log, workers)
        yield base, proc.pid
    finally:
        stop(proc, timeout=STOP_TIMEOUT)


def argmap_server(
    target_env: Mapping[str, str], workers: int, cwd: Path
) -> contextlib.AbstractContextManager[tuple[str, int]]:
    """`argmap serve --workers N` on the target's engine, as users run it."""

    def command(port: int) -> list[str]:
        return [sys.executable, "-m", "argmap", "serve", "--port", str(port), "--no-seed",
                "--workers", str(workers)]  # fmt: skip

    return server_process(command, server_env(target_env), cwd, workers)


def wait_ready(base: str, proc: subprocess.Popen[bytes], log: Path, workers: int) -> None:
    import httpx

    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {log.read_text()[-2000:]}")
        try:
            if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                # One worker answers; give the others their (same) startup time too.
                started = log.read_text().count("Application startup complete")
                if started >= workers:
                    return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"server at {base} not ready in {READY_TIMEOUT:.0f} s")


def measured_throughput(base: str, server_pid: int, engine_pid: int | None, ids: list[str],
                        seconds: int, conns: int, tmp: Path) -> dict[str, Any]:  # fmt: skip
    """Throughput, and the CPU each request cost the server processes and the engine: on a
    shared machine the CPU per request is the steadier figure (and `cores / CPU per request`
    the capacity it implies)."""
    pids = process_tree(server_pid)
    server0, engine0, load0 = tree_cpu(pids), proc_cpu(engine_pid), loadavg()
    tp = http_throughput(base, ids, seconds, conns, tmp)
    requests = tp["rps"] * seconds
    server_ms = (tree_cpu(pids) - server0) * 1000 / requests
    tp |= {"loadavg_before": load0, "loadavg_after": loadavg(),
           "server_cpu_ms_per_request": round(server_ms, 3)}  # fmt: skip
    if engine_pid and engine0 is not None:
        engine_ms = ((proc_cpu(engine_pid) or 0) - engine0) * 1000 / requests
        tp["engine_cpu_ms_per_request"] = round(engine_ms, 3)
        tp["capacity_rps_at_cores"] = round((os.cpu_count() or 1) * 1000 / (server_ms + engine_ms))
    return tp


WRK_SCRIPT = """
math.randomseed({seed})
local ids = {{{ids}}}
request = function()
  return wrk.format("GET", "/statements/" .. ids[math.random(1, #ids)])
end
"""


def http_throughput(base: str, ids: list[str], seconds: int, conns: int, tmp: Path) -> dict:
    """GET /statements/{id} requests/s over loopback: wrk when installed, else a Python
    asyncio + httpx generator (a weaker client; the result says which)."""
    if wrk := shutil.which("wrk"):
        script = tmp / "ids.lua"
        script.write_text(WRK_SCRIPT.format(seed=1, ids=",".join(f'"{i}"' for i in ids)))
        out = subprocess.run(
            [wrk, "-t1", f"-c{conns}", f"-d{seconds}s", "--latency", "-s", str(script), base],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        lat = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", out, re.MULTILINE))
        return {"tool": f"wrk -t1 -c{conns} -d{seconds}s", "rps": rate,
                "p50": _ms(lat.get("50")), "p99": _ms(lat.get("99")),
                "errors": int(errors.group(1)) if errors else 0}  # fmt: skip
    return asyncio.run(_httpx_load(base, ids, seconds, conns))


def _ms(text: str | None) -> float | None:
    if not text:
        return None
    m = re.fullmatch(r"([\d.]+)(us|ms|s)", text)
    if not m:
        return None
    return round(float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)], 3)


async def _httpx_load(base: str, ids: list[str], seconds: int, conns: int) -> dict:
    import httpx

    limits = httpx.Limits(max_connections=conns, max_keepalive_connections=conns)
    lat: list[float] = []
    errors = 0
    async with httpx.AsyncClient(base_url=base, limits=limits) as client:
        rng, deadline = random.Random(1), time.perf_counter() + seconds

        async def worker() -> None:
            nonlocal errors
            while time.perf_counter() < deadline:
                t0 = time.perf_counter()
                r = await client.get(f"/statements/{rng.choice(ids)}")
                lat.append(time.perf_counter() - t0)
                errors += r.status_code != 200

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(conns)))
        elapsed = time.perf_counter() - started
    return {"tool": f"python asyncio+httpx, {conns} connections (wrk not installed)",
            "rps": len(lat) / elapsed, **summary(lat), "errors": errors}  # fmt: skip
