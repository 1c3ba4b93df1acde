"""Quotes: who said what (direct, indirect and mixed quotations), with resolved speakers.

``extract_quotes(doc, entities)`` is the stage. ``cues`` (reporting cues and their
frames), ``marks`` (quotation-mark spans) and ``learned`` (the learned proposals)
are public because the evaluation and the training script read them too;
``speakers`` because event participants are resolved by the same rules.
"""

from ._extract import extract_quotes

__all__ = ["extract_quotes"]
