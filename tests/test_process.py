"""argmap.engines.process against real sockets and real processes (no mocks).

The die-with-parent tests each have a control case that shows what happens without the
protection, so a broken or absent protection fails them rather than passing by luck.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from argmap.engines.process import (
    free_port,
    pid_alive,
    port_is_taken,
    port_open,
    spawn,
    stop,
    wait_gone,
)

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG and /proc are Linux only"
)

IGNORES_SIGTERM = textwrap.dedent(
    """
    import signal, sys, time
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    print("ready", flush=True)
    time.sleep(60)
    """
)


@pytest.fixture
def strays() -> Iterator[list[int]]:
    """Pids the test may leave running when it fails; killed afterwards (not by `stop`)."""
    pids: list[int] = []
    yield pids
    for pid in pids:
        if pid_alive(pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


# ---------------------------------------------------------------------------------------------
# Ports


def test_free_port_can_be_listened_on() -> None:
    port = free_port()
    assert 1024 <= port <= 65535
    with socket.socket() as server:
        server.bind(("127.0.0.1", port))
        server.listen()
        assert port_is_taken(port) and port_open(port)


def test_port_is_taken_sees_listeners_and_bound_sockets() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        port = listener.getsockname()[1]
        assert port_is_taken(port), "bound (not listening) without SO_REUSEADDR: taken"
        assert not port_open(port)
        listener.listen()
        assert port_is_taken(port)
        assert port_open(port)
    assert not port_is_taken(port)
    assert not port_open(port)


def test_time_wait_leftovers_do_not_count_as_taken() -> None:
    """A server that just stopped leaves TIME_WAIT connections; it may listen again at once."""
    with socket.socket() as listener:
        # Like redis-server, the JVM and uvicorn: their accepted sockets inherit this.
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        client = socket.create_connection(("127.0.0.1", port))
        accepted, _ = listener.accept()
        accepted.close()  # the server side closes first: its end goes to TIME_WAIT
        assert client.recv(1) == b""
        client.close()
    time.sleep(0.1)
    with socket.socket() as naive:  # a bind test without SO_REUSEADDR would say "taken"
        with pytest.raises(OSError) as caught:
            naive.bind(("127.0.0.1", port))
        assert caught.value.errno == errno.EADDRINUSE, "no TIME_WAIT made: test is void"
    assert not port_is_taken(port)
    with socket.socket() as server:  # and a real server can indeed listen there now
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", port))
        server.listen()


# ---------------------------------------------------------------------------------------------
# pid_alive, spawn, stop


@linux_only
def test_pid_alive_guards_recycled_pids_and_reaps_our_exited_child() -> None:
    child = spawn(["sleep", "30"])
    try:
        assert pid_alive(child.pid)
        assert pid_alive(child.pid, cmdline_has="30")
        assert not pid_alive(child.pid, cmdline_has="3"), "an argument must match whole"
    finally:
        child.kill()
    # Our own child, exited but not reaped (a zombie): gone, and pid_alive reaps it.
    deadline = time.monotonic() + 5
    while _state(child.pid) != "Z" and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not pid_alive(child.pid)
    assert not Path(f"/proc/{child.pid}").exists(), "pid_alive did not reap our child"


@linux_only
def test_someone_elses_zombie_counts_as_gone() -> None:
    """An exited process its parent has not reaped (yet) no longer runs: it is gone."""
    holder = subprocess.Popen(  # starts a child, never reaps it, stays alive
        [sys.executable, "-c", "import subprocess, time\n"
         "print(subprocess.Popen(['sleep', '60']).pid, flush=True)\ntime.sleep(60)"],
        stdout=subprocess.PIPE,
    )  # fmt: skip
    try:
        assert holder.stdout is not None
        pid = int(holder.stdout.readline())
        assert pid_alive(pid)
        os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 5
        while _state(pid) != "Z":
            assert time.monotonic() < deadline, f"pid {pid} did not become a zombie"
            time.sleep(0.02)
        assert not pid_alive(pid)
        assert stop(pid, timeout=1) is False
    finally:
        holder.kill()
        holder.wait()


def _state(pid: int) -> str:
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]


def test_spawn_and_stop_a_child() -> None:
    child = spawn(["sleep", "60"])
    try:
        assert child.poll() is None
        assert wait_gone(child, timeout=0.1) is False
        assert wait_gone(child.pid, timeout=0.1) is False
        if sys.platform.startswith("linux"):
            assert _session(child.pid) == child.pid, "new_session=True: it leads its own"
        started = time.monotonic()
        assert stop(child, timeout=5) is True
        assert time.monotonic() - started < 4
        assert child.returncode == -signal.SIGTERM
        assert stop(child, timeout=5) is False, "already stopped"
    finally:
        child.kill()


@linux_only
def test_spawn_can_stay_in_our_session() -> None:
    child = spawn(["sleep", "60"], new_session=False)
    try:
        assert _session(child.pid) == _session(0)
    finally:
        stop(child, timeout=5)


def test_stop_escalates_to_sigkill() -> None:
    child = spawn([sys.executable, "-c", IGNORES_SIGTERM], stdout=subprocess.PIPE)
    try:
        assert child.stdout is not None and child.stdout.readline() == b"ready\n"
        started = time.monotonic()
        assert stop(child, timeout=1) is True
        assert time.monotonic() - started >= 1, "it ignores SIGTERM: stop must have waited"
        assert child.returncode == -signal.SIGKILL
    finally:
        child.kill()
        child.wait()


@linux_only
def test_stop_a_bare_pid_that_is_not_our_child(strays: list[int]) -> None:
    """A detached server is known by its pid alone: no Popen, and it is not our child."""
    launcher = textwrap.dedent(
        f"""
        import subprocess, sys
        p = subprocess.Popen([sys.executable, "-c", {IGNORES_SIGTERM!r}, "orphan-marker"],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             start_new_session=True)
        assert p.stdout.readline() == b"ready\\n"
        print(p.pid, flush=True)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", launcher], capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0, done.stderr
    pid = int(done.stdout)
    strays.append(pid)
    assert pid_alive(pid)
    # The guard: a pid whose command line is not the expected one is left alone.
    assert stop(pid, timeout=1, cmdline_has="some-other-server") is False
    assert pid_alive(pid)
    started = time.monotonic()
    assert stop(pid, timeout=1, cmdline_has="orphan-marker") is True
    assert time.monotonic() - started >= 1, "it ignores SIGTERM: stop must have waited"
    # Its new parent (init, or a subreaper) may leave it a zombie for a while: that is gone.
    assert not pid_alive(pid)
    assert stop(pid, timeout=1) is False


def _session(pid: int) -> int:
    return os.getsid(pid)


# ---------------------------------------------------------------------------------------------
# Die with the parent

LAUNCHER = textwrap.dedent(
    """
    import sys, time
    from argmap.engines.process import spawn
    child = spawn(["sleep", "60"], die_with_parent=sys.argv[1] == "yes")
    print(child.pid, flush=True)
    time.sleep(60)
    """
)


@linux_only
@pytest.mark.parametrize("die_with_parent", [True, False])
def test_sigkilled_parent_takes_the_child_along(die_with_parent: bool, strays: list[int]) -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", LAUNCHER, "yes" if die_with_parent else "no"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert parent.stdout is not None
        child = int(parent.stdout.readline())
        strays.append(child)
        assert pid_alive(child)
        parent.send_signal(signal.SIGKILL)  # no atexit, no handler: only the kernel can help
        parent.wait(10)
        if die_with_parent:
            assert wait_gone(child, timeout=5), "the child outlived its SIGKILLed parent"
        else:  # control: without the request the child is orphaned, not killed
            time.sleep(1)
            assert pid_alive(child)
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()


# The race spawn() guards against: the parent dies after fork() but before the child's prctl
# takes effect, so no signal will ever come. Reproduced for real: a child forked the way Popen
# forks waits until its parent is dead, then runs the very preexec function spawn() hands to
# Popen. The control runs a bare prctl instead, to show the race is real.
RACE = textwrap.dedent(
    """
    import ctypes, os, signal, sys, time
    from argmap.engines import process
    preexec = process._die_with_parent_preexec()  # made in the parent, as spawn() does
    if sys.argv[1] == "bare-prctl":
        prctl = ctypes.CDLL(None).prctl
        preexec = lambda: prctl(1, signal.SIGTERM, 0, 0, 0)  # PR_SET_PDEATHSIG only
    parent = os.getpid()
    if os.fork() == 0:
        while os.getppid() == parent:  # until the parent is dead
            time.sleep(0.01)
        os.write(1, b"parent gone\\n")
        preexec()
        os.write(1, b"survived\\n")  # here exec would run the server, an orphan for good
        os._exit(0)
    os._exit(0)  # the parent dies right after fork
    """
)


@linux_only
@pytest.mark.parametrize("preexec", ["spawn", "bare-prctl"])
def test_child_whose_parent_died_before_prctl_exits(preexec: str) -> None:
    # Reading to EOF also waits for the forked child: it holds the pipe until it exits.
    done = subprocess.run(
        [sys.executable, "-c", RACE, preexec], capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0, done.stderr
    if preexec == "spawn":
        assert done.stdout == "parent gone\n", "the orphaned child went on to exec"
    else:
        assert done.stdout == "parent gone\nsurvived\n", "control: the race did not happen"
