"""Russian events: PLOVER types on the UD parse, with the English stage's conventions.

A trigger is a verb or noun of ``lexicons/ru/event_triggers.tsv`` (outside entity names).
Its arguments, read as the record's entities (a phrase when no entity is named):
  - verbs: actors from the subject, targets from the object, the dative ("помощь Киеву"),
    and "с" ("встретился с Стармером", consultations), "по"/"против"/"на" (attacks, pressure);
  - nouns: the actor in the genitive ("визит Бербок"; for nouns such as "применение",
    "поддержка" the genitive is the target), targets as for verbs; a pronoun subject is the
    speaker the quote stage resolved it to ("Она пообещала");
  - an act under a verb of ``event_modal_verbs.tsv`` takes that verb's subject when it has
    none ("Бербок пообещала выделить помощь": Baerbock's AID, planned).
Modality, as English: negated ("не"), planned (future tense, "будет", a promise or plan,
"в ближайшие дни"), hypothetical ("может", "следует", "бы", "если"), claimed (inside a
quote: the speaker is ``attributed_to``, never the actor, unless the act is the speaking
itself: a request, accusation or threat), else asserted. A date in the trigger's clause or
phrase dates it (not one that bounds how long it lasts: "до 2029 года"); quantities in its phrase belong to it. The readings of one type and
modality in a sentence are one event.
Limits: a smaller lexicon than English and no sense checks ("акция" is a protest, also
when it is a share); no accusations or refusals read from the content of speech; no
historical modality; phrases never stand for entities (no ``refers_to``).
"""

from __future__ import annotations

from functools import lru_cache

from ..lexicons import table
from ..types import EntityRecord, EventRecord, PhraseRecord, QuantityRecord, QuoteRecord, TimexRecord

__all__ = ["extract_events"]

_POS = {"VERB": "V", "NOUN": "N"}
_SPEECH_ACTS = frozenset({"REQUEST", "ACCUSE", "THREATEN", "REJECT"})
# Event nouns whose genitive is what the act is done to or with, not who does it.
_GENITIVE_IS_OBJECT = frozenset({"применение", "использование", "поддержка", "помощь", "поставка", "обстрел",
                                 "бомбардировка", "задержание", "арест"})
_TARGET_CASES = {"с": {"CONSULT", "AGREE", "COOPERATE"}, "со": {"CONSULT", "AGREE", "COOPERATE"},
                 "по": {"ASSAULT", "SANCTION", "COERCE"}, "против": None, "на": {"COERCE", "ASSAULT", "REQUEST"},
                 "к": {"REQUEST"}}


@lru_cache(maxsize=1)
def _triggers() -> dict[tuple[str, str], tuple[str, str | None, list[str]]]:
    out = {}
    for row in table("ru", "event_triggers"):
        lemma, pos, type_, mode, context = (list(row) + ["-"] * 5)[:5]
        for p in ("V", "N") if pos == "*" else (pos,):
            out[(lemma, p)] = (type_, None if mode == "-" else mode, [] if context == "-" else [context])
    return out


@lru_cache(maxsize=1)
def _modal_verbs() -> dict[str, str]:
    return {row[0]: row[1] for row in table("ru", "event_modal_verbs")}


class _Index:
    """Which entity each character belongs to, and the quote each character is in."""

    def __init__(self, entities: list[EntityRecord], quotes: list[QuoteRecord]):
        self.entity: dict[int, int] = {}
        for i, e in enumerate(entities):
            for m in e.mentions:
                for c in range(m.start, m.end):
                    self.entity.setdefault(c, i)
        self.quotes = quotes

    def quote_at(self, at: int) -> QuoteRecord | None:
        return next((q for q in self.quotes if q.start <= at < q.end), None)


def extract_events(doc, entities: list[EntityRecord], quotes: list[QuoteRecord], timexes: list[TimexRecord],
                   quantities: list[QuantityRecord], published: str | None) -> list[EventRecord]:
    index = _Index(entities, quotes)
    found: dict[tuple, EventRecord] = {}
    for tok in doc:
        entry = _triggers().get((tok.lemma_.lower().replace("ё", "е"), _POS.get(tok.pos_, "")))
        if entry is None or tok.idx in index.entity:
            continue
        type_, mode, context = entry
        event = _event(doc, tok, type_, mode, context, index, timexes, quantities)
        key = (type_, event.sentence, event.modality)
        if key in found:
            _merge(found[key], event)
        else:
            found[key] = event
    return sorted(found.values(), key=lambda e: e.trigger[0])


def _event(doc, tok, type_, mode, context, index: _Index, timexes, quantities) -> EventRecord:
    sent = tok.sent
    governor = tok.head if tok.head.lemma_.lower() in _modal_verbs() and (
        tok.dep_ in ("xcomp", "obj", "nsubj", "csubj") or tok.dep_ == "obl" and tok.head.lemma_ == "готовиться") else None
    actors = _participants(doc, _actor_tokens(tok, governor), index)
    targets = [p for p in _participants(doc, _target_tokens(tok, type_), index) if p not in actors]
    quote = index.quote_at(tok.idx)
    modality = _modality(tok, governor)
    attributed = None
    attributed_text = None
    if quote is not None and quote.speaker is not None:
        speaker_is_actor = type_ in _SPEECH_ACTS and quote.speaker.entity in actors
        if not speaker_is_actor:
            attributed, attributed_text = quote.speaker.entity, quote.speaker.text if quote.speaker.entity is None else None
            if modality == "asserted":
                modality = "claimed"
    time_index = _time(tok, timexes)
    if modality == "asserted" and time_index is not None and timexes[time_index].value == "FUTURE_REF":
        modality = "planned"
    span = range(min(t.idx for t in tok.subtree), max(t.idx + len(t.text) for t in tok.subtree))
    return EventRecord(
        type=type_, trigger=(tok.idx, tok.idx + len(tok.text), tok.text),
        sentence=(sent.start_char, sent.end_char), modality=modality, mode=mode, context=list(context),
        actors=actors, targets=targets, place=_place(tok, index),
        time_value=timexes[time_index].value if time_index is not None else None, time_timex=time_index,
        quantities=[i for i, q in enumerate(quantities) if q.start in span],
        attributed_to=attributed, attributed_text=attributed_text)


def _actor_tokens(tok, governor) -> list:
    if tok.pos_ == "VERB":
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    elif tok.lemma_.lower() in _GENITIVE_IS_OBJECT:
        subjects = []
    else:
        subjects = [c for c in tok.children if c.dep_ == "nmod" and "Gen" in c.morph.get("Case")
                    and not any(g.dep_ == "case" for g in c.children)]
    if not subjects and governor is not None:
        subjects = [c for c in governor.children if c.dep_ == "nsubj"]
    return _with_conjuncts(subjects)


def _target_tokens(tok, type_: str) -> list:
    out = []
    for c in tok.children:
        case = next((g.lower_ for g in c.children if g.dep_ == "case"), None)
        if tok.pos_ == "VERB" and c.dep_ == "obj" and type_ not in ("CONSULT", "AID", "MOBILIZE"):
            out.append(c)
        elif (tok.lemma_.lower() in _GENITIVE_IS_OBJECT and c.dep_ == "nmod" and case is None
              and "Gen" in c.morph.get("Case")):
            out.append(c)  # "применение оружия", "поддержка Киева"
        elif c.dep_ in ("iobj", "obl", "nmod") and case is None and "Dat" in c.morph.get("Case"):
            out.append(c)  # "помощь Киеву", "пригрозил Западу"
        elif c.dep_ in ("obl", "nmod") and case in _TARGET_CASES and (
                _TARGET_CASES[case] is None or type_ in _TARGET_CASES[case]):
            out.append(c)
    return _with_conjuncts(out)


def _with_conjuncts(tokens: list) -> list:
    out = []
    for t in tokens:
        out.append(t)
        out.extend(c for c in t.children if c.dep_ == "conj")
    return out


def _participants(doc, tokens, index: _Index) -> list:
    out: list = []
    for t in tokens:
        entity = index.entity.get(t.idx)
        if entity is None and t.pos_ == "PRON":  # "Она пообещала": the speaker resolved for the quote
            entity = next((q.speaker.entity for q in index.quotes if q.speaker is not None
                           and q.speaker.start == t.idx and q.speaker.entity is not None), None)
        if entity is None:
            entity = next((index.entity[c.idx] for c in t.children
                           if c.dep_ in ("flat:name", "appos") and c.idx in index.entity), None)
        if entity is not None:
            if entity not in out:
                out.append(entity)
        elif t.pos_ in ("NOUN", "PROPN"):
            out.append(_phrase(doc, t))
    return out


def _phrase(doc, head) -> PhraseRecord:
    """The noun with its adjectives and genitive dependents: "иностранных контингентов"."""
    keep = [t for t in head.subtree if t.i == head.i or (t.head.i == head.i and t.dep_ in ("amod", "nmod", "det"))
            or (t.head.head.i == head.i and t.dep_ == "amod")]
    keep = [t for t in keep if not t.is_punct]
    first, last = min(keep, key=lambda t: t.i), max(keep, key=lambda t: t.i)
    if last.i - first.i > 8:
        first = last = head
    return PhraseRecord(first.idx, last.idx + len(last.text), doc.text[first.idx:last.idx + len(last.text)])


def _modality(tok, governor) -> str:
    chain = [tok] + ([governor] if governor is not None else [])
    if any(c.lower_ == "не" for t in chain for c in t.children):
        return "negated"
    if governor is not None:
        return _modal_verbs()[governor.lemma_.lower()]
    if any(c.lower_ in ("бы", "если") for c in tok.children) or tok.head.lemma_.lower() in ("мочь", "смочь"):
        return "hypothetical"
    if "Fut" in tok.morph.get("Tense") or any(c.lemma_ == "быть" and "Fut" in c.morph.get("Tense")
                                              for c in tok.children):
        return "planned"
    if tok.pos_ == "NOUN" and any(c.lemma_.lower() in ("запланированный", "предстоящий", "будущий", "возможный")
                                  for c in tok.children):
        return "hypothetical" if any(c.lemma_.lower() == "возможный" for c in tok.children) else "planned"
    return "asserted"


def _time(tok, timexes) -> int | None:
    clause = tok if tok.pos_ == "VERB" else tok.head if tok.head.pos_ == "VERB" else tok
    lo = min(t.idx for t in clause.subtree)
    hi = max(t.idx + len(t.text) for t in clause.subtree)
    inside = [i for i, t in enumerate(timexes) if lo <= t.start and t.end <= hi
              and not t.text.lower().startswith(("до ", "с "))]  # "до 2029 года" bounds how long, not when
    return inside[0] if inside else None


def _place(tok, index: _Index) -> int | None:
    for c in tok.children:
        case = next((g.lower_ for g in c.children if g.dep_ == "case"), None)
        if case in ("в", "во") and "Loc" in c.morph.get("Case") and c.idx in index.entity:
            return index.entity[c.idx]
    return None


def _merge(into: EventRecord, other: EventRecord) -> None:
    for attr in ("actors", "targets"):
        for p in getattr(other, attr):
            if p not in getattr(into, attr):
                getattr(into, attr).append(p)
    into.quantities = sorted(set(into.quantities) | set(other.quantities))
    if into.time_value is None:
        into.time_value, into.time_timex = other.time_value, other.time_timex
