"""Sentence boundaries at line breaks, set before the parser runs.

In cleaned news text a line break ends a headline, a dateline or a paragraph, so
no sentence runs across one. spaCy's parser keeps sentence starts that are set
before it, and parses each side on its own: the headline no longer swallows the
first sentence, and quotes and events never straddle paragraphs.
"""

from __future__ import annotations

from spacy.language import Language

__all__ = ["COMPONENT", "sentence_spans"]

COMPONENT = "newsgraph_line_breaks"


@Language.component(COMPONENT, assigns=["token.is_sent_start"])
def line_breaks_start_sentences(doc):
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text and not token.is_space:
            token.is_sent_start = True
    return doc


def sentence_spans(doc) -> list[dict]:
    """The record's sentences: character spans, without surrounding whitespace."""
    spans = []
    for sent in doc.sents:
        text = sent.text
        start = sent.start_char + (len(text) - len(text.lstrip()))
        end = sent.end_char - (len(text) - len(text.rstrip()))
        if end > start:
            spans.append({"start": start, "end": end})
    return spans
