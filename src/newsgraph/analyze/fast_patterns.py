"""Regular expressions that scan long texts quickly, matching exactly as the plain ones would.

Python's regex engine tries a pattern at every character of the text. Two things made our
word-list patterns slow there, and both are removed here without changing any match:

- ``word_alternation`` writes a word list as a trie ("jan(?:uary|\\.)?" rather than
  "january|jan\\.|jan"): the engine then reads each letter once instead of trying every word
  in turn. The trie tries the words that fit the text longest first, as the plain
  longest-first alternation does, so matches and backtracking are the same.
- ``compile_guarded`` puts a look-ahead for the characters a match can begin with in front
  of the pattern: at the other positions the engine stops after one character test. The
  characters are read from the parsed pattern; a pattern whose first character cannot be
  read that way (it may match the empty string, it uses a back-reference or scoped flags)
  is compiled as it is.
"""

from __future__ import annotations

import re
from re import _constants as sre  # the parser's node names; the parser has been stable since 3.11
from re import _parser as sre_parse

__all__ = ["word_alternation", "compile_guarded", "first_chars"]

_END = ""  # marks a trie node where a word ends


def word_alternation(words, abbr_dot: bool = False) -> str:
    """A non-capturing alternation of the words, longest first; spaces match any whitespace;
    ``abbr_dot``: each word followed by a full stop. Lower-case words are written as a trie
    (for case-insensitive patterns); any other word list as a plain alternation."""
    words = sorted(set(words), key=len, reverse=True)
    if not all(w.split() and w == w.lower() and w.isascii() for w in words):
        # Two children of a trie node that differ only in case would both match one letter
        # of a case-insensitive pattern, and the trie's order would no longer be longest
        # first; an empty word has no place in a trie.
        return "(?:" + "|".join(_pieces_of(w, abbr_dot) for w in words) + ")"
    trie: dict = {}
    for word in words:
        node = trie
        for piece in _tokens(word, abbr_dot):
            node = node.setdefault(piece, {})
        node[_END] = {}
    return "(?:" + _branches(trie) + ")"


def _tokens(word: str, abbr_dot: bool) -> list[str]:
    out: list[str] = []
    for i, part in enumerate(word.split()):
        if i:
            out.append(r"\s+")
        out.extend(re.escape(ch) for ch in part)
    if abbr_dot:
        out.append(r"\.")
    return out


def _pieces_of(word: str, abbr_dot: bool) -> str:
    return "".join(_tokens(word, abbr_dot))


def _branches(node: dict) -> str:
    # Children start with different letters, so at most one of them fits the text; a greedy
    # "?" after it tries the longer words of that child before the word that ends here.
    return "|".join(piece + _rest(node[piece]) for piece in node if piece != _END)


def _rest(node: dict) -> str:
    if len(node) == 1 and _END in node:
        return ""
    return "(?:" + _branches(node) + ")" + ("?" if _END in node else "")


_GLOBAL_FLAGS = re.compile(r"^\(\?[aiLmsux]+\)")


def compile_guarded(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)`` with a look-ahead for its possible first characters."""
    first = first_chars(pattern, flags)
    if first is None:
        return re.compile(pattern, flags)
    opening = _GLOBAL_FLAGS.match(pattern)  # "(?m)" must stay at the very start
    at = opening.end() if opening else 0
    return re.compile(f"{pattern[:at]}(?={first}){pattern[at:]}", flags)


class _Unreadable(Exception):
    """A pattern node whose first characters are not read here."""


_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W",
}


def first_chars(pattern: str, flags: int = 0) -> str | None:
    """A character class holding every character a match of the pattern can begin with
    (under the same flags), or None when the pattern's first character is not read."""
    try:
        pieces, may_be_empty = _first_of_sequence(sre_parse.parse(pattern, flags).data)
    except _Unreadable:
        return None
    if may_be_empty or not pieces:
        return None
    return "[" + "".join(dict.fromkeys(pieces)) + "]"


def _first_of_sequence(items) -> tuple[list[str], bool]:
    """(class pieces, whether the sequence may match the empty string)."""
    pieces: list[str] = []
    for op, av in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero-width: they only narrow where a match starts
        if op is sre.LITERAL:
            pieces.append(re.escape(chr(av)))
            return pieces, False
        if op is sre.IN:
            pieces.extend(_class_pieces(av))
            return pieces, False
        if op is sre.BRANCH:
            may_be_empty = False
            for alternative in av[1]:
                sub, empty = _first_of_sequence(alternative.data)
                pieces.extend(sub)
                may_be_empty = may_be_empty or empty
        elif op is sre.SUBPATTERN:
            _group, add_flags, del_flags, sub_pattern = av
            if add_flags or del_flags:
                raise _Unreadable("scoped flags")  # the look-ahead would read with other flags
            sub, may_be_empty = _first_of_sequence(sub_pattern.data)
            pieces.extend(sub)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            least, _most, item = av
            sub, empty = _first_of_sequence(item.data)
            pieces.extend(sub)
            may_be_empty = least == 0 or empty
        elif op is sre.ATOMIC_GROUP:
            sub, may_be_empty = _first_of_sequence(av.data)
            pieces.extend(sub)
        else:
            raise _Unreadable(op)  # any character, a negated literal, a back-reference...
        if not may_be_empty:
            return pieces, False
    return pieces, True


def _class_pieces(items) -> list[str]:
    pieces = []
    for op, av in items:
        if op is sre.LITERAL:
            pieces.append(re.escape(chr(av)))
        elif op is sre.RANGE:
            pieces.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is sre.CATEGORY and av in _CATEGORIES:
            pieces.append(_CATEGORIES[av])
        else:
            raise _Unreadable(op)  # a negated class: nearly any character
    return pieces
