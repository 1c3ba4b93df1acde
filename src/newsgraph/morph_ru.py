"""Russian morphology (pymorphy2 with its OpenCorpora dictionary), shared by the analysis and search.

``analyzer()`` is one pymorphy2 MorphAnalyzer per process; ``stem(word)`` is what every
inflected form of a word starts with ("переговорах" -> "переговор", "Зеленского" ->
"зеленск"), which full-text search on SQLite uses as a prefix. pymorphy2 0.9.1 needs two
fixes on Python 3.11 and later: it calls ``inspect.getargspec`` (gone; the fix yargy applies),
and finds its dictionary through pkg_resources (not in every venv; the path is given instead).
"""

from __future__ import annotations

from functools import lru_cache

from .once import once_per_process

__all__ = ["fix_pymorphy2", "analyzer", "stem"]

MIN_STEM = 3  # a shorter common prefix would match too many words


def fix_pymorphy2() -> None:
    import inspect

    from pymorphy2.units.base import BaseAnalyzerUnit

    def param_names(cls):
        if cls.__init__ is object.__init__:
            return []
        return sorted(inspect.getfullargspec(cls.__init__).args[1:])

    BaseAnalyzerUnit._get_param_names = classmethod(param_names)


def dictionary_path() -> str:
    import pymorphy2_dicts_ru

    return pymorphy2_dicts_ru.get_path()


@once_per_process
def analyzer():
    """The process's pymorphy2 analyzer (about 0.3 s to load)."""
    from pymorphy2 import MorphAnalyzer

    fix_pymorphy2()
    return MorphAnalyzer(path=dictionary_path())


@lru_cache(maxsize=4096)
def stem(word: str) -> str | None:
    """The longest prefix every form of the word's most likely lexeme shares, lower case; None
    when that is shorter than ``MIN_STEM`` letters or the word is not Russian."""
    word = word.lower().replace("ё", "е")
    if not any("а" <= ch <= "я" for ch in word):
        return None
    forms = [f.word.replace("ё", "е") for f in analyzer().parse(word)[0].lexeme] or [word]
    prefix = forms[0]
    for form in forms[1:] + [word]:
        while not form.startswith(prefix):
            prefix = prefix[:-1]
    return prefix if len(prefix) >= MIN_STEM else None
