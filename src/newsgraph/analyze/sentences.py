"""Sentence boundaries at line breaks, set before the parser runs.

In cleaned news text a line break ends a headline, a dateline or a paragraph, so
no sentence runs across one. spaCy's parser keeps sentence starts that are set
before it, and parses each side on its own: the headline no longer swallows the
first sentence, and quotes and events never straddle paragraphs.
"""

from __future__ import annotations

from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language

from .doc_text import text_of

__all__ = ["COMPONENT", "sentence_spans"]

COMPONENT = "newsgraph_line_breaks"


@Language.component(COMPONENT, assigns=["token.is_sent_start"])
def line_breaks_start_sentences(doc):
    # spaCy's tokenizer keeps runs of whitespace other than one space as tokens of their own,
    # so a line break lies in a space token: only those are visited, found from the array of
    # the IS_SPACE flag. The starts are written back as one array: walking every token made
    # two Token objects per token, and Token.is_sent_start's setter scans the whole document
    # for a parse each time it is set.
    is_space = doc.to_array(IS_SPACE).tolist()
    starts = doc.to_array(SENT_START)
    for i in [i for i, space in enumerate(is_space) if space]:
        if i + 1 < len(is_space) and not is_space[i + 1] and "\n" in doc[i].text:
            starts[i + 1] = 1
    doc.from_array([SENT_START], starts)
    return doc


def sentence_spans(doc) -> list[dict]:
    """The record's sentences: character spans, without surrounding whitespace."""
    spans = []
    doc_text = text_of(doc)
    for sent in doc.sents:
        text = doc_text[sent.start_char:sent.end_char]  # Span.text would join its tokens again
        start = sent.start_char + (len(text) - len(text.lstrip()))
        end = sent.end_char - (len(text) - len(text.rstrip()))
        if end > start:
            spans.append({"start": start, "end": end})
    return spans
