"""Neo4j Browser end to end: the local Neo4j 5.26 with the seeded map, in headless Chromium.

The Browser (served by the local Maven-built Neo4j) loads argmap's style and guide by URL from a
`python -m argmap serve` subprocess over the same database, runs the guide's queries, and draws
the map. The database is shared with the other test modules: this module only reads (the serve
lifespan loads the seeds when — and only when — the database is empty, which is the state the
other modules expect anyway), and `:params` lives in the Browser, not in the database.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browser_support import CHROMIUM, CHROMIUM_ARGS, SHOTS
from neo4j_browser import (
    editor,
    frames,
    graph_nodes,
    run_in_new_frame,
    type_and_run,
    wait_for_layout,
)
from serving import http_server

playwright_sync = pytest.importorskip("playwright.sync_api")
expect = playwright_sync.expect

SERVE_TIMEOUT = 180  # s; seeding an empty Neo4j takes ~30 s
UI_TIMEOUT = 30_000  # ms, every Playwright wait

DEFENSIVE = "nato-is-defensive"
THREAT = "nato-expansion-threatens-russia"
# The guide's first graph query, after its `:params` block has set $defensive and $threat.
GUIDE_QUERY_NODES = """
MATCH (p:Position) WHERE p.id IN [$defensive, $threat]
OPTIONAL MATCH (p)<-[:SUPPORTS|REFUTES]-(s:Statement)
WITH collect(DISTINCT p) + collect(DISTINCT s) AS nodes
UNWIND nodes AS n RETURN count(DISTINCT n) AS nodes
"""
TREE_QUERY = f"MATCH p=(:Position {{id:'{DEFENSIVE}'}})<-[:SUPPORTS|REFUTES*1..2]-() RETURN p"
TREE_QUERY_NODES = (
    f"MATCH p=(:Position {{id:'{DEFENSIVE}'}})<-[:SUPPORTS|REFUTES*1..2]-() "
    "UNWIND nodes(p) AS n RETURN count(DISTINCT n) AS nodes"
)
POSITION_FILL = "#0072B2"  # node.Position in service/argmap/web/style.grass

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium installed (Debian package `chromium`)"
)


@pytest.fixture(scope="module")
def browser_url(neo4j_engine) -> str:
    if neo4j_engine.browser_url is None:
        pytest.skip(
            "no Neo4j Browser: the engine is not the local Maven-built server, or the "
            "neo4j-browser jar did not resolve"
        )
    return neo4j_engine.browser_url


def _read(neo4j_engine, query: str, **params: str) -> dict:
    from neo4j import GraphDatabase

    auth = ("neo4j", neo4j_engine.password) if neo4j_engine.password else None
    with GraphDatabase.driver(neo4j_engine.uri, auth=auth) as driver:
        records, _, _ = driver.execute_query(query, params, routing_="r")
    return records[0].data()


def _count_nodes(neo4j_engine, query: str, **params: str) -> int:
    return int(_read(neo4j_engine, query, **params)["nodes"])


def _census(neo4j_engine) -> dict:
    return _read(
        neo4j_engine,
        "CALL { MATCH (n) RETURN count(n) AS nodes } "
        "CALL { MATCH ()-[r]->() RETURN count(r) AS relationships } "
        "RETURN nodes, relationships",
    )


@pytest.fixture(scope="module")
def census_before(api, neo4j_engine) -> dict:
    """The database once argmap serve is ready (seeded), before the Browser touches it."""
    return _census(neo4j_engine)


@pytest.fixture(scope="module")
def api(browser_url, neo4j_engine, tmp_path_factory) -> Iterator[str]:
    """`argmap serve` over the test Neo4j: serves the guide and style, seeds an empty database."""
    args = ["-m", "argmap", "serve", "--host", "127.0.0.1", "--port", "{port}",
            "--neo4j-uri", neo4j_engine.uri]  # fmt: skip
    workdir = tmp_path_factory.mktemp("neo4j-browser-e2e")
    with http_server(args, workdir=workdir, timeout=SERVE_TIMEOUT) as base:
        yield base


@pytest.fixture(scope="module")
def page(browser_url, api, census_before):
    with playwright_sync.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            context.set_default_timeout(UI_TIMEOUT)
            expect.set_options(timeout=UI_TIMEOUT)
            page = context.new_page()
            page.goto(browser_url)
            yield page
        finally:
            expect.set_options(timeout=5_000)  # Playwright's default, for other modules
            browser.close()


def test_browser_connects_without_login(page):
    server_frame = frames(page).filter(has_text="Connected to Neo4j")
    expect(server_frame).to_contain_text("You have a working connection")
    # The editor prompt names the selected database once the Browser is connected.
    expect(editor(page)).to_contain_text("neo4j$")


def test_style_loads_from_argmap_by_url(page, api):
    frame = type_and_run(page, f":style {api}/browser/style.grass")
    contents = frame.locator("[data-testid=frameContents]")
    # The frame shows the style now in force: argmap's rules, not the Browser's default.
    expect(contents).to_contain_text("node.Position")
    expect(contents).to_contain_text(POSITION_FILL)
    expect(contents).to_contain_text("relationship.REFUTES")


def test_guide_plays_and_its_queries_run_from_the_editor(page, api, neo4j_engine):
    frame = type_and_run(page, f":play {api}/browser/guide")
    expect(frame.get_by_role("heading", name="The two positions")).to_be_visible()
    expect(frame).to_contain_text("1 / 5")  # the carousel: five slides
    SHOTS.mkdir(parents=True, exist_ok=True)
    # New frames slide in: finish CSS transitions so the shot shows the settled stream.
    page.screenshot(path=str(SHOTS / "neo4j-browser-guide.png"), animations="disabled")

    # A runnable block lands in the editor on click; Ctrl+Enter runs it.
    frame.locator("pre.runnable", has_text=":params").click()
    expect(editor(page)).to_contain_text(f"defensive: '{DEFENSIVE}'")
    editor(page).click()
    params = run_in_new_frame(page, lambda: page.keyboard.press("Control+Enter"), ":params")
    expect(params.locator("[data-testid=rawParamData]")).to_contain_text(THREAT)

    frame = frames(page).filter(has=page.get_by_role("heading", name="The two positions"))
    frame.locator("pre.runnable", has_text="OPTIONAL MATCH (p)").click()
    expect(editor(page)).to_contain_text("WHERE p.id IN [$defensive, $threat]")
    editor(page).click()
    result = run_in_new_frame(
        page, lambda: page.keyboard.press("Control+Enter"), "MATCH (p:Position)"
    )
    expected = _count_nodes(neo4j_engine, GUIDE_QUERY_NODES, defensive=DEFENSIVE, threat=THREAT)
    assert expected > 2
    expect(graph_nodes(result)).to_have_count(expected)
    # Both positions are drawn in argmap's Position colour: the :style took effect.
    positions = result.locator(f"svg g.node circle.b-outline[fill='{POSITION_FILL}']")
    expect(positions).to_have_count(2)


def test_support_and_refute_paths_draw_as_a_graph(page, neo4j_engine):
    frame = type_and_run(page, TREE_QUERY)
    expected = _count_nodes(neo4j_engine, TREE_QUERY_NODES)
    assert expected > 1
    nodes = graph_nodes(frame)
    expect(nodes).to_have_count(expected)
    expect(frame.locator("[data-testid=vizInspector]")).to_contain_text(
        f"Displaying {expected} nodes"
    )
    expect(frame.locator(f"svg g.node circle.b-outline[fill='{POSITION_FILL}']")).not_to_have_count(
        0
    )
    wait_for_layout(page, frame)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "neo4j-browser-graph.png"), animations="disabled")


def test_the_shared_database_is_left_as_it_was(page, neo4j_engine, census_before):
    assert census_before["nodes"] > 0  # serve seeded an empty database, or it held the map
    assert _census(neo4j_engine) == census_before
