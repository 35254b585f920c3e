"""The viewer in a real browser: the service on FalkorDB, the page in headless Chromium."""


import httpx
import pytest
from browser_support import CHROMIUM, CHROMIUM_ARGS, SHOTS
from serving import http_server

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium installed (Debian package `chromium`)"
)


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("viewer")
    args = ["-m", "argmap", "serve", "--port", "{port}", "--data-dir", str(workdir / "data")]
    with http_server(args, workdir=workdir) as base:
        yield base


@pytest.fixture(scope="module")
def page(service):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(f"{service}/")
        page.evaluate("() => window.argmap.ready")
        yield page
        browser.close()


def test_drawn_nodes_match_the_graph_route(service, page):
    drawn = set(page.evaluate("() => window.argmap.cy.nodes().map(n => n.id())"))
    graph = httpx.get(f"{service}/graph").json()
    assert drawn == {node["id"] for node in graph["nodes"]}
    edges = page.evaluate("() => window.argmap.cy.edges().length")
    assert edges == len(graph["edges"])
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "viewer-map.png"))


def test_clicking_a_node_shows_its_detail_with_the_quote_highlighted(service, page):
    node_id = "nato-is-defensive"
    page.evaluate(f"() => argmap.cy.center(argmap.cy.$id('{node_id}'))")
    position = page.evaluate(f"() => argmap.cy.$id('{node_id}').renderedPosition()")
    box = page.locator("[data-testid=graph]").bounding_box()
    page.mouse.click(box["x"] + position["x"], box["y"] + position["y"])
    panel = page.locator("[data-testid=detail-panel][data-state=ready]")
    panel.wait_for(timeout=10_000)
    assert panel.get_attribute("data-statement-id") == node_id
    statement = httpx.get(f"{service}/statements/{node_id}").json()
    assert page.locator("[data-testid=detail-title]").inner_text() == statement["title"]
    marks = page.locator("[data-testid=quote-context] mark")
    marks.first.wait_for(timeout=10_000)
    assert marks.first.inner_text() == statement["quotes"][0]["quote"]
    page.screenshot(path=str(SHOTS / "viewer-detail.png"))


def test_support_tree_view(service, page):
    page.locator("[data-testid=btn-support-tree]").click()
    page.evaluate("() => argmap.idle()")
    tree = httpx.get(f"{service}/statements/nato-is-defensive/support-tree?depth=4").json()
    drawn = set(page.evaluate("() => argmap.cy.nodes().map(n => n.id())"))
    assert drawn == {node["id"] for node in tree["nodes"]}


def test_guide_and_style_are_served_for_neo4j_browser(service):
    guide = httpx.get(f"{service}/browser/guide", headers={"Origin": "http://localhost:7474"})
    assert guide.status_code == 200 and '<article class="guide">' in guide.text
    assert guide.headers["access-control-allow-origin"] == "*"
    style = httpx.get(f"{service}/browser/style.grass")
    assert "node.Position" in style.text and "relationship.REFUTES" in style.text
