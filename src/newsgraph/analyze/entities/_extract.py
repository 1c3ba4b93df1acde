"""Entities: named mentions with corrected types and one canonical name per entity per document.

Steps (each a small function; data in ``lexicons/``, see ``gazetteer.py``):
  1. mention spans from spaCy, cleaned, split and completed (``_spans.py``);
  2. each mention resolved to a canonical name, type and ids: public figures (exact alias,
     then a strict near-miss match: "Annalena Burbock" -> "Annalena Baerbock"), organisations
     and outlets ("NG" -> "Nezavisimaya Gazeta" when tagged ORG), places from pycountry and
     geonames ("Kiev" -> "Kyiv" GPE even when the model said PERSON, unless a title or a known
     full name says person), nationality adjectives kept as NORP ("Ukrainian");
  3. a capital or country used as an actor ("London assured") is a mention of the state,
     with ``role="state"`` (``_roles.py``); a capital as a place stays a city;
  4. grouping by (name, type), then folding within the document: a surname into the one full
     name ending with it, "Armed Forces" into the one "Armed Forces of ...", an acronym the
     text defines into its long form.
Limits: English only; no coreference (pronouns, "the capital"); a lone surname that matches
two full names stays apart; cross-document resolution is a later stage.
"""

from __future__ import annotations

from ..doc_text import text_of
from ._roles import used_as_actor
from ._spans import ENTITY_LABELS, Candidate, acronym_definitions, candidates, char_bounds, strong_place
from .gazetteer import Gazetteer, Known, gazetteer
from ..lexicons import words
from ..types import EntityRecord, MentionRecord

__all__ = ["ENTITY_LABELS", "extract_entities"]

_PLACE_LABELS = ("GPE", "LOC", "FAC")


def extract_entities(doc) -> list[EntityRecord]:
    gaz = gazetteer()
    found = candidates(doc, gaz)
    acronyms = acronym_definitions(doc, found)
    surnames = {c.span(doc)[-1].text for c in found if c.label == "PERSON" and c.end - c.start >= 2}
    groups: dict[tuple[str, str], EntityRecord] = {}
    text = text_of(doc)  # Doc.text is rebuilt from the tokens on every access
    for c in found:
        start, end = char_bounds(doc, c, text)
        surface = text[start:end]
        long_form = acronyms.get(surface)
        target = long_form if long_form is not None and long_form is not c else c
        name, type_, ids, role = _resolve(doc, target, gaz, surnames)
        record = groups.setdefault((name, type_), EntityRecord(name, type_))
        record.ids.update(ids)
        record.mentions.append(MentionRecord(start, end, surface, role))
    _fold_surnames(groups)
    _fold_org_prefixes(groups)
    ordered = sorted(groups.values(), key=lambda e: min(m.start for m in e.mentions))
    for entity in ordered:
        entity.mentions.sort(key=lambda m: m.start)
    return ordered


def _resolve(doc, c: Candidate, gaz: Gazetteer, surnames: set[str]) -> tuple[str, str, dict, str | None]:
    """(canonical name, type, ids, role) for one mention."""
    span = c.span(doc)
    text = " ".join(span.text.split())
    label = c.label
    if label == "NORP" or (label in _PLACE_LABELS and text in gaz.demonyms):
        return text, "NORP", {}, None  # "Ukrainian" stays an adjective entity, not Ukraine
    single = len(span) == 1
    person_context = single and (text in surnames or _after_title(doc, c))
    if label == "PERSON":
        known = gaz.person(text) if not single or not person_context else None
        if known is None and single and text in gaz.people:
            known = gaz.people[text]
        if known is not None:
            return known.name, "PERSON", {}, None
        place = gaz.place(text) if single and not person_context else None
        return _place(doc, c, place, gaz) if strong_place(place) else (text, "PERSON", {}, None)
    if label == "ORG":
        org = gaz.org(text, tagged_org=True)
        if org is not None:
            return org.name, org.type, {}, None
        place = gaz.place(text) if not person_context else None
        if strong_place(place):
            return _place(doc, c, place, gaz)
        person = gaz.people.get(text) if single else None
        return (person.name, "PERSON", {}, None) if person else (text, "ORG", {}, None)
    if label in _PLACE_LABELS:
        if single and text in surnames:  # "Washington" after "Denzel Washington": the person again
            return text, "PERSON", {}, None
        place = _us_state(doc, c, gaz) or gaz.place(text)
        if place is not None and (label != "FAC" or strong_place(place)):
            return _place(doc, c, place, gaz)
        org = gaz.org(text, tagged_org=False)
        if org is not None:  # "NATO" tagged GPE
            return org.name, org.type, {}, None
    return text, label, {}, None


def _place(doc, c: Candidate, known: Known, gaz: Gazetteer) -> tuple[str, str, dict, str | None]:
    """A place, or the state when a capital or a country is used as an actor."""
    if known.kind in ("country", "city") and (known.kind == "country" or known.capital_of):
        if used_as_actor(c.span(doc)):
            state = gaz.country_entry(known.capital_of or known.country or "") or known
            return state.name, state.type, dict(state.ids), "state"
    return known.name, known.type, dict(known.ids), None


def _after_title(doc, c: Candidate) -> bool:
    return c.start > 0 and doc[c.start - 1].text in words("en", "entity_titles")


def _us_state(doc, c: Candidate, gaz: Gazetteer) -> Known | None:
    """ "Atlanta, Georgia" or "the state of Georgia": the US state, not the country."""
    state = gaz.us_states.get(c.span(doc).text)
    if state is None or c.start < 2:
        return None
    before, comma = doc[c.start - 2], doc[c.start - 1]
    city = gaz.place(before.text)
    if comma.text == "," and city is not None and city.kind == "city" and city.country == "US":
        return state
    return state if (before.lower_, comma.lower_) == ("state", "of") else None


def _fold_surnames(groups: dict[tuple[str, str], EntityRecord]) -> None:
    """Merge a one-word name into the single full PERSON name in the document ending with it.

    The small English model often labels a lone surname ORG ("Knutov recalled"),
    so one-word ORG mentions fold too; place names never do ("Jordan" may be a country).
    """
    full_names = [key for key in groups if key[1] == "PERSON" and " " in key[0]]
    for key in [k for k in groups if k[1] in ("PERSON", "ORG") and " " not in k[0]]:
        owners = [full for full in full_names if full[0].split()[-1] == key[0]]
        if len(owners) == 1:  # ambiguous surnames stay apart rather than being guessed
            groups[owners[0]].mentions.extend(groups.pop(key).mentions)


def _fold_org_prefixes(groups: dict[tuple[str, str], EntityRecord]) -> None:
    """Merge "Armed Forces" into the single "Armed Forces of <X>" of the document."""
    orgs = [key for key in groups if key[1] == "ORG"]
    for key in orgs:
        if " " not in key[0]:
            continue
        owners = [o for o in orgs if o != key and o[0].startswith(key[0] + " of ")]
        if len(owners) == 1 and key in groups and owners[0] in groups:
            target = groups[owners[0]]
            target.mentions.extend(groups.pop(key).mentions)
