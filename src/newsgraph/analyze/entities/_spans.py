"""Mention spans: spaCy's entity spans cleaned, split and completed from gazetteers and the text.

- cleaned: no leading "the", no possessive ending, and a span running over a possessive
  ("Kiev's Western") or a line break is cut there;
- split: "Ukraine Volodymyr Zelensky" (one ORG span in "President of Ukraine Volodymyr
  Zelensky") becomes a place and a person when the rest is a known or in-text person;
- completed: a country, capital or big city that the model left untagged ("Kiev is preparing"
  as a headline's first word) is added when it stands alone as a proper noun;
- acronyms defined in the text, "Armed Forces of Ukraine (AFU)", tie later "AFU" to the long form;
- dropped: names that only close an office title ("State" in "Secretary of State").
Limits: spans are whole tokens; untagged people and organisations are not added.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .gazetteer import Gazetteer, Known
from ..lexicons import words

__all__ = ["Candidate", "candidates", "acronym_definitions", "strong_place"]

ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z]{1,6}$")
BIG_CITY = 1_000_000  # an untagged name becomes a place only when this big (or a capital)
RETYPE_CITY = 300_000  # a name tagged PERSON/ORG becomes a city when this big ("Toulouse" said PERSON)


@dataclass
class Candidate:
    start: int  # token offsets into the Doc, end exclusive
    end: int
    label: str

    def span(self, doc):
        return doc[self.start:self.end]


def strong_place(known: Known | None, population: int = RETYPE_CITY) -> bool:
    """A place sure enough to override the model's PERSON/ORG tag (or, with BIG_CITY, to add a name)."""
    if known is None or known.type not in ("GPE", "LOC"):
        return False
    return known.kind != "city" or known.capital_of is not None or known.population >= population


def _clean(doc, start: int, end: int) -> list[tuple[int, int]]:
    """Token ranges of one entity span after trimming and cutting (possibly none, possibly two)."""
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct or doc[start].is_space):
        start += 1
    for i in range(start + 1, end):  # a possessive ends the name: "Kiev's Western" -> "Kiev"
        if doc[i].tag_ == "POS" or doc[i].lower_ in ("'s", "’s"):
            end = i
            break
    while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in (".",) or doc[end - 1].is_space):
        end -= 1
    pieces, piece_start = [], start
    for i in range(start, end):  # a line break inside the span separates two names
        if doc[i].is_space or "\n" in doc[i].whitespace_:
            stop = i if doc[i].is_space else i + 1
            if stop > piece_start:
                pieces.append((piece_start, stop))
            piece_start = i + 1
    if end > piece_start:
        pieces.append((piece_start, end))
    return pieces


def _untitled(doc, c: Candidate, titles: set[str]) -> Candidate:
    """ "Spokeswoman Sandy Angers" (tagged ORG) -> the person "Sandy Angers"."""
    if c.label in ("PERSON", "ORG") and c.end - c.start >= 3 and doc[c.start].lower_ in titles and all(
            t.pos_ == "PROPN" for t in doc[c.start + 1:c.end]):
        return Candidate(c.start + 1, c.end, "PERSON")
    return c


def _split_place_person(doc, c: Candidate, gaz: Gazetteer, people: set[str]) -> list[Candidate]:
    if c.label not in ("ORG", "PERSON") or c.end - c.start < 3:
        return [c]
    for cut in (1, 2):
        head, rest = doc[c.start:c.start + cut], doc[c.start + cut:c.end]
        if len(rest) >= 2 and strong_place(gaz.place(head.text)) and (
                rest.text in people or gaz.person(rest.text) is not None):
            return [Candidate(c.start, c.start + cut, "GPE"), Candidate(c.start + cut, c.end, "PERSON")]
    return [c]


@lru_cache(maxsize=None)
def _title_phrases_by_length() -> dict[int, frozenset[str]]:
    """Word count -> the office titles of that many words, as compared: without an inner "the"."""
    by_length: dict[int, set[str]] = {}
    for phrase in words("en", "entity_title_phrases"):
        by_length.setdefault(len(phrase.split()), set()).add(phrase.replace(" the ", " "))
    return {n: frozenset(phrases) for n, phrases in by_length.items()}


@lru_cache(maxsize=None)
def _title_last_words() -> frozenset[str]:
    return frozenset(phrase.split()[-1] for phrases in _title_phrases_by_length().values() for phrase in phrases)


def _in_title_phrase(doc, start: int, end: int) -> bool:
    """Whether tokens start..end close an office title ("Secretary of State")."""
    last = doc[end - 1].lower_
    if last != "the" and last not in _title_last_words():
        return False  # the compared words end with this one, and no title does
    # The tokens are read once per title length, not once per title.
    for n, phrases in _title_phrases_by_length().items():
        first = end - n
        if first < 0 or first > start:
            continue
        said = " ".join(t.lower_ for t in doc[first:end] if t.lower_ != "the")
        if said in phrases:
            return True
    return False


def candidates(doc, gaz: Gazetteer) -> list[Candidate]:
    found: list[Candidate] = []
    titles = {t.lower() for t in words("en", "entity_titles")}
    for ent in doc.ents:
        if ent.label_ in ENTITY_LABELS and not _in_title_phrase(doc, ent.start, ent.end):
            for s, e in _clean(doc, ent.start, ent.end):
                found.append(_untitled(doc, Candidate(s, e, ent.label_), titles))
    people = {c.span(doc).text for c in found if c.label == "PERSON" and c.end - c.start >= 2}
    found = [piece for c in found for piece in _split_place_person(doc, c, gaz, people)]
    found.extend(_untagged_places(doc, gaz, found))
    found.extend(_untagged_acronyms(doc, found))
    return sorted(found, key=lambda c: c.start)


def _untagged_places(doc, gaz: Gazetteer, found: list[Candidate]) -> list[Candidate]:
    taken = {i for c in found for i in range(c.start, c.end)}
    titles = words("en", "entity_titles")
    # plain lists from spaCy's attribute arrays (no Token object per token): slicing a Doc per
    # window is slow
    strings = doc.vocab.strings
    texts = [strings[orth] for orth in doc.to_array("ORTH").tolist()]
    proper = [strings[pos] == "PROPN" and text[:1].isupper() and i not in taken
              for i, (pos, text) in enumerate(zip(doc.to_array("POS").tolist(), texts))]
    out, i, n_tokens = [], 0, len(texts)
    while i < n_tokens:
        if not proper[i]:
            i += 1
            continue
        j = i
        while j < n_tokens and proper[j] and j - i < 3:
            j += 1
        # the proper-noun run must stand alone: not part of a longer name, not after a title
        alone = (i == 0 or (doc[i - 1].pos_ != "PROPN" and texts[i - 1] not in titles)) and (
            j == n_tokens or doc[j].pos_ != "PROPN")
        known = gaz.place(" ".join(texts[i:j])) if alone else None
        if strong_place(known, BIG_CITY) and doc[i:j].text == " ".join(texts[i:j]):
            out.append(Candidate(i, j, known.type))
        i = j
    return out


def acronym_definitions(doc, found: list[Candidate]) -> dict[str, Candidate]:
    """Acronyms the text defines right after a name: "Armed Forces of Ukraine (AFU)"."""
    out: dict[str, Candidate] = {}
    for c in found:
        if c.end - c.start < 2 or c.end + 2 >= len(doc) or doc[c.end].text != "(" or doc[c.end + 2].text != ")":
            continue
        acronym = doc[c.end + 1].text
        initials = "".join(t.text[0] for t in c.span(doc) if t.text[:1].isupper())
        if _ACRONYM.match(acronym) and acronym.upper() == initials.upper():
            out[acronym] = c
    return out


def _untagged_acronyms(doc, found: list[Candidate]) -> list[Candidate]:
    defined = acronym_definitions(doc, found)
    if not defined:
        return []
    taken = {i for c in found for i in range(c.start, c.end)}
    return [Candidate(t.i, t.i + 1, defined[t.text].label) for t in doc
            if t.text in defined and t.i not in taken]


def char_bounds(doc, c: Candidate, text: str) -> tuple[int, int]:
    """Character span, without a possessive ending the tokenizer left on the last token."""
    span = c.span(doc)
    start, end = span.start_char, span.end_char
    tail = _POSSESSIVE.search(text[start:end])
    if tail and c.label != "WORK_OF_ART" and end - len(tail.group()) > start:
        end -= len(tail.group())
    return start, end
