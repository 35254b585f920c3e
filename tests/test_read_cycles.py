"""Read routes on a cyclic argument: answers end, nodes never repeat, errors are named."""

from pathlib import Path

import pytest

from argmap.seeding import split_statements

FIXTURES = Path(__file__).parent / "fixtures"


def run_script(client, name: str) -> None:
    store = client.app.state.store
    for statement in split_statements((FIXTURES / name).read_text()):
        client.portal.call(store.write, statement)


@pytest.fixture(scope="module")
def cyclic(client):
    run_script(client, "cycle.cypher")
    yield client
    run_script(client, "cycle_cleanup.cypher")


def ids(graph: dict) -> list[str]:
    return [node["id"] for node in graph["nodes"]]


def test_support_tree_through_a_cycle_lists_each_node_once(cyclic):
    tree = cyclic.get("/statements/cyc-1/support-tree", params={"depth": 10}).json()
    assert sorted(ids(tree)) == ["cyc-1", "cyc-2", "cyc-3"]
    assert ids(tree)[0] == "cyc-1"  # the root comes first
    assert len(tree["edges"]) == 3
    assert {e["type"] for e in tree["edges"]} == {"SUPPORTS"}


def test_support_tree_depth_bounds_the_chain(cyclic):
    tree = cyclic.get("/statements/cyc-1/support-tree", params={"depth": 1}).json()
    assert sorted(ids(tree)) == ["cyc-1", "cyc-3"]
    assert tree["edges"] == [
        {
            "id": "cyc-3~supports~cyc-1",
            "source": "cyc-3",
            "target": "cyc-1",
            "type": "SUPPORTS",
            "basis": "reconstructed",
            "speakers": [],
        }
    ]


def test_attack_tree_keeps_edge_types_and_supporters_of_rebuttals(cyclic):
    tree = cyclic.get("/statements/cyc-1/attack-tree", params={"depth": 3}).json()
    edges = {(e["source"], e["target"], e["type"]) for e in tree["edges"]}
    assert ("cyc-r1", "cyc-1", "REFUTES") in edges
    assert ("cyc-r2", "cyc-r1", "REFUTES") in edges
    assert ("cyc-3", "cyc-r2", "SUPPORTS") in edges  # what supports the counter-rebuttal
    assert ("cyc-3", "cyc-1", "SUPPORTS") not in edges  # support of the root is not an attack
    assert len(ids(tree)) == len(set(ids(tree)))


def test_shortest_path_follows_edge_direction(cyclic):
    body = cyclic.get("/paths", params={"from": "cyc-1", "to": "cyc-3"}).json()
    assert body["length"] == 2
    assert [[n["id"] for n in p["nodes"]] for p in body["paths"]] == [["cyc-1", "cyc-2", "cyc-3"]]
    assert [e["id"] for e in body["paths"][0]["edges"]] == [
        "cyc-1~supports~cyc-2",
        "cyc-2~supports~cyc-3",
    ]


def test_path_relation_any_mixes_edge_types(cyclic):
    body = cyclic.get("/paths", params={"from": "cyc-r2", "to": "cyc-1", "relation": "any"}).json()
    assert [n["id"] for n in body["paths"][0]["nodes"]] == ["cyc-r2", "cyc-r1", "cyc-1"]
    none = cyclic.get("/paths", params={"from": "cyc-r2", "to": "cyc-1"}).json()
    assert none["paths"] == [] and none["length"] is None


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        ("/statements/no-such-id", 404, "no statement with id 'no-such-id'"),
        ("/statements/no-such-id/support-tree", 404, "no statement with id 'no-such-id'"),
        ("/statements/cyc-1/support-tree?depth=0", 422, "query.depth"),
        ("/statements/cyc-1/attack-tree?depth=11", 422, "query.depth"),
        ("/statements/cyc-1/support-tree?depth=two", 422, "query.depth"),
        ("/statements?role=Opinion", 422, "query.role"),
        ("/statements?limit=100000", 422, "query.limit"),
        ("/paths?from=cyc-1&to=cyc-1", 422, "from and to must be different"),
        ("/paths?from=cyc-1&to=missing", 404, "no statement with id 'missing'"),
        ("/paths?from=cyc-1", 422, "query.to"),
        ("/paths?from=cyc-1&to=cyc-2&relation=attacks", 422, "query.relation"),
        ("/graph?speaker=nobody", 404, "no person with id 'nobody'"),
        ("/graph?position=cyc-1", 404, "no position with id 'cyc-1'"),
        ("/people/nobody", 404, "no person with id 'nobody'"),
        ("/sources/nothing", 404, "no source with id 'nothing'"),
        ("/sources/nothing/statements", 404, "no source with id 'nothing'"),
        ("/positions/cyc-1", 404, "no position with id 'cyc-1'"),
    ],
)
def test_errors_name_the_problem(cyclic, url, status, message):
    response = cyclic.get(url)
    assert response.status_code == status, response.text
    body = response.json()
    assert body["status"] == status and message in body["message"]
