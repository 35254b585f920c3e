"""Real AIF from public corpora (tests/data/aif/README.md says where each file is from) on
every engine: each imports with the warnings expected of it, and every I-node text, every RA,
every CA (undercuts included) and every locution speaker survives import → export → import.
argmap's own AIF export imported back changes nothing, in the same database or an empty one.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from support import WRITE_AUTH as AUTH

from argmap.catalog import Query

CORPUS = Path(__file__).parent / "data" / "aif"
FILES = sorted(CORPUS.glob("*.json"))
# Where each file's warnings point: what it holds that argmap keeps differently or not at all.
WARNINGS = {
    "ova3-save.json": ["$", "AIF.schemefulfillments"],  # OVA layout and HTML text; schemes
    "microtext-b001.aif.json": [],
    "microtext-b005.aif.json": ["nodes[7]"],  # an undercut of an undercut
}
# CA nodes a warning says are not imported (argmap has no attack on an undercut).
DROPPED_CA = {"microtext-b005.aif.json": 1}


@pytest.fixture(scope="module")
def api(writable_api):
    return writable_api


def reset(api) -> None:
    api.portal.call(api.app.state.store.write, api.app.state.catalog(Query.ADMIN_RESET))


def counts(api) -> Counter:
    rows = api.portal.call(api.app.state.store.read, api.app.state.catalog(Query.ADMIN_COUNTS))
    return Counter({(r["kind"], r["name"]): r["count"] for r in rows})


def aif_part(raw: dict) -> dict:
    return raw["AIF"] if "AIF" in raw and "nodes" not in raw else raw


def import_aif(api, data: bytes) -> dict:
    response = api.post("/import", params={"format": "aif"}, content=data, headers=AUTH)
    assert response.status_code == 200, response.text
    return response.json()


def export(api, fmt: str = "json") -> bytes:
    response = api.get("/export", params={"format": fmt})
    assert response.status_code == 200, response.text
    return response.content


def relations(doc: dict) -> set[tuple]:
    """Edges and undercuts by their ends (statement texts), with how they are grounded."""
    text = {s["id"]: s["text"] for s in doc["statements"]}
    quote = {q["id"]: q["quote"] for q in doc["quotes"]}
    name = {p["id"]: p["name"] for p in doc["people"]}

    def grounds(r: dict) -> tuple:
        return (
            r["basis"],
            tuple(sorted(name[p] for p in r["speakers"])),
            tuple(sorted(quote[q] for q in r["quotes"])),
        )

    edges = {e["id"]: e for e in doc["edges"]}
    out = {(text[e["source"]], e["type"], text[e["target"]], *grounds(e)) for e in doc["edges"]}
    for u in doc["undercuts"]:
        e = edges[u["target"]]
        attacked = (text[e["source"]], e["type"], text[e["target"]])
        out.add((text[u["source"]], "UNDERCUTS", attacked, *grounds(u)))
    return out


def test_the_corpus_is_described():
    readme = (CORPUS / "README.md").read_text()
    assert FILES and all(f"`{p.name}`" in readme for p in FILES)
    assert set(WARNINGS) == {p.name for p in FILES}


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_a_corpus_file_survives_import_export_import(api, path):
    original = aif_part(json.loads(path.read_bytes()))
    reset(api)
    first = import_aif(api, path.read_bytes())
    assert [w["location"] for w in first["warnings"]] == WARNINGS[path.name], first["warnings"]
    doc = json.loads(export(api))

    # Every I-node text is a statement; every RA and CA (undercuts included) a relation.
    i_texts = Counter(n["text"] for n in original["nodes"] if n["type"] == "I")
    assert Counter(s["text"] for s in doc["statements"]) == i_texts
    kinds = Counter(n["type"] for n in original["nodes"])
    imported = len({e.get("inference", e["id"]) for e in doc["edges"] if e["type"] == "SUPPORTS"})
    assert imported == kinds["RA"]
    attacks = len([e for e in doc["edges"] if e["type"] == "REFUTES"])
    undercut = len({u["target"] for u in doc["undercuts"]})  # one CA per attacked RA/CA here
    assert attacks + undercut + DROPPED_CA.get(path.name, 0) == kinds["CA"]
    # Every locution speaker is a person.
    names = {
        " ".join(str(p[k]) for k in ("firstname", "surname") if p.get(k))
        for p in original.get("participants", [])
        if any(str(loc["personID"]) == str(p["participantID"]) for loc in original["locutions"])
    }
    assert names <= {p["name"] for p in doc["people"]}

    # Through argmap's own AIF into an empty database: the same map, byte for byte.
    as_json = export(api)
    own = export(api, "aif")
    reset(api)
    again = import_aif(api, own)
    assert again["warnings"] == []
    assert export(api) == as_json
    assert relations(json.loads(export(api))) == relations(doc)

    # And into the same database: nothing changes, not one node.
    before = counts(api)
    import_aif(api, own)
    assert counts(api) == before and export(api) == as_json


def test_own_aif_into_the_seeded_map_changes_nothing(api, restore_seeded_map):
    """It used to add a source "AIF locutions" and 82 duplicate quotes, and drop quote notes."""
    restore_seeded_map()
    exported = export(api)
    own = export(api, "aif")
    before = counts(api)
    result = import_aif(api, own)
    assert result["warnings"] == []
    assert counts(api) == before
    assert export(api) == exported
    # Into an empty database: the JSON export is the original's.
    reset(api)
    import_aif(api, own)
    assert export(api) == exported
