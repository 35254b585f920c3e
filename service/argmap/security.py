"""API keys: write routes need `Authorization: Bearer <key>` with a write-scoped key.

Keys are configured as SHA-256 hashes (`ARGMAP_API_KEYS`), never stored raw; a presented
key is hashed and compared to each configured hash in constant time. Keys are never logged.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from enum import StrEnum
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from .errors import ApiError


class Scope(StrEnum):
    READ = "read"
    WRITE = "write"


class ApiKey(BaseModel):
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="hex SHA-256 of the key")
    scope: Scope = Scope.WRITE
    name: str = ""


class Unauthorized(ApiError):
    status, error = 401, "unauthorized"


class Forbidden(ApiError):
    status, error = 403, "forbidden"


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def new_key() -> str:
    return "argmap_" + secrets.token_urlsafe(32)


def scope_of(presented: str, keys: list[ApiKey]) -> Scope | None:
    digest = hash_key(presented)
    match = None
    for key in keys:  # no early exit: every configured key costs the same compare
        if hmac.compare_digest(digest, key.sha256):
            match = key.scope
    return match


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
