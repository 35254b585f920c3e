"""Hostile files posted to POST /import on every engine: each is refused with a 4xx in the one
error shape, and the database is left exactly as it was (tests/data/hostile/README.md says
what each file is)."""

from collections import Counter
from pathlib import Path

import pytest
from support import WRITE_AUTH as AUTH

from argmap.catalog import Query
from argmap.errors import ErrorResponse

HOSTILE = Path(__file__).parent / "data" / "hostile"
FILES = sorted(p for p in HOSTILE.iterdir() if p.name != "README.md")


@pytest.fixture(scope="module")
def api(writable_api):
    return writable_api


def counts(api) -> Counter:
    """Nodes per label and relationships per type, read straight from the engine."""
    rows = api.portal.call(api.app.state.store.read, api.app.state.catalog(Query.ADMIN_COUNTS))
    return Counter({(r["kind"], r["name"]): r["count"] for r in rows})


def test_the_corpus_is_described_and_has_every_kind():
    readme = (HOSTILE / "README.md").read_text()
    assert all(f"`{p.name}`" in readme for p in FILES), "each file has a line in the README"
    kinds = ("graphml-int", "graphml-boolean", "graphml-unknown-attr-type", "aif-participant-id",
             "billion-laughs", "xxe", "deeply-nested", "not-utf8", "nul", "truncated", "huge")  # fmt: skip
    assert all(any(kind in p.name for p in FILES) for kind in kinds)


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_a_hostile_file_is_refused_and_changes_nothing(api, path):
    before = counts(api)
    response = api.post("/import", content=path.read_bytes(), headers=AUTH)
    assert 400 <= response.status_code < 500, response.text[:500]
    body = ErrorResponse.model_validate(response.json())
    assert body.status == response.status_code and body.message
    assert body.details, "the problem is located"
    assert counts(api) == before
    assert b"root:" not in response.content  # XXE: nothing of /etc/passwd comes back
