"""Reducing Markdown to the plain prose the analysis should see.

Handles what news written in Markdown uses: ATX (``# Title``) and Setext
headings, ``*``/``_`` emphasis, links and images (inline and reference style),
inline code, blockquote markers and horizontal rules; hard-wrapped paragraphs
become one line each, as in the other formats. Limits: no HTML blocks,
tables, footnotes or YAML front matter; list bullets are kept as written.
"""

from __future__ import annotations

import re

__all__ = ["to_plain"]

_ATX = re.compile(r"^[ ]{0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$", re.M)
_SETEXT = re.compile(r"^(?P<text>[^\n]*\S[^\n]*)\n[ ]{0,3}(?:=+|-+)[ \t]*$", re.M)
_RULE = re.compile(r"^[ ]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$\n?", re.M)
_QUOTE = re.compile(r"^[ ]{0,3}>[ ]?", re.M)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)|!\[([^\]]*)\]\[[^\]]*\]")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)|\[([^\]]+)\]\[[^\]]*\]")
_REF_DEF = re.compile(r"^[ ]{0,3}\[[^\]]+\]:[ \t]*\S+.*$\n?", re.M)
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
_EM_UNDER = re.compile(r"(?<!\w)_(?=[^\s_])(.+?)(?<=[^\s_])_(?!\w)")
_CODE = re.compile(r"`([^`\n]+)`")
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]", re.M)


def _unwrap(text: str) -> str:
    """Join a paragraph's hard-wrapped lines (Markdown soft breaks) into one line.

    Paragraphs holding list items keep their lines: each item is its own line.
    """
    blocks = re.split(r"\n[ \t]*\n", text)
    return "\n\n".join(block if _LIST_ITEM.search(block)
                       else " ".join(line.strip() for line in block.split("\n"))
                       for block in blocks)


def to_plain(text: str) -> tuple[str | None, str]:
    """Return (title, plain text). The title is a first-line ``# Heading``, if any.

    The heading's text stays in the plain text as its first line.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    first = text.lstrip("\ufeff\n").split("\n", 1)[0]
    atx = _ATX.match(first)
    text = _ATX.sub(lambda m: m.group(2), text)
    text = _SETEXT.sub(lambda m: m.group("text"), text)
    text = _RULE.sub("", text)
    text = _QUOTE.sub("", text)
    text = _REF_DEF.sub("", text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda m: m.group(1) or m.group(2), text)
    text = _CODE.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    text = _EM_STAR.sub(r"\1", text)
    text = _EM_UNDER.sub(r"\1", text)
    text = _unwrap(text)
    title = text.lstrip("\ufeff\n").split("\n", 1)[0].strip() if atx else None
    return title or None, text
