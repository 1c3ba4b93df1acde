"""The web front end: HTML pages and a JSON API over the read API (``newsgraph.query``).

    create_app(db, allow_ingest=False, token=None) -> FastAPI

Pages and endpoints call ``newsgraph.query`` (and ``Store.article``/``Store.analysis``
for an article's text and spans) and nothing else: no SQL here.
"""

from .app import create_app

__all__ = ["create_app"]
