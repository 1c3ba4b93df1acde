"""An analysis record as table rows: one place decides how records map to tables."""

from __future__ import annotations

from ..quotations import quotation_groups

__all__ = ["analysis_rows", "quotation_starts", "ROW_TABLES"]

ROW_TABLES = ("mentions", "quotes", "timexes", "quantities", "sentences")


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
    mentions = [
        {"article_id": article_id, "entity_key": ent["id"], "name": ent["name"], "type": ent["type"],
         "start": m["start"], "end": m["end"], "text": m["text"]}
        for ent in record.get("entities", [])
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
            "quotation_start": quotation_start, "score": q.get("score"),
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
