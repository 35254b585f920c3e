"""The write API on every engine: auth, validation, atomic writes, readable results."""

import pytest
from fastapi.testclient import TestClient

from argmap.app import create_app
from argmap.keys import ApiKey, Scope, hash_key

WRITE_KEY, READ_KEY = "test-write-key", "test-read-key"
AUTH = {"Authorization": f"Bearer {WRITE_KEY}"}


@pytest.fixture(scope="module")
def api(engine_settings, restore_seeded_map):
    settings = engine_settings.model_copy(
        update={
            "api_keys": [
                ApiKey(sha256=hash_key(WRITE_KEY), scope=Scope.WRITE, name="tests"),
                ApiKey(sha256=hash_key(READ_KEY), scope=Scope.READ, name="reader"),
            ]
        }
    )
    with TestClient(create_app(settings)) as client:
        yield client
    restore_seeded_map()


def post(api, url, body, headers=AUTH):
    return api.post(url, json=body, headers=headers)


def test_writes_need_a_write_key(api):
    body = {"role": "Claim", "text": "Unauthorised claim."}
    assert api.post("/statements", json=body).status_code == 401
    bad = post(api, "/statements", body, {"Authorization": "Bearer wrong"})
    assert bad.status_code == 401 and bad.json()["error"] == "unauthorized"
    ro = post(api, "/statements", body, {"Authorization": f"Bearer {READ_KEY}"})
    assert ro.status_code == 403 and "read-only" in ro.json()["message"]
    assert api.get("/statements", params={"q": "Unauthorised"}).json()["total"] == 0


def test_statement_lifecycle(api):
    person = post(api, "/people", {"id": "wt-analyst", "name": "W. T. Analyst"}).json()
    created = post(
        api,
        "/statements",
        {"role": "Claim", "title": "Write test", "text": "A claim.", "speakers": [person["id"]]},
    )
    assert created.status_code == 201, created.text
    statement = created.json()
    assert statement["id"].startswith("write-test-")
    assert statement["role"] == "Claim"
    assert statement["speakers"] == [{"id": "wt-analyst", "name": "W. T. Analyst"}]

    sid = statement["id"]
    patched = api.patch(f"/statements/{sid}", json={"role": "Premise", "title": None}, headers=AUTH)
    assert patched.status_code == 200
    assert patched.json()["role"] == "Premise" and patched.json()["title"] is None
    assert api.get(f"/statements/{sid}").json()["text"] == "A claim."

    assert api.delete(f"/statements/{sid}", headers=AUTH).json() == {
        "id": sid, "deleted": True, "quotes": 0, "relations": 0
    }  # fmt: skip
    assert api.get(f"/statements/{sid}").status_code == 404


def test_client_ids_are_checked(api):
    body = {"id": "wt-fixed", "role": "Claim", "text": "Fixed id."}
    assert post(api, "/statements", body).status_code == 201
    again = post(api, "/statements", body)
    assert again.status_code == 409 and again.json()["error"] == "conflict"
    bad = post(api, "/statements", {**body, "id": "Not A Slug"})
    assert bad.status_code == 422 and "body.id" in bad.json()["message"]


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"role": "Opinion", "text": "x"}, 422, "body.role"),
        ({"role": "Claim", "text": ""}, 422, "body.text"),
        ({"role": "Claim", "text": "x" * 5001}, 422, "body.text"),
        ({"role": "Claim", "text": "x", "speakers": ["nobody-here"]}, 404, "no person with id 'nobody-here'"),
        ({"role": "Claim", "text": "x", "extra": 1}, 422, "body.extra"),
    ],
)
def test_bad_statements_are_refused_and_nothing_is_written(api, body, status, message):
    before = api.get("/statements").json()["total"]
    response = post(api, "/statements", body)
    assert response.status_code == status and message in response.json()["message"]
    assert api.get("/statements").json()["total"] == before


def test_edges(api):
    for sid in ("wt-a", "wt-b"):
        post(api, "/statements", {"id": sid, "role": "Claim", "text": sid})
    edge = {"source": "wt-a", "target": "wt-b", "type": "SUPPORTS", "inference": "i1",
            "basis": "reconstructed", "note": "a test"}  # fmt: skip
    created = post(api, "/edges", edge)
    assert created.status_code == 201
    assert created.json() == {
        "id": "wt-a~supports~wt-b", "source": "wt-a", "target": "wt-b",
        "type": "SUPPORTS", "inference": "i1", "basis": "reconstructed", "note": "a test",
        "speakers": [], "quotes": [], "undercutters": [],
    }  # fmt: skip
    assert post(api, "/edges", edge).json()["id"] == "wt-a~supports~wt-b"  # merged
    assert len(api.get("/statements/wt-b").json()["supporters"]) == 1

    self_edge = post(api, "/edges", {**edge, "target": "wt-a"})
    assert self_edge.status_code == 422 and "itself" in self_edge.json()["message"]
    dangling = post(api, "/edges", {**edge, "target": "wt-nowhere"})
    assert dangling.status_code == 404 and "'wt-nowhere'" in dangling.json()["message"]

    assert api.delete("/edges/wt-a~supports~wt-b", headers=AUTH).status_code == 200
    assert api.delete("/edges/wt-a~supports~wt-b", headers=AUTH).status_code == 404
    assert api.get("/statements/wt-b").json()["supporters"] == []


def test_quotes_must_be_verbatim_and_block_deletes(api):
    text = "The alliance is defensive, the minister said."
    source = post(api, "/sources", {"id": "wt-src", "title": "Test source", "text": text})
    assert source.status_code == 201 and source.json()["length"] == len(text)
    post(api, "/statements", {"id": "wt-quoted", "role": "Claim", "text": "Defensive."})
    quote = {"statement": "wt-quoted", "source": "wt-src", "start": 4, "end": 25}
    wrong = post(api, "/quotes", {**quote, "quote": "alliance is offensive"})
    assert wrong.status_code == 422 and "not verbatim" in wrong.json()["message"]
    outside = post(api, "/quotes", {**quote, "end": 999, "quote": "x"})
    assert outside.status_code == 422
    good = post(api, "/quotes", {**quote, "quote": "alliance is defensive"})
    assert good.status_code == 201 and good.json()["id"] == "wt-src-4-25"

    blocked = api.delete("/statements/wt-quoted", headers=AUTH)
    assert blocked.status_code == 409 and "cascade" in blocked.json()["message"]
    assert api.get("/statements/wt-quoted").status_code == 200
    assert api.delete("/sources/wt-src", headers=AUTH).status_code == 409
    gone = api.delete("/statements/wt-quoted", params={"cascade": True}, headers=AUTH)
    assert gone.json() == {"id": "wt-quoted", "deleted": True, "quotes": 1, "relations": 0}
    assert api.delete("/sources/wt-src", headers=AUTH).status_code == 200


def test_asserts(api):
    post(api, "/people", {"id": "wt-speaker", "name": "Speaker"})
    post(api, "/statements", {"id": "wt-said", "role": "Claim", "text": "Said."})
    person = api.put("/people/wt-speaker/asserts/wt-said", headers=AUTH).json()
    assert [s["id"] for s in person["statements"]] == ["wt-said"]
    assert api.put("/people/wt-speaker/asserts/wt-none", headers=AUTH).status_code == 404
    person = api.delete("/people/wt-speaker/asserts/wt-said", headers=AUTH).json()
    assert person["statements"] == []
