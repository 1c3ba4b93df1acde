"""Russian entities: natasha's names, in the nominative, under the canonical names English uses.

Steps (data in ``lexicons/ru/`` and ``lexicons/public_figures.tsv``):
  1. mention spans: natasha's NER (PER, LOC, ORG), and single words it left out that name a
     known public figure, place or organisation ("Зеленский призвал"); an organisation followed by the place it
     belongs to grows to hold it ("Министерства обороны" + "Украины"), and a known place
     inside an organisation's name is a mention of its own too ("мэрии Москвы": the city
     hall and Moscow), as factRuEval marks nested names; a name in parentheses after another
     is a mention of its own ("Ши Тао (Shi Tao)"); a mention holds the generic noun before its
     name ("реки Славянки", "партии «Яблоко»", ``ru/entity_descriptors.tsv``), the name does not;
  2. each mention put in the nominative (``norm.py``) and resolved: a public figure by a
     Cyrillic alias or by the English spelling of the name (``translit.py``: "Зеленского" ->
     "Зеленский" -> Volodymyr Zelensky); a place or organisation by its Russian name
     (``gazetteer.py``: "Киеве" -> Kyiv, "НАТО" -> NATO); a person nobody knows keeps the
     English spelling of the name as its canonical name ("Юрий Кнутов" -> Yuri Knutov, as
     English reports write it) and the nominative as ``native``; an unknown place or
     organisation keeps its nominative ("Тверская площадь");
  3. a capital or country used as an actor ("Москва заявила") is a mention of the state,
     with ``role="state"`` (``roles.py``);
  4. grouping by (name, type), then a lone surname folds into the one full name ending with it
     (or, for a foreign name the normaliser left in its case, "Данна", into the one person whose
     last word it inflects, "Питер Данн"),
     and an organisation's shorter name into the one longer name it starts ("Вооруженные силы").
Words of ``ru/entity_not_names.txt`` ("СМИ") are never entities.
Limits: no NORP entities (nationality adjectives are left out); no coreference; natasha's
NER does not find names it never learnt to tag (products, events).
"""

from __future__ import annotations

from functools import lru_cache

from ..entities.gazetteer import Known, gazetteer, name_key
from ..lexicons import table, words
from ..types import EntityRecord, MentionRecord
from .gazetteer import ru_gazetteer
from .nlp import load_ru
from .norm import nominative
from .roles import used_as_actor
from .translit import has_cyrillic, romanise

__all__ = ["extract_entities", "resolve_name"]

_TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}


def extract_entities(doc) -> list[EntityRecord]:
    morph = load_ru().morph
    groups: dict[tuple[str, str], EntityRecord] = {}
    for span, named in _mention_spans(doc):
        normal = nominative(named, morph, named.label_)
        if normal.lower() in words("ru", "entity_not_names"):
            continue
        name, type_, ids, role, native = resolve_name(normal, named.label_, named)
        record = groups.setdefault((name, type_), EntityRecord(name, type_))
        record.ids.update(ids)
        if native and not record.native:
            record.native = native
        record.mentions.append(MentionRecord(span.start_char, span.end_char, span.text, role))
    _fold_surnames(groups)
    _fold_org_prefixes(groups)
    ordered = sorted(groups.values(), key=lambda e: min(m.start for m in e.mentions))
    for entity in ordered:
        entity.mentions.sort(key=lambda m: m.start)
    return ordered


def _mention_spans(doc) -> list[tuple]:
    """(mention, name) spans: NER spans, organisations grown over the place they belong to,
    places nested in names, institutions of places, names in parentheses apart."""
    ents = list(doc.ents)
    out = []
    skip = set()
    for i, ent in enumerate(ents):
        if i in skip:
            continue
        after = ents[i + 1] if i + 1 < len(ents) else None
        if (ent.label_ == "ORG" and after is not None and after.label_ == "LOC" and after.start == ent.end
                and after.root.head.i in range(ent.start, ent.end) and "Gen" in after.root.morph.get("Case")):
            grown = doc[ent.start:after.end]
            grown.label_ = "ORG"
            out.extend([grown, after])
            skip.add(i + 1)
            continue
        out.append(ent)
        if ent.label_ == "ORG":
            out.extend(_nested_places(doc, ent))
    out = [span for ent in out for span in _parenthesised(doc, ent)]
    out += _known_names(doc, ents)
    out += _institutions(doc, out)
    # The mention takes the generic noun before a name ("реки Славянки"); the name is read without it.
    return [(_with_descriptor(doc, span), span) for span in out]


def _parenthesised(doc, span) -> list:
    """"Союз координационных советов (СКС)", "Ши Тао (Shi Tao)": two names, each a mention."""
    opening = next((t for t in span if t.text == "("), None)
    if opening is None or opening.i == span.start:
        return [span]
    closing = next((t for t in span if t.text == ")" and t.i > opening.i), None)
    parts = [doc[span.start:opening.i], doc[opening.i + 1:closing.i if closing is not None else span.end]]
    out = []
    for part in parts:
        part = doc[part.start:part.end]
        while len(part) and (part[-1].is_space or part[-1].is_punct):
            part = doc[part.start:part.end - 1]
        if len(part):
            part.label_ = span.label_
            out.append(part)
    return out or [span]


def _with_descriptor(doc, span):
    """A name with the generic noun before it that belongs to it: "реки Славянки", "партии «Яблоко"."""
    i = span.start - 1
    if i >= 0 and doc[i].text in "«„\"":
        i -= 1
    if i < 0:
        return span
    kind = _descriptors().get(doc[i].lemma_.lower())
    if kind is None or kind not in (span.label_, "any"):
        return span
    grown = doc[i:span.end]
    grown.label_ = span.label_
    return grown


def _institutions(doc, spans) -> list:
    """"мэрии Москвы": an institution's noun and the place it belongs to, an organisation."""
    out = []
    for span in spans:
        if span.label_ != "LOC" or span.start == 0 or span.root.dep_ != "nmod":
            continue
        noun = doc[span.start - 1]
        if noun.i == span.root.head.i and noun.lemma_.lower() in words("ru", "entity_institutions"):
            org = doc[noun.i:span.end]
            org.label_ = "ORG"
            out.append(org)
    return out


@lru_cache(maxsize=1)
def _descriptors() -> dict[str, str]:
    return {row[0]: row[1] for row in table("ru", "entity_descriptors")}


def _known_names(doc, ents) -> list:
    """Single words the NER left out that name a known public figure, place or organisation
    ("Зеленский призвал", "НАТО", "в Киеве"), capitalised as names are."""
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    gaz, rgaz = gazetteer(), ru_gazetteer()
    found = []
    for tok in doc:
        if tok.i in taken or tok.pos_ != "PROPN" or not tok.text[:1].isupper() or len(tok.text) < 2:
            continue
        lemma = tok.lemma_
        label = None
        if gaz.people.get(name_key(lemma.capitalize())) or gaz.people.get(name_key(tok.text)):
            label = "PER"
        elif rgaz.org(tok.text) or rgaz.org(lemma):
            label = "ORG"
        elif rgaz.place(lemma) or rgaz.place(tok.text):
            label = "LOC"
        if label is not None:
            span = doc[tok.i:tok.i + 1]
            span.label_ = label
            found.append(span)
    return found


def _nested_places(doc, ent) -> list:
    """Known places named inside an organisation's name: "мэрии Москвы" holds Moscow."""
    rgaz = ru_gazetteer()
    found = []
    for token in ent[1:]:
        if token.pos_ == "PROPN" and token.text[:1].isupper() and rgaz.place(token.lemma_) is not None:
            span = doc[token.i:token.i + 1]
            span.label_ = "LOC"
            found.append(span)
    return found


def resolve_name(normal: str, label: str, span=None) -> tuple[str, str, dict, str | None, str | None]:
    """(canonical name, type, ids, role, native nominative) of a mention in the nominative."""
    gaz, rgaz = gazetteer(), ru_gazetteer()
    if label == "PER":
        known = _person(normal)
        if known is not None:
            return known.name, "PERSON", {}, None, normal
        return (romanise(normal) if has_cyrillic(normal) else normal), "PERSON", {}, None, normal
    place = rgaz.place(normal) or (None if has_cyrillic(normal) else gaz.place(normal))
    org = rgaz.org(normal) or (None if has_cyrillic(normal) else gaz.org(normal, tagged_org=label == "ORG"))
    if label == "ORG" and org is not None:
        return org.name, org.type, {}, None, normal
    if place is None and org is None and gaz.people.get(name_key(normal)) is not None:
        return gaz.people[name_key(normal)].name, "PERSON", {}, None, normal  # "Стармера" tagged LOC
    if place is not None and (label == "LOC" or place.kind == "country"):
        name, type_, ids, role = _place(place, span)
        return name, type_, ids, role, (None if role else normal)
    if org is not None:
        return org.name, org.type, {}, None, normal
    return normal, _TYPES.get(label, label), {}, None, None


def _person(normal: str) -> Known | None:
    """A public figure by the nominative as written, then by its English spelling."""
    gaz = gazetteer()
    known = gaz.people.get(name_key(normal))
    if known is None and has_cyrillic(normal):
        latin = romanise(normal)
        known = gaz.person(latin) if " " in latin else gaz.people.get(name_key(latin))
    words = normal.split()
    if known is None and len(words) > 1:  # a first name pymorphy cannot inflect: "Анналеной Бербок"
        by_surname = gaz.people.get(name_key(words[-1]))
        if by_surname is not None and by_surname.name[:1] == romanise(words[0])[:1]:
            known = by_surname
    return known


def _place(known: Known, span) -> tuple[str, str, dict, str | None]:
    """A place, or the state when a capital or a country is used as an actor."""
    if span is not None and known.kind in ("country", "city") and (known.kind == "country" or known.capital_of):
        if used_as_actor(span):
            state = gazetteer().country_entry(known.capital_of or known.country or "") or known
            return state.name, state.type, dict(state.ids), "state"
    return known.name, known.type, dict(known.ids), None


# Case endings a foreign name takes when the normaliser does not know it ("по словам Данна",
# "согласно Марку"); Russian surnames in -ов, -ин are left to it ("Иванова" may be a woman).
_CASE_ENDINGS = ("а", "я", "у", "ю", "е", "ом", "ем", "ым", "ой")
_RUSSIAN_SURNAME = ("ов", "ев", "ёв", "ин", "ын", "ий", "ой", "ый")


def _inflected(word: str, base: str) -> bool:
    """Whether ``word`` is ``base`` with a case ending ("Данна", "Данн"; "Марку", "Марк")."""
    word, base = word.lower(), base.lower()
    return (len(base) >= 3 and not base.endswith(_RUSSIAN_SURNAME) and word.startswith(base)
            and word[len(base):] in _CASE_ENDINGS)


def _fold_surnames(groups: dict[tuple[str, str], EntityRecord]) -> None:
    """Merge a one-word person name into the single full person name ending with it, or, when
    there is none, into the single person whose last word it is in another case ("Данна" into
    "Питер Данн", "Марку" into "Марк")."""
    full = [key for key in groups if key[1] == "PERSON" and " " in key[0]]
    for key in [k for k in groups if k[1] == "PERSON" and " " not in k[0]]:
        owners = [f for f in full if f[0].split()[-1] == key[0]
                  or (groups[f].native and groups[f].native.split()[-1] == (groups[key].native or ""))]
        if not owners and groups[key].native:
            owners = [f for f in groups if f[1] == "PERSON" and f != key and groups[f].native
                      and _inflected(groups[key].native, groups[f].native.split()[-1])]
        if len(owners) == 1:  # ambiguous surnames stay apart rather than being guessed
            groups[owners[0]].mentions.extend(groups.pop(key).mentions)


def _fold_org_prefixes(groups: dict[tuple[str, str], EntityRecord]) -> None:
    """Merge "Вооруженные силы" into the single organisation of the document whose Russian
    name continues it ("Вооруженные силы Украины": Armed Forces of Ukraine)."""
    orgs = [key for key in groups if key[1] == "ORG"]
    for key in orgs:
        name = (groups[key].native or key[0]).lower() if key in groups else ""
        owners = [o for o in orgs if o != key and o in groups
                  and (groups[o].native or o[0]).lower().startswith(name + " ")]
        if name and len(owners) == 1 and key in groups:
            groups[owners[0]].mentions.extend(groups.pop(key).mentions)
