"""Noun cues: nominal attributions ("Trump's criticism of Clinton", "support for the bill").

PolNeAR-style news counts a stance named by a noun as an attribution: the
content is the object of the noun's preposition, its "that" clause or its
infinitive; the speaker is the noun's possessor, its own subject where the tagger
took a verb for a noun ("But Trump claims that ..."), a "by"/"from" phrase on it, or
the subject of the verb it is the object of ("Democrats voiced concern about").
Nouns and frames come from ``lexicons/<lang>/quote_nouns.tsv``.
"""

from __future__ import annotations

from functools import lru_cache

from ..lexicons import table
from ..constants import NOMINAL_SUBJECTS

__all__ = ["noun_frames", "noun_parts", "noun_speaker"]



@lru_cache(maxsize=None)
def noun_frames(lang: str) -> dict[str, tuple[tuple[str, ...], str]]:
    """lemma -> (frames, class) from the language's quote_nouns.tsv."""
    return {row[0]: (tuple(row[1].split(",")), row[2]) for row in table(lang, "quote_nouns")}


def noun_parts(tok, frames: tuple[str, ...]):
    """(speaker token or None, (first, last) content token range, the frame that found it) for a
    noun cue, or None."""
    for frame in frames:
        content = _content(tok, frame)
        if content is not None:
            return noun_speaker(tok), content, frame
    return None


def _content(tok, frame: str):
    for child in tok.children:
        if child.i < tok.i:
            continue
        if frame == "that" and child.dep_ in ("acl", "ccomp", "relcl") \
                and any(c.lower_ == "that" and c.dep_ == "mark" for c in child.children):
            return child.left_edge.i, child.right_edge.i
        if frame == "toinf" and child.dep_ in ("acl", "relcl") and any(c.lower_ == "to" for c in child.children):
            return child.left_edge.i, child.right_edge.i
        if frame == "in_of" and child.dep_ == "prep" and child.lower_ == "of" \
                and tok.dep_ == "pobj" and tok.head.lower_ == "in" and child.right_edge.i > child.i:
            return child.i + 1, child.right_edge.i  # "in support of X"; but "the support of X" is X's
        if child.dep_ == "prep" and child.lower_ == frame:
            if child.right_edge.i > child.i:
                return child.i + 1, child.right_edge.i
    return None


def noun_speaker(tok):
    """Who holds a noun's stance: its possessor, its own subject (a verb tagged a noun), a "by"/"from"
    phrase, or the subject of its verb."""
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss
    # a verb the tagger read as a noun keeps its subject ("But Trump claims that ...")
    subject = next((c for c in tok.children if c.dep_ in NOMINAL_SUBJECTS and c.i < tok.i), None)
    if subject is not None:
        return subject
    for child in tok.children:  # "criticism from Democrats", "an attack by Trump"
        if child.dep_ == "prep" and child.lower_ in ("by", "from") and child.i > tok.i:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep":  # "voiced concern over" / "in support of"
        head = head.head
    if tok.dep_ in ("dobj", "pobj", "attr") and head.pos_ in ("VERB", "AUX"):
        return next((c for c in head.children if c.dep_ in NOMINAL_SUBJECTS), None)
    return None
