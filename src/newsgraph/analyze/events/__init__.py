"""Events: who did what to whom, typed with the 16 PLOVER categories, with modality and source."""

from ._extract import extract_events

__all__ = ["extract_events"]
