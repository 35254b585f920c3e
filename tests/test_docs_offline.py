"""/docs works offline: Swagger UI's script, style and icon come from the service itself
(web/vendor/swagger-ui/, vendored by tools/web-vendor/), not from a CDN."""

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import httpx
import pytest
from browser_support import CHROMIUM, CHROMIUM_ARGS, SHOTS
from serving import http_server

CONTENT_TYPES = {".js": "javascript", ".css": "text/css", ".png": "image/png"}


class _Assets(HTMLParser):
    """The URLs a page loads: <script src>, <link href>, <img src>."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = {"script": "src", "link": "href", "img": "src"}.get(tag)
        self.urls += [value for name, value in attrs if name == wanted and value]


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("docs")
    args = ["-m", "argmap", "serve", "--port", "{port}", "--data-dir", str(workdir / "data")]
    with http_server(args, workdir=workdir) as base:
        yield base


def test_docs_page_loads_only_local_assets(service):
    page = httpx.get(f"{service}/docs")
    assert page.status_code == 200 and "SwaggerUIBundle(" in page.text
    parser = _Assets()
    parser.feed(page.text)
    assert len(parser.urls) == 3  # the bundle, its CSS, the favicon
    for url in parser.urls:
        assert url.startswith("/") and not url.startswith("//"), url  # same origin, no CDN
        response = httpx.get(urljoin(service, url))
        assert response.status_code == 200, url
        suffix = url[url.rfind(".") :]
        assert CONTENT_TYPES[suffix] in response.headers["content-type"], url
    assert "http://" not in page.text and "https://" not in page.text
    assert "url: '/openapi.json'" in page.text


def test_oauth2_redirect_is_kept_and_redoc_is_gone(service):
    redirect = httpx.get(f"{service}/docs/oauth2-redirect")
    assert redirect.status_code == 200 and "oauth2" in redirect.text
    assert httpx.get(f"{service}/redoc").status_code == 404  # disabled: it needs a CDN


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (Debian package `chromium`)")
def test_docs_render_with_the_network_blocked(service):
    from playwright.sync_api import sync_playwright

    blocked: list[str] = []

    def only_loopback(route):
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob") or parts.hostname == "127.0.0.1":
            route.continue_()
        else:
            blocked.append(url)
            route.abort("internetdisconnected")

    operations = sum(
        method in {"get", "put", "post", "delete", "patch"}
        for path in httpx.get(f"{service}/openapi.json").json()["paths"].values()
        for method in path
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.route("**/*", only_loopback)
            page.goto(f"{service}/docs")
            statement = page.locator(
                '.opblock-get:has(.opblock-summary-path[data-path="/statements/{id}"])'
            )
            statement.first.wait_for(state="visible", timeout=20_000)
            rendered = page.locator(".opblock").count()
            assert rendered >= 30 and rendered >= operations
            assert page.locator(".information-container .title").inner_text().startswith("argmap")
            SHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SHOTS / "docs-offline.png"))
        finally:
            browser.close()
    assert blocked == [], "the page asked for non-local URLs"
    assert errors == []
