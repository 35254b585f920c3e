"""An argmap HTTP server in a process of its own, for tests that need a real one (browsers,
several uvicorn workers): started through argmap's own supervisor, ready when /readyz is."""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from argmap.engines.process import free_port, spawn, stop
from argmap.keys import ApiKey
from argmap.settings import Settings


def clean_env(**extra: str) -> dict[str, str]:
    """This environment without ARGMAP_* settings (the test passes its own)."""
    return {k: v for k, v in os.environ.items() if not k.startswith("ARGMAP_")} | extra


def engine_env(settings: Settings, keys: list[ApiKey]) -> dict[str, str]:
    """The environment of a separate argmap process serving `settings`' engine (unseeded)
    with these API keys."""
    env = clean_env(
        ARGMAP_API_KEYS=json.dumps([key.model_dump(mode="json") for key in keys]),
        ARGMAP_SEED_ON_EMPTY="false",
    )
    if settings.neo4j_uri:
        return env | {
            "ARGMAP_NEO4J_URI": settings.neo4j_uri,
            "ARGMAP_NEO4J_USER": settings.neo4j_user,
            "ARGMAP_NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
            "ARGMAP_NEO4J_DATABASE": settings.neo4j_database,
        }
    assert settings.falkordb_url
    return env | {
        "ARGMAP_FALKORDB_URL": settings.falkordb_url,
        "ARGMAP_FALKORDB_GRAPH": settings.falkordb_graph,
    }


@contextlib.contextmanager
def http_server(
    args: list[str], *, workdir: Path, env: dict[str, str] | None = None, timeout: float = 60
) -> Iterator[str]:
    """Run `python <args>`, where `{port}` in args is a free port; yield the base URL."""
    port = free_port()
    log = workdir / "server.log"
    with open(log, "wb") as out:
        process = spawn(
            [sys.executable, *(a.format(port=port) for a in args)],
            cwd=workdir, env=env if env is not None else clean_env(), stdout=out, stderr=out,
        )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None:
                pytest.fail(f"the server exited with {process.returncode}:\n{log.read_text()}")
            if time.monotonic() > deadline:
                pytest.fail(f"the server was not ready after {timeout:.0f} s:\n{log.read_text()}")
            time.sleep(0.2)
        yield base
    finally:
        stop(process, timeout=30)
