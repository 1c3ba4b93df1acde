"""newsgraph: news reports in, a sourced and queryable model of the situation out.

The library comes first; the ``newsgraph`` command is a thin layer over it::

    from newsgraph import Store, ReadOptions, read_inputs, run_ingest, Analyzer

    with Store("corpus.db") as store:
        report = run_ingest(read_inputs(["reports/"], ReadOptions()), store, ReadOptions(), Analyzer())
"""

from .__version__ import __version__
from .analyze import Analyzer, build_record, load_nlp
from .errors import (AmbiguousNameError, ConfigError, CorrectionError, InputError, NewsgraphError, NotFoundError,
                     SchemaError, StoreError)
from .ingest import clean, read_inputs
from .ingest.runner import IngestEvent, IngestReport, run_ingest
from .model import Article, RawDocument, ReadOptions, article_id
from .query import Overview, list_articles, overview, top_actors
from .store import Store, StoreInfo

__all__ = [
    "__version__",
    "AmbiguousNameError",
    "Analyzer",
    "Article",
    "ConfigError",
    "CorrectionError",
    "IngestEvent",
    "IngestReport",
    "InputError",
    "NewsgraphError",
    "NotFoundError",
    "Overview",
    "RawDocument",
    "ReadOptions",
    "SchemaError",
    "Store",
    "StoreError",
    "StoreInfo",
    "article_id",
    "build_record",
    "clean",
    "list_articles",
    "load_nlp",
    "overview",
    "read_inputs",
    "run_ingest",
    "top_actors",
]
