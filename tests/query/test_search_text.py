"""Full-text search: each backend's own index, and input that is never a syntax error."""

from __future__ import annotations

import pytest
from query_helpers import build_situation

from newsgraph import query as q
from newsgraph.store import Store
from newsgraph.store.queries_text import fts5_query

AWKWARD = [
    "Starmer's", '"', '""', "'", "AND", "OR", "NOT", "NEAR", "NEAR(Starmer Zelensky)", "Starmer AND OR",
    "a:b", "^Starmer", "Starmer*", "*", "(", ")", "-", "--", "-Starmer", '"unterminated phrase', "col:Starmer",
    "Zelensky's \"proposal", "; DROP TABLE sentences; --", "\\", "%", "_", "über Kyiv", "", "   ",
]


@pytest.fixture
def store(store_url):
    build_situation(store_url)
    with Store(store_url) as store:
        yield store


@pytest.mark.parametrize("text", AWKWARD)
def test_query_search_text_awkward_input_never_raises(store, text):
    assert isinstance(q.search_text(store, text), list)


def test_query_search_text_finds_sentences_and_quotes_with_sources(store):
    hits = q.search_text(store, "proposal")
    kinds = {h.kind for h in hits}
    assert kinds == {"sentence", "quote"}
    quote = next(h for h in hits if h.kind == "quote")
    assert quote.speaker_name == "Dmitry Peskov"
    assert quote.source.outlet == "Reuters" and quote.source.text == "Zelensky's proposal is not serious"
    assert "«" in quote.snippet and "»" in quote.snippet


def test_query_search_text_possessive_and_phrase(store):
    assert any("Starmer's office" in h.source.text for h in q.search_text(store, "Starmer's"))
    phrase = q.search_text(store, '"air defence"')
    assert [h.source.article_id for h in phrase] and all("air defence" in h.source.text for h in phrase)


def test_query_search_text_or_and_exclusion(store):
    both = {h.source.text for h in q.search_text(store, "Peskov OR civilians", limit=50)}
    assert any("Peskov" in t for t in both) and any("civilians" in t for t in both)
    without = q.search_text(store, "Zelensky -proposal", limit=50)
    assert without and all("proposal" not in h.source.text for h in without)


def test_query_search_text_pages(store):
    everything = q.search_text(store, "Zelensky", limit=50)
    assert len(everything) >= 4
    assert q.search_text(store, "Zelensky", limit=2, offset=1) == everything[1:3]


@pytest.mark.parametrize("text, expected", [
    ("Starmer's", '"Starmer\'s"'),
    ('"peace talks" -Putin', '"peace talks" NOT "Putin"'),
    ("a OR b c", '("a" OR "b") AND "c"'),
    ("stand AND Ukraine", '"stand" AND "Ukraine"'),
    ("NEAR(a b)", '"NEAR(a" AND "b)"'),
    ("Zelen*", '"Zelen"*'),
    ('"', None),
    ("-x", None),
])
def test_query_fts5_expression(text, expected):
    assert fts5_query(text) == expected


# The statement search_hits ran before the tsquery was written out inline (a CTE):
# the same rows, ranks and snippets, in the same order.
_PG_HITS_BEFORE = """
WITH wanted AS (SELECT websearch_to_tsquery('english', :q) AS query),
hits AS (
  SELECT kind, id, article_id, text, rank FROM (
    SELECT 'sentence' AS kind, s.id, s.article_id, s.text, ts_rank(s.text_search, w.query) AS rank
    FROM sentences s, wanted w WHERE s.text_search @@ w.query
    UNION ALL
    SELECT 'quote' AS kind, q.id, q.article_id, q.text, ts_rank(q.text_search, w.query) AS rank
    FROM quotes q, wanted w WHERE q.text_search @@ w.query
  ) found ORDER BY rank DESC, kind, id LIMIT :limit OFFSET :offset
)
SELECT h.kind, h.id, h.rank,
  ts_headline('english', h.text, w.query,
              'StartSel=«, StopSel=», MaxWords=24, MinWords=10, MaxFragments=1') AS snippet
FROM hits h, wanted w ORDER BY h.rank DESC, h.kind, h.id
"""


@pytest.mark.parametrize("text", ["Zelensky", "proposal", "Peskov OR civilians", '"air defence"', "Zelensky -proposal",
                                  "Starmer's", "stand Ukraine", "nothingmatches", "; DROP TABLE sentences; --"])
@pytest.mark.postgres
def test_query_search_text_same_hits_as_before(postgres_url, text):
    from sqlalchemy import text as sql

    from newsgraph.store.queries_text import search_hits

    # Only the PostgreSQL statement changed; SQLite's is the one it was.
    build_situation(postgres_url)
    with Store(postgres_url) as store, store.engine.connect() as conn:
        for limit, offset in ((20, 0), (2, 1), (50, 0)):
            before = [dict(r._mapping) for r in conn.execute(sql(_PG_HITS_BEFORE),
                                                             {"q": text, "limit": limit, "offset": offset})]
            now = search_hits(conn, text, limit, offset)
            assert [(h["kind"], h["id"], h["rank"], h["snippet"]) for h in now] == \
                   [(h["kind"], h["id"], h["rank"], h["snippet"]) for h in before]
