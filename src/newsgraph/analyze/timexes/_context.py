"""What every timex rule handler shares: the ``Context`` and small readers of a match.

``Context`` carries the reference date and the spaCy Doc and answers the
questions handlers ask of the text (the token at a character, the word before
it, the tense of its governing verb). The helpers read the parts of a match
several handlers have in common: a point modifier ("early", "late"), a written
year, the direction of "last"/"next", and the year of a month named without
one.
"""

from __future__ import annotations

from datetime import date

from spacy.attrs import IDX

from ..doc_text import text_of
from ..lexicons import words
from ._grammar import lexicon

__all__ = ["Context", "Reading", "point_mod", "capitalised", "year_of", "rel_direction", "tense_year"]

# what a handler returns: (start, end, type, value, mod)
Reading = tuple[int, int, str, str, str | None]

_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "going"})
_FUTURE_VERBS = words("en", "time_future_verbs")
# words before a date that name when an arranged state ends or starts, whatever the
# tense of the verb that arranged it
_OPEN_END_SIGNALS = frozenset({"through", "until", "till", "effective", "payable"})
# Before a weekday, these speak of the coming one whatever the tense: "could come as
# early as Tuesday", "postponed until Tuesday", "has given them until Tuesday".
_EARLIEST = (("as", "early", "as"), ("as", "soon", "as"))
_PUT_OFF = frozenset({"postpone", "delay", "defer", "extend", "adjourn", "give", "recess", "suspend"})
# News in the present tense with a weekday speaks of the coming one: "meet Monday".
_PRESENT = 0


class Context:
    """What the handlers need besides the match: reference date, tokens, tense."""

    def __init__(self, doc, ref: date | None):
        self.doc = doc
        self.text = text_of(doc)  # Doc.text joins every token on each access
        self.ref = ref
        # token index by first character, from spaCy's array (no Token object made per token)
        self._starts = {idx: i for i, idx in enumerate(doc.to_array(IDX).tolist())}

    def token_at(self, char: int):
        i = self._starts.get(char)
        if i is None:
            span = self.doc.char_span(char, char + 1, alignment_mode="expand")
            return span[0] if span is not None and len(span) else None
        return self.doc[i]

    def prev_word(self, char: int) -> str:
        tok = self.token_at(char)
        return tok.nbor(-1).lower_ if tok is not None and tok.i > 0 else ""

    def coming(self, char: int) -> bool:
        """Whether the words before the time at ``char`` put it ahead, whatever the tense:
        "as early as Tuesday", "postponed (the vote) until Tuesday"."""
        tok = self.token_at(char)
        if tok is None or tok.i < 1:
            return False
        before = tuple(t.lower_ for t in self.doc[max(0, tok.i - 3):tok.i])
        if before in _EARLIEST:
            return True
        until = self.doc[tok.i - 1]
        return until.lower_ in ("until", "till") and until.head.lemma_.lower() in _PUT_OFF

    def tense(self, char: int, present: int = _PRESENT) -> int:
        """-1 past, +1 future, 0 unknown, from the verb that governs the token at ``char``.

        ``present`` is what a bare present-tense verb means: weekdays read it as
        the coming day ("meets Monday"), months and dates as no evidence.
        """
        tok = self.token_at(char)
        below = None
        attached = True  # reached through prepositions only: "meets on Monday"
        for _ in range(4):
            if tok is None:
                return 0
            if tok.pos_ in ("VERB", "AUX"):
                auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
                if any(a.lower_ in _FUTURE_AUX for a in auxes) or tok.lower_ in ("will", "'ll"):
                    return 1
                # only the complement is ahead: "agreed in June to buy" is a past
                # agreement, "is scheduled to close Monday" a future closing
                via_complement = below is not None and below.dep_ == "xcomp"
                # "a vote scheduled for Friday", "talks set to resume": the participle names a plan
                arranged = tok.lemma_ in _FUTURE_VERBS and (
                    via_complement or (below is not None and below.lower_ == "for")
                    or any(c.dep_ == "xcomp" for c in tok.children))
                if via_complement and (tok.lemma_ in _FUTURE_VERBS or tok.lemma_ == "be"):
                    return 1  # "is to resume trading Tuesday": be + infinitive is an arrangement
                if arranged and tok.tag_ != "VBD" and not any(a.tag_ == "VBD" for a in auxes):
                    return 1  # "is scheduled for Friday"
                if tok.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lemma_ == "have" for a in auxes):
                    return -1
                if tok.tag_ == "VBN" and tok.dep_ == "acl" and not auxes and not arranged:
                    return -1  # "its record high set on Aug. 6": a reduced relative reports a done deed
                if tok.tag_ in ("VB", "VBP", "VBZ") and not any(a.lower_ == "to" for a in auxes):
                    # a present verb says "coming" only of a time it governs itself;
                    # "follows Tuesday's declaration" speaks of a past one
                    return present if attached else _PRESENT
                # participles and infinitives take their tense from the verb above
            if tok.head is tok:
                return 0
            if below is not None and tok.pos_ != "ADP":
                attached = False
            below, tok = tok, tok.head
        return 0


def point_mod(m) -> str | None:
    """The TIMEX3 mod of the match's ``mod`` group ("early" -> START), if any."""
    got = m.groupdict().get("mod")
    return lexicon().point_mods.get(" ".join(got.lower().split())) if got else None


def capitalised(word: str) -> bool:
    """Month and weekday names count only capitalised: "may", "march", "sun" are words too."""
    return word[:1].isupper()


def year_of(text: str | None, ctx: Context) -> int | None:
    """The year a written year stands for ("1998", "'98", "05"), or None without one."""
    if not text:
        return None
    text = text.lstrip("'")
    if len(text) == 2:  # '98 -> 1998, '05 -> 2005, as news of the last century writes it
        y = int(text)
        return 2000 + y if y < 50 else 1900 + y
    return int(text)


def rel_direction(rel: str | None) -> int:
    """-1, +1 or 0 for the last word of a relative ("last", "the next", "this")."""
    rel = (rel or "").lower().split()[-1] if rel else ""
    return {"last": -1, "past": -1, "previous": -1, "prior": -1, "next": 1, "coming": 1, "following": 1}.get(rel, 0)


def tense_year(ctx: Context, char: int, mon: int, d: int | None) -> int:
    """The publication year, unless the tense puts the date on the other side of it.

    TimeBank: "set on Aug. 6" (past, published in February) is last year's; "in
    March" with no tense is this year's even when March is eight months back.
    """
    ref = ctx.ref
    # months from the reference to the date within this year; three months of
    # slack keep "had been set to expire Nov. 6" and "payable Dec. 7" (written
    # in late October, under a past-tense main verb) in this year
    gap = (mon - ref.month) + ((d or 15) - (ref.day if d else 15)) / 31
    tense = ctx.tense(char)
    if tense < 0 and ctx.prev_word(char) in _OPEN_END_SIGNALS:
        tense = 0  # "has extended loans through January": the past verb set up a state that runs on
    if tense < 0 and gap > 3:
        return ref.year - 1
    if tense > 0 and gap < -3:
        return ref.year + 1
    if tense == 0 and gap > 6:
        return ref.year - 1  # news looks back more often than far ahead
    if tense == 0 and gap <= -8:
        return ref.year + 1  # "effective Feb. 1" written in November: the coming February
    return ref.year

