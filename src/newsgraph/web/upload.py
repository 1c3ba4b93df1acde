"""Optional ingest over HTTP (``serve --allow-ingest --token T``): POST /api/ingest and an upload form.

Mounted only when ingest is allowed. Both need the token: the API as
``Authorization: Bearer T``, the form as a field (browsers cannot set headers on
a form post; the secret field also stops cross-site form posts). Files go through
the same readers and runner as ``newsgraph ingest``.
"""

from __future__ import annotations

import hmac
import re
import tempfile
import threading
from pathlib import Path
from typing import Annotated, Optional

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse

from ..errors import NewsgraphError
from ..model import ReadOptions
from . import views
from .errors import ApiError

router = APIRouter()

# One analyser per process (loading spaCy takes seconds); one ingest at a time, as
# the CLI does, so batches never interleave.
_lock = threading.Lock()
_analyzer = None
SUFFIXES = {".txt", ".md", ".html", ".htm", ".jsonl", ".json", ".gz", ".warc", ".arc", ".xml", ".rss", ".atom"}


def _check_token(request: Request, given: str | None) -> None:
    expected = request.app.state.token or ""
    if not given or not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        raise ApiError(401, "a valid token is required to ingest (Authorization: Bearer TOKEN)")


def _bearer(request: Request) -> str | None:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" else None


def _options(published: str | None, outlet: str | None) -> ReadOptions:
    if published and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
        raise ApiError(422, f"published {published!r} is not a date of the form YYYY-MM-DD")
    return ReadOptions(published=published or None, outlet=outlet or None)


def ingest_bytes(store, name: str, data: bytes, options: ReadOptions) -> dict:
    """Store (and analyse) one uploaded file; the same path as `newsgraph ingest FILE`."""
    global _analyzer
    from ..ingest import read_inputs
    from ..ingest.runner import run_ingest

    suffix = Path(name or "").suffix.lower()
    with _lock, tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"upload{suffix if suffix in SUFFIXES else '.txt'}"
        path.write_bytes(data)
        if _analyzer is None:
            from ..analyze import Analyzer

            _analyzer = Analyzer()
        ids: list[str] = []
        try:
            report = run_ingest(read_inputs([str(path)], options), store, options, _analyzer,
                                on_event=lambda e: e.article_id and e.kind in ("stored", "duplicate")
                                and ids.append(e.article_id))
        except NewsgraphError as exc:
            raise ApiError(422, str(exc)) from None
    views.clear_cache()
    return {"ok": True, **report.as_dict(), "articles": sorted(set(ids)),
            "errors": [e.reason for e in report.errors]}


@router.post("/api/ingest", tags=["write"], summary="Ingest one file (needs --allow-ingest and the bearer token)")
def api_ingest(request: Request, file: Annotated[UploadFile, File()],
               published: Annotated[Optional[str], Form()] = None,
               outlet: Annotated[Optional[str], Form(max_length=200)] = None) -> dict:
    _check_token(request, _bearer(request))
    return ingest_bytes(request.app.state.store, file.filename or "", file.file.read(), _options(published, outlet))


@router.get("/upload", include_in_schema=False, response_class=HTMLResponse)
def upload_form(request: Request):
    return request.app.state.templates.TemplateResponse(request, "upload.html", {"result": None})


@router.post("/upload", include_in_schema=False, response_class=HTMLResponse)
def upload_post(request: Request, file: Annotated[UploadFile, File()], token: Annotated[str, Form()],
                published: Annotated[Optional[str], Form()] = None,
                outlet: Annotated[Optional[str], Form(max_length=200)] = None):
    _check_token(request, token)
    result = ingest_bytes(request.app.state.store, file.filename or "", file.file.read(), _options(published, outlet))
    return request.app.state.templates.TemplateResponse(request, "upload.html", {"result": result})
