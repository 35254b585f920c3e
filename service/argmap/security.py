"""Route guards: write routes need `Authorization: Bearer <key>` with a write-scoped key.

Keys are configured as SHA-256 hashes (`ARGMAP_API_KEYS`, see `argmap.keys`), never stored
raw; a presented key is hashed and compared to each configured hash in constant time. Keys are
never logged.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from argmap.errors import ApiError
from argmap.keys import Scope, scope_of


class Unauthorized(ApiError):
    status, error = 401, "unauthorized"


class Forbidden(ApiError):
    status, error = 403, "forbidden"


_bearer = HTTPBearer(auto_error=False, description="an argmap API key")


async def _scope(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Scope | None:
    if credentials is None:
        return None
    scope = scope_of(credentials.credentials, request.app.state.settings.api_keys)
    if scope is None:
        raise Unauthorized("the API key is not valid")
    return scope


async def require_write(scope: Annotated[Scope | None, Depends(_scope)]) -> None:
    if scope is None:
        raise Unauthorized("this route needs `Authorization: Bearer <write key>`")
    if scope is not Scope.WRITE:
        raise Forbidden("this key is read-only; writing needs a write key")


async def require_read(request: Request, scope: Annotated[Scope | None, Depends(_scope)]) -> None:
    if request.app.state.settings.read_requires_key and scope is None:
        raise Unauthorized("reading needs `Authorization: Bearer <key>` on this server")


WriteAccess = Depends(require_write)
ReadAccess = Depends(require_read)
