"""An article whose analysis splits one quotation in parts, stored the way ingest stores it."""

from __future__ import annotations

from newsgraph.model import Article

FIRST, SECOND, OTHER = "We will not give up,", "We will defend every town.", "Talks are over"
TEXT = (f'"{FIRST}" Keir Starmer said on Friday. "{SECOND}" '
        f'Dmitry Peskov said {OTHER.lower()}.')

SPLIT = Article(text=TEXT, source="tests/split.txt", title="Starmer will not give up", outlet="Sky News",
                published="2025-04-04", language="en")


def _span(phrase: str) -> tuple[int, int]:
    at = TEXT.index(phrase)
    return at, at + len(phrase)


def split_record(article: Article = SPLIT, linked: bool = True) -> dict:
    """The analysis record: Starmer's quotation in two parts (the second's part_of is 0), Peskov's in one.

    ``linked=False`` leaves part_of out, as an analysis from before parts were linked.
    """
    starmer, peskov = _span("Keir Starmer"), _span("Dmitry Peskov")
    speaker_a = {"start": starmer[0], "end": starmer[1], "text": "Keir Starmer", "entity": "e1", "name": "Keir Starmer"}
    speaker_b = {"start": peskov[0], "end": peskov[1], "text": "Dmitry Peskov", "entity": "e2",
                 "name": "Dmitry Peskov"}
    said = _span("said")
    cue = {"start": said[0], "end": said[1], "text": "said"}
    quotes = []
    for (a, b), kind, speaker, part_of in ((_span(FIRST), "direct", speaker_a, None),
                                           (_span(SECOND), "direct", speaker_a, 0),
                                           (_span(OTHER.lower()), "indirect", speaker_b, None)):
        quote = {"kind": kind, "start": a, "end": b, "text": TEXT[a:b], "cue": cue, "speaker": speaker}
        if linked:
            quote["part_of"] = part_of
        quotes.append(quote)
    return {
        "format": "newsgraph.analysis/1",
        "analysis": {"stages": ["entities", "quotes"]},
        "document": {"id": article.id, "source": article.source, "title": article.title, "outlet": article.outlet,
                     "published": article.published, "published_inferred": False, "language": "en",
                     "text": article.text},
        "entities": [
            {"id": "e1", "name": "Keir Starmer", "type": "PERSON",
             "mentions": [{"start": starmer[0], "end": starmer[1], "text": "Keir Starmer"}]},
            {"id": "e2", "name": "Dmitry Peskov", "type": "PERSON",
             "mentions": [{"start": peskov[0], "end": peskov[1], "text": "Dmitry Peskov"}]},
        ],
        "quotes": quotes, "timexes": [], "quantities": [], "events": [],
    }


def store_split(store, linked: bool = True) -> dict:
    """Store SPLIT with its record; return the record."""
    record = split_record(linked=linked)
    with store.writer() as w:
        w.insert_article(SPLIT)
        w.save_analysis(SPLIT.id, record)
    return record


def starts() -> tuple[int, int, int]:
    """The start offsets of the first part, the second part and Peskov's quote."""
    return _span(FIRST)[0], _span(SECOND)[0], _span(OTHER.lower())[0]
