"""Anything the write API accepts survives every lossless export format and re-import.

Property-based (hypothesis) on every engine: random people (with aliases), sources,
statements, quotes (some only a relation cites), edges and an undercut, each relation with
random grounds (stated with quotes, or reconstructed with a note; speakers or none), are
written through the API; the map is exported as argmap JSON and GraphML, each
export is imported into an emptied database, and the map read back must be the same map.
The generated text draws from all of Unicode, so what the API refuses must be a stated rule
(422 naming it), never a 500 or a broken export later.
"""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from support import WRITE_AUTH as AUTH

from argmap.catalog import Query
from argmap.domain import EdgeType, Role
from argmap.services.exchange import LOSSLESS

# All of Unicode that UTF-8 can carry (no lone surrogates: JSON bodies could not hold them),
# mostly what argmap stores, sometimes a character its text rule refuses.
REFUSED = [chr(c) for c in range(1, 32) if chr(c) not in "\t\n\r"] + ["\x00", "\ufffe", "\uffff"]
CHARS = st.characters(codec="utf-8", exclude_characters=REFUSED) | st.sampled_from(
    ["\t", "\n", "\r", " ", "\x85", "\u2028"]
)


def text(min_size: int, max_size: int) -> st.SearchStrategy[str]:
    return st.text(CHARS, min_size=min_size, max_size=max_size)


def optional(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.none() | strategy


@pytest.fixture(scope="module")
def api(writable_api):
    return writable_api


def reset(api: TestClient) -> None:
    api.portal.call(api.app.state.store.write, api.app.state.catalog(Query.ADMIN_RESET))


def post(api: TestClient, path: str, body: dict) -> bool:
    """True when the API took it; a refusal must be a 422 that names the broken rule."""
    # Random statements are often alike: created anyway (claim matching is not tested here).
    params = {"force": "true"} if path == "/statements" else {}
    response = api.post(
        path,
        json={k: v for k, v in body.items() if v is not None},
        params=params,
        headers=AUTH,
    )
    if response.status_code == 201:
        return True
    assert response.status_code == 422, response.text
    assert response.json()["error"] == "invalid" and response.json()["message"]
    event(f"refused: {response.json()['message'][:60]}")
    return False


@st.composite
def maps(draw: st.DrawFn) -> dict:
    source_text = draw(text(1, 300))
    start = draw(st.integers(0, len(source_text) - 1))
    end = draw(st.integers(start + 1, len(source_text)))
    edge_type = draw(st.sampled_from(EdgeType))
    quote_id = f"rt-source-{start}-{end}"

    def grounds() -> dict:
        """A relation's grounds: stated with the quote, or reconstructed with a note."""
        stated = draw(st.booleans())
        return {
            "basis": "stated" if stated else "reconstructed",
            "note": draw(optional(text(1, 60))) if stated else draw(text(1, 60)),
            "quotes": [quote_id] if stated else [],
            "speakers": draw(st.sampled_from([[], ["rt-person"]])),
        }

    name = draw(text(1, 40))
    if draw(st.integers(0, 9)) == 0:  # now and then a character the text rule refuses
        name += draw(st.sampled_from(REFUSED))
    return {
        "person": {
            "id": "rt-person",
            "name": name,
            "description": draw(optional(text(0, 80))),
            "aliases": draw(st.lists(text(1, 30), max_size=2, unique=True)),
        },
        "source": {
            "id": "rt-source",
            "text": source_text,
            **{
                field: draw(optional(text(0, 40)))
                for field in ("title", "kind", "author", "outlet", "url", "published", "file")
            },
        },
        "statements": [
            {
                "id": f"rt-statement-{n}",
                "role": draw(st.sampled_from(Role)),
                "title": draw(optional(text(1, 60))),
                "text": draw(text(1, 200)),
                "base_score": draw(optional(st.floats(0, 1))),
                "speakers": ["rt-person"],
            }
            for n in (1, 2, 3)
        ],
        "edge": {
            "source": "rt-statement-1",
            "target": "rt-statement-2",
            "type": edge_type,
            "inference": draw(optional(text(1, 30))) if edge_type is EdgeType.SUPPORTS else None,
            **grounds(),
        },
        "undercut": {
            "source": "rt-statement-3",
            "target": f"rt-statement-1~{edge_type.lower()}~rt-statement-2",
            **grounds(),
        },
        "quote": {
            # Sometimes a quote only the relations cite.
            "statement": draw(st.sampled_from(["rt-statement-1", None])),
            "source": "rt-source",
            "start": start,
            "end": end,
            "quote": source_text[start:end],
            "note": draw(optional(text(0, 60))),
        },
    }


def export(api: TestClient, fmt: str) -> bytes:
    response = api.get("/export", params={"format": fmt})
    assert response.status_code == 200, response.text
    return response.content


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(written=maps())
def test_what_the_api_accepts_survives_every_lossless_format(api, written):
    reset(api)
    accepted = post(api, "/people", written["person"]) and post(api, "/sources", written["source"])
    accepted = accepted and all(post(api, "/statements", s) for s in written["statements"])
    accepted = accepted and post(api, "/quotes", written["quote"])
    accepted = accepted and post(api, "/edges", written["edge"])
    accepted = accepted and post(api, "/undercuts", written["undercut"])
    event("accepted" if accepted else "refused")
    if not accepted:
        return
    the_map = export(api, "json")
    assert len(json.loads(the_map)["statements"]) == 3
    assert len(json.loads(the_map)["undercuts"]) == 1
    for fmt in sorted(LOSSLESS):
        exported = export(api, fmt)
        reset(api)
        imported = api.post("/import", params={"format": fmt}, content=exported, headers=AUTH)
        assert imported.status_code == 200, (fmt, imported.text)
        assert export(api, "json") == the_map, fmt


def test_an_empty_inference_is_refused_and_export_keeps_working(api):
    """It used to be stored, and then every GET /export answered 500 until it was deleted."""
    reset(api)
    for n in (1, 2):
        assert post(api, "/statements", {"id": f"rt-e-{n}", "role": "Claim", "text": "x"})
    edge = {"source": "rt-e-1", "target": "rt-e-2", "type": "SUPPORTS", "inference": ""}
    edge |= {"basis": "reconstructed", "note": "read in"}
    response = api.post("/edges", json=edge, headers=AUTH)
    assert response.status_code == 422
    assert response.json()["details"][0]["location"] == "body.inference"
    assert export(api, "json") and export(api, "graphml")
