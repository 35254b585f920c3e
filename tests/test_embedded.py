"""The embedded FalkorDB: persistence, clean stops, no orphans, clear startup errors."""

import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import httpx
import pytest
import redis

from argmap.engines.embedded_falkordb import EmbeddedEngineError, EmbeddedFalkorDB
from argmap.engines.process import free_port, pid_alive, spawn, wait_gone
from argmap.engines.process import stop as stop_process


def test_data_survives_a_restart(tmp_path):
    with EmbeddedFalkorDB(tmp_path) as server:
        redis.Redis(port=server.port).execute_command(
            "GRAPH.QUERY", "g", "CREATE (:Statement {id: 'kept'})"
        )
    with EmbeddedFalkorDB(tmp_path) as server:
        rows = redis.Redis(port=server.port).execute_command(
            "GRAPH.RO_QUERY", "g", "MATCH (s:Statement) RETURN s.id"
        )
    assert rows[1] == [[b"kept"]]


def test_stop_leaves_no_process(tmp_path):
    server = EmbeddedFalkorDB(tmp_path).start()
    pid = server.process.pid
    server.stop()
    assert wait_gone(pid, timeout=15)


def test_second_user_of_a_data_dir_gets_a_clear_error(tmp_path):
    with EmbeddedFalkorDB(tmp_path):
        with pytest.raises(EmbeddedEngineError, match="is in use by argmap pid"):
            EmbeddedFalkorDB(tmp_path).start()


def test_taken_port_gets_a_clear_error(tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        with pytest.raises(EmbeddedEngineError, match=f"port {port} .* is taken"):
            EmbeddedFalkorDB(tmp_path, port=port).start()


CHILD = textwrap.dedent(
    """
    import sys, time
    from argmap.engines.embedded_falkordb import EmbeddedFalkorDB
    server = EmbeddedFalkorDB(sys.argv[1]).start()
    print(server.process.pid, flush=True)
    time.sleep(120)
    """
)


def test_killed_parent_leaves_no_orphan(tmp_path):
    parent = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    server_pid = int(parent.stdout.readline())
    assert pid_alive(server_pid)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    assert wait_gone(server_pid, timeout=15), "redis-server outlived its SIGKILLed parent"


def test_ctrl_c_on_serve_stops_the_engine(tmp_path):
    port = free_port()
    serve = subprocess.Popen(
        [sys.executable, "-m", "argmap", "serve", "--port", str(port),
         "--data-dir", str(tmp_path), "--no-seed"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        lock = tmp_path / "argmap-falkordb.lock"
        server_pid = None
        while time.monotonic() < deadline and server_pid is None:
            pids = subprocess.run(
                ["pgrep", "-f", f"redis-server.*--dir {tmp_path}|redis-server 127.0.0.1"],
                capture_output=True, text=True,
            ).stdout.split()  # fmt: skip
            server_pid = next((int(p) for p in pids if _cwd_dir(int(p)) == str(tmp_path)), None)
            time.sleep(0.2)
        assert lock.exists() and server_pid, "serve did not start the embedded engine"
        serve.send_signal(signal.SIGINT)
        serve.wait(timeout=30)
        assert wait_gone(server_pid, timeout=15), (
            "redis-server outlived `argmap serve` after Ctrl-C"
        )
    finally:
        if serve.poll() is None:
            serve.kill()


def _cwd_dir(pid: int) -> str | None:
    # redis-server chdirs into its --dir, so its cwd names the data directory it serves.
    try:
        return os.readlink(f"/proc/{pid}/cwd")
    except OSError:
        return None


def _children(pid: int) -> dict[int, str]:
    """The processes whose parent is `pid`, with their command lines."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            if ppid == pid:
                cmdline = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ")
                found[int(stat.parent.name)] = cmdline.decode(errors="replace")
        except (OSError, IndexError, ValueError):
            continue
    return found


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "kill-9"])
def test_serve_workers_share_the_parents_engine_and_end_with_it(tmp_path, stop):
    port = free_port()
    args = ["-m", "argmap", "serve", "--port", str(port), "--data-dir", str(tmp_path / "data"),
            "--workers", "2"]  # fmt: skip
    serve = spawn([sys.executable, *args], new_session=False)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            assert serve.poll() is None and time.monotonic() < deadline, "serve did not start"
            try:
                if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        children = _children(serve.pid)
        engines = [pid for pid, cmd in children.items() if "redis-server" in cmd]
        workers = [pid for pid, cmd in children.items() if "spawn_main" in cmd]
        assert len(engines) == 1 and len(workers) == 2, children
        # The parent seeded once; every worker answers from the one engine.
        totals = {httpx.get(f"{base}/statements", timeout=5).json()["total"] for _ in range(20)}
        assert totals == {54}
        serve.send_signal(stop)
        for pid in [*engines, *workers]:
            assert wait_gone(pid, timeout=15), f"{children[pid]} outlived `argmap serve`"
    finally:
        stop_process(serve, timeout=10)
