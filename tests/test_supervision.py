"""The embedded engine heals itself: after `kill -9` of its `redis-server`, the argmap process
that owns it reaps it and starts it again on the same data directory and port; meanwhile
requests answer 503 (never another 5xx), `/healthz` stays 200 and says the engine is not up,
`/readyz` is 503; then everything answers again without restarting argmap, with every
acknowledged write still there. Against real `argmap serve` processes, one worker and two."""

from __future__ import annotations

import json
import os
import signal
import socket
import time
from pathlib import Path

import httpx
import pytest
from serving import clean_env, http_server
from support import WRITE_AUTH, WRITE_KEY

from argmap.engines.embedded_falkordb import RUNTIME_NAME
from argmap.keys import hash_key

HEAL_LIMIT = 10.0  # seconds from kill -9 to answering again (issue #18)
POLL = 0.05


def engine_pid(data_dir: Path) -> int:
    """The redis-server serving `data_dir` (it chdirs into its --dir)."""
    for cwd in Path("/proc").glob("[0-9]*/cwd"):
        try:
            if (
                os.readlink(cwd) == str(data_dir)
                and b"redis-server" in (cwd.parent / "cmdline").read_bytes()
            ):
                return int(cwd.parent.name)
        except OSError:
            continue
    raise AssertionError(f"no redis-server serves {data_dir}")


def serving_engine(data_dir: Path) -> int | None:
    try:
        return engine_pid(data_dir)
    except AssertionError:
        return None


def is_gone(pid: int) -> bool:
    return not Path(f"/proc/{pid}").exists()


@pytest.mark.parametrize("workers", [1, 2], ids=["one-process", "workers-2"])
def test_kill_9_of_the_embedded_engine_heals_within_seconds(tmp_path, workers):
    data_dir = tmp_path / "data"
    env = clean_env(ARGMAP_API_KEYS=json.dumps([{"sha256": hash_key(WRITE_KEY), "scope": "write"}]))
    args = ["-m", "argmap", "serve", "--port", "{port}", "--data-dir", str(data_dir),
            "--workers", str(workers)]  # fmt: skip
    with http_server(args, workdir=tmp_path, env=env) as base:
        body = {"id": "written-before-the-kill", "role": "Claim", "text": "Acknowledged."}
        assert httpx.post(f"{base}/statements", json=body, headers=WRITE_AUTH).status_code == 201
        time.sleep(1.5)  # appendfsync everysec: on disk now
        health = httpx.get(f"{base}/healthz").json()
        assert health == {"status": "ok", "engine": "falkordb", "engine_state": "up"}

        old = engine_pid(data_dir)
        os.kill(old, signal.SIGKILL)
        killed = time.monotonic()
        statuses: list[int] = []
        healed = None
        while time.monotonic() - killed < HEAL_LIMIT + 5:
            status = httpx.get(f"{base}/statements/written-before-the-kill", timeout=5).status_code
            statuses.append(status)
            if status == 200 and serving_engine(data_dir) not in (None, old):
                healed = time.monotonic() - killed  # answered by the restarted engine
                break
            if status == 503 and statuses.count(503) == 1:  # liveness is the process's
                assert httpx.get(f"{base}/healthz", timeout=5).status_code == 200
            time.sleep(POLL)
        assert set(statuses) <= {200, 503}, statuses
        assert healed is not None and healed < HEAL_LIMIT, f"not healed: {statuses[-5:]}"
        print(f"\nheal time ({workers} worker(s)): {healed:.2f} s, {len(statuses)} polls")

        # Every worker talks to the new engine; the old one was reaped, not left a zombie.
        for _ in range(20):
            assert httpx.get(f"{base}/statements/written-before-the-kill").status_code == 200
        assert httpx.get(f"{base}/readyz").status_code == 200
        assert httpx.get(f"{base}/healthz").json()["engine_state"] == "up"
        new = engine_pid(data_dir)
        assert new != old
        assert is_gone(old), "the killed redis-server was not reaped (zombie)"
        password = json.loads((data_dir / RUNTIME_NAME).read_text())["password"]
    log = (tmp_path / "server.log").read_text()
    assert "restarting it on port" in log
    assert password not in log, "a log line shows the engine's password"


def test_healthz_and_readyz_while_the_engine_is_down(tmp_path):
    """The window between kill and restart, held open: the restart waits for the port, which
    a listener of ours holds, so /healthz says "restarting" and /readyz answers 503."""
    data_dir = tmp_path / "data"
    args = ["-m", "argmap", "serve", "--port", "{port}", "--data-dir", str(data_dir),
            "--workers", "1", "--no-seed"]  # fmt: skip
    with http_server(args, workdir=tmp_path) as base:
        old = engine_pid(data_dir)
        port = json.loads((data_dir / RUNTIME_NAME).read_text())["port"]
        os.kill(old, signal.SIGKILL)
        with socket.socket() as squatter:
            squatter.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            deadline = time.monotonic() + 5
            while True:  # the port frees as the kernel tears the dead server down
                try:
                    squatter.bind(("127.0.0.1", port))
                    break
                except OSError:
                    assert time.monotonic() < deadline
                    time.sleep(0.005)
            squatter.listen()
            time.sleep(0.5)  # the supervisor has seen the death and tries to restart
            health = httpx.get(f"{base}/healthz", timeout=5)
            assert health.status_code == 200
            assert health.json() == {
                "status": "ok", "engine": "falkordb", "engine_state": "restarting"
            }  # fmt: skip
            ready = httpx.get(f"{base}/readyz", timeout=5)
            assert ready.status_code == 503
            assert ready.json()["error"] == "engine_unavailable"
        deadline = time.monotonic() + HEAL_LIMIT
        while httpx.get(f"{base}/readyz", timeout=5).status_code != 200:
            assert time.monotonic() < deadline, "no restart once the port was free again"
            time.sleep(POLL)
        assert httpx.get(f"{base}/healthz").json()["engine_state"] == "up"
