"""Phrases built on a reporting verb that attribute nothing: "That said, ...", "All told, ...".

They are a word list per language (``lexicons/<lang>/quote_idioms.txt``); a word
written as part of one is no cue, for the rules and the learned proposals alike.
"""

from __future__ import annotations

from functools import lru_cache

from ..lexicons import words

__all__ = ["in_idiom"]


@lru_cache(maxsize=None)
def _idioms(lang: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Word -> the idioms it is part of ("said" -> ("that", "said"), ...)."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for line in words(lang, "quote_idioms"):
        phrase = tuple(line.lower().split())
        for word in set(phrase):
            found.setdefault(word, []).append(phrase)
    return {word: tuple(phrases) for word, phrases in found.items()}


def in_idiom(doc, tok, lang: str = "en") -> bool:
    """Whether tok is a word of one of the language's idioms, as written around it."""
    for phrase in _idioms(lang).get(tok.lower_, ()):
        for k, word in enumerate(phrase):
            first = tok.i - k
            if word == tok.lower_ and first >= 0 and first + len(phrase) <= len(doc) \
                    and tuple(t.lower_ for t in doc[first:first + len(phrase)]) == phrase:
                return True
    return False
