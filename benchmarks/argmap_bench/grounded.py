"""Timing of argmap's formal evaluation on seeded random frameworks (figures, not a test):
`argmap-bench grounded [--skip-py-arg]`, and preferred semantics' limit (the largest random
framework solved within a time budget, argmap's clingo encoding beside py_arg):
`PYTHONPATH=benchmarks python -m argmap_bench.grounded --preferred-limit [--budget 10]`.

Grounded semantics at 10k arguments (against py_arg, the reference implementation, in the same
run) and at 1M arguments, each argument attacking 3 random others; preferred semantics (clingo)
at 200 arguments. py_arg's grounded is quadratic in the framework size: at 10k arguments it
runs for many minutes, hence --skip-py-arg for a quick run.
"""

from __future__ import annotations

import multiprocessing
import sys
import time
from collections.abc import Callable
from typing import TypeVar

import numpy as np

from argmap.argumentation import (
    Framework,
    Label,
    PreferredTimeout,
    grounded,
    grounded_indices,
    preferred,
)

SEED = 42
ATTACKS_PER_ARGUMENT = 3
T = TypeVar("T")


def timed(fn: Callable[[], T], repeat: int = 1) -> tuple[T, float]:
    """Result of the last run and the best wall time of `repeat` runs."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return result, best


def random_edges(n: int, seed: int) -> tuple[list[str], np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    src = np.repeat(np.arange(n), ATTACKS_PER_ARGUMENT)
    dst = rng.integers(0, n, src.size)
    return [f"s{i}" for i in range(n)], src, dst


def as_rows(ids: list[str], src: np.ndarray, dst: np.ndarray) -> list[tuple[str, str]]:
    """The shape the database hands over: (attacker id, attacked id) pairs."""
    return [(ids[s], ids[t]) for s, t in zip(src.tolist(), dst.tolist())]


def py_arg_grounded(ids: list[str], attacks: list[tuple[str, str]]) -> tuple[set[str], float]:
    from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
        AbstractArgumentationFramework,
    )
    from py_arg.abstract_argumentation_classes.argument import Argument
    from py_arg.abstract_argumentation_classes.defeat import Defeat
    from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension

    args = {a: Argument(a) for a in ids}
    # The same edge set as Framework, which merges duplicate pairs (py_arg would keep them).
    defeats = [Defeat(args[s], args[t]) for s, t in dict.fromkeys(attacks)]
    af = AbstractArgumentationFramework("bench", list(args.values()), defeats)
    extension, seconds = timed(lambda: get_grounded_extension(af))
    return {a.name for a in extension}, seconds


def grounded_bench(skip_py_arg: bool = False) -> list[tuple[str, str]]:
    """Run the cases, printing each as it is measured; returns (case, figure) rows."""
    rows: list[tuple[str, str]] = []

    def report(case: str, value: str) -> None:
        rows.append((case, value))
        print(f"{case:<52} {value}", flush=True)

    print(f"random frameworks, {ATTACKS_PER_ARGUMENT} attacks per argument, seed {SEED}\n")

    ids, src, dst = random_edges(10_000, SEED)
    attacks = as_rows(ids, src, dst)
    fw, build = timed(lambda: Framework(ids, attacks), repeat=3)
    labels, ours = timed(lambda: grounded(fw), repeat=3)
    counts = {lab: list(labels.values()).count(lab) for lab in Label}
    report("10k: Framework construction (best of 3)", f"{build:.4f} s")
    report("10k: argmap grounded(fw) (best of 3)", f"{ours:.4f} s   {_fmt(counts)}")
    if not skip_py_arg:
        extension, theirs = py_arg_grounded(ids, attacks)
        agree = extension == {a for a, lab in labels.items() if lab == Label.IN}
        report("10k: py_arg get_grounded_extension (1 run)", f"{theirs:.1f} s   agree: {agree}")
        report("10k: speed-up argmap vs py_arg", f"{theirs / ours:,.0f}x")

    ids, src, dst = random_edges(1_000_000, SEED)
    attacks = as_rows(ids, src, dst)
    fw, build = timed(lambda: Framework(ids, attacks))
    codes, core = timed(lambda: grounded_indices(fw.n, fw.attack_src, fw.attack_dst))
    _, full = timed(lambda: grounded(fw))
    counts = dict(zip(("OUT", "UNDEC", "IN"), np.bincount(codes + 1, minlength=3).tolist()))
    report("1M: Framework construction from 3M id pairs", f"{build:.2f} s")
    report("1M: grounded_indices on the arrays", f"{core:.2f} s   {_fmt(counts)}")
    report("1M: grounded(fw), labels as a dict of 1M ids", f"{full:.2f} s")

    ids, src, dst = random_edges(200, SEED)
    fw = Framework(ids, as_rows(ids, src, dst))
    undec = list(grounded(fw).values()).count(Label.UNDEC)
    result, seconds = timed(lambda: preferred(fw), repeat=3)
    report(
        "200: preferred via clingo (best of 3)",
        f"{seconds:.4f} s   {len(result.extensions)} extension(s); {undec} UNDEC arguments solved",
    )
    return rows


def _fmt(counts: dict[str, int]) -> str:
    return " ".join(f"{k}={v}" for k, v in counts.items())


def _py_arg_preferred(ids: list[str], attacks: list[tuple[str, str]], out) -> None:
    from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
        AbstractArgumentationFramework,
    )
    from py_arg.abstract_argumentation_classes.argument import Argument
    from py_arg.abstract_argumentation_classes.defeat import Defeat
    from py_arg.algorithms.semantics.get_preferred_extensions import get_preferred_extensions

    args = {a: Argument(a) for a in ids}
    defeats = [Defeat(args[s], args[t]) for s, t in dict.fromkeys(attacks)]
    af = AbstractArgumentationFramework("bench", list(args.values()), defeats)
    started = time.perf_counter()
    found = get_preferred_extensions(af)
    out.send((time.perf_counter() - started, len(found)))


def py_arg_preferred(
    ids: list[str], attacks: list[tuple[str, str]], budget: float
) -> tuple[float, int] | None:
    """py_arg's preferred extensions in a child process: (seconds, extensions), or None when
    it did not finish within the budget (the child is stopped)."""
    receive, send = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.Process(target=_py_arg_preferred, args=(ids, attacks, send))
    child.start()
    done = receive.poll(budget + 5)  # + its own framework construction
    result = receive.recv() if done else None
    child.terminate()
    child.join()
    return result if result and result[0] <= budget else None


def preferred_limit(budget: float = 10.0, start: int = 100) -> list[tuple[str, str]]:
    """Double the size of a random framework (3 attacks per argument, seed SEED) until each
    solver needs more than `budget` seconds; print every size's figure."""
    rows: list[tuple[str, str]] = []
    print(f"preferred semantics, random frameworks, {ATTACKS_PER_ARGUMENT} attacks per argument, "
          f"seed {SEED}, budget {budget:g} s\n", flush=True)  # fmt: skip
    n, ours_ok, theirs_ok = start, True, True
    while ours_ok or theirs_ok:
        ids, src, dst = random_edges(n, SEED)
        attacks = as_rows(ids, src, dst)
        fw = Framework(ids, attacks)
        undec = int((grounded_indices(fw.n, fw.attack_src, fw.attack_dst) == 0).sum())
        line = f"{n:>9,} arguments ({undec:,} UNDEC after grounded):"
        if ours_ok:
            try:
                result, seconds = timed(
                    lambda fw=fw: preferred(fw, max_arguments=fw.n, timeout_s=budget)
                )
                line += f" clingo {seconds:.3f} s ({len(result.extensions)} extensions)"
            except PreferredTimeout:
                ours_ok = False
                line += f" clingo > {budget:g} s"
        if theirs_ok:
            found = py_arg_preferred(ids, attacks, budget)
            theirs_ok = found is not None
            line += f"; py_arg {found[0]:.3f} s" if found else f"; py_arg > {budget:g} s"
        print(line, flush=True)
        rows.append((f"{n}", line))
        n *= 2
    return rows


if __name__ == "__main__":
    if "--preferred-limit" in sys.argv:
        budget = float(sys.argv[sys.argv.index("--budget") + 1]) if "--budget" in sys.argv else 10
        preferred_limit(budget)
    else:
        grounded_bench(skip_py_arg="--skip-py-arg" in sys.argv)
