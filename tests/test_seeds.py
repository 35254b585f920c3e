"""The seeded argument map of the two articles, checked on every engine."""

import hashlib
from collections import defaultdict
from pathlib import Path

import pytest
from queries import FixtureQuery, fixture_queries

from argmap.catalog import Query, load_catalog
from argmap.domain import Role
from argmap.seeding import load_seeds

pytestmark = pytest.mark.anyio

ARTICLES = Path(__file__).resolve().parents[1] / "seeds" / "articles"
SOURCES = {
    "src-blinken-colbert": "000_30533afe680c5abc.txt",
    "src-will-russia-join-nato": "004_2f6544d741bed8bb.txt",
}
POSITIONS = {
    "nato-is-defensive",
    "nato-expansion-threatens-russia",
    "russia-chose-not-to-join",
    "west-kept-russia-out",
    "nato-open-door",
}


# SHA-256 of the originals in ../shared/articles: the copies must be byte for byte.
ORIGINALS = {
    "000_30533afe680c5abc.txt": "a20145728c46d4fe763ec17c1d4ff877893713570e198f2fe70caf1987ca2d84",
    "004_2f6544d741bed8bb.txt": "c151456d626a334845c80d04dc7df7a2a14a0c006c4f6e416e3fab22ace98596",
}


@pytest.mark.parametrize("name", sorted(SOURCES.values()))
def test_articles_are_copied_byte_for_byte(name):
    assert hashlib.sha256((ARTICLES / name).read_bytes()).hexdigest() == ORIGINALS[name]


def test_sources_are_the_article_files(client):
    for source_id, name in SOURCES.items():
        data = (ARTICLES / name).read_bytes()
        source = client.get(f"/sources/{source_id}", params={"include_text": True}).json()
        assert source["text"] == data.decode("utf-8")
        assert source["sha256"] == hashlib.sha256(data).hexdigest()
        assert source["file"] == name
    kinds = {s["id"]: s["kind"] for s in client.get("/sources").json()["items"]}
    assert kinds == {
        "src-blinken-colbert": "news report",
        "src-will-russia-join-nato": "commentary",
    }


def test_every_quote_is_verbatim_at_its_offsets(client):
    checked = 0
    for source_id, name in SOURCES.items():
        text = (ARTICLES / name).read_bytes().decode("utf-8")
        for statement in client.get(f"/sources/{source_id}/statements").json()["items"]:
            for quote in statement["quotes"]:
                assert text[quote["start"] : quote["end"]] == quote["quote"], quote["id"]
                checked += 1
    assert checked >= 80


async def test_the_engine_agrees_the_quotes_are_verbatim(store, client):
    mismatches = await store.read(
        fixture_queries(store.engine)(FixtureQuery.CHECKS_QUOTE_SUBSTRINGS)
    )
    assert mismatches == []


async def test_every_statement_has_one_role_a_quote_an_edge_and_a_speaker(store, client):
    rows = await store.read(fixture_queries(store.engine)(FixtureQuery.CHECKS_STATEMENT_INTEGRITY))
    assert len(rows) >= 40
    for row in rows:
        assert set(row["labels"]) & set(Role) == {row["role"]}, row
        assert row["quotes"] >= 1 and row["edges"] >= 1 and row["asserters"] >= 1, row


def test_no_self_edges_and_ids_name_their_ends(client):
    graph = client.get("/graph").json()
    for edge in graph["edges"]:
        assert edge["source"] != edge["target"]
        assert edge["id"] == f"{edge['source']}~{edge['type'].lower()}~{edge['target']}"


def test_positions_are_disputed(client):
    positions = {p["id"]: p for p in client.get("/positions").json()["items"]}
    assert POSITIONS <= set(positions)
    for position in positions.values():
        assert position["supporters"] >= 1 and position["refuters"] >= 1, position["id"]


def test_both_articles_argue_in_one_connected_map(client):
    graph = client.get("/graph").json()
    neighbours = defaultdict(set)
    for edge in graph["edges"]:
        neighbours[edge["source"]].add(edge["target"])
        neighbours[edge["target"]].add(edge["source"])
    start = "russia-chose-not-to-join"
    seen, frontier = {start}, [start]
    while frontier:
        for nxt in neighbours[frontier.pop()] - seen:
            seen.add(nxt)
            frontier.append(nxt)
    assert seen == {node["id"] for node in graph["nodes"]}
    sources = {s for node in graph["nodes"] for s in node["sources"]}
    assert sources == set(SOURCES)
    both = [n for n in graph["nodes"] if len(n["sources"]) == 2]
    assert both, "some claim should be one statement quoted in both articles"


async def test_seeding_twice_changes_nothing(store, client):
    catalog = load_catalog(store.engine)

    async def counts():
        return sorted(
            map(tuple, (r.values() for r in await store.read(catalog(Query.ADMIN_COUNTS))))
        )

    before = await counts()
    await load_seeds(store, catalog)
    assert await counts() == before
    assert ("label", "Statement", len(client.get("/graph").json()["nodes"])) in before
