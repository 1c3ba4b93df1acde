"""Reading news reports from files, archives and feeds, and cleaning their text once.

    read_inputs(paths, options)  -> RawDocument | InputError, lazily, one per article
    clean(raw, options)          -> Article (raises InputError)

Formats: plain text and Markdown, HTML, JSON Lines (optionally gzipped), WARC and
ARC archives, RSS/Atom feeds. One module per format; ``sources`` expands paths
and detects formats; ``clean`` holds the only text cleaning in newsgraph.
"""

from .clean import clean, clean_text, detect_language
from .inputs import read_inputs

__all__ = ["read_inputs", "clean", "clean_text", "detect_language"]
