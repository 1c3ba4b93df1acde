"""A synthetic but realistic corpus, written straight into the schema tables.

Not through spaCy or resolution: rows are generated in Python and bulk-inserted
(executemany per table and batch), so 100,000 articles take minutes, not days.
Shape: a few thousand entities whose mention frequencies follow a Zipf law (a
handful of leaders and states dominate, a long tail of officials, towns and firms),
outlets also Zipf-distributed, ~9 sentences, ~3 quotes, ~2 event reports and ~12
mentions per article, a third of event reports re-reporting an event already told
elsewhere (so events merge several reports), dates over 2023-2025. Derived rows
(event_reports.report_date, event_edges) are filled by the database's own triggers,
as for every other writer (schema version 4).
"""

from __future__ import annotations

import itertools
import json
import random
from datetime import date, timedelta

from newsgraph.query_records import PLOVER_TYPES
from newsgraph.store.schema import (
    analyses, articles, entities, entity_aliases, event_participants, event_reports, events, mentions, quantities,
    quotes, sentences, timexes,
)

FIRST = ("Anna Boris Carlos Dmitry Elena Fatima Georg Hana Ivan Jana Kemal Lena Mikhail Nadia Olaf Pavel Rania "
         "Sergei Tomas Ursula Viktor Wang Yulia Zoran Ahmed Beata Chen Dana Emil Farid Giorgia Hugo Ines").split()
LAST = ("Novak Petrov Schmidt Kowalski Rossi Haddad Ivanova Lindqvist Moreau Tanaka Okafor Silva Horvat Kuznetsov "
        "Meyer Nowak Dubois Fischer Yilmaz Popescu Jansen Larsen Costa Weber Marin Bauer Kovacs Sokolov").split()
LEADERS = ["Keir Starmer", "Volodymyr Zelensky", "Vladimir Putin", "Donald Trump", "Emmanuel Macron",
           "Olaf Scholz", "Ursula von der Leyen", "Xi Jinping", "Recep Tayyip Erdogan", "Dmitry Peskov",
           "Antonio Guterres", "Mark Rutte", "Sergei Lavrov", "Andrii Sybiha", "Friedrich Merz"]
STATES = ["Ukraine", "Russia", "United States", "United Kingdom", "France", "Germany", "China", "Turkey", "Poland",
          "Iran", "Israel", "Belarus", "Moldova", "Georgia", "Hungary", "Italy", "Japan", "India"]
ORGS = ["NATO", "European Union", "United Nations", "Kremlin", "Pentagon", "IAEA", "Red Cross", "Wagner Group"]
PLACES = ["Kyiv", "Moscow", "London", "Kharkiv", "Odesa", "Brussels", "Geneva", "Istanbul", "Zaporizhzhia", "Kherson"]
OUTLETS = ["Reuters", "BBC News", "The Guardian", "AP", "AFP", "Kyiv Independent", "Meduza", "Deutsche Welle",
           "Le Monde", "Financial Times", "Al Jazeera", "Politico Europe"] + [f"Regional Outlet {i}" for i in range(40)]
WORDS = ("government officials talks ceasefire security forces military aid sanctions energy grain exports border "
         "region attack drones missiles negotiations minister summit agreement support troops frontline city "
         "infrastructure civilians economy prices gas pipeline reconstruction funding parliament election vote "
         "court ruling investigation report week month statement meeting delegation proposal plan peace war "
         "refugees humanitarian corridor nuclear plant inspectors shelling air defence systems").split()
VERBS = {"AGREE": "agreed with", "CONSULT": "met", "SUPPORT": "backed", "CONCEDE": "made concessions to",
         "COOPERATE": "worked with", "AID": "sent aid to", "RETREAT": "withdrew from", "REQUEST": "urged",
         "ACCUSE": "accused", "REJECT": "rejected", "THREATEN": "threatened", "PROTEST": "protested against",
         "SANCTION": "imposed sanctions on", "MOBILIZE": "mobilised against", "COERCE": "pressured",
         "ASSAULT": "attacked"}
MODALITIES = ["asserted"] * 14 + ["claimed"] * 2 + ["planned"] * 2 + ["hypothetical", "negated"]
START = date(2023, 1, 1)
DAYS = 3 * 365


class Corpus:
    """Generates rows; ids are assigned here, so rows link without reading back."""

    def __init__(self, seed: int = 7, n_entities: int = 3000):
        self.rng = random.Random(seed)
        names = LEADERS + STATES + ORGS + PLACES
        kinds = ["person"] * len(LEADERS) + ["state"] * len(STATES) + ["organisation"] * len(ORGS) + ["place"] * len(PLACES)
        pairs = [f"{a} {b}" for a, b in itertools.product(FIRST, LAST)]
        self.rng.shuffle(pairs)
        while len(names) < n_entities:
            i = len(names)
            if i % 5 == 4:
                names.append(f"{self.rng.choice(LAST)} {self.rng.choice(['Holdings', 'Institute', 'Party', 'Bank', 'Council'])} {i}")
                kinds.append("organisation")
            elif i % 7 == 6:
                names.append(f"{self.rng.choice(WORDS).title()}ville {i}")
                kinds.append("place")
            else:
                names.append(pairs.pop() if pairs else f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}-{i}")
                kinds.append("person")
        self.names, self.kinds = names, kinds
        self.ids = list(range(1, len(names) + 1))
        weights = [1 / (rank ** 1.07) for rank in range(1, len(names) + 1)]  # Zipf: the first names lead
        self.cum = list(itertools.accumulate(weights))
        self.people = [i for i in self.ids if kinds[i - 1] == "person"]
        self.pcum = list(itertools.accumulate(1 / (r ** 1.07) for r in range(1, len(self.people) + 1)))
        self.places = [i for i in self.ids if kinds[i - 1] == "place"]
        self.ocum = list(itertools.accumulate(1 / (r ** 1.2) for r in range(1, len(OUTLETS) + 1)))
        self.next = {"quote": 1, "sentence": 1, "event": 1, "report": 1, "mention": 1}
        self.recent_events: list[tuple] = []

    def entity_rows(self) -> dict[str, list[dict]]:
        rows = {"entities": [], "entity_aliases": []}
        for eid, name, kind in zip(self.ids, self.names, self.kinds):
            label = {"person": "PERSON", "state": "GPE", "place": "GPE", "organisation": "ORG"}[kind]
            rows["entities"].append({"id": eid, "name": name, "type": kind, "label": label, "ids": None,
                                     "created_at": "2025-01-01T00:00:00+00:00"})
            for alias in {name, name.split()[-1]} if kind == "person" else {name}:
                rows["entity_aliases"].append({"entity_id": eid, "alias": alias, "alias_key": alias.casefold(),
                                               "origin": "analysis"})
        return rows

    def _pick(self, k: int, people: bool = False) -> list[int]:
        pool, cum = (self.people, self.pcum) if people else (self.ids, self.cum)
        return self.rng.choices(pool, cum_weights=cum, k=k)

    def _filler(self, n: int) -> str:
        words = self.rng.choices(WORDS, k=n)
        return " ".join(words).capitalize() + "."

    def article(self, number: int, rows: dict[str, list[dict]]) -> None:
        rng = self.rng
        published = (START + timedelta(days=rng.randrange(DAYS))).isoformat()
        aid = f"{number:064x}"
        parts: list[str] = []
        at = 0
        found: list[tuple[int, int, int]] = []  # entity, start, end
        sent_spans: list[tuple[int, int]] = []

        def add(pieces: list) -> tuple[int, int]:
            nonlocal at
            start = at
            for piece in pieces:
                if isinstance(piece, int):
                    name = self.names[piece - 1]
                    found.append((piece, at, at + len(name)))
                    piece = name
                parts.append(piece)
                at += len(piece)
            parts.append(" ")
            at += 1
            sent_spans.append((start, at - 1))
            return start, at - 1

        cast = self._pick(5)
        speakers = self._pick(3, people=True)
        for _ in range(rng.randint(2, 4)):
            add([self._filler(rng.randint(8, 18))])
        for sp in speakers:
            about = rng.choice(cast)
            content = f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} from "
            s, _ = add(['"', content, about, f" is {rng.choice(WORDS)} and {rng.choice(WORDS)}", '," ', sp, " said."])
            q_start = s + 1  # after the opening quote mark
            text = "".join(parts)[q_start:]
            q_end = q_start + text.index('," ')
            rows["quotes"].append({"id": self.next["quote"], "article_id": aid, "kind": "direct", "start": q_start,
                                   "end": q_end, "text": text[:q_end - q_start], "cue": "said",
                                   "speaker_text": self.names[sp - 1], "speaker_entity_key": f"e{sp}",
                                   "speaker_name": self.names[sp - 1], "speaker_entity_id": sp})
            self.next["quote"] += 1
        for _ in range(rng.choice((1, 2, 2, 3))):
            if self.recent_events and rng.random() < 0.35:
                event_id, etype, actor, target, when, place = rng.choice(self.recent_events)
            else:
                etype = rng.choice(PLOVER_TYPES)
                actor, target = rng.sample(cast, 2) if len(set(cast)) > 1 else (cast[0], self._pick(1)[0])
                day = date.fromisoformat(published) - timedelta(days=rng.randrange(4))
                when = day.isoformat() if rng.random() < 0.7 else None
                place = rng.choice(self.places[:40])
                event_id = self.next["event"]
                self.next["event"] += 1
                rows["events"].append({"id": event_id, "type": etype, "date": when, "place_entity_id": place,
                                       "reports": 1, "contradictions": None, "created_at": "2025-01-01T00:00:00+00:00"})
                self.recent_events = (self.recent_events + [(event_id, etype, actor, target, when, place)])[-400:]
            s, e = add([actor, f" {VERBS[etype]} ", target, " in ", place, f" on {rng.choice(WORDS)} talks."])
            rid = self.next["report"]
            self.next["report"] += 1
            said = rng.choice(speakers) if rng.random() < 0.3 else None
            rows["event_reports"].append({
                "id": rid, "event_id": event_id, "article_id": aid, "type": etype, "mode": None,
                "context": json.dumps(["military"] if etype in ("ASSAULT", "MOBILIZE") else []),
                "modality": rng.choice(MODALITIES), "trigger": VERBS[etype].split()[0], "sentence_start": s,
                "sentence_end": e, "time_value": when, "place_entity_id": place, "attributed_entity_id": said,
                "attributed_text": self.names[said - 1] if said else None, "amounts": None})
            rows["event_participants"] += [{"report_id": rid, "entity_id": actor, "role": "actor"},
                                           {"report_id": rid, "entity_id": target, "role": "target"}]
            if when:
                rows["timexes"].append({"article_id": aid, "start": e - 6, "end": e, "text": "talks.", "type": "DATE",
                                        "value": when, "mod": None})
        add([self._filler(rng.randint(8, 18)), " Officials said ", cast[0], " would respond."])
        if rng.random() < 0.5:
            rows["quantities"].append({"article_id": aid, "start": 0, "end": 4, "text": "1.5 billion euros",
                                       "kind": "money", "amount": 1.5e9, "unit": "EUR"})
        text = "".join(parts).rstrip()
        outlet = rng.choices(OUTLETS, cum_weights=self.ocum)[0]
        title = f"{self.names[cast[0] - 1]} and {self.names[cast[1] - 1]}: {rng.choice(WORDS)} {rng.choice(WORDS)}"
        rows["articles"].append({
            "id": aid, "source": f"https://example.org/{number}", "location": None, "title": title, "outlet": outlet,
            "url": f"https://example.org/{number}", "author": None, "published": published, "published_inferred": False,
            "language": "en", "text": text, "chars": len(text), "ingested_at": "2025-01-01T00:00:00+00:00",
            "story_id": aid, "analyzed_at": "2025-01-01T00:00:00+00:00"})
        doc = {"id": aid, "source": f"https://example.org/{number}", "title": title, "outlet": outlet,
               "published": published, "published_inferred": False, "language": "en"}
        rows["analyses"].append({"article_id": aid, "format": "newsgraph.analysis/1", "record": json.dumps(
            {"format": "newsgraph.analysis/1", "document": doc, "entities": [], "quotes": [], "timexes": [],
             "quantities": [], "events": []})})
        for a, b in sent_spans:
            rows["sentences"].append({"id": self.next["sentence"], "article_id": aid, "start": a, "end": b,
                                      "text": text[a:b]})
            self.next["sentence"] += 1
        for eid, a, b in found:
            rows["mentions"].append({"article_id": aid, "entity_key": f"e{eid}", "name": self.names[eid - 1],
                                     "type": {"person": "PERSON", "organisation": "ORG"}.get(self.kinds[eid - 1], "GPE"),
                                     "start": a, "end": b, "text": self.names[eid - 1], "entity_id": eid})


# Insertion order respects foreign keys.
TABLES = (articles, analyses, entities, entity_aliases, sentences, mentions, quotes, timexes, quantities, events,
          event_reports, event_participants)


def generate(engine, n_articles: int, batch: int = 2000, progress=None) -> dict[str, int]:
    """Write ``n_articles`` articles and everything they hold; returns row counts per table."""
    corpus = Corpus()
    counts = {t.name: 0 for t in TABLES}
    with engine.begin() as conn:
        for name, rows in corpus.entity_rows().items():
            conn.execute({"entities": entities, "entity_aliases": entity_aliases}[name].insert(), rows)
            counts[name] += len(rows)
    for first in range(0, n_articles, batch):
        rows: dict[str, list[dict]] = {t.name: [] for t in TABLES}
        for number in range(first, min(first + batch, n_articles)):
            corpus.article(number, rows)
        with engine.begin() as conn:
            for table in TABLES:
                if rows[table.name]:
                    conn.execute(table.insert(), rows[table.name])
                    counts[table.name] += len(rows[table.name])
            # A re-reported event counts its reports.
            conn.exec_driver_sql("UPDATE events SET reports = (SELECT count(*) FROM event_reports r "
                                 "WHERE r.event_id = events.id) WHERE id >= %d" % max(1, corpus.next["event"] - 5000))
        if progress:
            progress(min(first + batch, n_articles))
    return counts
