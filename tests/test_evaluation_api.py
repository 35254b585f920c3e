"""Formal evaluation of the seeded map over the API, on every engine."""

import pytest
from fastapi.testclient import TestClient
from queries import FixtureQuery, fixture_queries

from argmap.app import create_app
from argmap.keys import ApiKey, hash_key

KEY = "evaluation-key"


def outcomes(body: dict, field: str) -> dict:
    return {item["id"]: item[field] for item in body["items"]}


def test_grounded_labels_every_statement(client):
    body = client.get("/evaluation").json()
    assert body["semantics"] == "grounded" and body["arguments"] == 54
    assert body["attacks"] == 28 and body["supports"] == 35
    labels = outcomes(body, "label")
    assert set(labels.values()) <= {"IN", "OUT", "UNDEC"}
    assert labels["nato-never-attacked-russia"] == "IN"  # nothing attacks it
    assert sum(body["counts"].values()) == 54


def test_labels_respect_the_attacks(client):
    """Dung: IN iff every attacker is OUT; OUT iff some attacker is IN."""
    labels = outcomes(client.get("/evaluation").json(), "label")
    graph = client.get("/graph").json()
    attackers = {node["id"]: [] for node in graph["nodes"]}
    for edge in graph["edges"]:
        if edge["type"] == "REFUTES":
            attackers[edge["target"]].append(edge["source"])
    for arg, label in labels.items():
        if label == "IN":
            assert all(labels[a] == "OUT" for a in attackers[arg]), arg
        if label == "OUT":
            assert any(labels[a] == "IN" for a in attackers[arg]), arg


def test_preferred_and_its_bound(client):
    body = client.get("/evaluation", params={"semantics": "preferred"}).json()
    assert body["extensions"] and all(isinstance(e, list) for e in body["extensions"])
    grounded = outcomes(client.get("/evaluation").json(), "label")
    for item in body["items"]:  # the grounded extension is in every preferred extension
        if grounded[item["id"]] == "IN":
            assert item["sceptical"] and item["credulous"]
    too_big = client.get("/evaluation", params={"semantics": "preferred", "max_arguments": 10})
    assert too_big.status_code == 422 and "max_arguments" in too_big.json()["message"]


def test_dfquad_strengths(client):
    body = client.get("/evaluation", params={"semantics": "dfquad"}).json()
    strengths = outcomes(body, "strength")
    assert body["converged"] is True
    assert all(0 <= s <= 1 for s in strengths.values())
    # Neither attacked nor supported: it keeps its base score (the default 0.5).
    assert strengths["nato-never-attacked-russia"] == 0.5
    # The one supporter and three refuters pull this position below its base.
    assert strengths["nato-is-defensive"] < 0.5
    assert any(s > 0.5 for s in strengths.values())


def test_scope_says_what_was_believed(client):
    whole = client.get("/evaluation").json()
    commentary = client.get("/evaluation", params={"source": "src-will-russia-join-nato"}).json()
    assert commentary["scope"] == {
        "position": None, "source": "src-will-russia-join-nato", "speaker": None
    }  # fmt: skip
    assert commentary["arguments"] < whole["arguments"]
    assert client.get("/evaluation", params={"speaker": "nobody"}).status_code == 404


@pytest.mark.parametrize("statement", ["russia-chose-not-to-join", "nato-never-attacked-russia"])
def test_explain_matches_the_label(client, statement):
    label = outcomes(client.get("/evaluation").json(), "label")[statement]
    why = client.get(f"/statements/{statement}/explain").json()
    assert why["label"] == label and statement in why["reason"]
    nodes = {n["id"]: n["label"] for n in why["nodes"]}
    assert nodes[statement] == label
    if label == "OUT":  # some IN attacker defeats it
        assert any(
            e["target"] == statement and nodes[e["source"]] == "IN" for e in why["edges"]
        )
    assert client.get("/statements/nowhere/explain").status_code == 404


def test_apply_writes_outcome_labels_and_replaces_them(engine_settings, restore_seeded_map):
    settings = engine_settings.model_copy(update={"api_keys": [ApiKey(sha256=hash_key(KEY))]})
    with TestClient(create_app(settings)) as api:
        assert api.post("/evaluation/apply").status_code == 401
        auth = {"Authorization": f"Bearer {KEY}"}
        first = api.post("/evaluation/apply", headers=auth).json()
        second = api.post("/evaluation/apply", headers=auth).json()
        assert first == second and first["written"] == 54
        rows = api.portal.call(
            api.app.state.store.read, fixture_queries(api.app.state.store.engine)(FixtureQuery.CHECKS_OUTCOME_LABELS)
        )
        counts = rows[0]
        assert counts["accepted"] == first["counts"].get("Accepted", 0)
        assert counts["accepted"] + counts["rejected"] + counts["undecided"] == 54
        assert counts["with_strength"] == 54
    restore_seeded_map()
