"""A small situation written straight into the schema tables, for query and export tests.

Resolution (which fills entities, events and their links) is another module's job;
these rows stand in for what it writes, with offsets computed from real text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from newsgraph.model import article_id
from newsgraph.store import Store
from newsgraph.store.schema import (
    analyses, articles, entities, entity_aliases, event_participants, event_reports, events, mentions, quotes,
    sentences,
)

NOW = "2025-04-05T00:00:00+00:00"


@dataclass
class Doc:
    id: str
    text: str
    sentences: list[tuple[int, int]]

    def span(self, phrase: str, start: int = 0) -> tuple[int, int]:
        at = self.text.index(phrase, start)
        return at, at + len(phrase)


@dataclass
class Builder:
    conn: object
    names: dict[str, int] = field(default_factory=dict)
    next_report: int = 1

    def entity(self, name: str, type: str, label: str, *aliases: str, ids: dict | None = None) -> int:
        eid = self.conn.execute(entities.insert().values(
            name=name, type=type, label=label, ids=json.dumps(ids) if ids else None, created_at=NOW,
        ).returning(entities.c.id)).scalar()
        for alias in (name, *aliases):
            key = alias.casefold().replace(".", "")
            self.conn.execute(entity_aliases.insert().values(entity_id=eid, alias=alias, alias_key=key, origin="analysis"))
        self.names[name] = eid
        return eid

    def article(self, title: str, outlet: str, published: str, *sents: str, url: str | None = None) -> Doc:
        text = " ".join(sents)
        doc = Doc(article_id(text), text, [])
        at = 0
        for s in sents:
            doc.sentences.append((at, at + len(s)))
            at += len(s) + 1
        self.conn.execute(articles.insert().values(
            id=doc.id, source=f"tests/{title[:20]}.txt", title=title, outlet=outlet, url=url, published=published,
            published_inferred=False, language="en", text=text, chars=len(text), ingested_at=NOW, story_id=doc.id,
            analyzed_at=NOW,
        ))
        self.conn.execute(sentences.insert(), [
            {"article_id": doc.id, "start": a, "end": b, "text": text[a:b]} for a, b in doc.sentences])
        record = {"format": "newsgraph.analysis/1", "document": {
            "id": doc.id, "source": f"tests/{title[:20]}.txt", "title": title, "outlet": outlet,
            "published": published, "published_inferred": False, "language": "en"},
            "entities": [], "quotes": [], "timexes": [], "quantities": [], "events": []}
        self.conn.execute(analyses.insert().values(article_id=doc.id, format=record["format"], record=json.dumps(record)))
        return doc

    def mention(self, doc: Doc, name: str, phrase: str, start: int = 0) -> None:
        a, b = doc.span(phrase, start)
        eid = self.names[name]
        self.conn.execute(mentions.insert().values(
            article_id=doc.id, entity_key=f"e{eid}", name=name, type="PERSON", start=a, end=b, text=phrase, entity_id=eid))

    def quote(self, doc: Doc, content: str, speaker: str | None, speaker_text: str, kind: str = "direct",
              cue: str = "said") -> None:
        a, b = doc.span(content)
        eid = self.names.get(speaker) if speaker else None
        self.conn.execute(quotes.insert().values(
            article_id=doc.id, kind=kind, start=a, end=b, text=content, cue=cue, speaker_text=speaker_text,
            speaker_entity_key=f"e{eid}" if eid else None, speaker_name=speaker, speaker_entity_id=eid))

    def event(self, doc: Doc, sentence: int, type: str, trigger: str, actors: list[str], targets: list[str], *,
              event_id: int | None = None, time: str | None = None, modality: str = "asserted",
              place: str | None = None, attributed: str | None = None, attributed_text: str | None = None,
              amounts: list | None = None, mode: str | None = None, context: list | None = None) -> int:
        if event_id is None:
            event_id = self.conn.execute(events.insert().values(
                type=type, date=time, place_entity_id=self.names.get(place) if place else None, reports=1,
                created_at=NOW).returning(events.c.id)).scalar()
        else:
            self.conn.execute(events.update().where(events.c.id == event_id).values(reports=events.c.reports + 1))
        a, b = doc.sentences[sentence]
        rid = self.conn.execute(event_reports.insert().values(
            event_id=event_id, article_id=doc.id, type=type, mode=mode, context=json.dumps(context or []),
            modality=modality, trigger=trigger, sentence_start=a, sentence_end=b, time_value=time,
            place_entity_id=self.names.get(place) if place else None,
            attributed_entity_id=self.names.get(attributed) if attributed else None,
            attributed_text=attributed_text, amounts=json.dumps(amounts) if amounts else None,
        ).returning(event_reports.c.id)).scalar()
        for role, who in (("actor", actors), ("target", targets)):
            for name in who:
                self.conn.execute(event_participants.insert().values(report_id=rid, entity_id=self.names[name], role=role))
        return event_id


def build_situation(url: str) -> dict[str, int]:
    """Three reports from 2-3 April 2025 about Britain, Ukraine and Russia; returns entity ids by name."""
    with Store(url) as store, store.writer() as w:
        b = Builder(w.conn)
        b.entity("Keir Starmer", "person", "PERSON", "Starmer", "Sir Keir Starmer")
        b.entity("Volodymyr Zelensky", "person", "PERSON", "Zelensky", "Zelenskyy")
        b.entity("Russia", "state", "GPE", "Moscow", ids={"iso3166": "RU"})
        b.entity("Ukraine", "state", "GPE", "Kyiv", ids={"iso3166": "UA"})
        b.entity("United Kingdom", "state", "GPE", "Britain", "UK", ids={"iso3166": "GB"})
        b.entity("London", "place", "GPE")
        b.entity("Dmitry Peskov", "person", "PERSON", "Peskov")

        d1 = b.article(
            "Starmer and Zelensky agree on drone deal", "BBC News", "2025-04-02",
            "Keir Starmer met Volodymyr Zelensky in London on Tuesday.",
            '"We will stand with Ukraine for as long as it takes," Starmer said.',
            "Zelensky said Russia's attacks on civilians must stop.",
            url="https://www.bbc.co.uk/news/ukraine-1",
        )
        b.mention(d1, "Keir Starmer", "Keir Starmer")
        b.mention(d1, "Volodymyr Zelensky", "Volodymyr Zelensky")
        b.mention(d1, "London", "London")
        b.mention(d1, "Ukraine", "Ukraine")
        b.mention(d1, "Keir Starmer", "Starmer", d1.sentences[1][0])
        b.mention(d1, "Volodymyr Zelensky", "Zelensky", d1.sentences[2][0])
        b.mention(d1, "Russia", "Russia")
        b.quote(d1, "We will stand with Ukraine for as long as it takes", "Keir Starmer", "Starmer")
        b.quote(d1, "Russia's attacks on civilians must stop", "Volodymyr Zelensky", "Zelensky", kind="indirect")
        meeting = b.event(d1, 0, "CONSULT", "met", ["Keir Starmer"], ["Volodymyr Zelensky"], time="2025-04-01",
                          place="London", mode="visit")
        b.event(d1, 2, "ACCUSE", "said", ["Volodymyr Zelensky"], ["Russia"], time=None)

        d2 = b.article(
            "Kremlin rejects ceasefire", "Reuters", "2025-04-03",
            "Russia rejected the ceasefire proposal from Ukraine on Wednesday.",
            '"Zelensky\'s proposal is not serious," Dmitry Peskov told reporters.',
            "Britain will send air defence systems worth 1.6 billion pounds to Ukraine next month, Starmer's office said.",
        )
        b.mention(d2, "Russia", "Russia")
        b.mention(d2, "Ukraine", "Ukraine")
        b.mention(d2, "Volodymyr Zelensky", "Zelensky")
        b.mention(d2, "Dmitry Peskov", "Dmitry Peskov")
        b.mention(d2, "United Kingdom", "Britain")
        b.quote(d2, "Zelensky's proposal is not serious", "Dmitry Peskov", "Dmitry Peskov", cue="told")
        b.event(d2, 0, "REJECT", "rejected", ["Russia"], ["Ukraine"], time="2025-04-02")
        b.event(d2, 2, "AID", "send", ["United Kingdom"], ["Ukraine"], time="2025-05", modality="planned",
                attributed="Keir Starmer", attributed_text="Starmer's office", context=["military"],
                amounts=[{"amount": 1.6e9, "unit": "GBP", "text": "1.6 billion pounds"}])

        d3 = b.article(
            "Starmer meets Zelensky again", "The Guardian", "2025-04-02",
            "Starmer held talks with Zelensky on Tuesday, Downing Street said.",
        )
        b.mention(d3, "Keir Starmer", "Starmer")
        b.mention(d3, "Volodymyr Zelensky", "Zelensky")
        b.event(d3, 0, "CONSULT", "held talks", ["Keir Starmer"], ["Volodymyr Zelensky"], event_id=meeting,
                time="2025-04-01", attributed_text="Downing Street")
        return {**b.names, "meeting": meeting, "d1": d1.id, "d2": d2.id, "d3": d3.id}


def add_namesakes(url: str) -> dict[str, int]:
    """Entities whose names collide, for the naming rule: two called Georgia, two with the
    alias Stubb, a place called Moscow (Russia's alias), one called 1984; their ids by label."""
    with Store(url) as store, store.writer() as w:
        b = Builder(w.conn)
        ids = {
            "Georgia state": b.entity("Georgia", "state", "GPE", ids={"iso3166": "GE"}),
            "Georgia place": b.entity("Georgia", "place", "GPE"),
            "Alexander Stubb": b.entity("Alexander Stubb", "person", "PERSON", "Stubb"),
            "Ann Stubb": b.entity("Ann Stubb", "person", "PERSON", "Stubb"),
            "Moscow": b.entity("Moscow", "place", "GPE"),
            "1984": b.entity("1984", "other", "WORK_OF_ART"),
        }
        return ids
