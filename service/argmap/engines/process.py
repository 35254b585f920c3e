"""Ports and child processes for the engine launchers (and the benchmarks): one copy, done right.

Die with the parent: on Linux `spawn()` asks the kernel (`prctl(PR_SET_PDEATHSIG, SIGTERM)`)
to SIGTERM the child when its parent dies, even by SIGKILL, so no server outlives the process
that started it. Caveat: the kernel sends the signal when the *thread* that forked exits, not
the process, so spawn from a long-lived thread (normally the main one), never from a worker or
a thread pool. Elsewhere the request is a no-op and only `stop()` / atexit hooks stop children.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import functools
import logging
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

_PR_SET_PDEATHSIG = 1
_KILL_WAIT = 10.0  # seconds to wait for a SIGKILLed process to be gone

_log = logging.getLogger(__name__)

Redirect = int | IO[Any] | None  # what Popen takes for stdin/stdout/stderr


# ---------------------------------------------------------------------------------------------
# Ports


def free_port(host: str = "127.0.0.1") -> int:
    """A port the kernel reports free on `host` now (another process may still take it)."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def port_is_taken(port: int, host: str = "127.0.0.1") -> bool:
    """True when a server could not listen on `port`: something listens or holds it bound.

    The probe sets SO_REUSEADDR like redis, the JVM and uvicorn do, so connections left in
    TIME_WAIT by a server that just stopped do not count as taken. Other bind errors (no
    permission, no such address) are not "taken": the server itself reports them.
    """
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            return exc.errno == errno.EADDRINUSE
    return False


def port_open(port: int, host: str = "127.0.0.1", timeout: float = 0.5) -> bool:
    """True when something accepts TCP connections on `port` (a server is up, or starting)."""
    with socket.socket() as sock:
        sock.settimeout(timeout)
        return sock.connect_ex((host, port)) == 0


# ---------------------------------------------------------------------------------------------
# Processes


def pid_alive(pid: int, *, cmdline_has: str | None = None) -> bool:
    """True while `pid` runs; a zombie counts as gone (it is our own exited child: reaped here).

    With `cmdline_has`, one of the process's arguments must equal it: a guard against a pid
    recorded in a state file that the kernel has since given to another program. The guard
    needs /proc; without it only existence is checked.
    """
    with contextlib.suppress(ChildProcessError, OSError):
        os.waitpid(pid, os.WNOHANG)  # reap it if it is our own exited child
    proc = Path(f"/proc/{pid}")
    if proc.is_dir():
        try:
            stat = (proc / "stat").read_text()
            cmdline = (proc / "cmdline").read_bytes().decode(errors="replace")
        except OSError:
            return False
        if stat.rsplit(")", 1)[1].split()[0] in ("Z", "X"):  # after "(comm)", which may hold spaces
            return False
        return cmdline_has is None or cmdline_has in cmdline.split("\0")
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True


@functools.cache
def _prctl() -> Callable[..., int]:
    # Resolved once, in the parent: dlopen/dlsym between fork and exec can deadlock on a lock
    # another thread held at fork time.
    prctl = ctypes.CDLL(None, use_errno=True).prctl
    prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    prctl.restype = ctypes.c_int
    return prctl


def _ask_for_sigterm_on_parent_death(prctl: Callable[..., int], parent: int) -> None:
    if prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")  # Popen raises
    # The parent may have died before prctl took effect; then no signal will ever come.
    if os.getppid() != parent:
        os._exit(1)


def _die_with_parent_preexec() -> Callable[[], None] | None:
    """The preexec_fn for `spawn(die_with_parent=True)`; None where the kernel has no PDEATHSIG."""
    if not sys.platform.startswith("linux"):
        return None
    prctl = _prctl()
    parent = os.getpid()

    def preexec() -> None:  # runs in the child between fork and exec: no dlopen, no imports
        _ask_for_sigterm_on_parent_death(prctl, parent)

    return preexec


def die_with_parent(parent: int) -> None:
    """For a child that another library started (uvicorn's workers): from now on this process
    gets SIGTERM when `parent` dies; it exits at once if `parent` is already gone."""
    if sys.platform.startswith("linux"):
        _ask_for_sigterm_on_parent_death(_prctl(), parent)


def spawn(
    args: Sequence[str | os.PathLike[str]],
    *,
    die_with_parent: bool = True,
    new_session: bool = True,
    stdin: Redirect = subprocess.DEVNULL,
    stdout: Redirect = subprocess.DEVNULL,
    stderr: Redirect = subprocess.DEVNULL,
    cwd: str | os.PathLike[str] | None = None,
    env: Mapping[str, str] | None = None,
) -> subprocess.Popen[bytes]:
    """Start a server process.

    `die_with_parent`: it gets SIGTERM when this process (strictly: this thread, see the module
    docstring) dies, even by SIGKILL; off for servers meant to outlive us (detached).
    `new_session`: a terminal's Ctrl-C reaches only us, and we stop the child in order.
    """
    return subprocess.Popen(
        args,
        stdin=stdin,
        stdout=stdout,
        stderr=stderr,
        cwd=cwd,
        env=env,
        start_new_session=new_session,
        preexec_fn=_die_with_parent_preexec() if die_with_parent else None,  # noqa: PLW1509
    )


def stop(
    process_or_pid: subprocess.Popen[Any] | int, *, timeout: float, cmdline_has: str | None = None
) -> bool:
    """SIGTERM it (servers shut down cleanly), SIGKILL after `timeout` seconds; wait until gone.

    Takes our own child (a Popen, which is also reaped) or a bare pid, such as a detached
    server found through its state file; `cmdline_has` guards a bare pid as in `pid_alive`.
    Returns whether it was running.
    """
    target = process_or_pid
    if not _running(target, cmdline_has):
        return False
    _signal(target, signal.SIGTERM, cmdline_has)
    if not wait_gone(target, timeout=timeout):
        pid = target if isinstance(target, int) else target.pid
        _log.warning("pid %d ignored SIGTERM for %.0fs, killing it", pid, timeout)
        _signal(target, signal.SIGKILL, cmdline_has)
        wait_gone(target, timeout=_KILL_WAIT)
    return True


def wait_gone(process_or_pid: subprocess.Popen[Any] | int, *, timeout: float) -> bool:
    """Wait up to `timeout` seconds for it to exit (a Popen is reaped); False if it still runs.

    A bare pid need not be our child: it is polled. No `cmdline_has` guard here on purpose: an
    exiting process loses its command line before it lets go of its pid (and its ports).
    """
    if not isinstance(process_or_pid, int):
        try:
            process_or_pid.wait(timeout)
        except subprocess.TimeoutExpired:
            return False
        return True
    deadline = time.monotonic() + timeout
    while pid_alive(process_or_pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def _running(target: subprocess.Popen[Any] | int, cmdline_has: str | None) -> bool:
    if isinstance(target, int):
        return pid_alive(target, cmdline_has=cmdline_has)
    return target.poll() is None


def _signal(target: subprocess.Popen[Any] | int, signum: int, cmdline_has: str | None) -> None:
    if not isinstance(target, int):
        target.send_signal(signum)  # a no-op once Popen has reaped it: never a recycled pid
    elif pid_alive(target, cmdline_has=cmdline_has):  # checked again: it may have exited
        with contextlib.suppress(ProcessLookupError):
            os.kill(target, signum)
