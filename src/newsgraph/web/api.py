"""The JSON API under /api: one endpoint per page, lists paged with limit/offset and next links.

Handlers are sync (``def``): FastAPI runs them in its thread pool, so a slow query
never blocks the event loop. Errors come out in the one shape of errors.py.
"""

from __future__ import annotations

from typing import Annotated, Optional

from fastapi import APIRouter, Query, Request

from . import views
from .views import MAX_LIMIT

router = APIRouter(prefix="/api", tags=["read"])

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"items per page (at most {MAX_LIMIT})")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="items to skip")]
Since = Annotated[Optional[str], Query(max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD, inclusive")]
Until = Since
Text = Annotated[Optional[str], Query(max_length=300)]


def _store(request: Request):
    return request.app.state.store


def _params(request: Request) -> dict:
    return dict(request.query_params)


@router.get("/overview", summary="Corpus figures, most active actors, latest articles and events (actor -> target)")
def overview(request: Request) -> dict:
    return views.overview(_store(request))


@router.get("/articles", summary="Articles, newest first")
def articles(request: Request, limit: Limit = 50, offset: Offset = 0) -> dict:
    items = views.articles(_store(request), limit, offset)
    return views.page(items, limit, offset, "/api/articles", _params(request))


@router.get("/outlets", summary="Outlets over all articles: articles, independent stories, first and last date")
def outlets(request: Request, limit: Limit = 50, offset: Offset = 0) -> dict:
    items = views.outlets(_store(request), limit, offset)
    return views.page(items, limit, offset, "/api/outlets", _params(request))


@router.get("/articles/{article_id}", summary="One article: text, metadata and its analysis record (spans)")
def article(request: Request, article_id: str) -> dict:
    meta, record = views.article(_store(request), article_id)
    return {"ok": True, "article": meta, "analysis": record}


@router.get("/entities/{ref:path}", summary="Entity profile by id or name: aliases, roles, statements, events")
def entity(request: Request, ref: str, limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20) -> dict:
    return views.entity(_store(request), ref, limit)


@router.get("/quotes", summary="Who said what: quotes by a speaker and/or about an entity")
def quotes(request: Request, speaker: Text = None, about: Text = None, since: Since = None, until: Until = None,
           outlet: Text = None, rules_only: Annotated[bool, Query(
               description="Leave out the quotes the learned model found (found_by 'model').")] = False,
           attribution: Annotated[str, Query(
               max_length=64, description="What kind of attribution: speech (what was said), belief, intention, "
                                          "stance, several joined by commas, or all.")] = "speech",
           limit: Limit = 50, offset: Offset = 0) -> dict:
    items = views.quotes(_store(request), limit, offset, speaker=speaker, about=about, since=since, until=until,
                         outlet=outlet, rules_only=rules_only, attribution=attribution)
    return views.page(items, limit, offset, "/api/quotes", _params(request))


@router.get("/events", summary="Merged events with their reports, latest first (events naming someone)")
def events(request: Request, type: Text = None, modality: Text = None, actor: Text = None, target: Text = None,
           since: Since = None, until: Until = None, outlet: Text = None, limit: Limit = 50,
           offset: Offset = 0) -> dict:
    items = views.events(_store(request), limit, offset, type=type, modality=modality, actor=actor, target=target,
                         since=since, until=until, outlet=outlet)
    return views.page(items, limit, offset, "/api/events", _params(request))


@router.get("/timeline", summary="Event reports naming someone, in date order, oldest first")
def timeline(request: Request, entity: Text = None, type: Text = None, modality: Text = None, since: Since = None,
             until: Until = None, limit: Limit = 100, offset: Offset = 0) -> dict:
    items = views.timeline(_store(request), limit, offset, entity=entity, type=type, modality=modality, since=since,
                           until=until)
    return views.page(items, limit, offset, "/api/timeline", _params(request))


@router.get("/network", summary="Actor network (who acted on whom), Cytoscape-ready nodes and edges")
def network(request: Request, since: Since = None, until: Until = None,
            min_weight: Annotated[int, Query(ge=1, le=10_000)] = 1,
            limit: Annotated[int, Query(ge=1, le=500, description="busiest actors kept")] = 150,
            entity: Text = None) -> dict:
    return views.network(_store(request), since, until, min_weight, limit, entity)


@router.get("/search", summary="Full-text search over sentences and quotes")
def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=300)], limit: Limit = 20,
           offset: Offset = 0) -> dict:
    items = views.search(_store(request), q, limit, offset)
    return views.page(items, limit, offset, "/api/search", _params(request))
