"""Every .cypher file Neo4j runs passes Neo4j's own parser (`lintCypherQuery`)."""

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT = ROOT / "tools" / "cypher-lint"


GUIDE = ROOT / "service" / "argmap" / "web" / "guide.html"
RUNNABLE = re.compile(r'<pre[^>]*class="[^"]*runnable[^"]*"[^>]*>(.*?)</pre>', re.DOTALL)


# The product's catalog, the tests' and the benchmarks' own queries, and the seeds.
CATALOGS = (
    ROOT / "cypher",
    ROOT / "tests" / "cypher",
    ROOT / "benchmarks" / "argmap_bench" / "cypher",
)


def neo4j_cypher_files() -> list[Path]:
    catalog = [p for root in CATALOGS for p in root.rglob("*.cypher") if "falkordb" not in p.parts]
    return sorted(catalog) + sorted((ROOT / "seeds").glob("*.cypher"))


def guide_queries() -> list[str]:
    """The clickable queries of the Neo4j Browser guide (Browser commands like :params aside)."""
    blocks = (html.unescape(b).strip() for b in RUNNABLE.findall(GUIDE.read_text()))
    return [b for b in blocks if not b.startswith(":")]


@pytest.fixture(scope="module")
def linter() -> Path:
    if not shutil.which("node") or not shutil.which("npm"):
        pytest.skip("node/npm not installed: cannot run Neo4j's Cypher parser")
    if not (LINT / "node_modules" / "@neo4j-cypher").is_dir():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=LINT, check=True)
    return LINT / "lint.mjs"


def test_neo4j_parser_accepts_every_query_and_seed(linter):
    files = neo4j_cypher_files()
    assert len(files) > 5
    result = subprocess.run(
        ["node", str(linter), *map(str, files)], capture_output=True, text=True, cwd=LINT
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(files)} files, 0 errors" in result.stdout


def test_neo4j_parser_accepts_the_browser_guide_queries(linter, tmp_path):
    queries = guide_queries()
    assert len(queries) >= 5
    files = []
    for n, query in enumerate(queries):
        files.append(tmp_path / f"guide_{n}.cypher")
        files[-1].write_text(query)
    result = subprocess.run(
        ["node", str(linter), *map(str, files)], capture_output=True, text=True, cwd=LINT
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_linter_catches_a_broken_query(linter, tmp_path):
    broken = tmp_path / "broken.cypher"
    broken.write_text("MATCH (n RETURN n")
    result = subprocess.run(
        ["node", str(linter), str(broken)], capture_output=True, text=True, cwd=LINT
    )
    assert result.returncode == 1 and "error: Invalid input" in result.stdout
