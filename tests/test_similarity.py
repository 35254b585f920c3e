"""Claim matching on the seeded map, on every engine: GET /statements/similar, near-duplicates
refused by POST /statements, embeddings kept current by PATCH and import, and the embedding
never in an answer."""

import json
import re

import pytest
from queries import FixtureQuery, fixture_queries
from support import WRITE_AUTH, assert_error

from argmap.catalog import CYPHER_DIR, Query
from argmap.text import matching
from argmap.text.embedding import DIMENSIONS, embed, statement_text

# Statements whose embedding FalkorDB stores as vecf32 in a form of its own.
VECF32_FORMS = ("statements/create", "statements/update", "exchange/import")


@pytest.fixture(scope="module")
def api(writable_api):
    return writable_api


def similar(api, text: str, limit: int = 10) -> list[dict]:
    response = api.get("/statements/similar", params={"text": text, "limit": limit})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == len(body["items"]) <= limit
    return body["items"]


# --- without an engine ---------------------------------------------------------------------


def test_the_embedding_is_normalised_and_shaped():
    vectors = embed(["NATO is a defensive alliance.", "Russia wanted to join NATO."])
    assert vectors.shape == (2, DIMENSIONS) and str(vectors.dtype) == "float32"
    assert [round(float((v * v).sum()), 4) for v in vectors] == [1.0, 1.0]
    assert embed([]).shape == (0, DIMENSIONS)


def test_opposites_are_one_side_negating_the_other():
    stated = "NATO is a defensive alliance with no aggressive intent toward Russia."
    assert matching.opposite("NATO is not a defensive alliance", stated)
    assert matching.opposite("Hillary Clinton denied calling Putin a modern Hitler",
                             "Hillary Clinton called Putin a modern Hitler")  # fmt: skip
    assert not matching.opposite("NATO is a defensive alliance", stated)
    # negating alike in other words is no opposite
    assert not matching.opposite("Russia didn't want to join", "Russia did not want to join")
    # nor is a negation in an unrelated text
    assert not matching.opposite("Turkey threatens a veto", "NATO is not a defensive alliance")


def test_falkordb_forms_differ_only_in_storing_the_embedding_as_vecf32():
    """The writes that store an embedding have a FalkorDB form (vecf32): whatever else the
    base query changes must change there too."""

    def code(path) -> str:
        return "\n".join(l for l in path.read_text().splitlines() if not l.startswith("//"))

    for name in VECF32_FORMS:
        assert Query(name)
        base, falkordb = (
            code(CYPHER_DIR / f"{name}.cypher"),
            code(CYPHER_DIR / "falkordb" / f"{name}.cypher"),
        )
        assert "embedding" in base, name
        wrapped = re.sub(r"= (\$embedding|row\.embedding)\b", r"= vecf32(\1)", base)
        assert falkordb == wrapped, f"cypher/falkordb/{name}.cypher has drifted from its base"


# --- on the engines ------------------------------------------------------------------------


def test_a_seed_quote_finds_the_statement_it_expresses_first(api):
    statement = api.get("/statements/invite-russia-into-nato").json()
    quote = next(q["quote"] for q in statement["quotes"] if "crazy idea" in q["quote"])
    items = similar(api, quote)
    assert items[0]["id"] == "invite-russia-into-nato", items[:3]
    assert items[0]["opposite"] is False
    scores = [i["score"] for i in items]
    assert scores == sorted(scores, reverse=True)
    for item in items:
        assert 0 <= item["score"] <= 1 and -1 <= item["semantic"] <= 1.0001
        assert 0 <= item["lexical"] <= 1
        assert set(item) == {"id", "role", "title", "text", "score", "semantic", "lexical",
                             "opposite"}  # fmt: skip


def test_every_seed_statement_finds_itself_first(api):
    """The vector index holds every seeded statement (embedded after seeding)."""
    seeded = api.get("/statements", params={"limit": 500}).json()["items"]
    assert len(seeded) >= 50
    for statement in seeded[::5]:
        items = similar(api, statement_text(title=statement["title"], text=statement["text"]), 3)
        assert items[0]["id"] == statement["id"], (statement["id"], items)
        assert items[0]["semantic"] > 0.99


def test_a_negated_variant_is_flagged_opposite(api):
    items = similar(api, "NATO is not a defensive alliance.")
    found = {i["id"]: i for i in items}
    assert found["nato-is-defensive"]["opposite"] is True
    top = similar(api, "NATO is a defensive alliance.")[0]
    assert top["id"] == "nato-is-defensive" and top["opposite"] is False


def test_limit_and_bad_parameters(api):
    assert len(similar(api, "NATO", limit=2)) == 2
    assert_error(api.get("/statements/similar"), 422, "invalid")
    assert_error(api.get("/statements/similar", params={"text": "x", "limit": 0}), 422, "invalid")


REWORDED = {
    "role": "Claim",
    "title": "Turkey threatens a veto on Sweden and Finland",
    "text": "Turkey opposes Sweden and Finland joining NATO and threatens to veto their "
    "applications.",
}


def test_a_reworded_statement_is_refused_as_a_near_duplicate_unless_forced(api):
    before = api.get("/statements", params={"limit": 1}).json()["total"]
    body = assert_error(
        api.post("/statements", json=REWORDED, headers=WRITE_AUTH), 409, "near_duplicate"
    )
    assert "turkey-threatens-veto" in body["message"]
    listed = {d["id"]: d for d in body["details"]}
    assert listed["turkey-threatens-veto"]["score"] >= matching.NEAR_DUPLICATE_SCORE
    assert listed["turkey-threatens-veto"]["opposite"] is False
    assert listed["turkey-threatens-veto"]["title"] == "Turkey threatens to veto Finland and Sweden"
    assert api.get("/statements", params={"limit": 1}).json()["total"] == before

    created = api.post("/statements", params={"force": "true"}, json=REWORDED, headers=WRITE_AUTH)
    assert created.status_code == 201, created.text
    assert api.get("/statements", params={"limit": 1}).json()["total"] == before + 1
    # The new one is in the index too: its own words find it (and the seed) first.
    found = [i["id"] for i in similar(api, REWORDED["text"], 2)]
    assert set(found) == {created.json()["id"], "turkey-threatens-veto"}


def test_a_taken_id_is_the_conflict_even_when_the_text_is_a_near_duplicate(api):
    body = {**REWORDED, "id": "turkey-threatens-veto"}
    answer = assert_error(api.post("/statements", json=body, headers=WRITE_AUTH), 409, "conflict")
    assert "turkey-threatens-veto" in answer["message"]


def test_neighbours_and_opposites_do_not_block(api):
    opposite = {
        "role": "Rebuttal",
        "title": "NATO is not a defensive alliance",
        "text": "NATO is not a defensive alliance; it has aggressive intent toward Russia.",
    }
    response = api.post("/statements", json=opposite, headers=WRITE_AUTH)
    assert response.status_code == 201, response.text
    neighbour = {"role": "Claim", "text": "Russia and NATO should talk about Ukraine."}
    assert api.post("/statements", json=neighbour, headers=WRITE_AUTH).status_code == 201


def test_patching_the_text_embeds_it_anew(api):
    created = api.post(
        "/statements",
        params={"force": "true"},
        json={"role": "Premise", "text": "Penguins live in the southern hemisphere."},
        headers=WRITE_AUTH,
    ).json()
    new_words = "Norway's sovereign wealth fund sold its holdings in Russian companies."
    assert created["id"] not in [i["id"] for i in similar(api, new_words, 3)]
    patched = api.patch(
        f"/statements/{created['id']}", json={"text": new_words}, headers=WRITE_AUTH
    )
    assert patched.status_code == 200, patched.text
    assert similar(api, new_words, 3)[0]["id"] == created["id"]
    # A change that keeps the words keeps the embedding.
    api.patch(f"/statements/{created['id']}", json={"base_score": 0.7}, headers=WRITE_AUTH)
    assert similar(api, new_words, 3)[0]["id"] == created["id"]
    # The title is embedded too.
    api.patch(
        f"/statements/{created['id']}",
        json={"title": "Cormorants nest on Baltic cliffs"},
        headers=WRITE_AUTH,
    )
    assert similar(api, "Cormorants nest on Baltic cliffs", 3)[0]["id"] == created["id"]


def test_imported_statements_are_embedded(api):
    doc = {
        "format": "argmap",
        "version": 2,
        "statements": [
            {"id": "sim-imported-a", "role": "Claim", "title": "Glaciers are retreating",
             "text": "Alpine glaciers lost a tenth of their ice in two summers."},
            {"id": "sim-imported-b", "role": "Claim",
             "text": "Beekeepers report colonies collapsing after a wet spring."},
        ],
    }  # fmt: skip
    response = api.post("/import", content=json.dumps(doc), headers=WRITE_AUTH)
    assert response.status_code == 200, response.text
    assert similar(api, "Alpine glaciers are losing their ice", 3)[0]["id"] == "sim-imported-a"
    assert similar(api, "bee colonies collapse", 3)[0]["id"] == "sim-imported-b"


GETS = (
    "/statements/nato-is-defensive",
    "/statements?limit=500",
    "/statements/similar?text=NATO",
    "/statements/contested",
    "/statements/unanswered",
    "/statements/nato-is-defensive/attack-tree",
    "/graph",
    "/positions",
    "/positions/nato-is-defensive",
    "/people/blinken",
    "/sources/src-blinken-colbert/statements",
    "/export?format=json",
    "/export?format=graphml",
    "/export?format=aif",
    "/export?format=argdown",
    "/export?format=dot",
    "/evaluation",
)


@pytest.mark.parametrize("path", GETS)
def test_no_answer_holds_the_embedding(api, path):
    response = api.get(path)
    assert response.status_code == 200, response.text
    assert "embedding" not in response.text
    # nor a long run of floats, the vector under another name
    assert not re.search(r"(-?\d\.\d{5,}\s*,\s*){20}", response.text)


def test_statements_stored_without_an_embedding_are_embedded_in_the_background(api):
    """A bulk import or a map from before claim matching: the backlog embeds them (start-up
    and imports kick it), and `similar` finds them once it has."""
    store = api.app.state.store
    queries = fixture_queries(store.engine)
    api.portal.call(store.write, queries(FixtureQuery.TESTING_CREATE_STATEMENT), {"id": "sim-bare"})
    try:
        assert "sim-bare" not in [s["id"] for s in similar(api, "duplicate probe", 20)]
        backlog = api.app.state.backlog
        api.portal.call(lambda: _kicked(backlog))
        assert similar(api, "duplicate probe", 3)[0]["id"] == "sim-bare"
    finally:
        api.portal.call(
            store.write, queries(FixtureQuery.TESTING_DELETE_NODES), {"ids": ["sim-bare"]}
        )


async def _kicked(backlog) -> None:
    backlog.kick()
    await backlog.wait()
