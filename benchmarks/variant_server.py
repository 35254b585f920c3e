"""argmap's app served by uvicorn with proposed changes applied from outside (experiment only;
started by `server_variants.py`). Configured by ARGMAP_* like `argmap serve`, plus:

- ASYNC_DEPS=1: the per-request dependencies `deps.get_repository` and `security.require_read`
  (with its `_scope`) as `async def` (FastAPI runs a plain `def` dependency in a worker
  thread: a thread hop per dependency per request), through `app.dependency_overrides`;
- NO_ACCESS_LOG=1: uvicorn without its access log (one log record per request).

hiredis is switched by the Python path the server runs with (see `server_variants.py`).
"""

import os
from typing import Annotated

import uvicorn
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials

from argmap import deps, security
from argmap.app import create_app
from argmap.repository import Repository

app = create_app()

if os.environ.get("ASYNC_DEPS") == "1":

    async def get_repository(request: Request) -> Repository:
        return Repository(request.app.state.store, request.app.state.catalog)

    async def _scope(
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(security._bearer)],
    ) -> security.Scope | None:
        if credentials is None:
            return None
        scope = security.scope_of(credentials.credentials, request.app.state.settings.api_keys)
        if scope is None:
            raise security.Unauthorized("the API key is not valid")
        return scope

    async def require_read(
        request: Request, scope: Annotated[security.Scope | None, Depends(_scope)]
    ) -> None:
        if request.app.state.settings.read_requires_key and scope is None:
            raise security.Unauthorized("reading needs `Authorization: Bearer <key>`")

    app.dependency_overrides[deps.get_repository] = get_repository
    app.dependency_overrides[security.require_read] = require_read

if __name__ == "__main__":
    uvicorn.run(
        app,
        host="127.0.0.1",
        port=int(os.environ["ARGMAP_PORT"]),
        access_log=os.environ.get("NO_ACCESS_LOG") != "1",
    )
