"""The embedded FalkorDB: persistence, clean stops, no orphans, clear startup errors."""

import os
import signal
import socket
import subprocess
import sys
import textwrap
import time

import pytest
import redis

from argmap.engines.embedded_falkordb import EmbeddedEngineError, EmbeddedFalkorDB
from argmap.engines.process import free_port, pid_alive, wait_gone


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
            server_pid = next(
                (int(p) for p in pids if _cwd_dir(int(p)) == str(tmp_path)), None
            )
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
