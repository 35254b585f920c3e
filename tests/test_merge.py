"""POST /statements/{id}/merge-into/{target} on every engine: quotes, speakers and relations
in and out move with their grounds, a relation the target already has is folded, one between
the two is dropped, undercuts follow, and the old id redirects (GET 301, else 410)."""

import pytest
from support import WRITE_AUTH, assert_error

QUOTE = "src-blinken-colbert-2234-2314"  # a seed quote, cited by the relations made here


@pytest.fixture(scope="module")
def api(writable_api):
    return writable_api


def post(api, path: str, body: dict, **params) -> dict:
    response = api.post(path, json=body, params=params, headers=WRITE_AUTH)
    assert response.status_code in (200, 201), response.text
    return response.json()


def statement(api, id: str, text: str) -> None:
    post(api, "/statements", {"id": id, "role": "Claim", "text": text}, force="true")


def merge(api, id: str, into: str):
    return api.post(f"/statements/{id}/merge-into/{into}", headers=WRITE_AUTH)


def ids(items: list[dict]) -> set[str]:
    return {item["id"] for item in items}


def grounds(edge: dict) -> tuple:
    return (edge["basis"], edge["note"], ids(edge["speakers"]), ids(edge["quotes"]))


def test_a_seed_statement_moves_whole_and_its_link_to_the_target_is_dropped(api):
    a, b = "us-closed-door-to-russia", "us-left-door-open"
    before_a, before_b = api.get(f"/statements/{a}").json(), api.get(f"/statements/{b}").json()
    assert b in ids(before_a["refutes"])  # a -> b: would be a self-loop
    moved = {f"{a}~supports~{x['id']}": f"{b}~supports~{x['id']}" for x in before_a["supports"]} | {
        f"{x['id']}~refutes~{a}": f"{x['id']}~refutes~{b}" for x in before_a["refuters"]
    }
    assert moved  # the seed has relations to move
    old_grounds = {old: grounds(api.get(f"/edges/{old}").json()) for old in moved}

    response = merge(api, a, b)
    assert response.status_code == 200, response.text
    after = response.json()
    assert after["id"] == b and after == api.get(f"/statements/{b}").json()
    assert ids(after["quotes"]) == ids(before_a["quotes"]) | ids(before_b["quotes"])
    assert ids(after["speakers"]) == ids(before_a["speakers"]) | ids(before_b["speakers"])
    assert ids(after["supports"]) == ids(before_a["supports"]) | ids(before_b["supports"])
    assert ids(after["refuters"]) == (ids(before_a["refuters"]) | ids(before_b["refuters"])) - {a}
    assert b not in ids(after["refutes"]) | ids(after["refuters"])  # the self-loop is gone
    assert_error(api.get(f"/edges/{a}~refutes~{b}"), 404, "not_found")
    assert_error(api.get(f"/edges/{b}~refutes~{b}"), 404, "not_found")
    for old, new in moved.items():
        assert_error(api.get(f"/edges/{old}"), 404, "not_found")
        assert grounds(api.get(f"/edges/{new}").json()) == old_grounds[old], new

    # The old id redirects: GET 301 to the target, other methods 410, both naming it.
    gone = api.get(f"/statements/{a}", follow_redirects=False)
    body = assert_error(gone, 301, "moved")
    assert gone.headers["location"] == f"/statements/{b}" and b in body["message"]
    assert api.get(f"/statements/{a}").json()["id"] == b  # a client following it lands there
    patched = api.patch(f"/statements/{a}", json={"text": "x"}, headers=WRITE_AUTH)
    assert b in assert_error(patched, 410, "gone")["message"]
    deleted = api.delete(f"/statements/{a}", headers=WRITE_AUTH)
    assert a in assert_error(deleted, 410, "gone")["message"]
    assert_error(merge(api, a, b), 410, "gone")
    # The merged map still evaluates and exports whole.
    assert api.get("/evaluation").status_code == 200
    assert a not in api.get("/export", params={"format": "json"}).text


@pytest.fixture(scope="module")
def folded(api):
    """merge-a into merge-b, where both SUPPORT merge-x: the relation is folded."""
    for id in ("merge-a", "merge-b", "merge-x", "merge-u", "merge-v", "merge-w"):
        statement(api, id, f"{id} says something of its own about subject {id[-1]}.")
    post(
        api,
        "/edges",
        {
            "source": "merge-a",
            "target": "merge-x",
            "type": "SUPPORTS",
            "basis": "reconstructed",
            "note": "a's reading",
            "speakers": ["xiaoyin"],
        },
    )
    post(
        api,
        "/edges",
        {
            "source": "merge-b",
            "target": "merge-x",
            "type": "SUPPORTS",
            "basis": "stated",
            "quotes": [QUOTE],
            "speakers": ["bill-clinton"],
        },
    )
    post(
        api,
        "/edges",
        {
            "source": "merge-x",
            "target": "merge-a",
            "type": "REFUTES",
            "basis": "stated",
            "quotes": [QUOTE],
            "speakers": ["putin"],
        },
    )
    post(
        api,
        "/edges",
        {
            "source": "merge-v",
            "target": "merge-a",
            "type": "SUPPORTS",
            "basis": "reconstructed",
            "note": "v backs a",
        },
    )
    post(
        api,
        "/undercuts",
        {
            "source": "merge-u",
            "target": "merge-a~supports~merge-x",
            "basis": "reconstructed",
            "note": "u doubts it",
            "speakers": ["peskov"],
        },
    )
    post(
        api,
        "/edges",
        {
            "source": "merge-w",
            "target": "merge-b",
            "type": "SUPPORTS",
            "basis": "reconstructed",
            "note": "w backs b",
        },
    )
    post(
        api,
        "/undercuts",
        {
            "source": "merge-a",
            "target": "merge-w~supports~merge-b",
            "basis": "reconstructed",
            "note": "a doubts w's support of b",
        },
    )
    post(
        api,
        "/undercuts",
        {
            "source": "merge-a",
            "target": "us-left-door-open~supports~russia-chose-not-to-join",
            "basis": "stated",
            "quotes": [QUOTE],
            "speakers": ["xiaoyin"],
        },
    )
    api.put("/people/blinken/asserts/merge-a", headers=WRITE_AUTH)
    response = merge(api, "merge-a", "merge-b")
    assert response.status_code == 200, response.text
    return response.json()  # fmt: skip


def test_a_duplicate_relation_is_folded_into_the_targets(api, folded):
    assert ids(folded["supports"]) == {"merge-x"}
    edge = api.get("/edges/merge-b~supports~merge-x").json()
    # The target's stays stated with its quote, and gains the moved one's speakers
    assert edge["basis"] == "stated" and ids(edge["quotes"]) == {QUOTE}
    assert ids(edge["speakers"]) == {"bill-clinton", "xiaoyin"}
    # and the undercut aimed at the moved one, under its new id, with its grounds
    (undercut,) = edge["undercutters"]
    assert undercut["id"] == "merge-u~undercuts~merge-b~supports~merge-x"
    assert (undercut["basis"], undercut["note"], ids(undercut["speakers"])) == (
        "reconstructed", "u doubts it", {"peskov"})  # fmt: skip
    assert_error(api.get("/edges/merge-a~supports~merge-x"), 404, "not_found")
    assert_error(api.get("/undercuts/merge-u~undercuts~merge-a~supports~merge-x"), 404, "not_found")


def test_relations_in_and_out_and_undercuts_move_with_their_grounds(api, folded):
    assert ids(folded["refuters"]) == {"merge-x"}
    assert ids(folded["supporters"]) == {"merge-v", "merge-w"}
    assert "blinken" in ids(folded["speakers"])
    refutes = api.get("/edges/merge-x~refutes~merge-b").json()
    assert grounds(refutes) == ("stated", None, {"putin"}, {QUOTE})
    support = api.get("/edges/merge-v~supports~merge-b").json()
    assert grounds(support) == ("reconstructed", "v backs a", set(), set())
    # an undercut it made of a relation of the target's would attack the target's own: dropped
    assert api.get("/edges/merge-w~supports~merge-b").json()["undercutters"] == []
    assert_error(api.get("/undercuts/merge-a~undercuts~merge-w~supports~merge-b"), 404, "not_found")
    # an undercut it made of another relation: from the target now, with its grounds
    made = api.get(
        "/undercuts/merge-b~undercuts~us-left-door-open~supports~russia-chose-not-to-join"
    ).json()
    assert grounds(made) == ("stated", None, {"xiaoyin"}, {QUOTE})
    assert_error(
        api.get("/undercuts/merge-a~undercuts~us-left-door-open~supports~russia-chose-not-to-join"),
        404,
        "not_found",
    )


def test_redirects_follow_a_chain_of_merges(api, folded):
    statement(api, "merge-c", "merge-c holds a view of its own on subject c.")
    assert merge(api, "merge-b", "merge-c").status_code == 200
    for old in ("merge-a", "merge-b"):
        moved = api.get(f"/statements/{old}", follow_redirects=False)
        assert "merge-c" in assert_error(moved, 301, "moved")["message"]
        assert moved.headers["location"] == "/statements/merge-c"
    merged = api.get("/statements/merge-c").json()
    assert ids(merged["supports"]) == {"merge-x"} and ids(merged["refuters"]) == {"merge-x"}
    assert api.get("/edges/merge-c~supports~merge-x").json()["undercutters"][0]["id"] == (
        "merge-u~undercuts~merge-c~supports~merge-x"
    )


def test_a_merge_that_cannot_be_done_changes_nothing(api):
    statement(api, "merge-keep", "merge-keep stays exactly as it is.")
    post(api, "/edges", {"source": "merge-keep", "target": "nato-is-defensive", "type": "REFUTES",
                         "basis": "reconstructed", "note": "kept"})  # fmt: skip
    before = api.get("/statements/merge-keep").json()
    target_before = api.get("/statements/nato-is-defensive").json()
    assert_error(merge(api, "merge-keep", "no-such-statement"), 404, "not_found")
    assert_error(merge(api, "no-such-statement", "merge-keep"), 404, "not_found")
    assert_error(merge(api, "merge-keep", "merge-keep"), 422, "invalid")
    unauthorised = api.post("/statements/merge-keep/merge-into/nato-is-defensive")
    assert_error(unauthorised, 401, "unauthorized")
    assert api.get("/statements/merge-keep").json() == before
    assert api.get("/statements/nato-is-defensive").json() == target_before
    assert_error(api.get("/statements/no-such-statement"), 404, "not_found")
