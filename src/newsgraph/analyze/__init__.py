"""Analysis: spaCy plus newsgraph's own stages, producing analysis records."""

from .pipeline import MODEL_NAME, Analyzer, load_nlp
from .record import FORMAT, build_record

__all__ = ["Analyzer", "load_nlp", "build_record", "FORMAT", "MODEL_NAME"]
