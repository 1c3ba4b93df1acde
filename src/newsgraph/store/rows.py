"""An analysis record as table rows: one place decides how records map to tables."""

from __future__ import annotations

from ..quotations import quotation_groups

__all__ = ["analysis_rows", "quotation_starts", "enclosing_quote", "phrase_in", "ROW_TABLES", "PHRASE_TYPE"]

ROW_TABLES = ("mentions", "quotes", "timexes", "quantities", "sentences")
# The record's entity type for an event participant named by a phrase ("riot police"): kept
# with its event reports (event_phrases), never a mention, never a corpus entity.
PHRASE_TYPE = "NOMINAL"


def enclosing_quote(quotes: list[dict], span: dict) -> tuple[int, int] | None:
    """The (start, end) of the smallest record quote holding ``span`` (an event's trigger), else None."""
    start, end = span.get("start"), span.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return None
    holding = [(q["end"] - q["start"], q["start"], q["end"]) for q in quotes
               if isinstance(q.get("start"), int) and isinstance(q.get("end"), int)
               and q["start"] <= start and end <= q["end"]]
    return min(holding)[1:] if holding else None


def phrase_in(entity: dict, sentence: dict) -> tuple[str, int | None, int | None]:
    """A NOMINAL entity's phrase as written in a sentence (its first mention there), else its name."""
    low, high = sentence.get("start", 0), sentence.get("end", 0)
    for m in entity.get("mentions") or []:
        if low <= m.get("start", -1) and m.get("end", high + 1) <= high:
            return m.get("text") or entity["name"], m.get("start"), m.get("end")
    return entity["name"], None, None


def quotation_starts(quotes: list[dict]) -> list[int | None]:
    """For each quote of a record, the start of the quotation's first part (its own for a first part).

    ``part_of`` is the index, in the record's quotes, of the quotation's first part (null for
    a first or only part). A record without part_of (an analysis that did not link parts)
    gives None; a part_of that names no earlier quote starts a quotation of its own.
    """
    starts: list[int | None] = [None] * len(quotes)
    for group in quotation_groups(quotes):
        for index in group:
            if "part_of" in quotes[index]:
                starts[index] = quotes[group[0]]["start"]
    return starts


def analysis_rows(article_id: str, record: dict) -> dict[str, list[dict]]:
    """Rows for each of ROW_TABLES from one analysis record."""
    names = {e["id"]: e["name"] for e in record.get("entities", [])}
    # Names only: a phrase participant is stored with its event reports (event_phrases), so
    # mention counts, top actors, entity search and "statements about" stay about names.
    mentions = [
        {"article_id": article_id, "entity_key": ent["id"], "name": ent["name"], "type": ent["type"],
         "start": m["start"], "end": m["end"], "text": m["text"]}
        for ent in record.get("entities", []) if ent.get("type") != PHRASE_TYPE
        for m in ent["mentions"]
    ]
    quotes = []
    found = record.get("quotes", [])
    for q, quotation_start in zip(found, quotation_starts(found)):
        speaker = q.get("speaker") or {}
        key = speaker.get("entity")
        quotes.append({
            "article_id": article_id, "kind": q["kind"], "start": q["start"], "end": q["end"], "text": q["text"],
            "cue": (q.get("cue") or {}).get("text"), "speaker_text": speaker.get("text"),
            "speaker_entity_key": key, "speaker_name": speaker.get("name") or names.get(key),
            "quotation_start": quotation_start, "score": q.get("score"), "attribution": q.get("attribution"),
        })
    timexes = [
        {"article_id": article_id, "start": t["start"], "end": t["end"], "text": t["text"], "type": t["type"],
         "value": t["value"], "mod": t.get("mod")}
        for t in record.get("timexes", [])
    ]
    quantities = [
        {"article_id": article_id, "start": q["start"], "end": q["end"], "text": q["text"], "kind": q["kind"],
         "amount": q["amount"], "unit": q.get("unit")}
        for q in record.get("quantities", [])
    ]
    text = record["document"].get("text") or ""
    sentences = [
        {"article_id": article_id, "start": s["start"], "end": s["end"], "text": text[s["start"]:s["end"]]}
        for s in record.get("sentences", [])
    ] if text else []
    return {"mentions": mentions, "quotes": quotes, "timexes": timexes, "quantities": quantities,
            "sentences": sentences}
