from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from argmap.deps import ExchangeDep
from argmap.errors import ERROR_RESPONSES
from argmap.routes.params import ScopeDep
from argmap.security import ReadAccess, WriteAccess
from argmap.services.exchange import (
    EMBED_INLINE_MAX,
    EXTENSIONS,
    MEDIA_TYPES,
    ExportFormat,
    ImportFormat,
    ImportResult,
)

router = APIRouter(tags=["import and export"], responses=ERROR_RESPONSES)

# About 60k statements of argmap JSON (3 relations a statement); the server holds a body
# about ten times its size while it validates and writes it. Larger maps: `argmap import
# FILE`, which has no body to limit.
MAX_IMPORT_BYTES = 50_000_000
# The body is read raw (any Content-Type, application/json included), at most the limit of it.
IMPORT_BODY = {
    "required": True,
    "content": {
        "application/octet-stream": {
            "schema": {"type": "string", "contentMediaType": "application/octet-stream"}
        }
    },
}


@router.post(
    "/import",
    dependencies=[WriteAccess],
    summary="Import a map file: argmap JSON, AIF JSON (AIFdb/OVA) or GraphML",
    description=(
        "All or nothing: a file with any problem is refused with 422 and every problem "
        "listed with its location (`details`); nothing is written. Ids MERGE, so importing "
        "the same file twice changes nothing.\n\n"
        f"Claim matching: a file of at most {EMBED_INLINE_MAX:,} statements is embedded as "
        "it is written, so `/statements/similar` finds its statements as soon as this "
        "answers. A larger file is written without embeddings (embedding a large map "
        "inline would make the import several times slower): the server embeds its "
        "statements in the background afterwards, and `similar` finds each once embedded."
    ),
    openapi_extra={"requestBody": IMPORT_BODY},
)
async def import_map(
    exchange: ExchangeDep,
    request: Request,
    format: Annotated[ImportFormat, Query(description="auto detects from the content")] = (
        ImportFormat.AUTO
    ),
) -> ImportResult:
    # limits.RequestGuard has refused a body over MAX_IMPORT_BYTES before it reached here.
    data = await request.body()
    result = await exchange.import_file(data=data, fmt=format)
    if result.statements > EMBED_INLINE_MAX:  # written without embeddings: embed them now
        request.app.state.backlog.kick()
    return result


@router.get(
    "/export",
    dependencies=[ReadAccess],
    summary="Export the map, or one position's / speaker's / source's part of it",
    response_class=Response,
    responses={200: {"content": {t: {} for t in set(MEDIA_TYPES.values())}}},
)
async def export_map(
    exchange: ExchangeDep,
    scope: ScopeDep,
    format: ExportFormat = ExportFormat.JSON,
) -> Response:
    return Response(
        await exchange.export(fmt=format, scope=scope),
        media_type=MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="argmap.{EXTENSIONS[format]}"'},
    )
