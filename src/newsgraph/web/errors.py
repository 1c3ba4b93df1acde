"""The one error shape: ``{"ok": false, "error": message, "status": code}``.

Every error (404, 405, 413, 422, 500, ...) of the API goes through :func:`error_payload`,
so clients parse one shape; HTML pages render the same payload in a template.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import ConfigError, NewsgraphError
from ..query import NotFoundError

__all__ = ["error_payload", "error_response", "ApiError", "install_handlers"]

log = logging.getLogger("newsgraph.web")


class ApiError(Exception):
    """An error with its HTTP status, raised by the web layer itself."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def error_payload(status: int, message: str) -> dict:
    """THE error body. Pinned by tests/test_web_api.py::test_web_api_error_shape_is_pinned."""
    return {"ok": False, "error": message, "status": status}


def error_response(request: Request | None, status: int, message: str, headers: dict | None = None) -> Response:
    """JSON under /api (and for non-HTML clients), an HTML page elsewhere; same payload."""
    payload = error_payload(status, message)
    if request is not None and not request.url.path.startswith("/api") and _wants_html(request):
        templates = request.app.state.templates
        return templates.TemplateResponse(request, "error.html", {"error": payload}, status_code=status,
                                          headers=headers)
    return JSONResponse(payload, status_code=status, headers=headers)


def _wants_html(request: Request) -> bool:
    return "text/html" in request.headers.get("accept", "") or request.method == "GET"


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else str(err.get("msg", "invalid")))
    return "; ".join(parts) or "invalid request"


def install_handlers(app: FastAPI) -> None:
    """Route every exception to error_response, with the status it carries."""

    @app.exception_handler(ApiError)
    async def _api(request: Request, exc: ApiError):
        return error_response(request, exc.status, exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no page or endpoint at {request.url.path}"
        return error_response(request, exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        return error_response(request, 422, _validation_message(exc))

    @app.exception_handler(NotFoundError)
    async def _missing(request: Request, exc: NotFoundError):
        return error_response(request, 404, str(exc))

    @app.exception_handler(ConfigError)
    async def _config(request: Request, exc: ConfigError):
        # Bad filter values (dates, types, modalities) are the client's to fix.
        return error_response(request, 400, str(exc))

    @app.exception_handler(NewsgraphError)
    async def _newsgraph(request: Request, exc: NewsgraphError):
        log.exception("newsgraph error on %s", request.url.path)
        return error_response(request, 500, str(exc))

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception):
        # Never leak a traceback or SQL to the client; the log has it.
        log.exception("unhandled error on %s", request.url.path)
        return error_response(request, 500, "internal error; see the server log")
