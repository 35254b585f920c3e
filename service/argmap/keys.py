"""API keys as configuration: a key is stored only as its SHA-256, with a scope.

Pure data and hashing (no web framework): `argmap.settings` reads keys from the environment,
`argmap.security` checks the key a request presents.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from enum import StrEnum

from pydantic import BaseModel, Field


class Scope(StrEnum):
    READ = "read"
    WRITE = "write"


class ApiKey(BaseModel):
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="hex SHA-256 of the key")
    scope: Scope = Scope.WRITE
    name: str = ""


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
