"""Import and export over the API on every engine: round trips, all-or-nothing, formats."""

import hashlib
import json
import random
import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import networkx as nx
import pytest
from serving import engine_env, http_server
from support import WRITE_AUTH as AUTH
from support import WRITE_KEY

from argmap.catalog import Query
from argmap.errors import ErrorResponse
from argmap.keys import ApiKey, hash_key
from argmap.services import exchange as exchange_service
from argmap.store import QueryFailed, StoreError


@pytest.fixture(scope="module")
def api(writable_api):
    return writable_api


def reset(api) -> None:
    api.portal.call(api.app.state.store.write, api.app.state.catalog(Query.ADMIN_RESET))


def counts(api) -> dict:
    rows = api.portal.call(api.app.state.store.read, api.app.state.catalog(Query.ADMIN_COUNTS))
    return {(r["kind"], r["name"]): r["count"] for r in rows}


def test_json_round_trip_through_an_empty_database(api):
    exported = api.get("/export").content
    doc = json.loads(exported)
    # The seeds' counts are the seeds' business; every relation carries its grounds.
    assert len(doc["statements"]) >= 50 and doc["quotes"]
    assert all(e["basis"] in ("stated", "reconstructed") for e in doc["edges"] + doc["undercuts"])
    reset(api)
    imported = api.post("/import", content=exported, headers=AUTH)
    assert imported.status_code == 200, imported.text
    assert imported.json()["format"] == "json"
    assert imported.json()["statements"] == len(doc["statements"])
    assert imported.json()["undercuts"] == len(doc["undercuts"])
    assert api.get("/export").content == exported
    again = api.post("/import", content=exported, headers=AUTH)  # MERGE: a no-op
    assert again.status_code == 200 and api.get("/export").content == exported


def test_aif_round_trip_through_an_empty_database(api):
    first = api.get("/export", params={"format": "aif"}).json()
    reset(api)
    imported = api.post(
        "/import", params={"format": "aif"}, content=json.dumps(first), headers=AUTH
    )
    assert imported.status_code == 200, imported.text
    second = api.get("/export", params={"format": "aif"}).json()

    def structure(aif):
        return sorted(
            (n["nodeID"], n["type"], n["text"])
            for n in aif["nodes"]
            if n["type"] not in ("L", "YA")
        )

    assert structure(second) == structure(first)
    locutions = lambda aif: sorted(n["text"] for n in aif["nodes"] if n["type"] == "L")
    assert locutions(second) == locutions(first)
    assert sorted(p["participantID"] for p in second["participants"]) == sorted(
        p["participantID"] for p in first["participants"]
    )


@pytest.mark.parametrize(
    ("body", "location"),
    [
        (b'{"statements": [', "1:17"),
        (
            b'{"statements": [{"id": "a", "role": "Claim", "text": "A"}], '
            b'"edges": [{"source": "a", "target": "ghost", "type": "SUPPORTS", '
            b'"basis": "reconstructed", "note": "read in"}]}',
            "edges[0].target",
        ),
        (b'{"statements": [{"id": "a", "role": "Opinion", "text": "A"}]}', "statements[0].role"),
        (b'{"nodes": [{"nodeID": "1", "text": "x", "type": "XX"}], "edges": []}', "nodes[0].type"),
    ],
)
def test_a_bad_file_is_refused_whole_with_every_problem_located(api, body, location):
    before = counts(api)
    response = api.post("/import", content=body, headers=AUTH)
    assert response.status_code == 422
    problems = response.json()["details"]
    assert location in [p["location"] for p in problems], problems
    assert counts(api) == before


def test_a_failure_mid_import_leaves_the_database_as_it_was(api):
    """The import is one statement: a failure in its last section undoes its first ones."""
    before = counts(api)
    catalog = api.app.state.catalog
    params = {
        "people": [{"id": "mid-person", "name": "Written first", "description": None,
                    "aliases": []}],
        "sources": [], "rephrases": [], "quotes": [], "quoted": [], "asserts": [],
        "authored": [], "undercuts": [], "argues": [], "cites": [],
        "statements": [{"id": "mid-statement", "role": "Claim", "props": {"text": "Written second"}}],
        # A map is not a storable property value: the engine fails in this later section,
        # after the person and the statement were written.
        "supports": [{"id": "x", "source": "mid-statement", "target": "nato-is-defensive",
                      "inference": {"not": "storable"}, "basis": "reconstructed", "note": "x"}],
        "refutes": [],
    }  # fmt: skip
    with pytest.raises((QueryFailed, StoreError)):
        api.portal.call(api.app.state.store.write, catalog(Query.EXCHANGE_IMPORT), params)
    assert counts(api) == before
    assert api.get("/people/mid-person").status_code == 404


def unembedded(api) -> set[str]:
    catalog = api.app.state.catalog
    rows = api.portal.call(api.app.state.store.read, catalog(Query.STATEMENTS_UNEMBEDDED))
    return {r["id"] for r in rows}


def large_document(text_of) -> dict:
    """A document one statement over the inline-embedding limit, each statement in words of
    its own (claim matching must tell them apart)."""
    rng = random.Random(7)
    words = [
        f"{a}{b}" for a in ("mar", "tel", "vo", "quin", "sab") for b in ("ra", "ton", "ix", "el")
    ]
    statements = [
        {"id": f"big-{i}", "role": "Claim", "text": text_of(i, " ".join(rng.sample(words, 8)))}
        for i in range(exchange_service.EMBED_INLINE_MAX + 1)
    ]
    return {"format": "argmap", "version": 2, "statements": statements}


def test_a_large_import_is_written_unembedded_and_embedded_in_the_background(api):
    doc = large_document(lambda i, words: f"Large import statement {i}: {words}.")
    ids = {s["id"] for s in doc["statements"]}
    api.portal.call(api.app.state.backlog.wait)  # nothing of the start-up's still running
    # The write alone (as `argmap import` does it): every statement stored without a vector.
    service = exchange_service.ExchangeService(api.app.state.store, api.app.state.catalog)

    def parsed(doc: dict):
        data = json.dumps(doc).encode()
        return exchange_service.parse(data, exchange_service.ImportFormat.JSON)[0]

    api.portal.call(lambda: service.import_document(doc=parsed(doc)))
    assert ids <= unembedded(api)
    # The route kicks the background embedding (the same file again: the MERGE changes nothing).
    response = api.post("/import", content=json.dumps(doc), headers=AUTH)
    assert response.status_code == 200, response.text
    api.portal.call(api.app.state.backlog.wait)
    assert not ids & unembedded(api)
    target = doc["statements"][500]
    found = api.get("/statements/similar", params={"text": target["text"], "limit": 3}).json()
    assert found["items"][0]["id"] == target["id"], found
    # New words in a later large import: the stale vector goes, to be embedded again.
    doc["statements"][500] = target | {"text": "Large import statement 500, reworded."}
    api.portal.call(lambda: service.import_document(doc=parsed(doc)))
    assert unembedded(api) & ids == {target["id"]}


def test_a_reimport_can_change_a_statement_role(api):
    first = {"statements": [{"id": "role-change", "role": "Claim", "text": "A changing role."}]}
    assert api.post("/import", content=json.dumps(first), headers=AUTH).status_code == 200
    before = counts(api)
    second = {"statements": [first["statements"][0] | {"role": "Premise"}]}
    assert api.post("/import", content=json.dumps(second), headers=AUTH).status_code == 200
    assert api.get("/statements/role-change").json()["role"] == "Premise"
    after = counts(api)
    assert after[("label", "Premise")] == before.get(("label", "Premise"), 0) + 1
    assert after.get(("label", "Claim"), 0) == before[("label", "Claim")] - 1
    assert after[("label", "Statement")] == before[("label", "Statement")]


def test_an_import_the_engine_refuses_writes_none_of_the_file(api):
    """A file that validates but that the engine refuses (a stored source's text would change)
    writes nothing: neither its people, written before the refusing section, nor its
    statements, after it."""
    source = {"id": "fail-src", "text": "Some words."}
    doc = {
        "people": [{"id": "fail-person", "name": "Never written"}],
        "sources": [source],
        "statements": [{"id": "fail-a", "role": "Claim", "text": "Never written either."}],
    }
    assert api.post("/import", content=json.dumps({"sources": [source]}),
                    headers=AUTH).status_code == 200  # fmt: skip
    before = counts(api)
    doc["sources"] = [source | {"text": "Other words."}]  # a source's text never changes: 409
    response = api.post("/import", content=json.dumps(doc), headers=AUTH)
    assert response.status_code == 409, response.text
    assert counts(api) == before
    assert api.get("/people/fail-person").status_code == 404
    assert api.get("/statements/fail-a").status_code == 404


def test_import_needs_a_write_key(api):
    assert api.post("/import", content=b"{}").status_code == 401


def test_export_formats(api):
    argdown = api.get("/export", params={"format": "argdown"})
    assert argdown.status_code == 200
    assert "[NATO is a defensive alliance]: NATO is a defensive alliance" in argdown.text
    assert "\n  <+ [" in argdown.text or "\n    <+ [" in argdown.text
    graphml = api.get("/export", params={"format": "graphml"})
    graph = nx.parse_graphml(graphml.text)
    assert graph.number_of_nodes() >= 54
    dot = api.get("/export", params={"format": "dot"})
    assert dot.text.startswith("digraph") and dot.headers["content-type"].startswith(
        "text/vnd.graphviz"
    )
    svg = api.get("/export", params={"format": "svg"})
    if shutil.which("dot"):
        assert svg.status_code == 200 and b"<svg" in svg.content
    else:
        assert svg.status_code == 501 and "dot" in svg.json()["message"]


def test_scoped_export(api):
    doc = api.get("/export", params={"speaker": "blinken"}).json()
    ids = {s["id"] for s in doc["statements"]}
    assert "nato-is-defensive" in ids and len(ids) < 54
    assert all(e["source"] in ids and e["target"] in ids for e in doc["edges"])
    assert {q["statement"] for q in doc["quotes"] if "statement" in q} <= ids
    # What the scope's relations cite comes along: their quotes (some without a statement
    # in scope) and the people who argue them.
    quotes, people = {q["id"] for q in doc["quotes"]}, {p["id"] for p in doc["people"]}
    for relation in doc["edges"] + doc["undercuts"]:
        assert set(relation["quotes"]) <= quotes and set(relation["speakers"]) <= people
    assert {u["target"] for u in doc["undercuts"]} <= {e["id"] for e in doc["edges"]}
    assert api.get("/export", params={"speaker": "nobody"}).status_code == 404


# --- imports never rewrite evidence (issue #18, item 7) ----------------------------------


def seeded_source(api) -> tuple[dict, dict]:
    """The exported map and its first source (the seeded articles' text and metadata)."""
    doc = api.get("/export").json()
    return doc, doc["sources"][0]


def test_an_import_cannot_change_a_source_text(api):
    doc, source = seeded_source(api)
    stored = api.get(f"/sources/{source['id']}", params={"include_text": True}).json()
    before = counts(api)
    # Still a valid document (its quotes match its own text); only the stored text differs.
    source.update(text=source["text"] + " (edited)", title="A new title")
    source.pop("sha256", None)
    doc["statements"].append({"id": "written-with-the-edit", "role": "Claim", "text": "New"})
    response = api.post("/import", content=json.dumps(doc), headers=AUTH)
    assert response.status_code == 409, response.text
    body = ErrorResponse.model_validate(response.json())
    assert body.error == "conflict" and repr(source["id"]) in body.message
    assert body.details and body.details[0]["location"].endswith(".text")
    # Nothing was written: not the text, not the metadata, not the new statement.
    assert counts(api) == before
    after = api.get(f"/sources/{source['id']}", params={"include_text": True}).json()
    assert after == stored
    assert hashlib.sha256(after["text"].encode()).hexdigest() == after["sha256"]


def test_an_import_with_the_same_text_merges_only_metadata(api):
    doc, source = seeded_source(api)
    source["title"] = "Retitled by an import"
    response = api.post("/import", content=json.dumps(doc), headers=AUTH)
    assert response.status_code == 200, response.text
    after = api.get(f"/sources/{source['id']}", params={"include_text": True}).json()
    assert after["title"] == "Retitled by an import" and after["text"] == source["text"]


def test_an_imported_source_gets_the_sha256_of_its_text(api):
    text = "A new article, imported without a sha256."
    doc = {"sources": [{"id": "imported-article", "text": text}]}
    assert api.post("/import", content=json.dumps(doc), headers=AUTH).status_code == 200
    stored = api.get("/sources/imported-article").json()
    assert stored["sha256"] == hashlib.sha256(text.encode()).hexdigest()


# --- what the API stores, import takes back (items 2 and 6) -------------------------------


GROUNDS = {"basis": "reconstructed", "note": "a test edge"}


def test_the_api_refuses_edges_that_import_would_refuse(api):
    for sid in ("ex-premise-1", "ex-premise-2", "ex-target-1", "ex-target-2"):
        body = {"id": sid, "role": "Claim", "text": sid}
        force = {"force": "true"}  # texts alike on purpose: no near-duplicate check
        assert api.post("/statements", json=body, params=force, headers=AUTH).status_code == 201
    link = {"type": "SUPPORTS", "inference": "ex-inference", **GROUNDS}
    first = {"source": "ex-premise-1", "target": "ex-target-1", **link}
    assert api.post("/edges", json=first, headers=AUTH).status_code == 201
    linked = {"source": "ex-premise-2", "target": "ex-target-1", **link}  # same conclusion
    assert api.post("/edges", json=linked, headers=AUTH).status_code == 201
    assert api.post("/edges", json=first, headers=AUTH).status_code == 201  # MERGE, still fine

    elsewhere = api.post("/edges", headers=AUTH, json={**linked, "target": "ex-target-2"})
    assert elsewhere.status_code == 409, elsewhere.text
    assert ErrorResponse.model_validate(elsewhere.json()).error == "conflict"
    assert "'ex-inference'" in elsewhere.text and "'ex-target-1'" in elsewhere.text
    assert api.get("/statements/ex-target-2").json()["supporters"] == []

    refutes = {"source": "ex-premise-1", "target": "ex-target-2", "type": "REFUTES", **GROUNDS}
    with_inference = api.post("/edges", json={**refutes, "inference": "x"}, headers=AUTH)
    assert with_inference.status_code == 422 and "inference" in with_inference.text
    empty = api.post("/edges", json={**first, "inference": ""}, headers=AUTH)
    assert empty.status_code == 422 and empty.json()["details"][0]["location"] == "body.inference"
    assert api.post("/edges", json=refutes, headers=AUTH).status_code == 201

    # Everything the API took exports and imports back into an empty database.
    exported = api.get("/export").content
    reset(api)
    imported = api.post("/import", content=exported, headers=AUTH)
    assert imported.status_code == 200, imported.text
    assert api.get("/export").content == exported


# --- bounded drawing (item 1) --------------------------------------------------------------


@pytest.mark.skipif(not shutil.which("dot"), reason="Graphviz `dot` is not installed")
def test_an_svg_that_takes_too_long_is_a_503_in_the_error_shape(api, monkeypatch):
    monkeypatch.setattr(exchange_service, "SVG_TIMEOUT", 0.001)
    response = api.get("/export", params={"format": "svg"})
    assert response.status_code == 503, response.text
    body = ErrorResponse.model_validate(response.json())
    assert body.error == "busy" and "within 0.001 s" in body.message
    assert "export dot" in body.message
    monkeypatch.undo()
    assert api.get("/export", params={"format": "svg"}).status_code == 200


def large_map(statements: int) -> dict:
    """A map that Graphviz takes about a second to draw (1,500 statements: ~1.5 s)."""
    ids = [f"big-{n}" for n in range(statements)]
    return {
        "version": 1,  # edges without grounds: imported as reconstructed
        "statements": [{"id": id, "role": "Claim", "text": f"statement {id}"} for id in ids],
        "edges": [
            {"source": id, "target": ids[(n * 7 + 1) % statements], "type": "SUPPORTS"}
            for n, id in enumerate(ids)
            if n != (n * 7 + 1) % statements
        ],
    }


def graphviz_runs() -> bool:
    """A `dot -Tsvg` process runs on this machine (the server's, drawing the export)."""
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if cmdline.read_bytes().split(b"\0")[1:2] == [b"-Tsvg"]:
                return True
        except OSError:  # the process ended meanwhile
            pass
    return False


@pytest.mark.skipif(not shutil.which("dot"), reason="Graphviz `dot` is not installed")
def test_drawing_a_large_map_does_not_stall_other_requests(
    engine_settings, restore_seeded_map, tmp_path
):
    """The SVG used to be drawn on the event loop: /healthz waited for Graphviz (65 s)."""
    args = ["-m", "uvicorn", "argmap.app:create_app", "--factory", "--host", "127.0.0.1",
            "--port", "{port}", "--log-level", "warning"]  # fmt: skip
    try:
        with http_server(
            args,
            workdir=tmp_path,
            env=engine_env(engine_settings, [ApiKey(sha256=hash_key(WRITE_KEY))]),
        ) as url:
            big = json.dumps(large_map(1500))
            imported = httpx.post(f"{url}/import", content=big, headers=AUTH, timeout=60)
            assert imported.status_code == 200, imported.text

            def healthz_waits(until) -> list[float]:
                waits = []
                while not until(len(waits)):
                    start = time.monotonic()
                    assert httpx.get(f"{url}/healthz", timeout=5).status_code == 200
                    waits.append(time.monotonic() - start)
                    time.sleep(0.05)
                return waits

            # /healthz pings the engine: its own time (Neo4j's ping takes longer) is the base.
            idle = max(healthz_waits(lambda n: n == 10))
            with ThreadPoolExecutor(1) as pool:
                drawing = pool.submit(httpx.get, f"{url}/export?format=svg", timeout=60)
                # Measured while Graphviz draws (reading the map first is the engine driver's
                # time on the event loop, not what this test is about).
                deadline = time.monotonic() + 30
                while not graphviz_runs() and time.monotonic() < deadline:
                    time.sleep(0.01)
                waits = healthz_waits(lambda _: drawing.done())
                assert drawing.result().status_code == 200
            assert len(waits) >= 5, "the drawing was too quick to tell"
            assert max(waits) < idle + 0.2, (idle, waits)
    finally:
        restore_seeded_map()
