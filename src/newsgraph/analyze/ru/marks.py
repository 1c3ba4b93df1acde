"""Quotations in marks in Russian text: «...», „...“, “...”, "...", nested and merged.

Russian news nests quotations («...„Орешник“...») or repeats the guillemet («...«Орешник»...»),
and often writes the two closing guillemets of a nested pair as one («...«Орешника»). The
marks are matched with a stack, per line: a quotation is the outermost pair; an opening
mark still open at the end of the line closes at the last closing mark after it.
Straight double quotes open when a letter follows them and close otherwise.
Limits: a quotation never runs across a line break (a paragraph quoted over several lines
is several quotations, each read on its own).
"""

from __future__ import annotations

__all__ = ["quotations"]

_OPEN = {"«": "»", "„": "“", "“": "”"}
_CLOSE = {"»", "“", "”"}


def quotations(text: str) -> list[tuple[int, int]]:
    """(start, end) of each outermost quotation, marks included, in text order."""
    found: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        found.extend((offset + s, offset + e) for s, e in _line_quotations(line))
        offset += len(line) + 1
    return found


def _kind(line: str, i: int, stack: list[int]) -> str:
    """"open", "close" or "" for the character at ``i``, given the marks still open."""
    ch = line[i]
    if ch == '"':
        opens = i + 1 < len(line) and line[i + 1].isalnum() and (i == 0 or not line[i - 1].isalnum())
        return "open" if opens else ("close" if stack else "")
    if ch == "“":  # closes „ (Russian inner quotes), opens otherwise (English style)
        return "close" if stack and line[stack[-1]] == "„" else "open"
    if ch in _OPEN:
        return "open"
    return "close" if ch in _CLOSE and stack else ""


def _line_quotations(line: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    stack: list[int] = []
    last_close = -1
    for i in range(len(line)):
        kind = _kind(line, i, stack)
        if kind == "open":
            stack.append(i)
        elif kind == "close":
            start = stack.pop(0) if len(stack) == 1 else None
            if start is None:
                stack.pop()
            last_close = i
            if start is not None:
                out.append((start, i + 1))
    if stack and last_close > stack[0]:  # «...«Орешника»: the two closing marks written as one
        out.append((stack[0], last_close + 1))
    return out
