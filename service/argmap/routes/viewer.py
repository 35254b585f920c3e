"""argmap's own viewer page, and the Neo4j Browser guide and style."""

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

WEB_DIR = Path(__file__).resolve().parents[1] / "web"

router = APIRouter(tags=["viewer"], include_in_schema=False)


@router.get("/")
@router.get("/explore")
async def explorer() -> FileResponse:
    return FileResponse(WEB_DIR / "index.html", media_type="text/html")


@router.get("/browser/guide")
async def browser_guide() -> FileResponse:
    """`:play http://<host>:<port>/browser/guide` in Neo4j Browser."""
    return FileResponse(WEB_DIR / "guide.html", media_type="text/html")


@router.get("/browser/style.grass")
async def browser_style() -> FileResponse:
    """`:style http://<host>:<port>/browser/style.grass` in Neo4j Browser."""
    return FileResponse(WEB_DIR / "style.grass", media_type="text/plain")
