"""Events: who did what to whom, typed with the 16 PLOVER categories, one per act.

An event is triggered by a verb or an event noun of the event lexicons
(``lexicons/en/event_triggers.tsv``; head+object overrides in ``event_objects.tsv``
such as "send troops" -> MOBILIZE, "suspend sanctions" -> CONCEDE), in the uses that
name an act (``_senses``: "fought to keep the boy" is no fight). Each reading gets its
actors and targets from the act's own arguments (``_args``), read as entities or phrases
(``_participants``); a time from a date in its phrase or clause; a place from an "in/at"
phrase; the quantities in its phrase; a modality and the source it stands on
(``_modality``). "X said Y must ...", "X wants Y to ..." are REQUESTs of Y (``_obligation``);
"X said Y manipulated ...", "broke the law", "X said Y is a liar", "evidence linking Y to the
bombing" are ACCUSEs of Y (``_accusations``, ``_characterisations``), a judging word replacing the
act it would name ("they're abusing him" is no ASSAULT);
an announced or conditional coercive act is the THREATEN made now, as is readiness for a strike
or a strike held out to someone ("can expect air strikes if ...") (``_threat``), a
cooperative act under "will/would not" the REJECT made now (``_refusal``). The readings
of a sentence are then folded into one event per act (``_acts``).

Conventions (../shared/data/events/README.md): the type is the act and the modality says
whether it happened (promised aid is AID/planned); whoever only reports an event is its
source (``attributed_to``), never its actor.

Limits: no event spans sentences and none is merged across them (a back-reference with
no participant of its own is dropped, one with participants is reported again); proper
nouns are never triggers ("March"); words inside entity names are skipped ("Armed
Forces"); the parse decides the arguments, so a misparse costs them.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..lexicons import words
from ._accusations import accusations, accusing_lemmas, judged_acts, linkings
from ._characterisations import NAMING_VERBS, characterisations, disparaging, predications
from ._acts import Reading, fold_acts
from ._confidence import Observer, gate
from ._reliability import reliable, trigger_token
from ._restated import restates
from ..quotes.cues import verb_frames
from ._args import actors_targets, place_of, reporting_tail, subject_of
from ._lexicon import EventSense, Lexicon, lexicon
from ._obligation import obligations, wishes
from ._participants import Participants
from ._modality import attribution_of, combine, is_historical, modality_of, time_of
from ._refusal import refusal_mode
from ._campaign import names_no_political_act
from ._senses import names_an_act
from ._threat import framed_threats, threat_mode
from ._verbal import verbal_attack
from ..types import EntityRecord, EventRecord, PhraseRecord, QuantityRecord, QuoteRecord, TimexRecord

__all__ = ["extract_events"]

_POS = {"VERB": "V", "NOUN": "N"}
# Particles the parser sometimes reads as adverbs ("back down", "pull out").
_PARTICLES = frozenset({"down", "up", "out", "off", "back", "away", "over", "around"})
_OBJECT_DEPS_V = frozenset({"dobj", "nsubjpass"})
# Adjectives completing a verb that make a phrase of it ("pleaded guilty"); one under a negation
# ("pleaded not guilty") says the opposite, and makes none.
_PREDICATIVE = frozenset({"acomp", "oprd"})
_OBJECT_DEPS_N = frozenset({"compound", "amod", "nmod"})
# A consultation without its own actor, reported by one of its parties
# ("during a conversation with X, ... was discussed, Y said"): the speaker took part.
_SPEAKER_TAKES_PART = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# Measures imposed on a territory: with no other recipient named, the place where they hold is
# who receives them (PLOVER's recipient of a curfew in a town). An attack or a deployment in a
# place is not aimed at the place as such ("the bombings in East Africa"): the event gold codes
# no target there, and so do we.
_ON_TERRITORY = frozenset({"COERCE", "SANCTION"})
# Acts made in words: reported inside a quotation, they are made by saying them.
_SPEECH_ACTS = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "AGREE", "CONCEDE"})
# Words that may carry a demand with no trigger word (_obligation): a cheap pre-check per sentence.
_DEMAND_WORDS = frozenset({"must", "should", "ought", "want", "wants", "wanted", "wish", "wishes", "wished", "need",
                           "needs"})
# What protesters carry their demands on.
_PLACARDS = frozenset({"sign", "banner", "placard", "poster", "slogan", "t-shirt"})
# Texts that act for whoever adopted or issued them (a resolution demands, a statement condemns).
_ISSUED = frozenset({"resolution", "statement", "declaration", "communique", "communiqué", "decree", "law", "bill",
                     "treaty", "letter", "report", "ruling", "verdict", "order", "directive", "charter", "motion",
                     "petition", "ultimatum", "memorandum", "note", "appeal", "proposal"})
# Naming someone by a disparaging word (_characterisations): an accusation of disapproval.
_DISAPPROVAL = EventSense(type="ACCUSE", mode="disapprove", context=())
# Linking someone to an attack or a wrong (_accusations.linkings): an allegation.
_LINKED = EventSense(type="ACCUSE", mode="allege", context=())
# Verbs that do what they say when one wishes to say them.
_PERFORMED = frozenset({"express", "thank", "congratulate", "welcome", "condemn", "offer", "extend", "convey"})


def extract_events(doc: Doc, entities: list[EntityRecord], quotes: list[QuoteRecord],
                   timexes: list[TimexRecord], quantities: list[QuantityRecord],
                   published: str | None = None, lang: str = "en", gated: bool = True,
                   observe: Observer | None = None) -> list[EventRecord]:
    """Events of ``doc`` in text order; ``published`` (YYYY-MM-DD) lets old events be called historical.
    ``gated=False`` skips the learned gate; ``observe`` sees each event and its features before it."""
    lex = lexicon(lang)
    parts: Participants | None = None  # built lazily: many sentences have no trigger
    events: list[EventRecord] = []
    timex_spans = _token_spans(doc, [(t.start, t.end) for t in timexes])
    quantity_spans = _token_spans(doc, [(q.start, q.end) for q in quantities])
    misconduct_words = accusing_lemmas(lang)
    for sent in doc.sents:
        found, demand, misconduct, naming = [], False, False, False
        for tok in sent:  # one walk over the sentence for the four questions
            if (sense := _sense(tok, lex)) is not None:
                found.append((tok, sense))
            lemma = tok.lemma_
            demand = demand or tok.lower_ in _DEMAND_WORDS
            misconduct = misconduct or lemma.lower() in misconduct_words
            naming = naming or lemma in NAMING_VERBS or tok.dep_ in ("attr", "acomp") and disparaging(tok, lang)
        if not found and not demand and not misconduct and not naming:
            continue
        if parts is None:
            parts = Participants(doc, entities, quotes, lang)
            parts.act_of = _actors_of_act(parts, lex)
        found = [(tok, sense) for tok, sense in found if tok.i not in parts.by_token and not _echo(tok, sense, found)]
        # an event happens at a date or a time: "for 13 days", "every week" say how long or how often
        sent_timexes = [(s, e, k) for k, (s, e) in enumerate(timex_spans)
                        if sent.start <= s < sent.end and timexes[k].type in ("DATE", "TIME")]
        readings: list[Reading] = []
        acts = frozenset(tok.i for tok, _sense in found)
        for tok, sense in found:
            readings.extend(_event(tok, sense, sent, lex, parts, timexes, sent_timexes, quantity_spans,
                                   quotes, published, acts))
        for tok, actors, targets in characterisations(sent, parts, lang) if naming else ():
            readings.extend(replace(r, event=replace(r.event, actors=actors, targets=targets))
                            for r in _event(tok, _DISAPPROVAL, sent, lex, parts, timexes, sent_timexes,
                                            quantity_spans, quotes, published, acts))
        for tok, actors, targets in linkings(sent, parts, lang) if misconduct else ():
            readings.extend(replace(r, event=replace(r.event, actors=actors, targets=targets))
                            for r in _event(tok, _LINKED, sent, lex, parts, timexes, sent_timexes,
                                            quantity_spans, quotes, published, acts))
        made_accusations = accusations(sent, parts, quotes, lang) if misconduct else []
        readings = judged_acts(made_accusations, readings)
        for tok, speaker, accused in made_accusations:
            readings.append(Reading(tok, _accusation(tok, speaker, accused, sent, timexes, sent_timexes, published)))
        for tok, speaker, faulted in predications(sent, parts, quotes, lang) if naming else ():
            readings.append(Reading(tok, _accusation(tok, speaker, faulted, sent, timexes, sent_timexes, published,
                                                     mode="disapprove")))
        if demand:
            for tok, actors, targets in obligations(sent, parts):
                readings.append(Reading(tok, _demand(tok, actors, targets, sent, timexes, sent_timexes, quotes,
                                                     published)))
            for tok, actors, targets in wishes(sent, parts):
                readings.append(Reading(tok, _demand(tok, actors, targets, sent, timexes, sent_timexes, quotes,
                                                     published, at=tok)))
        readings = framed_threats(readings, parts, quotes)
        # participants read through untrusted paths go first, then the learned gate (_confidence)
        made = gate(reliable(fold_acts(readings), sent, parts), sent, parts, quotes, lang, gated, observe)
        # an act reported in an earlier sentence, named again here, is no new event (``events`` holds
        # the earlier sentences' until the new ones are all judged)
        events.extend([e for e in made if not restates(trigger_token(e, doc), e, events)])
    return events


def _demand(modal: Token, actors: list, targets: list, sent: Span, timexes: list[TimexRecord],
            sent_timexes: list[tuple[int, int, int]], quotes: list[QuoteRecord], published: str | None,
            at: Token | None = None) -> EventRecord:
    """A REQUEST read from "X said Y must ..." (the modal is its trigger, the statement its
    time) or "X wants Y to ..." (the verb is both)."""
    said, speaker, speaker_text = attribution_of(modal, sent, quotes)
    if said == "claimed" and _own_act("REQUEST", actors, speaker):
        said = ""
    k = time_of(at if at is not None else modal.head.head, sent, sent_timexes)
    value = timexes[k].value if k is not None else None
    modality = combine("historical" if is_historical(value, published) else "", said)
    return EventRecord(type="REQUEST", trigger=(modal.idx, modal.idx + len(modal.text), modal.text),
                       sentence=(sent.start_char, sent.end_char), modality=modality, actors=actors,
                       targets=targets, time_value=value, time_timex=k,
                       attributed_to=speaker, attributed_text=speaker_text)


def _accusation(tok: Token, speaker: int, accused: list, sent: Span, timexes: list[TimexRecord],
                sent_timexes: list[tuple[int, int, int]], published: str | None, mode: str = "allege") -> EventRecord:
    """The speaker's ACCUSE of whoever they say did wrong ("allege") or call a disparaging name
    ("disapprove"): made as it is said."""
    k = time_of(tok, sent, sent_timexes)
    value = timexes[k].value if k is not None else None
    return EventRecord(type="ACCUSE", mode=mode, trigger=(tok.idx, tok.idx + len(tok.text), tok.text),
                       sentence=(sent.start_char, sent.end_char),
                       modality="historical" if is_historical(value, published) else "asserted",
                       actors=[speaker], targets=accused, time_value=value, time_timex=k, attributed_to=speaker)


def _token_spans(doc: Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        out.append((span.start, span.end) if span is not None else (-1, -1))
    return out


def _sense(tok: Token, lex: Lexicon) -> EventSense | None:
    pos = _POS.get(tok.pos_)
    if pos is None:
        return None
    lemma = tok.lemma_.lower()
    if lemma not in lex.heads:
        return None
    sense = None
    deps = _OBJECT_DEPS_V if pos == "V" else _OBJECT_DEPS_N
    for child in tok.children:
        if (child.dep_ in ("prt", "prep") or child.dep_ == "advmod" and child.lower_ in _PARTICLES
                or child.dep_ in _PREDICATIVE and not any(g.dep_ == "neg" for g in child.children)):
            sense = lex.phrasal.get((lemma, child.lower_, pos), sense)  # "didn't back down": a particle
        if child.dep_ in deps or (child.dep_ == "prep" and child.lower_ == "of"):
            dependent = child if child.dep_ != "prep" else next((c for c in child.children if c.dep_ == "pobj"), None)
            if dependent is not None:
                override = lex.objects.get((lemma, dependent.lemma_.lower()))
                if override is not None:
                    # "holding campaign rallies": the object names the act, its use may still not
                    return override if override.type and not names_no_political_act(tok, override.type) else None
    if sense is None:
        sense = lex.single.get((lemma, pos))
    if sense is None or not sense.type or not names_an_act(tok, sense.type):
        return None
    return sense


def _echo(tok: Token, sense: EventSense, found: list[tuple[Token, EventSense]]) -> bool:
    """A noun restating its governing trigger ("attacked ... in an attack") or completing it
    ("suspend sanctions" is one CONCEDE, not also a SANCTION): keep the governing one."""
    if tok.pos_ != "NOUN":
        return False
    of_phrase = tok.dep_ == "pobj" and tok.head.lower_ == "of"
    head = tok.head.head if of_phrase else tok.head
    lemma = tok.lemma_.lower()
    for other, other_sense in found:
        if other.i != head.i or other.i == tok.i:
            continue
        if (other.lemma_.lower(), lemma) in lexicon().objects:
            return True
        if other_sense.type == sense.type and other.lemma_.lower()[:4] == lemma[:4]:
            return True
    return False


def _contexts(tok: Token, sense: EventSense, lex: Lexicon) -> list[str]:
    out = list(sense.context)
    near = [c for c in tok.children] + [g for c in tok.children for g in c.children]
    for t in near:
        ctx = lex.contexts.get(t.lemma_.lower())
        if ctx and ctx not in out:
            out.append(ctx)
    return out


def _actors_of_act(parts: Participants, lex: Lexicon):
    """(actors, targets) of the event a noun names, or None when it names none."""
    def participants(tok: Token):
        if tok.pos_ != "NOUN":
            return None
        sense = _sense(tok, lex)
        if sense is None:
            return None
        return actors_targets(tok, parts, sense.type or "")
    return participants


def _said_by_a_thing(tok: Token) -> bool:
    """A speech act whose subject is a common noun that names no one: "the test calls for".
    A text someone adopted or issued speaks for them: "the resolution calls for a withdrawal"."""
    if tok.pos_ != "VERB":
        return False
    return any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.lemma_.lower() not in _ISSUED for c in tok.children)


def _performative(tok: Token) -> bool:
    """A speech act wrapped in a wish that performs it: "would like to express", "want to thank"."""
    head = tok.head
    return tok.dep_ == "xcomp" and head.lemma_.lower() in ("like", "want", "wish") and \
        tok.lemma_.lower() in _PERFORMED


def _own_act(kind: str, actors: list, speaker: int | None) -> bool:
    """Whether an event inside a quotation is the speaker's own act rather than a claim about
    others: the speaker is among its actors, or it is a speech act (an accusation, a demand, a
    refusal) by the speaker's side, as "the statement said" reports them."""
    if speaker is not None and speaker in actors:
        return True
    return kind in _SPEECH_ACTS and (speaker is None or not actors)


def _described(tok: Token) -> bool:
    """A noun event that the clause says something about ("the agreement with LIN would dilute
    earnings", "this is a superior deal to McCaw's"): the speaker judges it, not a party to it."""
    if tok.pos_ != "NOUN":
        return False
    if tok.dep_ in ("nsubj", "nsubjpass", "attr"):
        return True
    # "X said Sytenko left for consultations with Syria": the clause names who goes to them
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb_frames("en").get(verb.lemma_.lower(), ("",))[0] == "speech":
        return False
    subj, _ = subject_of(verb)
    return subj is not None and subj.pos_ != "PRON" and subj.i not in _speaker_tokens(tok)


def _stands_for(actors: list, place: int) -> bool:
    """Whether an actor is the state of the place, or a phrase standing for it ("the Lebanese
    government ... in south Lebanon"): a state does not act on itself."""
    return any((a.refers_to if isinstance(a, PhraseRecord) else a) == place for a in actors)


def _outlet_speaks(tok: Token, quotes: list[QuoteRecord], lang: str) -> bool:
    """Whether the one whose words hold the event is a news outlet or its report ("The Maariv
    newspaper said ... talks", "A CBS News report said ... a conference to discuss"): an outlet
    tells of the act and takes no part in it."""
    doc = tok.doc
    for q in quotes:
        if q.start <= tok.idx < q.end and q.speaker is not None:
            span = doc.char_span(q.speaker.start, q.speaker.end, alignment_mode="expand")
            if span is None:
                return False
            head = span.root.lemma_.lower()
            return head in words(lang, "speaker_media_nouns") or head == "report"
    return False


def _speaker_tokens(tok: Token) -> set[int]:
    """Tokens of the sentence's speech verb's subject (who says it is a party when named there)."""
    return {t.i for v in tok.sent if v.pos_ == "VERB" and verb_frames("en").get(v.lemma_.lower(), ("",))[0] == "speech"
            for c in v.children if c.dep_ in ("nsubj",) for t in c.subtree}


def _event(tok: Token, sense: EventSense, sent: Span, lex: Lexicon, parts: Participants,
           timexes: list[TimexRecord], sent_timexes: list[tuple[int, int, int]],
           quantity_spans: list[tuple[int, int]], quotes: list[QuoteRecord],
           published: str | None, acts: frozenset[int] = frozenset()) -> list[Reading]:
    if sense.type == "REQUEST" and tok.dep_ == "acl" and tok.head.lemma_.lower() in _PLACARDS:
        # "carrying signs demanding his return": a demand carried in the street is a protest (PLOVER
        # codes demands made by demonstrating as PROTEST, not REQUEST)
        sense = replace(sense, type="PROTEST", mode="demo")
    actors, targets = actors_targets(tok, parts, sense.type or "")
    if sense.type in _SPEECH_ACTS and not actors and _said_by_a_thing(tok):
        return []  # "the test calls for custody reverting to the parent": no one asks
    said, speaker, speaker_text = attribution_of(tok, sent, quotes)
    if (not actors and speaker is not None and sense.type in _SPEAKER_TAKES_PART and targets and speaker not in targets
            and not _described(tok) and not _outlet_speaks(tok, quotes, parts.lang)):
        actors = [speaker]
    k = time_of(tok, sent, sent_timexes, acts)
    value = timexes[k].value if k is not None else None
    own = modality_of(tok, lex)
    kind = sense.type or ""
    if said == "claimed" and _own_act(kind, actors, speaker):
        said = ""  # "X deplores ..., the statement said": the act is reported as made
    if own == "hypothetical" and kind in _SPEECH_ACTS and _performative(tok):
        own = "asserted"  # "would like to express its condolences", "I want to thank you": said now
    said = combine("historical" if is_historical(value, published) else "", said)
    modality = combine(own, said)
    mode = sense.mode
    if kind == "PROTEST" and tok.pos_ == "VERB" and (any(c.dep_ == "ccomp" for c in tok.children)
                                                     or reporting_tail(tok)):
        # PLOVER: a protest that reports words ("X is failing ..., a rights group protested") is a
        # diplomatic or verbal protest, ACCUSE 'disapprove'; PROTEST needs collective physical action.
        kind, mode = "ACCUSE", "disapprove"
    elif kind == "ASSAULT" and verbal_attack(tok, actors, targets, parts):
        kind, mode = "ACCUSE", "disapprove"  # "Clinton's attack on Trump": criticism (_verbal)
    place = place_of(tok, parts, actors + targets)
    if not targets and place is not None and kind in _ON_TERRITORY and not _stands_for(actors, place):
        targets = [place]  # "imposed a curfew in Abidjan": the place's people bear the act
    lo, hi = tok.left_edge.i, tok.right_edge.i + 1
    record = EventRecord(
        type=kind, trigger=(tok.idx, tok.idx + len(tok.text), tok.text),
        sentence=(sent.start_char, sent.end_char), modality=modality, mode=mode,
        context=_contexts(tok, sense, lex), actors=actors, targets=targets,
        place=place, time_value=value, time_timex=k,
        quantities=[i for i, (s, e) in enumerate(quantity_spans) if lo <= s and e <= hi],
        attributed_to=speaker, attributed_text=speaker_text,
    )
    refused = refusal_mode(tok, kind)
    if refused is not None:  # "would not meet the demands": the refusal is made now, and is the act
        return [Reading(tok, replace(record, type="REJECT", mode=refused, modality=said), derived=True)]
    threat = threat_mode(tok, kind, mode, own, lex)
    if threat is None:
        return [Reading(tok, record)]
    # The threat is made now, whatever becomes of the act: only its report's own modality applies.
    # "Turkey said it was prepared to ...": the announcer is who threatens when "it" stays unresolved.
    threatener = actors or ([speaker] if speaker is not None and speaker not in targets else [])
    if not threatener and any(c.dep_ == "nsubjpass" for c in (tok.head if tok.pos_ == "NOUN" else tok).children):
        return [Reading(tok, record)]  # "it shall be severed ...": a passive rule with no one behind it threatens nothing
    # Saying that one's side will strike is making the threat: it is not on the speaker's word, it is the word.
    made = "asserted" if said == "claimed" else said
    return [Reading(tok, replace(record, type="THREATEN", mode=threat, modality=made, actors=threatener), derived=True)]
