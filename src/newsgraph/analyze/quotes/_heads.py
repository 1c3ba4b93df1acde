"""Headline and interview attributions: "Graham: Trump's Rhetoric Destroying GOP's Chance".

A paragraph that opens with a short name and a colon reports what that source
said: the name is the speaker, the rest of the paragraph the content. The name
must be a short name: proper nouns, possibly closed by a source noun ("Poll:",
"Clinton camp:", "Police:"), so "Trump said:" (a verb cue), labels ("UPDATE:",
"Editor's note:") and kickers ("Big Win For Bernie:") are left alone; a name in capitals
("FALLIN:", a transcript's speaker turn) only when the body names that person.
Interview turns ("Q:") are not taken: their answers nest attributions of their own.

A headline in title case with a name and a present-tense reporting verb ("Obama Seeks More
Muslim Refugees", "Railing Against Trump, Sanders Vows To ...") reports the rest of its
line (``title_cues``): the tagger reads a capitalised verb as a proper noun, so the verb
cues miss it or find no content for it.
"""

from __future__ import annotations

import re

from ..lexicons import words
from ..constants import DOUBLE_MARKS, OPENING_MARKS
from .cues import Cue, token_span, verb_frames

__all__ = ["colon_cues", "title_cues"]

# "Name: text" lines: a short head without marks, a colon, then the content, which may open with a mark.
_LINE = re.compile(rf"^[ \t]*([^:\n{DOUBLE_MARKS}]{{1,60}}?)[ \t]*:(?=[ \t{OPENING_MARKS}\"‘']|$)[ \t]*(\S[^\n]*)$", re.M)
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_MAX_WORDS = 4
_MIN_CONTENT_WORDS = 3
# A headline: a short line whose longer words nearly all open with a capital.
_HEADLINE_MAX_WORDS = 20
_HEADLINE_CAPITALISED = 0.8
_LONGER_WORD = re.compile(r"[^\W\d_][\w'’]{3,}")


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
            names = names if names is not None else _name_words(doc)
            if not all(w.title() in names for w in name.split()):
                continue  # a label ("UPDATE:"); but "WALLACE:" in a transcript is a person the body names
        if not _source_like(span, lang):
            # a headline tagger reads "Sanders:" as a noun; the body names him
            names = names if names is not None else _name_words(doc)
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


def _name_words(doc) -> set[str]:
    """The words of the document's names (people, bodies, places, groups): what a head must consist of."""
    return {t.text for e in doc.ents for t in e if e.label_ in _NAMED}


def title_cues(doc, text: str, verb_cues: list[Cue], lang: str = "en") -> list[Cue]:
    """'Obama Seeks More Muslim Refugees As He Recognizes Major Islamic Holiday': in a title-case
    headline, a name (words the body names) right before a present-tense reporting verb is the
    speaker, the rest of the line the content; unless ``verb_cues`` found that verb's content."""
    claimed = {c.start for c in verb_cues if c.content is not None}
    cues = []
    names = None
    frames = verb_frames(lang)
    at = 0
    for line in text.split("\n"):
        start, at = at, at + len(line) + 1
        longer = _LONGER_WORD.findall(line)
        if not longer or len(line.split()) > _HEADLINE_MAX_WORDS \
                or sum(w[0].isupper() for w in longer) < _HEADLINE_CAPITALISED * len(longer):
            continue
        span = doc.char_span(start, start + len(line.rstrip()), alignment_mode="expand")
        if span is None or len(span) < 3:
            continue
        names = names if names is not None else _name_words(doc)
        cue = _title_cue(doc, text, span, names, frames)
        if cue is not None and cue.start not in claimed:
            cues.append(cue)
    return cues


def _title_cue(doc, text: str, span, names: set[str], frames) -> Cue | None:
    for verb in span[1:-1]:
        klass = _present_tense_cue(verb.lower_, frames)
        if klass is None or not verb.text[:1].isupper():
            continue
        first = verb.i
        while first > span.start and doc[first - 1].text in names and doc[first - 1].text[:1].isupper():
            first -= 1
        if first == verb.i or not (first == span.start or doc[first - 1].text == ","):
            return None  # a kicker before it ("Railing Against Trump, Sanders Vows") is fine; other words not
        content = token_span(doc, verb.i + 1, span.end - 1)
        if content is None or len(text[content[0]:content[1]].split()) < 2:
            return None
        speaker = doc[first:verb.i]
        return Cue(verb.idx, verb.idx + len(verb), verb.i, speaker.root.i, (speaker.start_char, speaker.end_char),
                   content, verb.lower_, klass)
    return None


def _present_tense_cue(word: str, frames) -> str | None:
    """The class of a reporting verb a third-person present form ("seeks", "pushes", "denies") is of."""
    if not word.endswith("s"):
        return None
    for lemma in (word[:-1], word[:-2] if word.endswith("es") else None,
                  word[:-3] + "y" if word.endswith("ies") else None):
        if lemma and lemma in frames:
            return frames[lemma][0]
    return None


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
