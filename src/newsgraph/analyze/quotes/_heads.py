"""Headline and interview attributions: "Graham: Trump's Rhetoric Destroying GOP's Chance".

A paragraph that opens with a short name and a colon reports what that source
said: the name is the speaker, the rest of the paragraph the content. The name
must be a short name: proper nouns, possibly closed by a source noun ("Poll:",
"Clinton camp:", "Police:"), so "Trump said:" (a verb cue), labels ("UPDATE:",
"Editor's note:") and kickers ("Big Win For Bernie:") are left alone.
Interview turns ("Q:") are not taken: their answers nest attributions of their own.
"""

from __future__ import annotations

import re

from ..lexicons import words
from ..constants import DOUBLE_MARKS, OPENING_MARKS
from .cues import Cue, token_span

__all__ = ["colon_cues"]

# "Name: text" lines: a short head without marks, a colon, then the content, which may open with a mark.
_LINE = re.compile(rf"^[ \t]*([^:\n{DOUBLE_MARKS}]{{1,60}}?)[ \t]*:(?=[ \t{OPENING_MARKS}\"‘']|$)[ \t]*(\S[^\n]*)$", re.M)
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_MAX_WORDS = 4
_MIN_CONTENT_WORDS = 3


def colon_cues(doc, text: str, lang: str = "en") -> list[Cue]:
    cues = []
    names = None  # words of the document's names, read when a line first needs them
    for m in _LINE.finditer(text):
        name, rest = m.group(1), m.group(2)
        if len(name.split()) > _MAX_WORDS or len(rest.split()) < _MIN_CONTENT_WORDS or not name[0].isupper():
            continue
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is None or not len(span):
            continue
        if name.isupper():
            continue
        if not _source_like(span, lang):
            # a headline tagger reads "Sanders:" as a noun; the body names him
            names = names if names is not None else {t.text for e in doc.ents for t in e if e.label_ in _NAMED}
            if not all(t.text in names for t in span if not (t.is_punct or t.tag_ == "POS")):
                continue
        rest_span = doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
        if rest_span is None or not len(rest_span):
            continue
        content = token_span(doc, rest_span.start, rest_span.end - 1)
        if content is None:
            continue
        colon = m.end(1) + text[m.end(1):m.start(2)].index(":")
        cues.append(Cue(colon, colon + 1, None, span.root.i, (span.start_char, span.end_char), content, ":", "speech"))
    return cues


def _source_like(span, lang: str) -> bool:
    """Proper nouns, or a source noun after nothing but proper nouns and determiners."""
    *head, last = [t for t in span if not (t.is_punct or t.tag_ == "POS")] or [None]
    if last is None:
        return False
    if last.pos_ == "PROPN" and all(t.pos_ == "PROPN" for t in head):
        return True
    return (last.pos_ == "NOUN" and _is_source_noun(last, lang)
            and all(t.pos_ in ("PROPN", "DET") for t in head))


def _is_source_noun(tok, lang: str) -> bool:
    lemma, lower = tok.lemma_.lower(), tok.lower_
    return any(lemma in words(lang, table) or lower in words(lang, table)
               for table in ("quote_headline_sources", "quote_poll_nouns", "role_nouns",
                             "speaker_media_nouns", "speaker_office_nouns"))
