"""Russian events: PLOVER types on the UD parse, with the English stage's conventions.

A trigger is a verb or noun of ``lexicons/ru/event_triggers.tsv`` (outside entity names).
Its arguments, read as the record's entities (a phrase when no entity is named):
  - verbs: actors from the subject, targets from the object, the dative ("помощь Киеву"),
    and "с" ("встретился с Стармером", consultations), "по"/"против"/"на" (attacks, pressure);
  - nouns: the actor in the genitive ("визит Бербок"; for "поддержка", "обстрел" the
    genitive is the target, but "при поддержке союзников" is the allies backing; for
    "применение", "размещение", "поставка" it is what is used or moved, neither actor nor
    target: "применение оружия по базам"; a genitive that names an act itself, "демонстрации
    протеста", is none), targets as for verbs; a pronoun subject is the
    speaker the quote stage resolved it to ("Она пообещала");
  - an act under a verb of ``event_modal_verbs.tsv`` takes that verb's subject when it has
    none ("Бербок пообещала выделить помощь": Baerbock's AID, planned).
A trigger names an act only in the uses that do (as the English ``_senses.py``): giving
("выделить", "предоставить", "поставить", "передать", "поставка") is AID only when what is
given is aid, money or arms ("поставки газа", "поставить точку" are none); "нанести" only a
blow ("нанести удар", not "ущерб"); "акция" only a protest ("акция протеста", not "акции
компании", "односторонние акции"); "беседа" under a verb of speech is where words were said
("пояснил в беседе с «НГ»"), and a talk "с корреспондентами" is an interview, not a meeting; "применение", "использование" are an assault
only of force or arms or aimed "по"/"против" someone (not "применение техрегламентов");
"угроза" is no threat made "под угрозой" or under "представлять" and the like (a danger);
"направить" mobilises only troops or arms (not "направить письмо"); "с помощью" of a thing is a means ("с помощью новых технологий"), aid only from someone
("с помощью США"); "к" names the one asked only when it is a person or a named entity ("обращение к премьеру";
"призывает граждан к возрождению страны" asks for the act); a participle naming people ("протестующие не
должны отступать") takes no modality from the verb they are the subject of.
Modality, as English: negated ("не"), planned (future tense, "будет", a promise or plan,
"в ближайшие дни"), hypothetical ("может", "следует", "бы", "если"), claimed (inside a
quote: the speaker is ``attributed_to``, never the actor, unless the act is the speaking
itself: a request, accusation or threat), else asserted. A date in the trigger's clause or
phrase dates it (not one that bounds how long it lasts: "до 2029 года"); quantities in its phrase belong to it. The readings of one type and
modality in a sentence are one event.
Limits: a smaller lexicon than English and fewer sense checks; no accusations or refusals read from the content of speech; no
historical modality; phrases never stand for entities (no ``refers_to``).
"""

from __future__ import annotations

from functools import lru_cache

from ..lexicons import table
from ..types import EntityRecord, EventRecord, PhraseRecord, QuantityRecord, QuoteRecord, TimexRecord

__all__ = ["extract_events"]

_POS = {"VERB": "V", "NOUN": "N"}
_SPEECH_ACTS = frozenset({"REQUEST", "ACCUSE", "THREATEN", "REJECT"})
# Event nouns whose genitive is what the act is done to, not who does it.
_GENITIVE_IS_OBJECT = frozenset({"поддержка", "помощь", "обстрел", "бомбардировка", "задержание", "арест"})
# Event nouns whose genitive is what the act is done with or moves: neither actor nor target
# ("применение оружия", "применение пыток", "размещение контингентов", "поставки газа").
_GENITIVE_IS_THEME = frozenset({"применение", "использование", "размещение", "поставка"})
# Verbs and nouns of giving: AID only when what is given is aid (as the English stage: "выделить
# 3 млрд евро", "поставки оружия"; not "поставки газа", "поставить точку", "предоставить эфирное время").
_GIVING = frozenset({"выделить", "предоставить", "поставить", "поставка", "передать"})
_AID_GOODS = frozenset({"помощь", "поддержка", "деньги", "средство", "кредит", "заем", "транш", "грант", "пакет",
                        "финансирование", "оружие", "вооружение", "боеприпас", "снаряд", "техника", "танк",
                        "ракета", "система", "комплекс", "самолет", "истребитель", "вертолет", "беспилотник",
                        "дрон", "продовольствие", "продукт", "медикамент", "лекарство", "гуманитарный", "военный",
                        "евро", "доллар", "рубль", "фунт", "гривна", "млрд", "млн", "миллиард", "миллион", "тысяча",
                        "войско", "военнослужащий", "контингент", "миротворец"})
# "применение", "использование" are an assault only of force or arms ("применение оружия", "силы",
# "пыток"), or when aimed at someone ("применения «Орешника» по объектам"); not "применение техрегламентов".
_FORCE = frozenset({"оружие", "сила", "ракета", "бомба", "снаряд", "артиллерия", "авиация", "беспилотник", "дрон",
                    "пытка", "насилие", "газ", "химический", "ядерный", "военный", "вооружение", "танк", "мина"})
# Verbs under which "угроза" is a danger described, not a threat made ("представляет угрозу").
_DANGER_VERBS = frozenset({"представлять", "составлять", "создавать", "создать", "оставаться", "остаться", "стать",
                           "становиться", "видеть", "находиться", "оказаться", "подвергать", "подвергнуть"})
# What "направить" sends when it mobilises: troops and arms ("направить контингенты"), not
# "направить письмо" or "направило сотрудников Красного Креста".
_TROOPS = frozenset({"войско", "войска", "контингент", "сила", "военный", "военнослужащий", "солдат", "военные",
                     "подкрепление", "бригада", "батальон", "дивизия", "полк", "корабль", "флот", "авианосец",
                     "эсминец", "самолет", "истребитель", "бомбардировщик", "техника", "танк", "миротворец",
                     "спецназ", "десант", "наемник", "инструктор", "отряд", "подразделение"})
# Whom one talks with in an interview, not a meeting: "беседа с корреспондентом".
_PRESS = frozenset({"корреспондент", "журналист", "репортер", "пресса", "интервьюер", "блогер"})
# "нанести" is an assault only when what it deals is a blow ("нанести удар"; not "нанести ущерб").
_BLOWS = frozenset({"удар", "авиаудар", "контрудар"})
# What makes "акция" a protest ("акция протеста", "массовая акция"; not "акции компании").
_PROTEST_MARKS = frozenset({"протест", "протестный", "массовый", "уличный", "антивоенный", "антиправительственный",
                            "оппозиция", "оппозиционный", "сторонник", "гражданский", "несогласный"})
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
        if not _names_an_act(tok, type_):
            continue
        event = _event(doc, tok, type_, mode, context, index, timexes, quantities)
        key = (type_, event.sentence, event.modality)
        if key in found:
            _merge(found[key], event)
        else:
            found[key] = event
    return sorted(found.values(), key=lambda e: e.trigger[0])


def _lemma(tok) -> str:
    return tok.lemma_.lower().replace("ё", "е")


def _names_an_act(tok, type_: str) -> bool:
    """Whether a trigger word names an act in this use (see the module's notes)."""
    lemma = _lemma(tok)
    children = list(tok.children)
    if lemma in _GIVING and type_ == "AID":
        given = [c for c in children if c.dep_ in ("obj", "nmod", "nsubj:pass", "nummod")
                 and not any(g.dep_ == "case" for g in c.children)]
        words = {_lemma(t) for c in given for t in c.subtree}
        if "Part" in tok.morph.get("VerbForm") and tok.dep_ in ("amod", "acl"):
            words |= {_lemma(tok.head)}  # "поставленное топливо": the goods are what it describes
        return bool(words & _AID_GOODS) or any(t.like_num for c in given for t in c.subtree)
    if lemma in ("применение", "использование") and type_ == "ASSAULT":
        return (any(_lemma(t) in _FORCE for c in children if c.dep_ == "nmod" for t in c.subtree)
                or any(g.lower_ in ("по", "против") for c in children for g in c.children if g.dep_ == "case"))
    if lemma == "угроза" and (any(c.dep_ == "case" and c.lower_ == "под" for c in children)
                              or _lemma(tok.head) in _DANGER_VERBS):
        return False  # "под угрозой арестов", "представляет угрозу": a danger, not a threat made
    if lemma in ("направить", "направлять") and type_ == "MOBILIZE":  # troops, not a letter or aid workers
        sent = [c for c in children if c.dep_ in ("obj", "nsubj:pass")]
        return any(_lemma(t) in _TROOPS for c in sent for t in c.subtree)
    if lemma == "помощь" and tok.dep_ == "fixed":  # "с помощью X", parsed as one preposition
        helper = tok.head.head
        return helper.pos_ == "PROPN" or "Anim" in helper.morph.get("Animacy")
    if lemma == "помощь" and any(c.dep_ == "case" and c.lower_ in ("с", "со") for c in children):
        return any(c.dep_ == "nmod" and (c.pos_ == "PROPN" or "Anim" in c.morph.get("Animacy")) for c in children)
    if lemma == "нанести":
        return any(c.dep_ == "obj" and _lemma(c) in _BLOWS for c in children)
    if lemma == "акция":
        return any(_lemma(t) in _PROTEST_MARKS for c in children for t in c.subtree)
    if lemma == "беседа" and tok.head.pos_ in ("VERB", "AUX") and _is_speaking(tok.head):
        return False  # "пояснил в беседе с «НГ»": where the words were said, not a meeting
    if type_ == "CONSULT" and tok.pos_ == "NOUN" and any(
            _lemma(c) in _PRESS and any(g.dep_ == "case" and g.lower_ in ("с", "со") for g in c.children)
            for c in children):
        return False  # "в беседе с корреспондентами", "встреча с журналистами": an interview, not a meeting
    return True


def _is_speaking(verb) -> bool:
    from .cues import verb_class

    entry = verb_class(verb)
    return entry is not None and entry[0] in ("speech", "belief")


def _event(doc, tok, type_, mode, context, index: _Index, timexes, quantities) -> EventRecord:
    sent = tok.sent
    participle = "Part" in tok.morph.get("VerbForm")  # "протестующие не должны": the people, not the act
    governor = None if participle else tok.head if tok.head.lemma_.lower() in _modal_verbs() and (
        tok.dep_ in ("xcomp", "obj", "nsubj", "csubj") or tok.dep_ == "obl" and tok.head.lemma_ == "готовиться") else None
    actors = _participants(doc, _actor_tokens(tok, governor), index)
    targets = [p for p in _participants(doc, _target_tokens(tok, type_, index.entity), index) if p not in actors]
    quote = index.quote_at(tok.idx)
    modality = "asserted" if participle and tok.dep_ in ("nsubj", "obj", "obl", "nmod") else _modality(tok, governor)
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
    elif _lemma(tok) in _GENITIVE_IS_OBJECT and not _with_backing(tok) or _lemma(tok) in _GENITIVE_IS_THEME:
        subjects = []
    else:  # the genitive, unless it names an act itself ("демонстраций протеста")
        subjects = [c for c in tok.children if c.dep_ == "nmod" and "Gen" in c.morph.get("Case")
                    and not any(g.dep_ == "case" for g in c.children)
                    and (_lemma(c), "N") not in _triggers()]
    if not subjects and governor is not None:
        subjects = [c for c in governor.children if c.dep_ == "nsubj"]
    return _with_conjuncts(subjects)


def _target_tokens(tok, type_: str, entities=frozenset()) -> list:
    out = []
    for c in tok.children:
        case = next((g.lower_ for g in c.children if g.dep_ == "case"), None)
        if tok.pos_ == "VERB" and c.dep_ == "obj" and type_ not in ("CONSULT", "AID", "MOBILIZE"):
            out.append(c)
        elif (_lemma(tok) in _GENITIVE_IS_OBJECT and not _with_backing(tok) and c.dep_ == "nmod" and case is None
              and "Gen" in c.morph.get("Case")):
            out.append(c)  # "применение оружия", "поддержка Киева"
        elif c.dep_ in ("iobj", "obl", "nmod") and case is None and "Dat" in c.morph.get("Case"):
            out.append(c)  # "помощь Киеву", "пригрозил Западу"
        elif c.dep_ in ("obl", "nmod") and case in _TARGET_CASES and (
                _TARGET_CASES[case] is None or type_ in _TARGET_CASES[case]):
            if case in ("к", "ко") and c.idx not in entities and "Anim" not in c.morph.get("Animacy"):
                continue  # "призывает граждан к возрождению страны": what is asked for, not of whom
            out.append(c)
    return _with_conjuncts(out)


def _with_backing(tok) -> bool:
    """"при поддержке союзников", "с помощью США": the genitive is who backs, not who is backed."""
    return any(c.dep_ == "case" and c.lower_ in ("при", "с", "со") for c in tok.children)


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
