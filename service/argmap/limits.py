"""Every request body is bounded, and a write route's key is checked before a byte of the body
is read: a pure ASGI middleware ahead of routing and body parsing.

Before, FastAPI read and parsed a body before any guard ran: a 200 MB anonymous POST took
seconds and hundreds of MB to answer 401. Now an anonymous or read-only write is answered at
once from its headers; a `Content-Length` over the route's limit is answered 413 at once; a
body streamed without one (chunked) is counted as it arrives and cut off with 413 as soon as
it passes the limit. Requests that match no route go on to get their 404/405, whatever their
size or key.
"""

from __future__ import annotations

from fastapi.routing import RouteContext, iter_route_contexts
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from argmap.domain import MAX_SOURCE_TEXT
from argmap.errors import ApiError, api_error_response, http_error_response
from argmap.routes.exchange import MAX_IMPORT_BYTES
from argmap.security import bearer_key, check_write, needs_write_key
from argmap.settings import Settings

# A source's text as JSON: a code point written as an escaped surrogate pair ("\ud83d\ude00")
# takes 12 bytes, the most any JSON encoder spends on one.
MAX_JSON_BYTES_PER_CODE_POINT = 12
BODILESS_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def body_limit(route: RouteContext | None, settings: Settings) -> int:
    """The largest body the route takes: its own limit, else `max_body_bytes`."""
    own_limits = {
        "/import": MAX_IMPORT_BYTES,
        # the text, plus the metadata fields any other body may hold
        "/sources": MAX_SOURCE_TEXT * MAX_JSON_BYTES_PER_CODE_POINT + settings.max_body_bytes,
    }
    return own_limits.get(getattr(route, "path_format", None), settings.max_body_bytes)


class BodyTooLarge(HTTPException):
    # An HTTPException because it is raised from `receive` inside FastAPI's body parsing,
    # which passes those on as they are (any other exception becomes a 400).
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is over the limit of {limit} bytes")


def _matched_route(routes: list[BaseRoute], scope: Scope) -> RouteContext | None:
    """The route the router will run: the first full match of path and method."""
    for route in iter_route_contexts(routes):
        match, _ = route.matches(scope)
        if match is Match.FULL:
            return route
    return None


def _content_length(headers: Headers) -> int | None:
    declared = headers.get("content-length", "")
    return int(declared) if declared.isdigit() else None


class RequestGuard:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        app = scope["app"]  # the FastAPI app, set by Starlette before any middleware
        settings: Settings = app.state.settings
        if scope["method"] in BODILESS_METHODS:
            # No route of these reads a body or needs a write key: skip the route match
            # (about 25 µs a request), still bounding whatever body is sent.
            await self.app(scope, _counted(receive, settings.max_body_bytes), send)
            return
        route = _matched_route(app.router.routes, scope)
        headers = Headers(scope=scope)
        limit = body_limit(route, settings)
        try:
            if route is not None and needs_write_key(route):
                check_write(bearer_key(headers.get("authorization")), settings.api_keys)
        except ApiError as refused:
            await api_error_response(refused)(scope, receive, send)
            return
        declared = _content_length(headers)
        # No route: the router answers 404/405 without reading the body.
        if route is not None and declared is not None and declared > limit:
            await http_error_response(BodyTooLarge(limit))(scope, receive, send)
            return
        await self.app(scope, _counted(receive, limit), send)


def _counted(receive: Receive, limit: int) -> Receive:
    """`receive`, raising BodyTooLarge as soon as the body has passed `limit` bytes."""
    received = 0

    async def receive_within_limit() -> Message:
        nonlocal received
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > limit:
                raise BodyTooLarge(limit)
        return message

    return receive_within_limit
