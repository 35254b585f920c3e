"""Relations with their grounds, and undercuts, through the API on every engine: who argues a
link and where (basis, note, speakers, quotes), the rules, atomic writes, reads, cascades, the
people's aliases, and the migration of relations stored before argmap kept their grounds."""

from __future__ import annotations

import pytest
from support import WRITE_AUTH as AUTH

from argmap.catalog import Query
from argmap.store.schema import UNGROUNDED_RELATION_NOTE, migrate_data

TEXT = "Alpha said the alliance is defensive, and Beta answered that this was not the case."
QUOTE_1 = "the alliance is defensive"  # at 11
QUOTE_2 = "this was not the case"  # at 61
EDGE = "rt-a~supports~rt-b"
UNDERCUT = "rt-u~undercuts~rt-a~supports~rt-b"


def post(api, url, body):
    return api.post(url, json=body, headers=AUTH)


def run(api, query: Query | str, **params):
    """A catalog query (or raw Cypher) on the API's engine, outside the API."""
    store = api.app.state.store
    text = api.app.state.catalog(query) if isinstance(query, Query) else query
    return api.portal.call(store.write, text, params)


def links(api, *ids: str) -> list[str]:
    rows = run(api, "MATCH (l:Link) WHERE l.id IN $ids RETURN l.id AS id ORDER BY id", ids=ids)
    return [row["id"] for row in rows]


@pytest.fixture(scope="module")
def api(writable_api):
    """Statements rt-a -> rt-b (a position), rt-u to undercut, two people, a source, two quotes
    that only relations cite."""
    for sid, role in (("rt-a", "Claim"), ("rt-b", "Position"), ("rt-u", "Rebuttal")):
        assert post(writable_api, "/statements", {"id": sid, "role": role, "text": sid}).is_success
    people = [
        {"id": "rt-alpha", "name": "Alpha Person", "aliases": ["Alfa Persson"]},
        {"id": "rt-beta", "name": "Beta Person"},
    ]
    for person in people:
        assert post(writable_api, "/people", person).status_code == 201
    assert post(writable_api, "/sources", {"id": "rt-src", "text": TEXT}).status_code == 201
    for quote in (QUOTE_1, QUOTE_2):
        start = TEXT.index(quote)
        body = {"source": "rt-src", "quote": quote, "start": start, "end": start + len(quote)}
        assert post(writable_api, "/quotes", body).status_code == 201  # no statement
    return writable_api


STATED = {
    "source": "rt-a",
    "target": "rt-b",
    "type": "SUPPORTS",
    "basis": "stated",
    "speakers": ["rt-beta", "rt-alpha"],
    "quotes": ["rt-src-11-36"],
}


@pytest.fixture
def edge(api):
    created = post(api, "/edges", STATED)
    assert created.status_code == 201, created.text
    yield created.json()
    api.delete(f"/edges/{EDGE}", headers=AUTH)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"quotes": []}, "a stated relation needs the `quotes`"),
        ({"basis": "reconstructed", "quotes": []}, "a reconstructed relation needs a `note`"),
        ({"basis": "reconstructed", "note": "  "}, "a reconstructed relation needs a `note`"),
        ({"basis": "inferred"}, "body.basis"),
        ({"speakers": ["rt-beta", "rt-beta"]}, "`speakers` lists an id twice"),
        ({"quotes": ["not a quote id"]}, "body.quotes"),
    ],
)
def test_ungrounded_edges_are_refused(api, change, message):
    response = post(api, "/edges", STATED | change)
    assert response.status_code == 422 and message in response.json()["message"]
    assert api.get(f"/edges/{EDGE}").status_code == 404


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"speakers": ["rt-alpha", "rt-nobody"]}, "no person with id 'rt-nobody'"),
        ({"speakers": ["rt-no-1", "rt-no-2"]}, "no person with ids 'rt-no-1', 'rt-no-2'"),
        ({"quotes": ["rt-src-11-36", "rt-src-0-5"]}, "no quote with id 'rt-src-0-5'"),
        ({"target": "rt-nowhere"}, "no statement with id 'rt-nowhere'"),
    ],
)
def test_unknown_grounds_are_named_and_nothing_is_written(api, change, message):
    response = post(api, "/edges", STATED | change)
    assert response.status_code == 404 and message in response.json()["message"]
    assert api.get(f"/edges/{EDGE}").status_code == 404
    assert api.get("/statements/rt-b").json()["supporters"] == []
    assert links(api, EDGE) == []


def test_the_write_itself_leaves_nothing_when_a_ground_is_missing(api):
    # The service checks first; the statement is all-or-nothing on its own too (a speaker
    # deleted between the check and the write).
    row = run(
        api,
        Query.EDGES_CREATE_SUPPORTS,
        id=EDGE, source="rt-a", target="rt-b", inference=None, basis="stated", note=None,
        speakers=["rt-alpha", "rt-gone"], quotes=["rt-src-11-36"],
        new_quotes=[{"id": "rt-src-0-4", "source": "rt-src", "quote": TEXT[:4], "start": 0,
                     "end": 4}],
    )  # fmt: skip
    assert row == [{"written": False, "taken_by": None}]
    assert api.get(f"/edges/{EDGE}").status_code == 404
    assert links(api, EDGE) == []
    assert run(api, "MATCH (q:Quote {id: 'rt-src-0-4'}) RETURN q.id AS id") == []
    assert api.get("/people/rt-alpha").json()["argues"] == []


def test_an_edge_round_trips_with_its_grounds(api, edge):
    quote = {"id": "rt-src-11-36", "source": "rt-src", "quote": QUOTE_1, "start": 11, "end": 36}
    assert edge == {
        "id": EDGE, "source": "rt-a", "target": "rt-b", "type": "SUPPORTS", "inference": None,
        "basis": "stated", "note": None,
        "speakers": [{"id": "rt-alpha", "name": "Alpha Person"},
                     {"id": "rt-beta", "name": "Beta Person"}],
        "quotes": [quote | {"note": None}],
        "undercutters": [],
    }  # fmt: skip
    assert api.get(f"/edges/{EDGE}").json() == edge
    assert links(api, EDGE) == [EDGE]

    # Posting it again keeps the one edge and replaces its grounds.
    again = STATED | {"basis": "reconstructed", "note": "read in", "speakers": ["rt-beta"]}
    replaced = post(api, "/edges", again | {"quotes": []}).json()
    assert (replaced["basis"], replaced["note"], replaced["quotes"]) == (
        "reconstructed",
        "read in",
        [],
    )
    assert [p["id"] for p in replaced["speakers"]] == ["rt-beta"]
    assert len(api.get("/statements/rt-b").json()["supporters"]) == 1
    assert api.get("/people/rt-alpha").json()["argues"] == []


def test_patch_changes_grounds_all_or_nothing(api, edge):
    url = f"/edges/{EDGE}"
    refused = api.patch(url, json={"basis": "reconstructed"}, headers=AUTH)
    assert refused.status_code == 422 and "needs a `note`" in refused.json()["message"]
    unknown = api.patch(url, json={"quotes": ["rt-src-0-5"]}, headers=AUTH)
    assert unknown.status_code == 404 and "'rt-src-0-5'" in unknown.json()["message"]
    assert api.get(url).json() == edge

    patched = api.patch(url, json={"quotes": ["rt-src-61-82"], "speakers": []}, headers=AUTH)
    assert patched.status_code == 200, patched.text
    body = patched.json()
    assert [q["quote"] for q in body["quotes"]] == [QUOTE_2] and body["speakers"] == []
    assert body["basis"] == "stated"
    assert api.patch("/edges/rt-a~supports~rt-u", json={}, headers=AUTH).status_code == 404


def test_undercuts_are_created_read_and_deleted(api, edge):
    undercut = {
        "source": "rt-u", "target": EDGE, "basis": "stated",
        "speakers": ["rt-beta"], "quotes": ["rt-src-61-82"],
    }  # fmt: skip
    created = post(api, "/undercuts", undercut)
    assert created.status_code == 201, created.text
    body = created.json()
    assert body == {
        "id": UNDERCUT, "source": "rt-u", "target": EDGE, "type": "UNDERCUTS", "inference": None,
        "basis": "stated", "note": None, "speakers": [{"id": "rt-beta", "name": "Beta Person"}],
        "quotes": [{"id": "rt-src-61-82", "source": "rt-src", "quote": QUOTE_2, "start": 61,
                    "end": 82, "note": None}],
    }  # fmt: skip
    assert api.get(f"/undercuts/{UNDERCUT}").json() == body
    assert api.get(f"/edges/{EDGE}").json()["undercutters"] == [body]
    argued = [e["id"] for e in api.get("/people/rt-beta").json()["argues"]]
    assert argued == [EDGE, UNDERCUT]

    missing_edge = post(api, "/undercuts", undercut | {"target": "rt-a~refutes~rt-b"})
    assert missing_edge.status_code == 404 and "rt-a~refutes~rt-b" in missing_edge.json()["message"]
    missing_source = post(api, "/undercuts", undercut | {"source": "rt-none"})
    assert missing_source.status_code == 404 and "'rt-none'" in missing_source.json()["message"]
    own_end = post(api, "/undercuts", undercut | {"source": "rt-a"})
    assert own_end.status_code == 422 and "an end of" in own_end.json()["message"]
    not_an_edge = post(api, "/undercuts", undercut | {"target": UNDERCUT})
    assert not_an_edge.status_code == 422

    assert api.delete(f"/undercuts/{UNDERCUT}", headers=AUTH).json()["deleted"] is True
    assert api.get(f"/undercuts/{UNDERCUT}").status_code == 404
    assert api.delete(f"/undercuts/{UNDERCUT}", headers=AUTH).status_code == 404
    assert api.get(f"/edges/{EDGE}").json()["undercutters"] == []
    assert links(api, UNDERCUT) == []


@pytest.fixture
def undercut(api, edge):
    body = {"source": "rt-u", "target": EDGE, "basis": "reconstructed", "note": "u",
            "speakers": ["rt-alpha"]}  # fmt: skip
    assert post(api, "/undercuts", body).status_code == 201
    yield UNDERCUT
    api.delete(f"/undercuts/{UNDERCUT}", headers=AUTH)


GROUNDED_EDGE = {"id": EDGE, "source": "rt-a", "target": "rt-b", "type": "SUPPORTS",
                 "basis": "stated", "speakers": ["Alpha Person", "Beta Person"]}  # fmt: skip
UNDERCUT_EDGE = {"id": UNDERCUT, "source": "rt-u", "target": EDGE, "type": "UNDERCUTS",
                 "basis": "reconstructed", "speakers": ["Alpha Person"]}  # fmt: skip


@pytest.mark.parametrize(
    "url",
    [
        "/statements/rt-b/support-tree",
        "/statements/rt-b/attack-tree",
        "/positions/rt-b",
        "/graph?position=rt-b",
        "/graph",
        "/paths?from=rt-a&to=rt-b",
    ],
)
def test_graph_answers_carry_grounds_and_undercuts(api, undercut, url):
    body = api.get(url).json()
    graph = body.get("graph") or (body["paths"][0] if "paths" in body else body)
    edges = {e["id"]: e for e in graph["edges"]}
    nodes = [n["id"] for n in graph["nodes"]]
    if "attack-tree" in url:  # a support of the root is no attack: nothing to undercut
        assert EDGE not in edges and UNDERCUT not in edges
        return
    assert edges[EDGE] == GROUNDED_EDGE and edges[UNDERCUT] == UNDERCUT_EDGE
    assert "rt-u" in nodes and len(nodes) == len(set(nodes))
    if "paths" in body:  # the chain first, in order; then the undercut
        assert nodes == ["rt-a", "rt-b", "rt-u"] and list(edges) == [EDGE, UNDERCUT]
    assert all(e["basis"] in ("stated", "reconstructed") for e in graph["edges"])


def test_deleting_an_edge_takes_its_grounds_and_undercuts(api, undercut):
    assert api.delete(f"/edges/{EDGE}", headers=AUTH).json() == {
        "id": EDGE, "deleted": True, "quotes": 0, "relations": 1
    }  # fmt: skip
    assert api.get(f"/undercuts/{UNDERCUT}").status_code == 404
    assert links(api, EDGE, UNDERCUT) == []
    assert api.get("/people/rt-alpha").json()["argues"] == []
    assert post(api, "/edges", STATED).status_code == 201  # its quote and people stayed


@pytest.mark.parametrize("removed", ["rt-u", "rt-a"])
def test_deleting_a_statement_takes_its_relations_grounds(api, undercut, removed):
    deleted = api.delete(f"/statements/{removed}", headers=AUTH).json()
    # rt-u makes the undercut; rt-a ends the edge, and the undercut aimed at it goes too
    assert deleted["relations"] == (1 if removed == "rt-u" else 2)
    assert links(api, UNDERCUT) == []
    assert links(api, EDGE) == ([] if removed == "rt-a" else [EDGE])
    assert api.get(f"/undercuts/{UNDERCUT}").status_code == 404
    role = {"rt-u": "Rebuttal", "rt-a": "Claim"}[removed]
    assert post(api, "/statements", {"id": removed, "role": role, "text": removed}).is_success


def test_deleting_a_person_removes_what_they_argue(api, edge):
    person = {"id": "rt-gamma", "name": "Gamma"}
    assert post(api, "/people", person).status_code == 201
    api.patch(f"/edges/{EDGE}", json={"speakers": ["rt-gamma", "rt-alpha"]}, headers=AUTH)
    assert [e["id"] for e in api.get("/people/rt-gamma").json()["argues"]] == [EDGE]
    assert api.delete("/people/rt-gamma", headers=AUTH).status_code == 200
    assert [p["id"] for p in api.get(f"/edges/{EDGE}").json()["speakers"]] == ["rt-alpha"]


def test_a_stated_relations_last_quote_cannot_be_deleted(api, edge):
    """Not alone, nor with its source."""
    blocked = api.delete("/quotes/rt-src-11-36", headers=AUTH)
    assert blocked.status_code == 409 and EDGE in blocked.json()["message"]
    assert [q["id"] for q in api.get(f"/edges/{EDGE}").json()["quotes"]] == ["rt-src-11-36"]
    cascade = api.delete("/sources/rt-src", params={"cascade": True}, headers=AUTH)
    assert cascade.status_code == 409 and EDGE in cascade.json()["message"]
    assert api.get("/sources/rt-src").status_code == 200
    # Reconstructed, the edge no longer needs it.
    change = {"basis": "reconstructed", "note": "no quote left"}
    assert api.patch(f"/edges/{EDGE}", json=change, headers=AUTH).status_code == 200
    assert api.delete("/quotes/rt-src-11-36", headers=AUTH).status_code == 200
    assert api.get(f"/edges/{EDGE}").json()["quotes"] == []
    body = {"source": "rt-src", "quote": QUOTE_1, "start": 11, "end": 36}
    assert post(api, "/quotes", body).status_code == 201  # back for the other tests


def test_aliases_are_stored_returned_and_searched(api):
    found = api.get("/people", params={"q": "ALFA pers"}).json()
    assert [p["id"] for p in found["items"]] == ["rt-alpha"] and found["total"] == 1
    assert found["items"][0]["aliases"] == ["Alfa Persson"]
    assert [p["id"] for p in api.get("/people", params={"q": "beta per"}).json()["items"]] == [
        "rt-beta"
    ]
    assert api.get("/people", params={"q": "Alfa Persson-x"}).json()["total"] == 0
    patched = api.patch("/people/rt-beta", json={"aliases": ["Betta"]}, headers=AUTH).json()
    assert patched["aliases"] == ["Betta"]
    assert api.get("/people", params={"q": "betta"}).json()["total"] == 1
    cleared = api.patch("/people/rt-beta", json={"aliases": []}, headers=AUTH).json()
    assert cleared["aliases"] == []
    assert api.get("/people", params={"q": "betta"}).json()["total"] == 0
    everyone = api.get("/people").json()["total"]
    assert everyone > 2 and api.get("/people", params={"q": ""}).json()["total"] == everyone


def test_the_migration_grounds_relations_stored_without_a_basis(api):
    old = "rt-a~refutes~rt-u"
    run(
        api,
        "MATCH (a:Statement {id: 'rt-a'}) MATCH (b:Statement {id: 'rt-u'}) "
        "CREATE (a)-[:REFUTES {id: $id}]->(b)",
        id=old,
    )
    store, catalog = api.app.state.store, api.app.state.catalog
    api.portal.call(migrate_data, store, catalog)
    edge = api.get(f"/edges/{old}").json()
    assert (edge["basis"], edge["note"]) == ("reconstructed", UNGROUNDED_RELATION_NOTE)
    assert links(api, old) == [old]
    # On current data it changes nothing.
    assert run(api, Query.ADMIN_RELATION_GROUNDS, note="x") == [{"updated": 0}]
    assert api.get(f"/edges/{old}").json()["note"] == UNGROUNDED_RELATION_NOTE
    assert api.delete(f"/edges/{old}", headers=AUTH).status_code == 200
