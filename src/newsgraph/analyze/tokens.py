"""Tokenizer rules of ours, added to the model's: quotation marks glued to words.

News copy often loses the space around a quotation mark ('Ryan said,“Look, ...',
'... missing.”The'). spaCy then reads 'said,“Look' as one token, and the
quotation loses its cue and its first word. A curly mark between two non-spaces,
and a straight one between punctuation and a letter, become tokens of their own, as
does the punctuation glued to a word before a mark.
"""

from __future__ import annotations

from spacy.util import compile_infix_regex

__all__ = ["split_glued_quote_marks"]

GLUED_QUOTE_MARKS = (
    r"(?<=\S)[“”](?=\S)",  # 'said,“Look', 'missing.”The'
    r'(?<=[,.!?;:])"(?=[^\W\d_])',  # 'said,"Look'
    r'(?<=[^\W\d_])"(?=[,.!?;:])',  # 'Look",'
    r'(?<=[^\W\d_])[,;:!?](?=[“"])',  # the comma of 'said,“'
)


def split_glued_quote_marks(nlp) -> None:
    infixes = list(nlp.Defaults.infixes) + list(GLUED_QUOTE_MARKS)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
