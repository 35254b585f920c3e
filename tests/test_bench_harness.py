"""The benchmark harness lives apart from the product: `argmap` imports nothing of it, the
bench's own queries load with the product's catalog loader, and its command has every study."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.catalog import CatalogError
from argmap.domain import Role
from argmap.engines import Engine
from argmap_bench.cli import app as bench_app
from argmap_bench.queries import BENCH_CYPHER_DIR, BenchQuery, bench_catalog

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "benchmarks"

PROBE = """
import importlib.util, json, sys
import argmap.app, argmap.cli
from argmap.app import create_app
create_app()
benchmarks = sys.argv[1]
print(json.dumps({
    "bench_modules": sorted(
        name for name, module in sys.modules.items()
        if name.split(".")[0] == "argmap_bench"
        or (getattr(module, "__file__", None) or "").startswith(benchmarks)
    ),
    "old_modules": [m for m in ("argmap.cli_bench", "argmap.synthetic")
                    if importlib.util.find_spec(m) is not None],
}))
"""


def test_the_product_imports_no_benchmark_code():
    # The benchmarks folder is importable in the probe, so an import of it would succeed
    # (and show) rather than fail.
    path = os.pathsep.join(p for p in (str(BENCHMARKS), os.environ.get("PYTHONPATH")) if p)
    probe = subprocess.run(
        [sys.executable, "-c", PROBE, str(BENCHMARKS) + os.sep],
        env={**os.environ, "PYTHONPATH": path},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    found = json.loads(probe.stdout.strip().splitlines()[-1])
    assert found == {"bench_modules": [], "old_modules": []}


@pytest.mark.parametrize("engine", list(Engine))
def test_every_bench_query_has_a_file_and_every_file_a_name(engine):
    catalog = bench_catalog(engine)
    assert set(catalog.queries) == {q.value for q in BenchQuery}
    assert {p.relative_to(BENCH_CYPHER_DIR).with_suffix("").as_posix()
            for p in BENCH_CYPHER_DIR.rglob("*.cypher")} == set(catalog.queries)  # fmt: skip
    with pytest.raises(CatalogError, match="not a BenchQuery name"):
        catalog("bulk/statements")  # type: ignore[arg-type]


def test_bulk_statements_set_the_role_property_with_the_label():
    query = bench_catalog(Engine.NEO4J)(BenchQuery.BULK_STATEMENTS)
    for role in Role:
        assert f"CREATE (:Statement:{role} {{id: row.id, role: '{role}'," in query


def test_one_command_runs_every_study():
    out = CliRunner().invoke(bench_app, ["--help"], terminal_width=200).output
    for command in ("generate", "bench", "report", "server-variants", "aof-replay", "grounded"):
        assert command in out


def test_python_m_argmap_bench_runs():
    path = os.pathsep.join(p for p in (str(BENCHMARKS), os.environ.get("PYTHONPATH")) if p)
    done = subprocess.run(
        [sys.executable, "-m", "argmap_bench", "report", "--help"],
        check=False,
        env={**os.environ, "PYTHONPATH": path},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "results file" in done.stdout
