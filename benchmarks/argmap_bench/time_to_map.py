"""Time to map: rebuild one seed file's statements, quotes and relations through the API.

An analyst starts from a database holding only the two articles (`POST /sources`, not
counted) and works as the annotation page does, without computing an offset:
- `GET /sources/{id}/segments` once per article (what to read, who speaks);
- per statement: `GET /statements/similar` (does the map hold it already?), then
  `POST /statements` with its quotes given by their text (`exact`, and `prefix`/`suffix` only
  when the passage occurs more than once); a 409 `near_duplicate` is answered as the analyst
  would, by `?force=true` once the suggestions are seen to be other claims (counted);
- `POST /people` for each speaker first met, and each relation by `POST /edges` with its
  grounds, stated quotes again by their text.
The result is checked against the seeds (same statements, same quote offsets, same relations),
and the calls and wall time are printed. In-process (FastAPI's test client over the embedded
FalkorDB): the figure is argmap's and the engine's time, not a network's.

    .venv/bin/python benchmarks/argmap_bench/time_to_map.py [--seed-file 020_russia_membership]

Standalone (only `argmap` imported), so it runs without installing argmap-bench.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import tempfile
import time
from collections import Counter
from pathlib import Path

from fastapi.testclient import TestClient

from argmap.app import create_app
from argmap.keys import ApiKey
from argmap.resources import SEEDS_DIR
from argmap.settings import Settings

KEY = "time-to-map"
AUTH = {"Authorization": f"Bearer {KEY}"}
ROUTE_ID = re.compile(r"(?<=^/sources)/[a-z0-9-]+(/|$)")  # counts calls per route, not per id
CONTEXT = 32  # characters of prefix/suffix sent when a passage occurs more than once


def settings(data_dir: str, *, seed: bool) -> Settings:
    key = ApiKey(sha256=hashlib.sha256(KEY.encode()).hexdigest(), scope="write", name="bench")
    return Settings(_env_file=None, data_dir=Path(data_dir), seed_on_empty=seed, api_keys=[key])


def seeded_document() -> dict:
    with (
        tempfile.TemporaryDirectory() as data_dir,
        TestClient(create_app(settings(data_dir, seed=True))) as client,
    ):
        return client.get("/export", params={"format": "json"}).raise_for_status().json()


def ids_in(seed_file: str) -> set[str]:
    script = (SEEDS_DIR / f"{seed_file}.cypher").read_text(encoding="utf-8")
    return set(re.findall(r"\{id: '([a-z0-9-]+)', title:", script))


def selector(quote: dict, text: str, *, note: bool = True) -> dict:
    """A quote as a person pastes it: the passage, with context only when it is ambiguous."""
    exact = quote["quote"]
    out = {"source": quote["source"], "exact": exact}
    if text.count(exact) > 1:
        prefix = text[max(0, quote["start"] - CONTEXT) : quote["start"]]
        suffix = text[quote["end"] : quote["end"] + CONTEXT]
        out |= {k: v for k, v in (("prefix", prefix), ("suffix", suffix)) if v}
    if note and quote.get("note"):  # a relation's passage has no note: its quote keeps its own
        out["note"] = quote["note"]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed-file", default="020_russia_membership")
    args = parser.parse_args()

    doc = seeded_document()
    wanted = ids_in(args.seed_file)
    statements = [s for s in doc["statements"] if s["id"] in wanted]
    quotes = [q for q in doc["quotes"] if q.get("statement") in wanted]
    edges = [e for e in doc["edges"] if e["source"] in wanted and e["target"] in wanted]
    texts = {s["id"]: s["text"] for s in doc["sources"]}
    by_id = {q["id"]: q for q in doc["quotes"]}
    speakers: dict[str, list[str]] = {}
    for a in doc["asserts"]:
        speakers.setdefault(a["statement"], []).append(a["person"])
    people = {p["id"]: p for p in doc["people"]}

    calls: Counter[str] = Counter()
    with (
        tempfile.TemporaryDirectory() as data_dir,
        TestClient(create_app(settings(data_dir, seed=False))) as client,
    ):

        def call(method: str, url: str, counted: bool = True, **kw):
            response = client.request(method, url, headers=AUTH, **kw)
            if counted:
                route = ROUTE_ID.sub(r"/{id}\1", url, count=1)
                calls[f"{method} {route}"] += 1
            return response

        for source in doc["sources"]:
            body = {k: v for k, v in source.items() if v is not None and k != "sha256"}
            call("POST", "/sources", counted=False, json=body).raise_for_status()

        started = time.perf_counter()
        for source in doc["sources"]:
            call("GET", f"/sources/{source['id']}/segments").raise_for_status()
        known_people: set[str] = set()

        def person(id: str) -> None:
            if id not in known_people:
                p = people[id]
                body = {k: p[k] for k in ("id", "name", "description", "aliases") if p.get(k)}
                call("POST", "/people", json=body).raise_for_status()
                known_people.add(id)

        for s in statements:
            call("GET", "/statements/similar", params={"text": s["text"], "limit": 5})
            for p in speakers.get(s["id"], []):
                person(p)
            body = {
                "id": s["id"], "role": s["role"], "title": s.get("title"), "text": s["text"],
                "speakers": speakers.get(s["id"], []),
                "quotes": [selector(q, texts[q["source"]]) for q in quotes
                           if q["statement"] == s["id"]],
            }  # fmt: skip
            response = call("POST", "/statements", json=body)
            if response.status_code == 409:
                response = call("POST", "/statements", params={"force": "true"}, json=body)
            assert response.status_code == 201, response.text
        for e in edges:
            for p in e.get("speakers", []):
                person(p)
            body = {k: e[k] for k in ("source", "target", "type", "basis", "note", "speakers",
                                       "inference") if e.get(k) is not None}  # fmt: skip
            body["quotes"] = [selector(by_id[q], texts[by_id[q]["source"]], note=False)
                              for q in e["quotes"]]  # fmt: skip
            response = call("POST", "/edges", json=body)
            assert response.status_code == 201, (body, response.text)
        elapsed = time.perf_counter() - started

        rebuilt = client.get("/export", params={"format": "json"}).raise_for_status().json()
    got_quotes = {(q["statement"], q["source"], q["start"], q["end"]) for q in rebuilt["quotes"]
                  if q.get("statement")}  # fmt: skip
    want_quotes = {(q["statement"], q["source"], q["start"], q["end"]) for q in quotes}
    got_edges = {e["id"] for e in rebuilt["edges"]}
    assert want_quotes <= got_quotes, f"quotes differ: {sorted(want_quotes - got_quotes)}"
    assert {e["id"] for e in edges} == got_edges, "relations differ"
    total = sum(calls.values())
    print(
        f"seeds/{args.seed_file}.cypher: {len(statements)} statements, {len(quotes)} quotes, "
        f"{len(edges)} relations rebuilt from the two articles, offsets equal to the seeds'"
    )
    print(f"{total} calls in {elapsed:.2f} s ({elapsed / total * 1000:.1f} ms per call)")
    for name, count in sorted(calls.items()):
        print(f"  {count:4d}  {name}")


if __name__ == "__main__":
    main()
