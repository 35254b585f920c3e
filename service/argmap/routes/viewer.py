"""argmap's own viewer page, the API docs page, and the Neo4j Browser guide and style."""

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import FileResponse, HTMLResponse

WEB_DIR = Path(__file__).resolve().parents[1] / "web"

router = APIRouter(tags=["viewer"], include_in_schema=False)


@router.get("/")
@router.get("/explore")
async def explorer() -> FileResponse:
    return FileResponse(WEB_DIR / "index.html", media_type="text/html")


@router.get("/viewer/annotate")
async def annotator() -> FileResponse:
    """Map a source by hand: select passages, quote them, draw relations from markers."""
    return FileResponse(WEB_DIR / "annotate.html", media_type="text/html")


@router.get("/browser/guide")
async def browser_guide() -> FileResponse:
    """`:play http://<host>:<port>/browser/guide` in Neo4j Browser."""
    return FileResponse(WEB_DIR / "guide.html", media_type="text/html")


@router.get("/browser/style.grass")
async def browser_style() -> FileResponse:
    """`:style http://<host>:<port>/browser/style.grass` in Neo4j Browser."""
    return FileResponse(WEB_DIR / "style.grass", media_type="text/plain")


DOCS_OAUTH2_REDIRECT = "/docs/oauth2-redirect"


def _vendored(request: Request, root_path: str, name: str) -> str:
    """The local URL of a vendored Swagger UI file (app.py mounts web/ as "viewer")."""
    return root_path + request.app.url_path_for("viewer", path=f"vendor/swagger-ui/{name}")


@router.get("/docs")
async def swagger_ui(request: Request) -> HTMLResponse:
    """FastAPI's Swagger UI page, its script, style and icon served from web/vendor/ (no CDN:
    the page works offline). tools/web-vendor/ pins and copies them."""
    app = request.app
    root_path = request.scope.get("root_path", "").rstrip("/")
    return get_swagger_ui_html(
        openapi_url=root_path + app.openapi_url,
        title=f"{app.title} - Swagger UI",
        swagger_js_url=_vendored(request, root_path, "swagger-ui-bundle.js"),
        swagger_css_url=_vendored(request, root_path, "swagger-ui.css"),
        swagger_favicon_url=_vendored(request, root_path, "favicon-32x32.png"),
        oauth2_redirect_url=root_path + DOCS_OAUTH2_REDIRECT,
        init_oauth=app.swagger_ui_init_oauth,
        swagger_ui_parameters=app.swagger_ui_parameters,
    )


@router.get(DOCS_OAUTH2_REDIRECT)
async def swagger_ui_oauth2_redirect() -> HTMLResponse:
    return get_swagger_ui_oauth2_redirect_html()
