"""Direct-quote spans found from quotation marks alone, before any parsing.

A span is the text between an opening and a closing mark, without the marks.
Curly (“ ” „ « »), straight (") and typewriter (``'' or '' '') double marks, and
two curly single marks standing for one (‘‘...’’), are paired; single marks are not, since they double as apostrophes. A quotation that runs over several
paragraphs follows the press convention: a paragraph ends without a closing
mark and the next one opens again; it is returned as one span. Marks of the other
kind inside a quotation (a title «...» inside “...”, or “...” inside «...») are part
of it, not a quotation of their own. A closing curly mark that opens a line before a
word ('”Fear. I am afraid ...”') is taken for the opening one it should be. A mark left
open at a paragraph end that is not continued is closed there.
"""

from __future__ import annotations

import re

from ..constants import CLOSING_MARKS, DOUBLE_MARKS, OPENING_MARKS

__all__ = ["quote_spans"]

STRAIGHT = '"'
# Two single marks stand for a double one: typewriter ``...'' and curly ‘‘...’’.
_PAIRED_SINGLES = {"''": STRAIGHT, "``": OPENING_MARKS[0], "’’": CLOSING_MARKS[0], "‘‘": OPENING_MARKS[0]}
_MARK = re.compile("''|``|’’|‘‘|[" + re.escape(DOUBLE_MARKS) + "\n]")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quoted passage, inner text only, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    outer = inner = None  # the marks that opened the quotation, and a quotation of the other kind in it
    for m in _MARK.finditer(text):
        ch, pos = m.group(), m.start()
        ch = _PAIRED_SINGLES.get(ch, ch)
        if ch == "\n":
            if open_at is not None and not _continues(text, pos):
                _add(spans, text, open_at, pos)
                open_at = inner = None
            continue
        if open_at is None:
            if ch in OPENING_MARKS or (ch == STRAIGHT and _can_open(text, pos, m.end())) or _reversed_opener(text, ch, pos):
                open_at, outer = m.end(), ch
            continue
        if inner is not None:
            if ch in _NESTED_CLOSERS[inner]:
                inner = None  # '“... the book «War and Peace» is ...”': the title ends, the quotation goes on
                continue
        elif ch in _NESTED_OPENERS.get(outer, ""):
            inner = ch
            continue
        if ch not in CLOSING_MARKS and text.rfind("\n", open_at, pos) != -1 and _line_start(text, pos):
            continue  # the paragraph-continuation opener of a multi-paragraph quote
        if ch in CLOSING_MARKS or ch == STRAIGHT:
            _add(spans, text, open_at, pos)
            open_at = inner = None
        else:
            # A second opener inside an open quote: the first was never closed; restart here.
            open_at, outer = m.end(), ch
    if open_at is not None:
        _add(spans, text, open_at, len(text))
    return spans


# Marks of another kind opening inside a quotation (a title, a quotation within it) and what
# closes them: guillemets inside curly or straight marks, curly marks inside guillemets.
_NESTED_OPENERS = {"“": "«", "„": "«", STRAIGHT: "«", "«": "“„"}
_NESTED_CLOSERS = {"«": "»", "“": "”", "„": "“”"}


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def _can_open(text: str, pos: int, end: int) -> bool:
    # A straight mark opens after a space, a line start, a bracket, a colon or a comma that
    # lost its space ('said,"Look'), before a non-space; a closing one has a space after it.
    before = text[pos - 1] if pos else " "
    after = text[end] if end < len(text) else " "
    return (before.isspace() or before in "([—–-:,;") and not after.isspace()


def _reversed_opener(text: str, ch: str, pos: int) -> bool:
    """A closing curly mark that opens a line before a word ('”Fear. I am truly afraid ...”'): a
    typo for the opening one, since nothing is open to close."""
    return ch == CLOSING_MARKS[0] and _line_start(text, pos) and pos + 1 < len(text) and text[pos + 1].isalnum()


def _line_start(text: str, pos: int) -> bool:
    line_begin = text.rfind("\n", 0, pos) + 1
    return not text[line_begin:pos].strip()


def _continues(text: str, newline: int) -> bool:
    """Whether the paragraph after this line break opens with a quotation mark."""
    rest = text[newline + 1 : newline + 40].lstrip()
    return bool(rest) and (rest[0] in OPENING_MARKS or rest[0] == STRAIGHT or rest.startswith(("''", "``", "‘‘")))
