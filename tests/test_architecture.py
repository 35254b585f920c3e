"""The package's shape: no import cycle, configuration without the web framework, and no
benchmark or test code inside the product."""

import ast
import subprocess
import sys
from pathlib import Path

import networkx as nx

PACKAGE = Path(__file__).resolve().parents[1] / "service" / "argmap"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, modules: set[str]) -> set[str]:
    """Every argmap module `path` imports, anywhere in it (functions included), with the
    packages Python imports on the way."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{alias.name}" for alias in node.names] + [node.module]
        else:
            continue
        for name in names:
            while name and name not in modules:
                name = name.rpartition(".")[0]
            while name:  # importing a.b.c imports a and a.b first
                found.add(name)
                name = name.rpartition(".")[0]
    return found


def import_graph() -> nx.DiGraph:
    paths = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = nx.DiGraph()
    for name, path in paths.items():
        for imported in imported_modules(path, set(paths)) - {name}:
            if not name.startswith(imported + "."):  # a module needs its own package: no cycle
                graph.add_edge(name, imported)
    return graph


def test_the_package_has_no_import_cycle():
    graph = import_graph()
    assert graph.number_of_edges() > 100  # the graph was read, not empty
    cycles = list(nx.simple_cycles(graph))
    assert cycles == [], cycles


def test_no_relative_imports_hide_from_that_check():
    relative = [
        f"{p.relative_to(PACKAGE)}:{node.lineno}"
        for p in PACKAGE.rglob("*.py")
        for node in ast.walk(ast.parse(p.read_text()))
        if isinstance(node, ast.ImportFrom) and node.level > 0
    ]
    assert relative == []


def loaded_by(statement: str) -> list[str]:
    code = f"import sys; {statement}; print('\\n'.join(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.split()


def test_settings_load_without_web_framework_or_engine_clients():
    loaded = loaded_by("import argmap.settings")
    assert "argmap.settings" in loaded
    unwanted = ("fastapi", "starlette", "argmap.store", "neo4j", "falkordb", "redis")
    assert [m for m in loaded if m.startswith(unwanted)] == []


def test_the_product_imports_no_benchmark_or_test_code():
    """tests/test_bench_harness.py checks the same from a running process."""
    foreign = ("argmap_bench", "benchmarks", "tests", "queries", "conftest", "browser_support")
    offenders = [
        f"{p.relative_to(PACKAGE)}:{node.lineno}"
        for p in PACKAGE.rglob("*.py")
        for node in ast.walk(ast.parse(p.read_text()))
        for name in (
            [a.name for a in node.names]
            if isinstance(node, ast.Import)
            else [node.module or ""]
            if isinstance(node, ast.ImportFrom)
            else []
        )
        if name.split(".")[0] in foreign
    ]
    assert offenders == []
