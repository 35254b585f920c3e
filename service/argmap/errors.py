"""One error shape for every 4xx/5xx, and the mapping from domain/engine errors to it."""

from __future__ import annotations

import logging
from typing import ClassVar

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import iter_route_contexts
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException
from starlette.routing import Match

from argmap.domain import validation_message
from argmap.store import (
    ConstraintViolation,
    EngineUnavailable,
    InvalidValue,
    QueryFailed,
    TooLarge,
)

log = logging.getLogger("argmap")


class ErrorResponse(BaseModel):
    status: int = Field(examples=[404])
    error: str = Field(examples=["not_found"], description="stable machine-readable code")
    message: str = Field(examples=["no statement with id 'nato-is-defensive'"])
    details: list[dict] | None = Field(None, description="per-field problems, when several")


class ApiError(Exception):
    """Raised by the repository and routes; carries the response it becomes."""

    status = 400
    error = "bad_request"
    headers: ClassVar[dict[str, str]] = {}

    def __init__(self, message: str, *, details: list[dict] | None = None) -> None:
        super().__init__(message)
        self.message, self.details = message, details


class NotFound(ApiError):
    status, error = 404, "not_found"


class Conflict(ApiError):
    status, error = 409, "conflict"


class Unprocessable(ApiError):
    status, error = 422, "invalid"


class NearDuplicate(Conflict):
    """A new statement says what stored ones say (claim matching); `details` lists them."""

    error = "near_duplicate"


class Moved(ApiError):
    """A statement merged into another: GET answers with where it lives now."""

    status, error = 301, "moved"

    def __init__(self, message: str, *, location: str) -> None:
        super().__init__(message)
        self.headers = {"Location": location}


class Gone(ApiError):
    """A statement merged into another: nothing but GET applies to its old id."""

    status, error = 410, "gone"


class NotAvailable(ApiError):
    status, error = 501, "not_available"


# Declared on every router so OpenAPI documents the one error shape.
ERROR_RESPONSES: dict[int | str, dict] = {
    code: {"model": ErrorResponse}
    for code in (400, 401, 403, 404, 409, 410, 413, 422, 500, 501, 503)
}

HTTP_ERROR_CODES = {
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
}
ENGINE_UNAVAILABLE = "the graph engine is unavailable; retry shortly"
RETRY_AFTER_SECONDS = 5


def _respond(
    status: int,
    error: str,
    message: str,
    details: list[dict] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = ErrorResponse(status=status, error=error, message=message, details=details)
    return JSONResponse(body.model_dump(exclude_none=True), status_code=status, headers=headers)


def api_error_response(exc: ApiError) -> JSONResponse:
    return _respond(exc.status, exc.error, exc.message, exc.details, exc.headers)


def http_error_response(exc: HTTPException) -> JSONResponse:
    code = HTTP_ERROR_CODES.get(exc.status_code, "error")
    return _respond(exc.status_code, code, str(exc.detail), headers=exc.headers)


def allowed_methods(request: Request) -> str:
    """Every method of the path: the router's 405 names only the first route's (GET of
    /statements, not its POST, which is another route)."""
    methods = set()
    for route in iter_route_contexts(request.app.routes):
        if route.matches(request.scope)[0] is not Match.NONE:
            methods |= route.methods or set()
    return ", ".join(sorted(methods))


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError):
        return api_error_response(exc)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError):
        details = [
            {"location": ".".join(str(p) for p in e["loc"]), "message": validation_message(e)}
            for e in exc.errors()
        ]
        message = "; ".join(f"{d['location']}: {d['message']}" for d in details)
        return _respond(422, "invalid", message, details)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        if exc.status_code == 405:
            exc.headers = {**(exc.headers or {}), "Allow": allowed_methods(request)}
        return http_error_response(exc)

    @app.exception_handler(EngineUnavailable)
    async def engine_down(_: Request, exc: EngineUnavailable):
        # The detail names the engine's address: for the log, never for clients.
        log.warning("engine unavailable: %s", exc)
        retry = {"Retry-After": str(RETRY_AFTER_SECONDS)}
        return _respond(503, "engine_unavailable", ENGINE_UNAVAILABLE, headers=retry)

    @app.exception_handler(ConstraintViolation)
    async def constraint(_: Request, exc: ConstraintViolation):
        return _respond(409, "conflict", f"the write would break a uniqueness rule: {exc}")

    @app.exception_handler(InvalidValue)
    async def invalid_value(_: Request, exc: InvalidValue):
        return _respond(422, "invalid", str(exc))

    @app.exception_handler(TooLarge)
    async def too_large(_: Request, exc: TooLarge):
        log.warning("write over the engine's transaction memory: %s", exc)
        return _respond(
            413,
            "too_large",
            "the write needs more memory than the graph engine allows one transaction; nothing "
            "was written (split the file, or raise the engine's transaction memory: "
            "docs/scaling.md)",
        )

    @app.exception_handler(QueryFailed)
    async def query_failed(_: Request, exc: QueryFailed):
        log.error("query failed: %s", exc)
        return _respond(500, "query_failed", "the graph engine failed the query")

    # Starlette's last resort (ServerErrorMiddleware): a bug, not a client's error. The client
    # gets the one error shape and nothing of the exception; the log gets the traceback.
    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception):
        log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        return _respond(500, "internal", "an internal error occurred; it has been logged")
