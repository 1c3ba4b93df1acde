"""What each page and its API twin show, as JSON-ready data, built from the read API only.

Pages and /api endpoints both call these, so a page and its endpoint never disagree.
"""

from __future__ import annotations

import threading
import time
from dataclasses import asdict

from .. import query as q
from ..store import Store
from .errors import ApiError

__all__ = ["MAX_LIMIT", "overview", "outlets", "articles", "article", "entity", "quotes", "events", "timeline", "network",
           "search", "page"]

MAX_LIMIT = 200  # the most items one page of any list returns
OVERVIEW_OUTLETS = 15  # outlets listed on the overview (all of them: /api/outlets)


def page(items: list, limit: int, offset: int, path: str, params: dict) -> dict:
    """A page of a list with a link to the next one (None on the last page)."""
    from .render import query_string

    more = len(items) == limit
    return {"ok": True, "items": items, "limit": limit, "offset": offset,
            "next": f"{path}?{query_string(params, limit=limit, offset=offset + limit)}" if more else None}


def _ref(value: str | None) -> int | str | None:
    """An entity as a URL names it: pages link to entities by id, so a bare number there is an id
    (an int to the query API); any other text goes to the query API's naming rule (a name, an
    alias or #id; an ambiguous name is refused with a 400 listing the candidates)."""
    if value is None or not value.strip():
        return None
    return int(value) if value.strip().isdigit() and int(value) < 2**31 else value


def overview(store: Store) -> dict:
    return _cached(("overview", store.url), lambda: _overview(store))


def _overview(store: Store) -> dict:
    ov = q.overview(store, actors=15, articles=12, outlets=OVERVIEW_OUTLETS)
    # Who did what to whom: only events with a resolved actor and target, as the network draws them.
    latest = [asdict(e) for e in q.search_events(store, limit=10, shown="edge")]
    info = asdict(ov.info)
    info.pop("url", None)  # the database location (and any user name) is not the public's business
    return {"ok": True, "info": info, "actors": ov.actors, "articles": ov.articles, "events": latest,
            "outlets": list(ov.outlets)}


def outlets(store: Store, limit: int, offset: int) -> list[dict]:
    return q.outlets(store, limit=limit, offset=offset)


def articles(store: Store, limit: int, offset: int) -> list[dict]:
    return q.list_articles(store, limit=limit, offset=offset)


def article(store: Store, article_id: str) -> tuple[dict, dict | None]:
    found = store.article(article_id)
    if found is None:
        raise ApiError(404, f"no article with id {article_id!r}")
    meta = {k: getattr(found, k, None) for k in ("id", "title", "outlet", "published", "url", "author", "source",
                                                 "language", "text")}
    return meta, store.analysis(article_id)


def entity(store: Store, ref: str, limit: int = 20) -> dict:
    profile = asdict(q.entity_profile(store, _ref(ref), limit=limit))
    return {"ok": True, **profile}


def quotes(store: Store, limit: int, offset: int, **filters) -> list[dict]:
    filters["speaker"], filters["about"] = _ref(filters.get("speaker")), _ref(filters.get("about"))
    return [asdict(s) for s in q.who_said_what(store, limit=limit, offset=offset, **_clean(filters))]


def events(store: Store, limit: int, offset: int, **filters) -> list[dict]:
    filters["actor"], filters["target"] = _ref(filters.get("actor")), _ref(filters.get("target"))
    return [asdict(e) for e in q.search_events(store, limit=limit, offset=offset, **_clean(filters))]


def timeline(store: Store, limit: int, offset: int, **filters) -> list[dict]:
    filters["entity"] = _ref(filters.get("entity"))
    return [asdict(r) for r in q.timeline(store, limit=limit, offset=offset, **_clean(filters))]


def search(store: Store, text: str, limit: int, offset: int) -> list[dict]:
    if not text.strip():
        return []
    return [asdict(h) for h in q.search_text(store, text, limit=limit, offset=offset)]


def _clean(filters: dict) -> dict:
    return {k: (v.strip() if isinstance(v, str) else v) for k, v in filters.items() if v not in (None, "")}


# Corpus-wide aggregates (the overview's top actors, the actor network) walk every
# mention or edge: 0.2-0.3 s at 10k articles, while the store changes rarely. Keep
# them a minute; after that answer with the stale copy and rebuild in the background,
# so only the very first request pays. An ingest through this server clears them.
_TTL = 60.0
_cache: dict[tuple, tuple[float, object]] = {}
_refreshing: set[tuple] = set()
_lock = threading.Lock()


def clear_cache() -> None:
    with _lock:
        _cache.clear()


def _build(key: tuple, build):
    try:
        value = build()
        with _lock:
            _cache[key] = (time.monotonic(), value)
        return value
    finally:
        with _lock:
            _refreshing.discard(key)


def _cached(key: tuple, build):
    with _lock:
        hit = _cache.get(key)
        stale = hit is not None and time.monotonic() - hit[0] > _TTL and key not in _refreshing
        if stale:
            _refreshing.add(key)
    if hit is None:
        return _build(key, build)
    if stale:
        threading.Thread(target=_build, args=(key, build), daemon=True).start()
    return hit[1]


def _network_data(store: Store, since: str | None, until: str | None, min_weight: int) -> dict:
    graph = q.actor_network(store, since=since, until=until, min_weight=min_weight)
    return {"nodes": {n: d for n, d in graph.nodes(data=True)},
            "edges": [(s, t, d) for s, t, d in graph.edges(data=True)]}


def warm(store: Store) -> None:
    """Build the overview and the default network in the background, so the first visitor does not wait."""
    def run():
        overview(store)
        network(store)
    threading.Thread(target=run, daemon=True).start()


def neighbourhood(profile: dict) -> dict:
    """An entity's actor-target links from its latest reports in the profile (no corpus-wide walk)."""
    me = profile["entity"]["id"]
    links: dict[tuple, dict] = {}
    names = {me: profile["entity"]["name"]}
    for r in profile["events_as_actor"] + profile["events_as_target"]:
        if r["modality"] not in q.NETWORK_MODALITIES:
            continue
        for a in r["actors"]:
            for t in r["targets"]:
                if None in (a["id"], t["id"]):
                    continue  # a phrase standing for no entity is no node
                if me in (a["id"], t["id"]) and a["id"] != t["id"]:
                    names[a["id"]], names[t["id"]] = a["name"], t["name"]
                    link = links.setdefault((a["id"], t["id"], r["type"]), {
                        "source": str(a["id"]), "target": str(t["id"]), "event_type": r["type"],
                        "polarity": r["polarity"], "reports": set()})
                    link["reports"].add(r["event_id"])
    edges = [{**{k: v for k, v in l.items() if k != "reports"}, "weight": len(l["reports"])} for l in links.values()]
    edges.sort(key=lambda e: -e["weight"])
    return {"nodes": [{"id": str(i), "label": n} for i, n in names.items()], "edges": edges}


def network(store: Store, since: str | None = None, until: str | None = None, min_weight: int = 1,
            limit: int = 150, entity: str | None = None) -> dict:
    """Cytoscape-ready nodes and edges: the ``limit`` busiest actors, or one entity's neighbours."""
    since, until = since or None, until or None
    full = _cached(("network", store.url, since, until, min_weight),
                   lambda: _network_data(store, since, until, min_weight))
    edges = full["edges"]
    if entity is not None:
        centre = q.entity_profile(store, _ref(entity), limit=1).entity.id
        edges = [e for e in edges if centre in (e[0], e[1])]
    weight: dict[int, int] = {}
    for s, t, d in edges:
        weight[s] = weight.get(s, 0) + d["weight"]
        weight[t] = weight.get(t, 0) + d["weight"]
    keep = set(sorted(weight, key=lambda n: (-weight[n], n))[:limit])
    nodes = [{"id": str(n), "label": full["nodes"][n]["name"], "entity_type": full["nodes"][n]["entity_type"],
              "weight": weight[n]} for n in sorted(keep, key=lambda n: -weight[n])]
    links = [{"id": f"{s}-{t}-{d['event_type']}", "source": str(s), "target": str(t), "event_type": d["event_type"],
              "polarity": d["polarity"], "weight": d["weight"], "reports": d["reports"], "first": d["first"],
              "last": d["last"]} for s, t, d in edges if s in keep and t in keep]
    return {"ok": True, "nodes": nodes, "edges": links, "total_nodes": len(weight), "total_edges": len(edges)}
