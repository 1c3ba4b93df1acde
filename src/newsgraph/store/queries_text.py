"""Read SQL of the query API: full-text search, and the scans exports read.

Search uses each backend's own full text (see migrations._v3_full_text): SQLite
FTS5 tables ``sentences_fts`` / ``quotes_fts`` (Russian words also searched by their stem,
as a prefix); on PostgreSQL, GIN indexes on stored tsvector columns, ``text_search``
('english') and ``text_search_ru`` ('russian', schema version 9). User input never reaches SQL text: on SQLite it
becomes an FTS5 expression of quoted phrases (:func:`fts5_query`) passed as a bound
parameter; on PostgreSQL ``websearch_to_tsquery`` parses it and never raises.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, bindparam, select, text

from .schema import analyses, articles

__all__ = ["fts5_query", "search_hits", "records_after", "SNIPPET_START", "SNIPPET_END"]

SNIPPET_START, SNIPPET_END = "«", "»"
_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w", re.UNICODE)


def _phrase(words: str) -> str | None:
    # Inside an FTS5 string a double quote is written twice; quoting every term
    # turns AND, OR, NEAR, NOT, ':' , '*', '(' and '^' into plain words.
    if not _WORD.search(words):
        return None  # no token at all: FTS5 would reject or ignore it
    return '"' + words.replace('"', '""') + '"'


def _inflections(word: str) -> list[str]:
    """A Russian word's other forms as a prefix term: "переговорах" also finds "переговоры".

    FTS5's tokenizers do not stem Russian, so the word's stem (``morph_ru.stem``) is searched
    as a prefix beside the word itself; PostgreSQL stems with its russian configuration.
    """
    if not word or not any("\u0400" <= ch <= "\u04ff" for ch in word):
        return []
    from ..morph_ru import stem

    root = stem(word)
    return [f'"{root}"*'] if root and root != word.lower() else []


def fts5_query(query: str) -> str | None:
    """A safe FTS5 MATCH expression from what a user typed, in the spirit of web search.

    Words and "quoted phrases" must all occur (``AND`` may be written); ``a OR b`` allows either; ``-word``
    excludes; ``word*`` matches a prefix. Anything else is taken literally. A Russian word
    also matches its inflections (its stem as a prefix). None when nothing searchable
    remains (only punctuation, or only exclusions).
    """
    groups: list[list[str]] = []
    excluded: list[str] = []
    join_next = False
    for match in _TOKEN.finditer(query):
        phrase, word = match.group(1), match.group(2)
        if word == "OR":
            join_next = bool(groups)
            continue
        if word == "AND":  # the default between terms anyway, as in web search
            continue
        negative = word is not None and word.startswith("-") and len(word) > 1
        if word is not None:
            word = word.replace('"', "")
            if negative:
                word = word[1:]
        raw = phrase if phrase is not None else word
        prefix = phrase is None and raw.endswith("*") and not negative
        term = _phrase(raw.rstrip("*") if prefix else raw)
        if term is None:
            join_next = False
            continue
        if prefix:
            term += "*"
        if negative:
            excluded.append(term)
            join_next = False
            continue
        terms = [term, *_inflections(raw if phrase is None and not prefix else "")]
        if join_next:
            groups[-1].extend(terms)
        else:
            groups.append(terms)
        join_next = False
    if not groups:
        return None
    expression = " AND ".join("(" + " OR ".join(g) + ")" if len(g) > 1 else g[0] for g in groups)
    for term in excluded:
        expression += f" NOT {term}"
    return expression


_SQLITE_HITS = """
SELECT kind, id, rank FROM (
  SELECT 'sentence' AS kind, rowid AS id, rank FROM sentences_fts WHERE sentences_fts MATCH :q
  UNION ALL
  SELECT 'quote' AS kind, rowid AS id, rank FROM quotes_fts WHERE quotes_fts MATCH :q
) ORDER BY rank, kind, id LIMIT :limit OFFSET :offset
"""

# Snippets only for the page, not for every match: snippet() is the costly part.
_SQLITE_SNIPPETS = {
    kind: f"SELECT rowid AS id, snippet({table}_fts, 0, '{SNIPPET_START}', '{SNIPPET_END}', '…', 16) AS snippet "
          f"FROM {table}_fts WHERE {table}_fts MATCH :q AND rowid IN :ids"
    for kind, table in (("sentence", "sentences"), ("quote", "quotes"))
}

# The tsquery is written out where it is used, not read from a CTE: the planner then sees
# it (a bound value, folded at planning) and estimates a common word's 100,000 matches
# from the column's statistics instead of guessing a few thousand, which lets it scan
# both tables with parallel workers. ts_headline only for the page.
_PG_QUERY = "websearch_to_tsquery('english', :q)"
# Russian words through the russian configuration (schema version 9: text_search_ru), so
# "переговорах" finds "переговоры"; a row matches in either language.
_PG_QUERY_RU = "websearch_to_tsquery('russian', :q)"


# Snowball's Russian stemmer leaves some names apart ("Кнутова" -> "кнутов", "Кнутов" ->
# "кнут"): a query of Russian words only also matches their stems as prefixes of the words
# as written, which the 'english' vector keeps unstemmed ("кнутов:*").
_PG_PREFIX = "to_tsquery('simple', :prefix)"


def _pg_found(kind: str, table: str, alias: str, prefix: bool) -> str:
    extra = f" OR {alias}.text_search @@ {_PG_PREFIX}" if prefix else ""
    return (f"SELECT '{kind}' AS kind, {alias}.id, {alias}.article_id, {alias}.text, "
            f"GREATEST(ts_rank({alias}.text_search, {_PG_QUERY}), ts_rank({alias}.text_search_ru, {_PG_QUERY_RU})) "
            f"AS rank, {alias}.text_search_ru @@ {_PG_QUERY_RU} AND NOT {alias}.text_search @@ {_PG_QUERY} AS ru "
            f"FROM {table} {alias} WHERE {alias}.text_search @@ {_PG_QUERY} OR {alias}.text_search_ru @@ {_PG_QUERY_RU}"
            + extra)


def _pg_hits(prefix: bool) -> str:
    return f"""
WITH hits AS (
  SELECT kind, id, article_id, text, rank, ru FROM (
    {_pg_found('sentence', 'sentences', 's', prefix)}
    UNION ALL
    {_pg_found('quote', 'quotes', 'q', prefix)}
  ) found ORDER BY rank DESC, kind, id LIMIT :limit OFFSET :offset
)
SELECT h.kind, h.id, h.rank,
  CASE WHEN h.ru THEN ts_headline('russian', h.text, {_PG_QUERY_RU},
              'StartSel={SNIPPET_START}, StopSel={SNIPPET_END}, MaxWords=24, MinWords=10, MaxFragments=1')
  ELSE ts_headline('english', h.text, {_PG_QUERY},
              'StartSel={SNIPPET_START}, StopSel={SNIPPET_END}, MaxWords=24, MinWords=10, MaxFragments=1') END AS snippet
FROM hits h ORDER BY h.rank DESC, h.kind, h.id
"""


_PG_HITS = {prefix: _pg_hits(prefix) for prefix in (False, True)}
_CYRILLIC_WORD = re.compile(r"[а-яё]+", re.I)


def _pg_prefix(query: str) -> str | None:
    """"кнутов:* & встреч:*" for a query of plain Russian words, else None."""
    words = query.split()
    if not words or not all(_CYRILLIC_WORD.fullmatch(w) for w in words):
        return None
    from ..morph_ru import stem

    stems = [stem(w) or w.lower() for w in words]
    return " & ".join(f"{s}:*" for s in stems)

_DETAILS = {
    "sentence": """SELECT s.id, s.start, s."end", s.text, NULL AS speaker_name, NULL AS speaker_entity_id,
        a.id AS article_id, a.title, a.outlet, a.published, COALESCE(a.url, a.source) AS url
        FROM sentences s JOIN articles a ON a.id = s.article_id WHERE s.id IN :ids""",
    "quote": """SELECT q.id, q.start, q."end", q.text, q.speaker_name, q.speaker_entity_id,
        a.id AS article_id, a.title, a.outlet, a.published, COALESCE(a.url, a.source) AS url
        FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.id IN :ids""",
}


def _expanding(sql: str):
    return text(sql).bindparams(bindparam("ids", expanding=True))


def search_hits(conn: Connection, query: str, limit: int, offset: int) -> list[dict]:
    """Matching sentences and quotes, best first, with snippet, span and source."""
    if conn.dialect.name == "sqlite":
        expression = fts5_query(query)
        if expression is None:
            return []
        params = {"q": expression, "limit": limit, "offset": offset}
        hits = [dict(r._mapping) for r in conn.execute(text(_SQLITE_HITS), params)]
        snippets: dict[tuple[str, int], str] = {}
        for kind, sql in _SQLITE_SNIPPETS.items():
            ids = [h["id"] for h in hits if h["kind"] == kind]
            if ids:
                rows = conn.execute(_expanding(sql), {"q": expression, "ids": ids})
                snippets.update({(kind, r.id): r.snippet for r in rows})
        for h in hits:
            h["snippet"] = snippets.get((h["kind"], h["id"]))
    else:
        if not query.strip():
            return []
        prefix = _pg_prefix(query)
        params = {"q": query, "limit": limit, "offset": offset, **({"prefix": prefix} if prefix else {})}
        hits = [dict(r._mapping) for r in conn.execute(text(_PG_HITS[prefix is not None]), params)]
    details: dict[tuple[str, int], dict] = {}
    for kind, sql in _DETAILS.items():
        ids = [h["id"] for h in hits if h["kind"] == kind]
        if ids:
            details.update({(kind, r.id): dict(r._mapping) for r in conn.execute(_expanding(sql), {"ids": ids})})
    return [{**details[(h["kind"], h["id"])], **h} for h in hits if (h["kind"], h["id"]) in details]


def records_after(conn: Connection, after_id: str, limit: int) -> list[dict]:
    """Stored analysis records with their article text, in article id order (keyset paging)."""
    query = (
        select(analyses.c.article_id, analyses.c.record, articles.c.text)
        .join(articles, articles.c.id == analyses.c.article_id)
        .where(analyses.c.article_id > after_id)
        .order_by(analyses.c.article_id)
        .limit(limit)
    )
    return [dict(r._mapping) for r in conn.execute(query)]
