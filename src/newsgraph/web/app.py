"""The ASGI application: one Store, security headers, a body size limit, pages and API."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from ..store import Store
from .errors import error_payload, install_handlers
from .security import BodyLimit, SecurityHeaders

__all__ = ["create_app", "MAX_BODY"]

HERE = Path(__file__).parent
# Uploads are single articles; 5 MB holds any real one and bounds memory per request.
MAX_BODY = 5 * 1024 * 1024


def create_app(db: str | None = None, allow_ingest: bool = False, token: str | None = None,
               max_body: int = MAX_BODY, store: Store | None = None, warm: bool = False) -> FastAPI:
    """The app over the store at ``db`` (or an open ``store``); read-only unless ``allow_ingest``."""
    if allow_ingest and not token:
        raise ValueError("allow_ingest needs a token: uploads are refused without one")
    # /docs is served below from vendored Swagger UI: FastAPI's own page loads it from a CDN.
    app = FastAPI(title="newsgraph", version="1", docs_url=None, redoc_url=None,
                  description="Read API over a newsgraph store: every fact links to its sentence.")
    # A read-only server over a path with no database would serve an empty one: refuse it.
    app.state.store = store or Store(db, create=allow_ingest)
    app.state.allow_ingest = allow_ingest
    app.state.token = token
    # Autoescape everything: titles, outlets, names and article text are untrusted.
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=True)
    templates = Jinja2Templates(env=env)
    templates.env.globals["allow_ingest"] = allow_ingest
    from .render import install_filters

    install_filters(templates.env)
    app.state.templates = templates
    install_handlers(app)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request):
        return templates.TemplateResponse(request, "docs.html")

    from . import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    if allow_ingest:
        from . import upload

        app.include_router(upload.router)
    if warm:
        from .views import warm as warm_caches

        warm_caches(app.state.store)
    # Outermost first: the size check runs before anything reads the body.
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, max_body=max_body, payload=error_payload)
    return app
