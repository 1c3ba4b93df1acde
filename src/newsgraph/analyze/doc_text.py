"""The text of a Doc, joined once per Doc.

spaCy's ``Doc.text`` joins the text of every token anew on each access (a Token object made per
token); the stages read it about ten times per document. ``text_of`` keeps the first join in the
Doc's ``user_data``. The stages never change a Doc's tokens, so the kept text stays right.
"""

from __future__ import annotations

__all__ = ["text_of"]

_KEY = ("newsgraph", "text")


def text_of(doc) -> str:
    """``doc.text``, joined on the first call for this Doc only."""
    data = getattr(doc, "user_data", None)
    if data is None:  # not a spaCy Doc: nothing to keep the text in
        return doc.text
    text = data.get(_KEY)
    if text is None:
        text = data[_KEY] = doc.text
    return text
