"""Russian and English reports in one corpus: shared entities, Russian text as written, search on inflections.

Ingests the English seed article and our Russian report of its kind (tests/fixtures/ru/) in one
run, with the real analysis (spaCy and natasha), once on SQLite and once on PostgreSQL.
"""

from __future__ import annotations

import pytest

from newsgraph import query as q
from newsgraph.analyze import Analyzer
from newsgraph.ingest import clean
from newsgraph.ingest.runner import run_ingest
from newsgraph.model import RawDocument, ReadOptions
from newsgraph.store import Store

from paths import REPO, SEED

pytestmark = pytest.mark.slow

RUSSIAN = REPO / "tests" / "fixtures" / "ru" / "ours-contingents-report.txt"


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer()


@pytest.fixture
def store(store_url, analyzer):
    options = ReadOptions(published="2025-04-02")
    raws = [RawDocument(text=path.read_text(encoding="utf-8"), source=str(path)) for path in (SEED, RUSSIAN)]
    assert [clean(r, options).language for r in raws] == ["en", "ru"]
    with Store(store_url) as store:
        report = run_ingest(raws, store, options, analyzer)
        assert (report.stored, report.analyzed, report.failed) == (2, 2, 0)
        yield store


@pytest.mark.parametrize("name, russian", [
    ("Volodymyr Zelensky", "Владимир Зеленский"), ("Keir Starmer", "Кир Стармер"),
    ("Annalena Baerbock", "Анналена Бербок"), ("Yuri Knutov", "Юрий Кнутов"), ("NATO", "НАТО"), ("Kyiv", "Киев"),
])
def test_russian_corpus_one_entity_for_both_languages(store, name, russian):
    profile = q.entity_profile(store, name)
    assert profile.entity.name == name
    assert russian in profile.aliases, profile.aliases  # the Russian name in the nominative
    assert q.entity_profile(store, russian).entity.id == profile.entity.id  # and it finds the entity


def test_russian_corpus_quotes_shown_as_written_under_one_speaker(store):
    quotes = q.who_said_what(store, speaker="Yuri Knutov", limit=100)
    texts = [x.source.text for x in quotes]
    assert any("Орешника" in t for t in texts) and any("Oreshnik" in t for t in texts)


@pytest.mark.parametrize("word, found", [("встречи", "встречу"), ("переговорах", None), ("Кнутова", "Кнутов"),
                                         ("контингентами", "контингенты")])
def test_russian_corpus_search_finds_inflections(store, word, found):
    hits = q.search_text(store, word, limit=50)
    if found is None:
        assert hits == []
    else:
        assert hits and any(found in h.source.text for h in hits)


@pytest.mark.parametrize("type_, actor, english, russian", [
    ("AID", "Annalena Baerbock", "assistance", "выделить"),
    ("REQUEST", "Volodymyr Zelensky", "called", "призвал"),
])
def test_russian_corpus_one_event_reported_in_both_languages(store, type_, actor, english, russian):
    events = q.search_events(store, type=type_, actor=actor)
    both = [e for e in events if {r.trigger for r in e.reports} >= {english, russian}]
    assert both and len({r.source.article_id for r in both[0].reports}) == 2
