"""Time expressions (TIMEX3) anchored to the publication date, and that date's inference."""

from ._extract import extract_timexes, infer_published

__all__ = ["extract_timexes", "infer_published"]
