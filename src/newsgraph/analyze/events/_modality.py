"""Modality, time and attribution of an event.

Modality, strongest first: negated ("not", "refused to" for the refused act),
hypothetical ("could", "if", "need to", "possible"), planned ("will", "plans
to", "agreed to hold", "to be held", "planned"), historical (a timex over a month
before publication, or "previous"), claimed (inside a quote's content or an
"according to" sentence), else asserted. Cues are read on the event word and on
the words that govern it as object or infinitive, never through a subject (the
negation in "the attack did not impress" is not the attack's).

Limits: tense alone never makes an event planned or historical; sarcasm,
conditionals without a marker word, and modal nouns ("the danger of war") are
missed.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Span, Token

from ..constants import SUBJECTS
from ..quotes.cues import verb_frames
from ._intent import disposed
from ._lexicon import Lexicon
from ..types import QuoteRecord, TimexRecord

__all__ = ["modality_of", "time_of", "attribution_of", "is_historical", "reports_speech"]

# A plan or a promise reported by someone else is first of all their claim ("Europe is proposing
# to send forces, Knutov stated"); a recalled or feared event keeps its own standing.
_RANK = {"negated": 5, "hypothetical": 4, "historical": 3, "claimed": 2, "planned": 1, "asserted": 0}
# Dependencies through which a governing word's modality reaches the event word.
_CLIMB = frozenset({"xcomp", "dobj", "pobj", "prep", "acl", "attr", "oprd", "compound", "conj", "pcomp", "nsubjpass", "advcl"})
# Dependencies through which a governing word's own meaning ("refused", "plans") reaches the event.
_HEAD_DEPS = frozenset({"xcomp", "acl", "dobj", "pobj", "prep"})
_COMPLEMENT_PREPS = frozenset({"for", "on", "to", "of"})
_NEGATORS = frozenset({"not", "n't", "never", "no"})
# Cues whose content the speaker takes as known ("as the media recalled, at the summit ...").
_FACTIVE = frozenset({"recall", "remind", "acknowledge", "admit", "note", "regret"})
# Cues that make a plan known: what they announce is planned, not a claim about others.
_ANNOUNCING = frozenset({"announce", "confirm", "declare", "unveil"})
# Cues whose content is what may happen: a prediction, a fear, an expectation.
_PREDICTING = frozenset({"predict", "forecast", "expect", "anticipate", "fear", "worry", "speculate", "warn"})
_PASSING_PREPS = frozenset({"at", "during", "after", "before", "since", "following", "amid"})
# Signals of a timex that bounds how long an act lasts, not when it happened.
_EXTENT_SIGNALS = frozenset({"until", "till", "through", "throughout", "since"})
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def _best(found: list[str]) -> str:
    return max(found, key=_RANK.__getitem__) if found else "asserted"


def modality_of(trigger: Token, lex: Lexicon) -> str:
    found: list[str] = []
    t, came_by = trigger, ""
    for step in range(6):
        for child in t.children:
            low = child.lower_
            if child.dep_ == "neg" or (low in _NEGATORS and child.dep_ in ("det", "advmod")):
                found.append("negated")
            elif child.dep_ in ("aux", "auxpass"):
                cue = lex.cues.get((low, "aux"))
                if cue and low == "would" and _reported_future(t):
                    cue = "planned"  # "the alliance announced it would accept Poland": will, reported
                if cue:
                    found.append(cue)
                elif low == "to" and t.dep_ == "acl" and t.head.pos_ in ("NOUN", "PROPN"):
                    found.append("planned")  # "a meeting to be held", "a conversation to hold a meeting"
            elif child.dep_ == "mark":
                cue = lex.cues.get((low, "mark"))
                if cue:
                    found.append(cue)
            elif child.dep_ == "advcl" and any(lex.cues.get((m.lower_, "mark")) == "hypothetical"
                                               for m in child.children if m.dep_ == "mark"):
                found.append("hypothetical")  # the consequence of "if ..., it will mean ..."
            elif child.dep_ in ("amod", "compound", "advmod", "nmod") and step == 0:
                cue = lex.cues.get((child.lemma_.lower(), "mod")) or lex.cues.get((low, "mod"))
                if cue:
                    found.append(cue)
        if step > 0 and came_by in _HEAD_DEPS:
            cue = lex.cues.get((t.lemma_.lower(), "head"))
            if cue:
                found.append(cue)
        if (t.dep_ not in _CLIMB and not disposed(t)) or t.head.i == t.i:
            break  # "Israel is not willing to withdraw": a disposition's copula speaks for the act too
        if t.dep_ == "conj" and (t.head.pos_ != t.pos_ or any(c.dep_ in SUBJECTS for c in t.children)):
            break  # "you can see a crater, and a bomb went off": a clause of its own
        if t.dep_ == "advcl" and any(c.dep_ in SUBJECTS for c in t.children):
            break  # "they can take part, because all members have approved": the reason stands alone
        if t.dep_ == "prep" and t.head.pos_ in ("VERB", "AUX") and t.lower_ not in _COMPLEMENT_PREPS:
            break  # an adjunct ("after the talks, they will ...") does not share the verb's modality
        came_by = t.dep_
        t = t.head
    return _best(found)


def _reported_future(verb: Token) -> bool:
    """ "would" in a clause a speech verb reports, with no condition: the future of the past."""
    frame = verb_frames("en").get(verb.head.lemma_.lower())
    conditional = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
                      for c in verb.children)
    return verb.dep_ == "ccomp" and frame is not None and frame[0] == "speech" and not conditional


def combine(*modalities: str) -> str:
    return _best([m for m in modalities if m])


def _period_end(value: str) -> date | None:
    m = _DATE.match(value)
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day:
            return date(year, int(month), int(day))
        if month:
            nxt = date(year + (month == "12"), int(month) % 12 + 1, 1)
            return nxt - timedelta(days=1)
        return date(year, 12, 31)
    except ValueError:
        return None


def is_historical(value: str | None, published: str | None) -> bool:
    """True when the time value ends more than a month before the publication date."""
    if not value or not published:
        return False
    end, pub = _period_end(value), _period_end(published[:10])
    return end is not None and pub is not None and end < pub - timedelta(days=31)


def time_of(trigger: Token, sent: Span, timex_tokens: list[tuple[int, int, int]],
            acts: frozenset[int] = frozenset()) -> int | None:
    """Index of the timex for this event: one inside the event's phrase, else in its clause.

    ``timex_tokens`` holds (first token, end token, timex index) for the sentence; ``acts``
    the tokens of the sentence's other event words. A noun event inside another act's clause
    takes no date from that clause: "Estrada on Tuesday condemned the bombings" dates the
    condemnation, not the bombings.
    """
    if not timex_tokens:
        return None
    phrase = (trigger.left_edge.i, trigger.right_edge.i + 1)
    clause = trigger
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    clause_span = (clause.left_edge.i, clause.right_edge.i + 1)
    if clause.i != trigger.i and clause.i in acts:
        clause_span = phrase
    doc = trigger.doc
    timex_tokens = [(s, e, k) for s, e, k in timex_tokens
                    if not (s > 0 and doc[s - 1].lower_ in _EXTENT_SIGNALS)]  # "aid until 2029": its extent
    for lo, hi in (phrase, clause_span):
        inside = [(abs(s - trigger.i), k) for s, e, k in timex_tokens if lo <= s and e <= hi]
        if inside:
            return min(inside)[1]
    return None


def _on_their_word(q: QuoteRecord, doc) -> bool:
    """Whether a quote's cue puts its content on the speaker's word (speech, belief), rather
    than stating the speaker's own intention or stance ("promised to ...", "condemned X")."""
    if q.cue is None:
        return True  # a direct quotation with no cue word
    span = doc.char_span(q.cue[0], q.cue[1], alignment_mode="expand")
    if span is None:
        return True
    cue = span[0]
    if cue.lower_ == "according":
        return True
    frame = verb_frames("en").get(cue.lemma_.lower())
    if frame is None:  # a noun ("the statement"), "according to", or a verb the learned model found
        return cue.pos_ != "VERB"
    return frame[0] in ("speech", "belief")


def attribution_of(trigger: Token, sent: Span, quotes: list[QuoteRecord]) -> tuple[str, int | None, str | None]:
    """(what the report makes of it, speaker entity, speaker text) for an event word.

    The first is "claimed" for an event on someone's word, "hypothetical" for one they
    predict or fear ("Cuba predicted exiles will impede the ruling"), "" when the article
    states it or the speaker only presupposes it: a recalled event ("as the media recalled"),
    an occasion named in passing ("momentum was set at the summit, London assured").
    """
    start = trigger.idx
    for q in quotes:
        if q.start <= start < q.end:
            if not _on_their_word(q, sent.doc):
                continue
            s = q.speaker
            speaker = (s.entity, None if s.entity is not None else s.text) if s is not None else (None, None)
            cue = _cue_lemma(q, sent.doc)
            if cue in _FACTIVE or _in_passing(trigger) or cue in _ANNOUNCING or _identifying(trigger, q):
                return "", *speaker
            return ("hypothetical" if cue in _PREDICTING else "claimed"), *speaker
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
            return ("" if _in_passing(trigger) else "claimed"), None, None
    return "", None, None


def reports_speech(q: QuoteRecord, doc) -> bool:
    """Whether a quote reports what was said: a quotation, "according to", a speech verb or noun."""
    if q.cue is None:
        return True
    lemma = _cue_lemma(q, doc)
    frame = verb_frames("en").get(lemma)
    return lemma == "according" or (frame[0] == "speech" if frame is not None else not _cue_is_verb(q, doc))


def _cue_is_verb(q: QuoteRecord, doc) -> bool:
    span = doc.char_span(q.cue[0], q.cue[1], alignment_mode="expand") if q.cue else None
    return span is not None and span[0].pos_ == "VERB"


def _cue_lemma(q: QuoteRecord, doc) -> str:
    span = doc.char_span(q.cue[0], q.cue[1], alignment_mode="expand") if q.cue else None
    return span[0].lemma_.lower() if span is not None else ""


def _identifying(trigger: Token, q: QuoteRecord) -> bool:
    """A verb in a relative clause of reported content ("calls for a withdrawal from the zone it
    occupies"): it tells which thing is meant and is taken as known, not said to have happened.
    Inside a quotation the words are all the speaker's, so this holds only for indirect speech."""
    return q.kind == "indirect" and trigger.pos_ == "VERB" and trigger.dep_ == "relcl"


def _in_passing(trigger: Token) -> bool:
    """A noun event in a phrase that only says when or where: "at the summit", "during the talks"."""
    return trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.head.lower_ in _PASSING_PREPS


def timex_value(timexes: list[TimexRecord], k: int | None) -> str | None:
    return timexes[k].value if k is not None else None
