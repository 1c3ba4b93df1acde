"""Tokenizer rules of ours, added to the model's: quotation marks and commas glued to words.

News copy often loses the space around a quotation mark ('Ryan said,“Look, ...',
'... missing.”The'). spaCy then reads 'said,“Look' as one token, and the
quotation loses its cue and its first word. A curly mark between two non-spaces,
and a straight one between punctuation and a letter, become tokens of their own, as
does the punctuation glued to a word before a mark.

A comma glued between a word and a number ('Khaled Belkacemi,60, of Quebec City') made the
age part of the name token, so the person was named "Khaled Belkacemi,60" and a later
"Belkacemi" was no one. A thousands separator sits between digits and is left alone.
"""

from __future__ import annotations

from spacy.util import compile_infix_regex

__all__ = ["split_glued_punctuation"]

GLUED_QUOTE_MARKS = (
    r"(?<=\S)[“”](?=\S)",  # 'said,“Look', 'missing.”The'
    r'(?<=[,.!?;:])"(?=[^\W\d_])',  # 'said,"Look'
    r'(?<=[^\W\d_])"(?=[,.!?;:])',  # 'Look",'
    r'(?<=[^\W\d_])[,;:!?](?=[“"])',  # the comma of 'said,“'
)
GLUED_COMMAS = (
    r"(?<=[^\W\d_]{2}),(?=\d)",  # 'Belkacemi,60'
)


def split_glued_punctuation(nlp) -> None:
    infixes = list(nlp.Defaults.infixes) + list(GLUED_QUOTE_MARKS) + list(GLUED_COMMAS)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
