"""Formal evaluation over the API, on every engine: the seeded map (whatever its size, read
back from /graph), `basis=stated|all`, explanations that name each relation and its grounds,
and undercuts on a small map written through the API."""

import re
from collections import Counter
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from queries import FixtureQuery, fixture_queries
from support import WRITE_AUTH

from argmap.app import create_app
from argmap.keys import ApiKey, hash_key

KEY = "evaluation-key"


def outcomes(body: dict, field: str) -> dict:
    return {item["id"]: item[field] for item in body["items"]}


def test_grounded_labels_every_statement(client):
    body = client.get("/evaluation").json()
    graph = client.get("/graph").json()
    kinds = Counter(edge["type"] for edge in graph["edges"])
    assert body["semantics"] == "grounded" and body["basis"] == "all"
    assert body["arguments"] == len(graph["nodes"]) > 0
    assert (body["attacks"], body["supports"], body["undercuts"]) == (
        kinds["REFUTES"], kinds["SUPPORTS"], kinds["UNDERCUTS"]
    )  # fmt: skip
    # The relations used, by type and basis, are the map's relations.
    by_basis = Counter((edge["type"], edge["basis"]) for edge in graph["edges"])
    assert body["relations"] == {
        t: {b: n for (t2, b), n in sorted(by_basis.items()) if t2 == t} for t in sorted(kinds)
    }
    labels = outcomes(body, "label")
    assert set(labels.values()) <= {"IN", "OUT", "UNDEC"}
    assert labels["nato-never-attacked-russia"] == "IN"  # nothing attacks it
    assert sum(body["counts"].values()) == body["arguments"]


def attack_labels(labels: dict, edges: list[dict]) -> dict[str, list[str]]:
    """Per statement, the labels of the attacks on it, each counted as the flattening does:
    IN when the attacker is IN and no undercutter is, OUT when the attacker is OUT or an
    undercutter is IN, else UNDEC."""
    undercutters: dict[str, list[str]] = {}
    for edge in edges:
        if edge["type"] == "UNDERCUTS":
            undercutters.setdefault(edge["target"], []).append(labels[edge["source"]])
    on: dict[str, list[str]] = {}
    for edge in edges:
        if edge["type"] == "REFUTES":
            cut = undercutters.get(edge["id"], [])
            attacker = labels[edge["source"]]
            holds = (
                "OUT" if attacker == "OUT" or "IN" in cut
                else "IN" if attacker == "IN" and all(u == "OUT" for u in cut)
                else "UNDEC"
            )  # fmt: skip
            on.setdefault(edge["target"], []).append(holds)
    return on


@pytest.mark.parametrize("basis", ["all", "stated"])
def test_labels_respect_the_attacks_and_undercuts(client, basis):
    """Dung on the flattened framework: IN iff every attack on it fails; OUT iff one holds."""
    body = client.get("/evaluation", params={"basis": basis}).json()
    labels = outcomes(body, "label")
    edges = client.get("/graph").json()["edges"]
    if basis == "stated":
        edges = [edge for edge in edges if edge["basis"] == "stated"]
    for arg, attacks in attack_labels(labels, edges).items():
        if labels[arg] == "IN":
            assert all(a == "OUT" for a in attacks), arg
        if labels[arg] == "OUT":
            assert "IN" in attacks, arg


def test_stated_believes_only_the_stated_relations(client):
    every = client.get("/evaluation").json()
    stated = client.get("/evaluation", params={"basis": "stated"}).json()
    assert stated["basis"] == "stated" and stated["arguments"] == every["arguments"]
    assert all(set(bases) == {"stated"} for bases in stated["relations"].values())
    for kind, bases in stated["relations"].items():
        assert bases["stated"] == every["relations"][kind]["stated"]
    assert stated["attacks"] == stated["relations"].get("REFUTES", {}).get("stated", 0)
    assert client.get("/evaluation", params={"basis": "reconstructed"}).status_code == 422


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
    assert any(s < 0.5 for s in strengths.values()) and any(s > 0.5 for s in strengths.values())


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
        assert any(e["target"] == statement and nodes[e["source"]] == "IN" for e in why["edges"])
    assert client.get("/statements/nowhere/explain").status_code == 404


def test_apply_writes_outcome_labels_and_replaces_them(engine_settings, restore_seeded_map):
    settings = engine_settings.model_copy(update={"api_keys": [ApiKey(sha256=hash_key(KEY))]})
    with TestClient(create_app(settings)) as api:
        assert api.post("/evaluation/apply").status_code == 401
        auth = {"Authorization": f"Bearer {KEY}"}
        first = api.post("/evaluation/apply", headers=auth).json()
        second = api.post("/evaluation/apply", headers=auth).json()
        statements = api.get("/evaluation").json()["arguments"]
        assert first == second and first["written"] == statements and first["basis"] == "all"
        rows = api.portal.call(
            api.app.state.store.read,
            fixture_queries(api.app.state.store.engine)(FixtureQuery.CHECKS_OUTCOME_LABELS),
        )
        counts = rows[0]
        assert counts["accepted"] == first["counts"].get("Accepted", 0)
        assert counts["accepted"] + counts["rejected"] + counts["undecided"] == statements
        assert counts["with_strength"] == statements

        stated = api.post("/evaluation/apply", params={"basis": "stated"}, headers=auth).json()
        expected = api.get("/evaluation", params={"basis": "stated"}).json()["counts"]
        assert stated["basis"] == "stated"
        assert stated["counts"].get("Rejected", 0) == expected.get("OUT", 0)
    restore_seeded_map()


@pytest.mark.parametrize("basis", ["all", "stated"])
def test_explanation_names_each_attack_and_its_grounds(client, basis):
    why = client.get("/statements/nato-is-defensive/explain", params={"basis": basis}).json()
    assert why["basis"] == basis
    graph = {e["id"]: e for e in client.get("/graph").json()["edges"]}
    nodes = {n["id"]: n["label"] for n in why["nodes"]}
    shown = {e["id"] for e in why["edges"]}
    assert why["steps"] or why["reason"].endswith("nothing attacks it.")
    for step in why["steps"]:
        relation = step["relation"]
        assert relation["type"] == "REFUTES" and relation["id"] in shown
        assert (relation["source"], relation["target"]) == (step["attacker"], step["target"])
        assert graph[relation["id"]]["basis"] == relation["basis"]
        if basis == "stated":
            assert relation["basis"] == "stated"
        assert_grounded(relation)
        assert step["attacker"] in nodes and step["target"] in nodes
        for undercut in step["undercuts"]:
            assert undercut["relation"]["target"] == relation["id"]
            assert undercut["label"] == nodes[undercut["undercutter"]]
            assert_grounded(undercut["relation"])
    if why["label"] == "OUT":  # an attack on it that holds
        assert any(
            s["target"] == "nato-is-defensive" and s["effect"] == "defeats" for s in why["steps"]
        )


def assert_grounded(relation: dict) -> None:
    """Stated: its quotes, each with its source's title, in the summary; reconstructed: the
    note. Either way the speakers are named."""
    names = [p["name"] for p in relation["speakers"]]
    if relation["basis"] == "stated":
        assert relation["quotes"]
        for quote in relation["quotes"]:
            assert quote["source_title"] and quote["quote"] in relation["summary"]
            assert quote["source_title"] in relation["summary"]
    else:
        assert relation["summary"].startswith(f"reconstructed: {relation['note']}")
    assert all(name in relation["summary"] for name in names)


README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_table_of_positions_is_the_services_answer(client):
    """README's grounded outcome of the seeded positions under both bases is what the service
    answers. (After the seeds change, rerun the two evaluations and rewrite the table.)"""
    table = README.read_text().split("<!-- positions-by-basis: begin -->")[1]
    table = table.split("<!-- positions-by-basis: end -->")[0]
    rows = re.findall(
        r"^\| `([a-z0-9-]+)` \| (IN|OUT|UNDEC) \| (IN|OUT|UNDEC) \|$", table, re.MULTILINE
    )
    positions = [p["id"] for p in client.get("/positions").json()["items"]]
    assert sorted(row[0] for row in rows) == sorted(positions) and len(rows) == 10
    for column, basis in ((1, "all"), (2, "stated")):
        labels = outcomes(client.get("/evaluation", params={"basis": basis}).json(), "label")
        assert {row[0]: row[column] for row in rows} == {p: labels[p] for p in positions}, basis


# --- undercuts, on a small map written through the API ---------------------------------------

TEXT = "Alpha said the West attacked; Beta answered that this was about the 1990s."
PERSON = "ev-person"  # asserts every statement below: `speaker=ev-person` is this map alone


@pytest.fixture(scope="module")
def undercut_map(writable_api):
    """ev-a refutes ev-b (stated), ev-s supports ev-b (stated); ev-u (base score 0.8)
    undercuts the attack (reconstructed) and the support (stated)."""
    api = writable_api

    def post(url: str, body: dict) -> dict:
        response = api.post(url, json=body, headers=WRITE_AUTH)
        assert response.is_success, response.text
        return response.json()

    post("/people", {"id": PERSON, "name": "Evaluation Tester"})
    post("/people", {"id": "ev-alpha", "name": "Alpha Speaker"})
    post("/sources", {"id": "ev-src", "title": "An evaluation test source", "text": TEXT})
    quotes = {}
    for phrase in ("the West attacked", "this was about the 1990s"):
        start = TEXT.index(phrase)
        body = {"source": "ev-src", "quote": phrase, "start": start, "end": start + len(phrase)}
        quotes[phrase] = post("/quotes", body)["id"]
    for sid, score in (("ev-a", None), ("ev-b", None), ("ev-s", None), ("ev-u", 0.8)):
        body = {"id": sid, "role": "Claim", "text": sid, "speakers": [PERSON], "base_score": score}
        post("/statements", {k: v for k, v in body.items() if v is not None})
    stated = {"basis": "stated", "speakers": ["ev-alpha"], "quotes": [quotes["the West attacked"]]}
    post("/edges", {"source": "ev-a", "target": "ev-b", "type": "REFUTES"} | stated)
    post("/edges", {"source": "ev-s", "target": "ev-b", "type": "SUPPORTS"} | stated)
    note = "the analyst reads Beta's answer as denying that the attack bears on today"
    post(
        "/undercuts",
        {"source": "ev-u", "target": "ev-a~refutes~ev-b", "basis": "reconstructed", "note": note},
    )
    post(
        "/undercuts",
        {"source": "ev-u", "target": "ev-s~supports~ev-b", "basis": "stated",
         "quotes": [quotes["this was about the 1990s"]]},
    )  # fmt: skip
    return api


def evaluate(api, **params) -> dict:
    response = api.get("/evaluation", params={"speaker": PERSON} | params)
    assert response.status_code == 200, response.text
    return response.json()


def test_an_undercut_saves_the_target_unless_only_stated_relations_count(undercut_map):
    every = evaluate(undercut_map)
    assert outcomes(every, "label") == {"ev-a": "IN", "ev-b": "IN", "ev-s": "IN", "ev-u": "IN"}
    assert every["relations"] == {
        "REFUTES": {"stated": 1}, "SUPPORTS": {"stated": 1},
        "UNDERCUTS": {"reconstructed": 1, "stated": 1},
    }  # fmt: skip
    assert every["undercuts"] == 2
    # The undercut of the attack is the analyst's reading: without it the attack holds.
    stated = evaluate(undercut_map, basis="stated")
    assert outcomes(stated, "label")["ev-b"] == "OUT"
    assert stated["relations"]["UNDERCUTS"] == {"stated": 1} and stated["undercuts"] == 1
    preferred = evaluate(undercut_map, semantics="preferred")
    assert preferred["extensions"] == [["ev-a", "ev-b", "ev-s", "ev-u"]]


def test_dfquad_weakens_undercut_relations(undercut_map):
    # all: both edges weighted by 1 - 0.8: attack 0.1, support 0.1, so ev-b keeps 0.5.
    every = outcomes(evaluate(undercut_map, semantics="dfquad"), "strength")
    assert every["ev-b"] == pytest.approx(0.5) and every["ev-u"] == pytest.approx(0.8)
    # stated: the attack counts whole (0.5), the support still weakened (0.1):
    # 0.5 - 0.5 * (0.5 - 0.1) = 0.3.
    stated = outcomes(evaluate(undercut_map, semantics="dfquad", basis="stated"), "strength")
    assert stated["ev-b"] == pytest.approx(0.3)


def test_explanation_names_the_undercut_that_makes_the_attack_fail(undercut_map):
    url = "/statements/ev-b/explain"
    why = undercut_map.get(url, params={"speaker": PERSON}).json()
    assert why["label"] == "IN"
    assert (
        why["reason"]
        == "ev-b is IN: every attack on it fails: the attack of ev-a is undercut by ev-u."
    )
    [step] = why["steps"]
    assert (step["attacker"], step["effect"]) == ("ev-a", "fails")
    assert step["relation"]["id"] == "ev-a~refutes~ev-b"
    assert step["relation"]["speakers"] == [{"id": "ev-alpha", "name": "Alpha Speaker"}]
    assert step["relation"]["quotes"][0]["source_title"] == "An evaluation test source"
    assert step["relation"]["summary"] == (
        'argued by Alpha Speaker: "the West attacked" (An evaluation test source, 11-28)'
    )
    [undercut] = step["undercuts"]
    assert undercut["undercutter"] == "ev-u" and undercut["label"] == "IN"
    assert undercut["relation"]["id"] == "ev-u~undercuts~ev-a~refutes~ev-b"
    assert undercut["relation"]["summary"] == (
        "reconstructed: the analyst reads Beta's answer as denying that the attack bears on today"
    )
    edges = {(e["type"], e["id"]) for e in why["edges"]}
    assert edges == {
        ("REFUTES", "ev-a~refutes~ev-b"),
        ("UNDERCUTS", "ev-u~undercuts~ev-a~refutes~ev-b"),
    }

    stated = undercut_map.get(url, params={"speaker": PERSON, "basis": "stated"}).json()
    assert stated["label"] == "OUT" and stated["basis"] == "stated"
    [step] = stated["steps"]
    assert step["effect"] == "defeats" and step["undercuts"] == []
