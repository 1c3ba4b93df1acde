"""Small helpers for templates: links to spans and entities, safe hrefs, snippets, timeline charts."""

from __future__ import annotations

from datetime import date
from urllib.parse import quote, urlencode, urlsplit

from jinja2 import Environment

from ..query_records import lead_report, quote_label

__all__ = ["span_url", "entity_url", "safe_href", "marked", "timeline_chart", "install_filters"]


def span_url(source) -> str:
    """The article page scrolled to and highlighting the span a fact was read from."""
    get = source.get if isinstance(source, dict) else lambda k: getattr(source, k)
    return f"/articles/{quote(str(get('article_id')), safe='')}?span={int(get('start'))}-{int(get('end'))}#span"


def entity_url(ref) -> str:
    """An entity page by id (int, EntityRef, dict with id) or by name (str)."""
    if isinstance(ref, int) and not isinstance(ref, bool):
        return f"/entities/{ref}"
    if isinstance(ref, str):
        return "/entities/" + quote(ref, safe="")
    eid = ref.get("id") if isinstance(ref, dict) else getattr(ref, "id", None)
    return f"/entities/{int(eid)}"


def safe_href(url: str | None) -> str | None:
    """Only http(s) links leave the site: an article's URL is data and could be javascript:."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def marked(snippet: str | None) -> list[tuple[str, bool]]:
    """Search snippets mark matches «like this»: (text, is_match) pieces, escaped by the template."""
    pieces: list[tuple[str, bool]] = []
    rest = snippet or ""
    while "«" in rest:
        before, _, after = rest.partition("«")
        match, sep, rest = after.partition("»")
        if before:
            pieces.append((before, False))
        pieces.append((match, True))
        if not sep:
            rest = ""
    if rest:
        pieces.append((rest, False))
    return pieces


def _day(value: str | None) -> date | None:
    if not value or not value[:4].isdigit():
        return None
    parts = value[:10].split("-")
    try:
        return date(int(parts[0]), int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 1,
                    int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else 1)
    except ValueError:
        return None


def timeline_chart(items: list[dict], width: int = 860) -> dict:
    """Dots on a date axis, cooperation above the line, conflict below; each dot links to its sentence.

    ``items``: dicts with date, type, polarity, label and href. Positions are computed
    here so the template only draws (an SVG with no script and no style attribute).
    """
    dated = [(d, it) for it in items if (d := _day(it.get("date")))]
    left, right, lane = 60, width - 20, 14
    if not dated:
        return {"width": width, "height": 60, "points": [], "ticks": [], "axis": 30, "undated": len(items)}
    first, last = min(d for d, _ in dated), max(d for d, _ in dated)
    span = max((last - first).days, 1)
    stacks: dict[tuple[int, str], int] = {}
    points = []
    for d, it in sorted(dated, key=lambda p: p[0]):
        x = left + (right - left) * ((d - first).days / span) if first != last else (left + right) / 2
        side = "cooperation" if it.get("polarity") == "cooperation" else "conflict"
        key = (round(x / 6), side)
        level = stacks[key] = stacks.get(key, 0) + 1
        points.append({**it, "x": round(x, 1), "level": level, "side": side, "day": d.isoformat()})
    depth = min(max(stacks.values()), 12)
    axis = 20 + depth * lane
    for p in points:
        step = min(p["level"], 12) * lane
        p["y"] = axis - step if p["side"] == "cooperation" else axis + step
    ticks, seen = [], set()
    for i in range(5):  # at most five labelled days, none twice (short ranges have fewer days)
        offset = round(span * i / 4)
        if offset in seen:
            continue
        seen.add(offset)
        day = date.fromordinal(first.toordinal() + offset)
        anchor = "start" if i == 0 else "end" if i == 4 else "middle"
        ticks.append({"x": round(left + (right - left) * offset / span, 1), "label": day.isoformat(), "anchor": anchor})
    return {"width": width, "height": axis * 2 + 10, "points": points, "ticks": ticks if first != last else [{**ticks[0], "x": (left + right) / 2, "anchor": "middle"}],
            "axis": axis, "undated": len(items) - len(dated)}


def query_string(params: dict, **changes) -> str:
    merged = {k: v for k, v in {**params, **changes}.items() if v not in (None, "")}
    return urlencode(merged)


def install_filters(env: Environment) -> None:
    env.filters.update(span_url=span_url, entity_url=entity_url, safe_href=safe_href, marked=marked)
    env.globals.update(timeline_chart=timeline_chart, query_string=query_string, lead_report=lead_report,
                       quote_label=quote_label)
