"""Word lists and gazetteers as data files, one folder per language.

Files: ``<lang>/<name>.txt`` (one entry per line) or ``<lang>/<name>.tsv``
(tab-separated columns); ``#`` starts a comment, blank lines are skipped.
They are read once per process.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

__all__ = ["words", "table"]


def _lines(lang: str, filename: str) -> list[str]:
    path = resources.files(__package__) / lang / filename
    if not path.is_file():
        raise FileNotFoundError(f"no lexicon {lang}/{filename} in newsgraph.analyze.lexicons")
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].rstrip() if not raw.lstrip().startswith("#") else ""
        if line.strip():
            out.append(line)
    return out


@lru_cache(maxsize=None)
def words(lang: str, name: str) -> frozenset[str]:
    """The entries of ``<lang>/<name>.txt``, stripped."""
    return frozenset(line.strip() for line in _lines(lang, f"{name}.txt"))


@lru_cache(maxsize=None)
def table(lang: str, name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of ``<lang>/<name>.tsv``, each a tuple of stripped cells."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in _lines(lang, f"{name}.tsv"))
