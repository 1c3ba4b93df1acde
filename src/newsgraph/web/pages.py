"""HTML pages: each renders one template from the same data as its /api twin (views.py)."""

from __future__ import annotations

from typing import Annotated, Optional

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from ..query import parse_attributions
from ..query_records import ATTRIBUTIONS, MODALITIES, PLOVER_TYPES
from . import views
from .reader import parse_span, read_article
from .views import MAX_LIMIT

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
Text = Annotated[Optional[str], Query(max_length=300)]


def _render(request: Request, template: str, **context) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, template, context)


@router.get("/")
def overview(request: Request):
    return _render(request, "overview.html", data=views.overview(request.app.state.store))


@router.get("/articles")
def articles(request: Request, limit: Limit = 50, offset: Offset = 0):
    items = views.articles(request.app.state.store, limit, offset)
    return _render(request, "articles.html", page=views.page(items, limit, offset, "/articles",
                                                             dict(request.query_params)))


@router.get("/articles/{article_id}")
def article(request: Request, article_id: str, span: Annotated[Optional[str], Query(max_length=40)] = None,
            attribution: Annotated[Optional[str], Query(max_length=64)] = None):
    meta, record = views.article(request.app.state.store, article_id)
    shown = parse_attributions(attribution or "speech")
    reading = read_article(meta["text"], record, parse_span(span, len(meta["text"])), shown)
    return _render(request, "article.html", article=meta, reading=reading, analysed=record is not None,
                   attributions=ATTRIBUTIONS, span=span)


@router.get("/entities/{ref:path}")
def entity(request: Request, ref: str):
    store = request.app.state.store
    # One profile call feeds the whole page: its newest reports draw the timeline and the
    # neighbourhood (a corpus-wide network walk per entity page would cost ~0.25 s at 10k articles).
    profile = views.entity(store, ref, limit=50)
    reports = {r["id"]: r for r in profile["events_as_actor"] + profile["events_as_target"]}
    return _render(request, "entity.html", p=profile, reports=list(reports.values()),
                   net=views.neighbourhood(profile))


@router.get("/events")
def events(request: Request, type: Text = None, modality: Text = None, actor: Text = None, target: Text = None,
           since: Text = None, until: Text = None, outlet: Text = None, limit: Limit = 50, offset: Offset = 0):
    filters = dict(type=type, modality=modality, actor=actor, target=target, since=since, until=until, outlet=outlet)
    items = views.events(request.app.state.store, limit, offset, **filters)
    return _render(request, "events.html", page=views.page(items, limit, offset, "/events",
                                                           dict(request.query_params)),
                   filters=filters, types=PLOVER_TYPES, modalities=MODALITIES)


@router.get("/network")
def network(request: Request, since: Text = None, until: Text = None,
            min_weight: Annotated[int, Query(ge=1, le=10_000)] = 1, limit: Annotated[int, Query(ge=1, le=500)] = 100):
    data = views.network(request.app.state.store, since, until, min_weight, limit)
    return _render(request, "network.html", net=data, filters=dict(since=since, until=until, min_weight=min_weight,
                                                                   limit=limit))


@router.get("/search")
def search(request: Request, q: Text = None, limit: Limit = 20, offset: Offset = 0):
    items = views.search(request.app.state.store, q or "", limit, offset)
    return _render(request, "search.html", q=q or "", page=views.page(items, limit, offset, "/search",
                                                                      dict(request.query_params)))
