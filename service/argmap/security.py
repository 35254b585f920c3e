"""Route guards: write routes need `Authorization: Bearer <key>` with a write-scoped key.

Keys are configured as SHA-256 hashes (`ARGMAP_API_KEYS`, see `argmap.keys`), never stored
raw; a presented key is hashed and compared to each configured hash in constant time. Keys are
never logged. The write rule (`check_write`) runs twice: in `argmap.limits`, before any byte of
a body is read, and in the route's own guard.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar

from fastapi import Depends, Request
from fastapi.routing import RouteContext, iter_route_contexts
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.security.utils import get_authorization_scheme_param
from starlette.routing import BaseRoute

from argmap.errors import ApiError
from argmap.keys import ApiKey, Scope, scope_of


class Unauthorized(ApiError):
    status, error = 401, "unauthorized"
    headers: ClassVar[dict[str, str]] = {"WWW-Authenticate": "Bearer"}


class Forbidden(ApiError):
    status, error = 403, "forbidden"


_bearer = HTTPBearer(auto_error=False, description="an argmap API key")


def bearer_key(authorization: str | None) -> str | None:
    """The key of an `Authorization: Bearer <key>` header, read as HTTPBearer reads it."""
    scheme, key = get_authorization_scheme_param(authorization)
    return key if scheme.lower() == "bearer" and key else None


def key_scope(key: str | None, keys: list[ApiKey]) -> Scope | None:
    """The scope of a presented key; None when no key was presented."""
    if key is None:
        return None
    scope = scope_of(key, keys)
    if scope is None:
        raise Unauthorized("the API key is not valid")
    return scope


def check_write(key: str | None, keys: list[ApiKey]) -> None:
    scope = key_scope(key, keys)
    if scope is None:
        raise Unauthorized("this route needs `Authorization: Bearer <write key>`")
    if scope is not Scope.WRITE:
        raise Forbidden("this key is read-only; writing needs a write key")


def _presented(credentials: HTTPAuthorizationCredentials | None) -> str | None:
    return credentials.credentials if credentials else None


Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


async def require_write(request: Request, credentials: Credentials) -> None:
    check_write(_presented(credentials), request.app.state.settings.api_keys)


async def require_read(request: Request, credentials: Credentials) -> None:
    settings = request.app.state.settings
    scope = key_scope(_presented(credentials), settings.api_keys)
    if settings.read_requires_key and scope is None:
        raise Unauthorized("reading needs `Authorization: Bearer <key>` on this server")


WriteAccess = Depends(require_write)
ReadAccess = Depends(require_read)


def _guards(route: BaseRoute | RouteContext) -> set[Any]:
    """Every dependency of a route, at any depth (the guards among them); none for a mount."""
    calls, pending = set(), [getattr(route, "dependant", None)]
    while pending:
        if dependant := pending.pop():
            calls.add(dependant.call)
            pending.extend(dependant.dependencies)
    return calls


def needs_write_key(route: BaseRoute | RouteContext) -> bool:
    return require_write in _guards(route)


def mark_public_reads(schema: dict[str, Any], routes: list[BaseRoute]) -> None:
    """A read works without a key, so its security requirement gets `{}` (no key) beside the
    bearer that FastAPI derives from the guard's HTTPBearer (which alone means: key needed)."""
    for route in iter_route_contexts(routes):
        guards = _guards(route)
        if require_read in guards and require_write not in guards:
            for method in route.methods or ():
                if operation := schema["paths"].get(route.path_format, {}).get(method.lower()):
                    operation["security"] = [{}, *operation.get("security", [])]
