"""Reporting cues in a parsed Doc and the spans they govern: speaker and content.

A cue is a reporting verb of ``lexicons/<lang>/reporting_verbs.txt``, a noun of
``quote_nouns.tsv`` (see ``quote_nouns``), the phrase "according to", or "in" a
poll that opens or closes its sentence. For each, the dependency parse gives the speaker (the verb's
subject, the object of "according to", the agent of a passive, the object of
"quoted") and the content (the complement named by the verb's frames, or the
clause a parenthetical cue hangs on: "..., Zelensky said", "As the media
recalled, ..."). Offsets are characters into ``doc.text``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache, partial

from ..doc_text import text_of
from ..lexicons import words
from ._idioms import in_idiom
from .marks import quote_spans
from ._nouns import noun_frames, noun_parts
from ..constants import CLOSING_MARK_TOKENS, NOMINAL_SUBJECTS, OPENING_MARK_TOKENS, SUBJECTS

__all__ = ["Cue", "find_cues", "verb_frames", "token_span", "speaker_mention", "subject_of", "has_own_subject",
           "CLOSING_MARKS"]

_RELATIVE = frozenset({"who", "that", "which", "whom"})
_DATELINE_DASHES = frozenset({"--", "—", "–", "-"})
_DATELINE_REACH = 8  # tokens: "BEDFORD, N.H. (AP) —"
# Tags of a finite verb, which has a subject of its own.
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
# Heads of a parenthetical cue's clause: the content is the clause it hangs on.
_PARENTHETICAL = frozenset({"parataxis", "advcl", "ccomp", "conj"})
# Cue classes whose passive subject is the one spoken to or of, not the speaker.
_ACTS_ON_SUBJECT = frozenset({"speech", "stance"})
# Entity types of an object that names people, so may be the one spoken to ("told Reuters").
_PEOPLE = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Entity types of a phrase after a cue that says when, not what ("reported on Friday").
_WHEN = frozenset({"DATE", "TIME"})
# The one subordinator that opens a parenthetical cue ("As the minister recalled, ...").
_PARENTHETICAL_MARKS = frozenset({"as"})
# A cue word with one of these has content of its own, so it is no parenthetical.
_OWN_COMPLEMENTS = frozenset({"dobj", "xcomp", "ccomp", "attr", "acomp", "oprd", "dative"})
# Phrases after a cue's object that PolNeAR counts in the content: "condemned X for his remarks".
_OBJ_TAIL = frozenset({"prep", "npadvmod", "oprd", "dative"})
# Words the far side of a mid-clause cue needs to count as content ("Many of the closures,
# he said, ..."), so that a lone "But, he said, ..." is not a part.
_MIN_OTHER_PART = 2
# "in an interview", "during a rally"; but "condemned X for his remarks" gives the reason, which is content.
_OCCASION_PREPOSITIONS = frozenset({"in", "during", "at", "on", "via", "through"})
# Prepositions and subordinators of time: a phrase or clause they open after a cue's object says
# when it was said or done, not what ("criticized the law during a campaign stop", "described him as
# a crusader when he ran in 2008").
_TIME_PREPOSITIONS = frozenset({"during", "since", "before", "after", "until", "amid", "throughout"})
_TIME_SUBORDINATORS = frozenset({"when", "while", "as", "after", "before", "until", "since", "once"})
# Where a Doc keeps its quoted passages once found (``_quotations``).
_QUOTATIONS_KEY = ("newsgraph", "quote_spans")
# Verbs whose subject holds or gives the occasion that is their object ("held a news conference",
# "gave a speech", "ran an ad"), so speaks through it.
_HOLDING_VERBS = frozenset({"hold", "give", "deliver", "host", "make", "post", "send", "write", "publish",
                            "release", "air", "run", "launch", "issue", "conduct", "tweet", "record"})
# Words that end a content span cut before a coordinated cue: "..., but also stressed".
_TRAILING = frozenset({"and", "but", "also", "not", "only", "as", "well", "while", "then"})


@dataclass
class Cue:
    """One reporting cue with what the parse says about it (token indices are doc.i)."""

    start: int
    end: int
    verb: int | None  # token index of the cue verb; None for "according to"
    speaker: int | None  # token index of the speaker's head word
    speaker_span: tuple[int, int] | None
    content: tuple[int, int] | None
    lemma: str
    klass: str  # speech, belief, intention, stance: the class of the cue word (reporting_verbs.txt)
    dep: str = ""  # the cue verb's dependency label ("relcl" for "which Moscow called ...")
    score: float | None = None  # the learned model's probability, for a cue it proposed
    # The content's other side when a parenthetical cue splits it: "Many of the closures,
    # he said, have involved public courses" (content "have involved ...", other part
    # "Many of the closures"); reported as a second part of the same quotation.
    other_part: tuple[int, int] | None = None
    # The frame of reporting_verbs.txt (or quote_nouns.tsv) the content was found by: "that",
    # "to", "obj", "oprd", a preposition; "" when the content is the clause a cue hangs on.
    frame: str = ""


@lru_cache(maxsize=None)
def verb_frames(lang: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    """lemma -> (class, frames) from the language's reporting_verbs.txt."""
    table = {}
    for line in words(lang, "reporting_verbs"):
        lemma, klass, frames = line.split()
        table[lemma] = (klass, tuple(frame.partition(":")[0] for frame in frames.split(",")))
    return table


@lru_cache(maxsize=None)
def frame_classes(lang: str) -> dict[tuple[str, str], str]:
    """(lemma, frame) -> class, where a frame of reporting_verbs.txt names a class of its own
    ("agree ... that,to:intention": "agreed to buy" is an intention, "agreed that" speech)."""
    found = {}
    for line in words(lang, "reporting_verbs"):
        lemma, _, frames = line.split()
        for frame in frames.split(","):
            name, _, klass = frame.partition(":")
            if klass:
                found[(lemma, name)] = klass
    return found


def token_span(doc, first: int, last: int) -> tuple[int, int] | None:
    """Characters of tokens first..last, edge punctuation and quote marks trimmed."""
    while first <= last and (doc[first].is_punct or doc[first].is_space or doc[first].lower_ == "that"
                             and doc[first].dep_ == "mark"):
        first += 1
    while last >= first and (doc[last].is_punct or doc[last].is_space or doc[last].lower_ in _TRAILING):
        last -= 1
    if last < first:
        return None
    return doc[first].idx, doc[last].idx + len(doc[last])


def _subtree_span(doc, tok) -> tuple[int, int] | None:
    return token_span(doc, tok.left_edge.i, tok.right_edge.i)


def find_cues(doc, lang: str = "en") -> list[Cue]:
    """Every reporting cue of the Doc, in text order, with speaker and content where found."""
    frames = verb_frames(lang)
    nouns = noun_frames(lang)
    adverbs = words(lang, "quote_adverbs")
    cues: list[Cue] = []
    for tok in doc:
        lower, pos, dep = tok.lower_, tok.pos_, tok.dep_  # read once: every token is asked
        if lower == "according" and any(c.lower_ == "to" for c in tok.children):
            make = partial(_according, doc, tok)
        elif pos == "VERB" and (lemma := tok.lemma_.lower()) in frames and dep not in ("amod", "compound"):
            klass, verb_frames_ = frames[lemma]
            make = partial(_verb_cue, doc, tok, klass, verb_frames_, lang)
        elif pos == "VERB" and dep in ("amod", "compound") and _opens_inverted(tok, frames):
            make = partial(_inverted_cue, doc, tok)
        elif lower == "in" and dep == "prep":
            make = partial(_in_poll, doc, tok, lang)
        elif dep == "advmod" and lower in adverbs:
            make = partial(_adverb_cue, doc, tok)
        elif pos == "NOUN" and (lemma := tok.lemma_.lower()) in nouns:
            make = partial(_noun_cue, doc, tok, *nouns[lemma])
        else:
            continue
        # A word of an idiom ("That said") is no cue. Asked only of a would-be cue: the
        # question costs more than the tests above, which most tokens fail.
        if in_idiom(doc, tok, lang):
            continue
        cue = make()
        if cue is not None:
            cues.append(cue)
    return cues


def _opens_inverted(tok, frames) -> bool:
    """A speech verb opening its sentence before a name and a colon or comma, which the parser read
    as the name's modifier: 'Said Ellis: “...”', 'Added Harlow, “...”'."""
    head = tok.head
    after = head.i + 1
    return tok.i == tok.sent.start and tok.text[:1].isupper() and head.pos_ == "PROPN" and head.i > tok.i \
        and frames.get(tok.lemma_.lower(), ("",))[0] == "speech" \
        and after < len(tok.doc) and tok.doc[after].text in (":", ",")


def _inverted_cue(doc, tok) -> Cue:
    """The cue of 'Said Ellis: “...”': the name speaks the quotation after it (found by its marks)."""
    name = tok.head
    return Cue(tok.idx, tok.idx + len(tok), tok.i, name.i, token_span(doc, tok.i + 1, name.i), None,
               tok.lemma_.lower(), "speech", tok.dep_)


def _adverb_cue(doc, tok) -> Cue | None:
    """'X is reportedly spending Y': the clause the adverb modifies, said by someone unnamed."""
    head = tok.head
    if head.i == tok.i or head.pos_ not in ("VERB", "AUX"):
        return None
    sent = tok.sent
    content = token_span(doc, max(head.left_edge.i, sent.start), min(head.right_edge.i, sent.end - 1))
    return Cue(tok.idx, tok.idx + len(tok), None, None, None, content, tok.lower_, "speech", tok.dep_)


def _according(doc, tok) -> Cue | None:
    to = next(c for c in tok.children if c.lower_ == "to")
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    content, other = _sentence_rest(doc, tok.i, obj.right_edge.i), None
    if content is None and tok.head is not tok:
        content, other = _hung_on(doc, tok, tok.head)
    return Cue(tok.idx, to.idx + len(to), None, obj.i, _subtree_span(doc, obj), content, "according to", "speech",
               other_part=other)


def _in_poll(doc, tok, lang: str) -> Cue | None:
    """'In a new Fox News poll, Trump leads': the poll reports the clause it modifies."""
    polls = words(lang, "quote_poll_nouns")
    if not any(t.lower_ in polls for t in doc[tok.i + 1:tok.i + 12]):
        return None  # cheap look-ahead: "in" is frequent, polls are not
    obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if obj is None or obj.lemma_.lower() not in polls:
        return None
    # Only when the phrase opens or closes the sentence: mid-sentence "in the poll" is mostly
    # a detail of someone else's attribution.
    content = _sentence_rest(doc, tok.i, obj.right_edge.i)
    if content is None and tok.head.dep_ == "ROOT" and tok.head.pos_ in ("VERB", "AUX") \
            and all(t.is_punct or t.is_space for t in doc[obj.right_edge.i + 1:tok.sent.end]):
        content = token_span(doc, tok.sent.start, tok.i - 1)  # "Trump leads in the latest poll."
    if content is None:
        return None
    return Cue(tok.idx, tok.idx + len(tok), None, obj.i, _subtree_span(doc, obj), content, "in", "speech")


def _sentence_rest(doc, first: int, last: int) -> tuple[int, int] | None:
    """The rest of the sentence when the attribution phrase first..last opens or closes it.

    "According to X, A" and "A, according to X" report all of A, whatever the
    parser hung the phrase on.
    """
    sent = doc[first].sent
    before = [t for t in doc[sent.start:first] if not (t.is_punct or t.is_space)]
    after = [t for t in doc[last + 1:sent.end] if not (t.is_punct or t.is_space)]
    if not after and before and doc[first - 1].text == ",":
        return token_span(doc, sent.start, first - 1)
    if not before and after and last + 1 < sent.end and doc[last + 1].text == ",":
        return token_span(doc, last + 1, sent.end - 1)
    return None


def _noun_cue(doc, tok, frames: tuple[str, ...], klass: str) -> Cue | None:
    parts = noun_parts(tok, frames)
    if parts is None:
        return None
    speaker, (first, last), frame = parts
    content = token_span(doc, first, last)
    if content is None:
        return None
    speaker = _past_dateline(speaker)
    span = _after_dateline(doc, speaker, token_span(doc, speaker.left_edge.i, speaker.i)) \
        if speaker is not None else None
    return Cue(tok.idx, tok.idx + len(tok), None, speaker.i if speaker is not None else None, span, content,
               tok.lemma_.lower(), klass, tok.dep_, frame=frame)


def _verb_cue(doc, tok, klass: str, frames: tuple[str, ...], lang: str) -> Cue | None:
    if tok.dep_ in ("pcomp", "pobj") and tok.head.lower_ == "as" and tok.head.head.lemma_.lower() == "quote":
        return None  # "quoted as saying that ...": the cue "quoted" reports it, with its speaker
    if tok.tag_ == "VBN" and tok.lemma_.lower() in words(lang, "quote_naming_verbs") \
            and (tok.dep_ in ("acl", "amod") or not any(c.dep_ in ("nsubj", "agent") for c in tok.children)):
        return None  # "a feature called FaceTime", "a row dubbed X by the press": a name given, nothing said
    speaker = _subject(tok, verb_frames(lang))
    if speaker is not None and speaker.dep_ == "nsubjpass" and speaker.head.i == tok.i and klass in _ACTS_ON_SUBJECT:
        speaker = None  # "Bin Laden is accused of ...", "Clinton was asked about ...": the one it was said of
    elif speaker is not None and _asked_of(tok, lang):
        # "When asked whether ..., McCallum said": the reporter asked, not McCallum; "Asked by
        # Stephanopoulos to ...": the agent asked
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        speaker = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    expletive = speaker is None and any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in tok.children)
    if expletive:  # "it was reported that ...": the outlet named before it, if any
        speaker = _outlet_before(tok, lang)
    if "raise" in frames:  # "X appears to be Y", "X is expected to win": X ... to Y, nobody's in particular
        if _reports_in_turn(tok, lang):
            return None  # "he appeared to suggest that ...": the infinitive is his own attribution
        raised = _raised(doc, tok)
        if raised is not None:
            return Cue(tok.idx, tok.idx + len(tok), tok.i, None, None, raised, tok.lemma_.lower(), klass, tok.dep_)
    if klass == "belief" and (speaker is None and any(c.dep_ == "auxpass" for c in tok.children)
                              or tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod")):
        return None  # "is known", "is expected to", "known as": nobody's belief in particular
    content = other = None
    found_by = ""
    for frame in frames:
        content = _complement(doc, tok, frame, after_only=expletive)
        if content is not None:
            found_by = frame
            if frame == "quoted":  # "quoted X as saying", "X was quoted as saying": X
                speaker = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
            break
    if content is None and "that" not in frames:
        # A clausal complement is reported content whatever the verb's usual frames
        # ("she knows that ...", "he observed that ...").
        content = _complement(doc, tok, "that", after_only=expletive)
        found_by = "that" if content is not None else ""
    if content is None and "obj" in frames:
        content = _passive_subject(doc, tok)  # "The story was first reported by the Post"
        found_by = "obj" if content is not None else ""
    if content is None and "that" in frames and tok.dep_ in _PARENTHETICAL and tok.head.i != tok.i \
            and tok.head.pos_ in ("VERB", "AUX") and (tok.dep_ != "conj" or tok.head.i > tok.i) \
            and not (tok.dep_ == "ccomp" and tok.head.lemma_.lower() in verb_frames(lang)) \
            and not _acts_on_its_own(tok) and not _opens_quotation(doc, tok):
        # A complement of another reporting verb is that verb's content, not a parenthetical:
        # in "Officials said a device was found", "found" must not claim "Officials said".
        content, other = _hung_on(doc, tok, tok.head)
    speaker, span = speaker_mention(doc, tok, speaker, content)
    klass = frame_classes(lang).get((tok.lemma_.lower(), found_by), klass)
    return Cue(tok.idx, tok.idx + len(tok), tok.i, speaker.i if speaker is not None else None, span, content,
               tok.lemma_.lower(), klass, tok.dep_, other_part=other, frame=found_by)


def _reports_in_turn(tok, lang: str) -> bool:
    """Whether a raising verb's infinitive is a reporting verb itself ("appeared to suggest that",
    "is expected to announce"): that verb is the cue, and the raising verb's subject its speaker."""
    frames = verb_frames(lang)
    for verb in tok.children:
        lemma = verb.lemma_.lower()
        if verb.dep_ != "xcomp" or verb.i < tok.i or lemma not in frames or "raise" in frames[lemma][1]:
            continue
        inner = _verb_cue(verb.doc, verb, *frames[lemma], lang)
        return inner is not None and inner.content is not None  # "seemed to confirm" reports nothing
    return False


def _asked_of(tok, lang: str) -> bool:
    """A verb of asking as a participle with no subject of its own ("When asked if ..."): whoever
    asked is not named; the subject it would borrow is the one asked (``quote_question_verbs.txt``)."""
    return tok.tag_ == "VBN" and tok.lemma_.lower() in words(lang, "quote_question_verbs") \
        and not any(c.dep_ in SUBJECTS for c in tok.children)


def speaker_mention(doc, tok, speaker, content: tuple[int, int] | None):
    """(speaker token, its mention's characters) for cue word tok, kept clear of the cue and the content."""
    if speaker is not None and speaker.lower_ in _RELATIVE and tok.dep_ == "relcl":
        # "European leaders who refused": the mention is "European leaders", never the
        # pronoun (PolNeAR marks "who" as the source; a reader needs the antecedent).
        speaker = tok.head
    speaker = _past_dateline(speaker)  # whichever way the speaker was found
    speaker = _outside_quotation(doc, tok, speaker)
    if speaker is None:
        return None, None
    span = _after_dateline(doc, speaker, _subtree_span(doc, speaker))
    if span and (span[0] < tok.idx < span[1] or content and span[0] < content[1] and content[0] < span[1]):
        # the subject's subtree runs over its verb or the content: keep its own words
        span = token_span(doc, speaker.left_edge.i, speaker.i)
        if span and content and span[0] < content[0] < span[1]:
            span = (span[0], content[0] - 1) if content[0] - 1 > span[0] else None
    return speaker, span


def _outside_quotation(doc, tok, speaker):
    """A speaker inside quotation marks that do not hold the cue is the quotation's words, where the
    parser hung the cue on a verb of the quotation ('telling the crowd, “Some people get ...”',
    '“We were wrong,” Ramos, 58, told AFP'): instead, the phrase between the closing mark and the
    cue ("Ramos, 58"), or the nearest subject outside the marks up the cue's heads; else nobody."""
    if speaker is None:
        return None
    spans = _quotations(doc)
    holding = [(a, b) for a, b in spans if a <= speaker.idx < b]
    if not holding or any(a <= tok.idx < b for a, b in holding):
        return speaker

    def quoted(t) -> bool:
        return any(a <= t.idx < b for a, b in spans)

    named = _phrase_after_mark(doc, tok)
    if named is not None:
        return named
    head = tok
    while head.head.i != head.i:
        head = head.head
        found = next((c for c in head.children if c.dep_ in NOMINAL_SUBJECTS and not quoted(c)), None)
        if found is not None:
            return found
    return None


def _phrase_after_mark(doc, tok):
    """The head of the name or noun phrase between a closing quotation mark and the cue after it, in
    the cue's sentence ('“...,” Tulsa police Chief Chuck Jordan said' -> "Jordan"), or None."""
    sent = tok.sent
    mark = next((t.i for t in reversed(doc[sent.start:tok.i]) if t.text in CLOSING_MARK_TOKENS), None)
    if mark is None:
        return None
    first = next((t for t in doc[mark + 1:tok.i] if not t.is_punct), None)
    if first is None:
        return None
    while mark < first.head.i < tok.i and first.head.i != first.i:
        first = first.head
    return first if first.pos_ in ("PROPN", "NOUN") else None


def _quotations(doc) -> list[tuple[int, int]]:
    """The Doc's quoted passages (``marks.quote_spans``), found once per Doc."""
    data = doc.user_data
    spans = data.get(_QUOTATIONS_KEY)
    if spans is None:
        spans = data[_QUOTATIONS_KEY] = quote_spans(text_of(doc))
    return spans


def _passive_subject(doc, tok) -> tuple[int, int] | None:
    """The subject of a passive cue with an agent: what the agent reported, endorsed, backed."""
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
    if subj is None or agent is None or subj.lower_ in _RELATIVE or subj.pos_ == "PRON":
        return None
    return token_span(doc, subj.left_edge.i, subj.right_edge.i)


def _raised(doc, tok) -> tuple[int, int] | None:
    """The subject and infinitive of a raising verb ("appears", "is expected") as one content."""
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    comp = next((c for c in tok.children if c.dep_ in ("xcomp", "acomp", "oprd") and c.i > tok.i), None)
    if subj is None or comp is None or subj.lower_ in _RELATIVE or subj.pos_ == "PRON" and subj.lower_ == "it":
        return None
    if tok.lemma_.lower() not in ("appear", "seem") and not any(c.dep_ == "auxpass" for c in tok.children):
        return None  # "Trump expects to win" is his own belief: the ordinary frames handle it
    return token_span(doc, subj.left_edge.i, comp.right_edge.i)


def subject_of(tok, lang: str = "en"):
    """The speaker of a cue verb: its subject, a passive's agent, or a governing cue's subject."""
    return _subject(tok, verb_frames(lang))


def _subject(tok, frames, depth: int = 0):
    """The speaker: subject, agent of a passive, or the subject of the cue this one is coordinated with."""
    # not a quotation mark the parser took for a subject ('...,’’ says the founder')
    subjects = [c for c in tok.children if c.dep_ in SUBJECTS and not c.is_punct]
    # nor the quotation's last words, where the parser gave the verb a second subject after
    # them ('"... Full panic mode," said Leslie Wimes'): the one outside the marks speaks
    subj = next((c for c in subjects if not _closed_off(c, tok) and not _dateline(c)),
                subjects[0] if subjects else None)
    if subj is not None and _dateline(subj):
        return _past_dateline(subj)
    if subj is not None and subj.dep_ == "nsubjpass":
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if pobj is not None:
            return pobj
        if subj.lower_ == "it":  # "it was reported that": no speaker in the clause
            return None
    if subj is not None and _root_noun_speaks(tok):
        return tok.head.head  # "The board decision allowing his release said ...": the decision said it
    if subj is not None:
        # a clause is no speaker of a verb that hangs on its verb ("What the ad is designed to do
        # is ..., by asking us to think"): nobody is named
        return None if depth and subj.dep_ == "csubj" else subj
    # "Zelensky said and called for ...", "..., saying": the speaker of the governing verb;
    # a coordinated verb shares the subject only of another cue (the parser may hang it
    # on a verb inside the first content).
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("PROPN", "NOUN", "PRON"):
        # "Mr. Trump, refusing to ...": the noun the participle modifies; but an occasion speaks for
        # whoever spoke at it ("she said at a news conference announcing that ...": she)
        return _issuer_in_clause(tok.head) or _speaker_at_occasion(tok.head, frames, depth) or tok.head
    if tok.dep_ == "xcomp" and tok.head.i != tok.i:
        controller = _object_before(tok)
        if controller is not None:
            return controller  # "forced Stumpf to admit that ...": Stumpf admitted it
    # "by blowing an airhorn and joking that ...": a verb coordinated with a "by"/"after" clause's
    # verb shares that clause's way up to its subject
    if depth < 3 and tok.head.i != tok.i and (tok.dep_ in ("advcl", "xcomp")
                                              or tok.dep_ == "conj" and (tok.head.lemma_.lower() in frames
                                                                         or tok.head.dep_ in ("ROOT", "pcomp"))):
        return _subject(tok.head, frames, depth + 1)
    if depth < 3 and tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
        return _subject(tok.head.head, frames, depth + 1)  # "... by saying", "before insisting", "after seeking to"
    if depth < 3 and tok.dep_ == "acomp" and tok.head.pos_ in ("AUX", "VERB"):
        return _subject(tok.head, frames, depth + 1)  # "Advisers were quick to point out": via "quick"
    return _inverted_object(tok) or _name_before(tok)


def _speaker_at_occasion(noun, frames, depth: int):
    """Whoever spoke at, held or gave the occasion a participle describes: the subject of the verb
    "a news conference", "a speech" or "an interview" is the object of, directly or through a
    preposition ("said at a news conference announcing", "gave a speech calling for";
    ``quote_occasions.txt``); None for anything else."""
    if noun.lemma_.lower() not in words(noun.doc.lang_, "quote_occasions") or depth >= 3:
        return None
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    if noun.dep_ not in ("dobj", "pobj") or verb.pos_ not in ("VERB", "AUX") or verb.i == noun.i:
        return None
    if noun.dep_ == "dobj" and verb.lemma_.lower() not in _HOLDING_VERBS:
        return None  # "Police received 911 calls saying ...": the calls said it, not the police
    return _subject(verb, frames, depth + 1)


def _object_before(infinitive):
    """The object of the verb an infinitive hangs on, between them, for a verb whose object does
    it: whoever was forced, urged or pushed to say something says it ("forced Stumpf to admit",
    "urged voters to reject"; ``quote_object_control_verbs.txt``). Not after "used the speech to
    call for", whose object is a means."""
    verb = infinitive.head
    if verb.lemma_.lower() not in words(verb.doc.lang_, "quote_object_control_verbs"):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i < infinitive.i
                 and c.pos_ in ("NOUN", "PROPN", "PRON") and c.lower_ not in _RELATIVE), None)


def _root_noun_speaks(tok) -> bool:
    """Whether a finite cue verb belongs to the noun its sentence is parsed around: with no verb of its
    own, the sentence's root is a noun, and the parser hung the verb as the complement of a participle
    on it, taking the participle's object for the verb's subject ("The board decision allowing his
    release said ...")."""
    participle = tok.head
    root = participle.head
    return tok.tag_ in _FINITE and tok.dep_ == "ccomp" and participle.dep_ == "acl" \
        and participle.tag_ == "VBG" and root.dep_ == "ROOT" and root.pos_ == "NOUN"


def _issuer_in_clause(noun):
    """Who issued a document in the same clause: "The council issued a statement calling ..." is
    the council's, as PolNeAR marks it and a reader names it; None for anything else."""
    if noun.dep_ != "dobj" or noun.lemma_.lower() not in words(noun.doc.lang_, "speaker_document_nouns"):
        return None
    return next((c for c in noun.head.children if c.dep_ == "nsubj" and c.i < noun.i), None)


def _dateline(tok) -> bool:
    """A wire story's dateline: a place in capitals opening its line, then a dash before the story
    ("WASHINGTON -- ", "BEDFORD, N.H. (AP) — "), or in title case with the agency after it
    ("Washington (AFP) – "); where it is, not who speaks."""
    doc = tok.doc
    if len(tok.text) < 2 or not tok.is_alpha or not (
            tok.text.isupper() or tok.text[0].isupper() and tok.i + 1 < len(doc) and doc[tok.i + 1].text == "("):
        return False
    if tok.i > 0 and "\n" not in doc[tok.i - 1].text + doc[tok.i - 1].whitespace_:
        return False
    return _dateline_dash(tok) is not None


def _dateline_dash(tok):
    """The dash that closes a dateline opening with ``tok``, with a capitalised word after it."""
    doc = tok.doc
    return next((t for t in doc[tok.i + 1:tok.i + _DATELINE_REACH] if t.text in _DATELINE_DASHES
                 and t.i + 1 < len(doc) and doc[t.i + 1].text[:1].isupper()), None)


def _past_dateline(tok):
    """For a dateline the parser took for the speaker, the name it hung on it ("WASHINGTON --
    President Obama, ..., said"), else None; any other token as it is."""
    if tok is None or not _dateline(tok):
        return tok
    named = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > tok.i
                  and tok.doc[c.i - 1].text != "("), None)  # not the agency: "Washington (AFP) –"
    if named is None:  # "Washington (AFP) – Donald Trump is ...": the subject after it
        named = next((c for c in tok.head.children if c.dep_ in NOMINAL_SUBJECTS and c.i > tok.i), None)
    return named


def _after_dateline(doc, speaker, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """A speaker's mention without the dateline the parser hung on it ("LONDON (Reuters) - Mayor
    Sadiq Khan")."""
    first = doc[speaker.left_edge.i]
    if span is None or first.i >= speaker.i or not _dateline(first):
        return span
    dash = _dateline_dash(first)
    return (doc[dash.i + 1].idx, span[1]) if dash.i < speaker.i else span


def _closed_off(subj, verb) -> bool:
    """Whether a closing quotation mark stands between a subject and its verb after it: the
    subject is inside the quotation."""
    return subj.i < verb.i and any(t.text in CLOSING_MARK_TOKENS for t in subj.doc[subj.right_edge.i + 1:verb.i])


def _inverted_object(tok):
    """The speaker after a verb that follows its quotation, which the parser took for the verb's
    object: '“...,” points out the laid-back Cambridge resident'."""
    if tok.i < 2 or tok.doc[tok.i - 1].text not in CLOSING_MARK_TOKENS:
        return None
    return next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i and c.pos_ in ("NOUN", "PROPN")), None)


def _name_before(tok):
    """A name right before a finite verb that found no subject: the parser hung it elsewhere
    ("tenants advocate Josh Matlow told ...", where "advocate" was taken for a verb) or split
    the sentence before the verb ("Matlow said ..."). It is the subject as written."""
    if tok.i == 0 or tok.tag_ not in _FINITE or tok.dep_ not in ("ROOT", "ccomp"):
        return None
    before = tok.doc[tok.i - 1]
    if before.lower_ == "old" and any(c.lemma_ == "year" for c in before.children):
        return before  # "the 34-year-old said", with "the" hung on the verb: the person of that age
    if before.pos_ != "PROPN" or not before.text[:1].isupper() or "\n" in before.whitespace_:
        return None
    # the last of coordinated names ("Obama and Clinton call") would stand for all of them
    return None if before.dep_ == "conj" else before


def _outlet_before(tok, lang: str):
    """'one of the leading Ukrainian media, ... it was reported': the outlet earlier in the sentence."""
    media = words(lang, "speaker_media_nouns")
    for t in tok.sent:
        if t.i >= tok.i:
            break
        if t.pos_ == "NOUN" and (t.lower_ in media or t.lemma_.lower() in media):
            up = t.head.head if t.head.lower_ == "of" else None
            return up if up is not None and up.pos_ in ("NUM", "PRON", "ADJ") else t
    return None


def _complement(doc, tok, frame: str, after_only: bool = False) -> tuple[int, int] | None:
    if frame == "quoted":
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        for child in list(tok.children) + (list(obj.children) if obj is not None else []):
            if child.dep_ == "prep" and child.lower_ in ("about", "as", "on"):
                said = next((c for c in child.children if c.dep_ in ("pcomp", "pobj") and c.pos_ == "VERB"
                             and c.lemma_.lower() in verb_frames(doc.lang_)), None)
                if said is not None:  # "as saying (in a statement) that ...": what the saying reports
                    reported = _complement(doc, said, "that")
                    if reported is not None:
                        return reported
                return token_span(doc, child.i + 1, child.right_edge.i)
        return None
    if frame == "that":
        # one after the cue first: a clause before it that the parser also hung on it
        # ("It was no abstract concern: Trump declared that ...") is seldom what was said
        clauses = [c for c in tok.children if c.dep_ == "ccomp" and not (after_only and c.i < tok.i)]
        after = (c for c in clauses if c.i > tok.i and (has_own_subject(c) or any(g.dep_ == "mark" for g in c.children)))
        quoted_before = tok.i > 0 and doc[tok.i - 1].text in CLOSING_MARK_TOKENS  # '"...," said a statement, read ...'
        clause = next(after, None) if not quoted_before else None
        clause = clause if clause is not None else (clauses[0] if clauses else None)
        if clause is not None:
            span = _complement_span(doc, tok, clause)
            if span is not None and clause.i > tok.i:
                more = _second_that_clause(doc, tok, clause)
                if more is not None:
                    span = (span[0], max(span[1], more))
            return span
    for child in tok.children:
        if after_only and child.i < tok.i:
            continue
        if frame == "to" and child.dep_ == "xcomp" and any(c.lower_ == "to" for c in child.children):
            span = _complement_span(doc, tok, child)
            return span if span is None else (span[0], max(span[1], _more_infinitives(doc, tok, child)))
        if frame == "obj" and child.dep_ == "dobj" and child.lower_ not in _RELATIVE \
                and child.ent_type_ not in _WHEN and not _spoken_to(tok, child):
            # not "reported Tuesday" (a date the parser took for the object), nor "told reporters"
            # "announced a meeting ... to prepare ...": a purpose clause after the object belongs to it.
            return token_span(doc, child.left_edge.i, _tail(tok, child.right_edge.i))
        if frame == "oprd" and child.dep_ in ("oprd", "acomp"):
            # "called him a moderate": the object and what it is called, as one content
            obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i < child.i
                        and c.lower_ not in _RELATIVE), None)
            return token_span(doc, (obj if obj is not None else child).left_edge.i, _tail(tok, child.right_edge.i))
        if child.dep_ in ("ccomp", "advcl") and child.i > tok.i and frame not in ("that", "to", "obj") \
                and any(c.dep_ == "mark" and c.lower_ == frame and c.i == child.left_edge.i for c in child.children):
            return token_span(doc, child.left_edge.i + 1, child.right_edge.i)  # "called for him to resign"
        if child.dep_ == "prep" and child.lower_ == frame and child.i > tok.i \
                and not any(c.dep_ == "pobj" and c.ent_type_ in _WHEN for c in child.children):
            return token_span(doc, child.i + 1, _tail(tok, child.right_edge.i))  # not "reported on Friday"
    return None


def _more_infinitives(doc, tok, infinitive) -> int:
    """Where an infinitive content ends with the bare infinitives coordinated with it that the parser
    hung on the cue ("wants to triple the program, grow the Peace Corps and create ...", "planned to
    revitalize sales, then hand over the property"): a base form cannot go with the cue's tense."""
    end = -1
    last = infinitive.right_edge.i
    for verb in tok.children:
        if verb.i <= last or verb.dep_ not in ("conj", "dep") or verb.tag_ != "VB" or has_own_subject(verb) \
                or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
            continue
        if any(t.text not in (",", "and", "or", "then") for t in doc[last + 1:verb.left_edge.i]):
            break
        last = verb.right_edge.i
        span = token_span(doc, verb.left_edge.i, last)
        end = span[1] if span else end
    return end


def _second_that_clause(doc, tok, clause) -> int | None:
    """Where a second "that" clause coordinated with a cue's complement ends: in "said there
    are no good options, but that sometimes ...", the parser hangs "that sometimes ..." on
    "said", and it is said too. A coordinated reporting verb is a cue of its own. A second verb
    of the clause with no subject of its own, hung on the cue after a comma, goes on it too."""
    first = clause
    for conj in tok.children:
        if conj.i <= clause.right_edge.i:
            continue
        gap = doc[clause.right_edge.i + 1:conj.left_edge.i]
        if conj.dep_ == "ccomp" and conj.pos_ in ("VERB", "AUX") and not has_own_subject(conj) \
                and all(t.text == "," for t in gap):
            # "said he had behaved well, had completed programs ...": the parser hangs the second of
            # the clause's verbs on "said"; with no subject of its own it goes on the first clause
            clause = conj
            continue
        if conj.dep_ not in ("conj", "ccomp"):
            continue  # "and that ..." hangs on the cue as a conjunct, or as a second complement
        opens_with_that = any(c.dep_ == "mark" and c.lower_ == "that" for c in conj.children)
        if not opens_with_that or conj.lemma_.lower() in verb_frames(doc.lang_) and not has_own_subject(conj):
            break  # a coordinated reporting verb ("and stressed that ...") is a cue of its own
        joint = doc[clause.right_edge.i:conj.left_edge.i]  # the parser may end the clause with the "and"
        if not any(t.dep_ == "cc" for t in joint) or any(t.text in (";", ":") for t in gap):
            break
        clause = conj
        break
    if clause is first:
        return None
    end = token_span(doc, clause.left_edge.i, clause.right_edge.i)
    return end[1] if end else None


def _spoken_to(tok, obj) -> bool:
    """Whether a cue's object is whom it was said to: "told the crowd", "urged Congress"."""
    lang = tok.doc.lang_
    if tok.lemma_.lower() not in words(lang, "quote_addressee_verbs"):
        return False
    if obj.tag_ == "PRP":  # "told them"; but "told it", and "told everything" (NN)
        return obj.lower_ != "it"
    return obj.ent_type_ in _PEOPLE or obj.lemma_.lower() in words(lang, "quote_audience_nouns")


def _complement_span(doc, tok, child) -> tuple[int, int] | None:
    """A clausal complement's subtree, from after the cue when the complement follows it:
    in "satellites, which Ukraine plans to acquire", the fronted "which" is no content."""
    first = child.left_edge.i
    if child.i > tok.i and first < tok.i:
        first = tok.i + 1
    return token_span(doc, first, child.right_edge.i)


def _tail(tok, last: int) -> int:
    """Extend a content ending at last over the cue's later phrases ("condemned X for his remarks"),
    but not over one saying when or where it was said."""
    doc = tok.doc
    for sib in tok.children:
        if sib.i <= last:
            continue
        if sib.lower_ == "according" or any(doc[i].text in (",", ";", ":", "—") for i in range(last + 1, sib.i)):
            break  # a phrase set off by a comma is the attribution's own ("..., according to X")
        if _says_when_or_where(sib) or _when_clause(sib):
            continue  # "called Clinton a disgrace Wednesday on The Laura Ingraham Show"
        if sib.dep_ in ("advcl", "xcomp") and sib.pos_ == "VERB" or sib.dep_ in _OBJ_TAIL:
            last = sib.right_edge.i
    return last


def _when_clause(sib) -> bool:
    """A phrase or clause after a cue's object that says when: "during a campaign stop", "since the
    debate", "when he ran for the White House", "as Pyongyang fired three missiles"."""
    if sib.dep_ == "prep":
        return sib.lower_ in _TIME_PREPOSITIONS
    first = sib.left_edge
    return sib.dep_ == "advcl" and first.lower_ in _TIME_SUBORDINATORS and first.head.i == sib.i


def _says_when_or_where(sib) -> bool:
    """Whether a phrase after a cue's object tells when or on what occasion it was said:
    "Wednesday", "in late May", "in an interview", "during a rally"."""
    if sib.dep_ == "npadvmod":
        return sib.ent_type_ in _WHEN
    if sib.dep_ != "prep":
        return False
    obj = next((c for c in sib.children if c.dep_ == "pobj"), None)
    if obj is None:
        return False
    return obj.ent_type_ in _WHEN or (sib.lower_ in _OCCASION_PREPOSITIONS
                                       and obj.lemma_.lower() in words(sib.doc.lang_, "quote_occasions"))


def _acts_on_its_own(tok) -> bool:
    """Whether a cue word is an action of its own rather than a parenthetical "..., X said".

    "Sanders prevailed Tuesday, continuing his win streak", "as they continue to
    rake in fees", "a freight version, announced last November" and "orders since it
    was announced" hang on a clause without reporting it: the verb has a complement of
    its own, opens a subordinate clause, or has no subject (a participle describing what
    the clause, or a noun in it, is or did).
    """
    if any(c.dep_ in _OWN_COMPLEMENTS for c in tok.children):
        return True
    if any(c.dep_ == "mark" and c.lower_ not in _PARENTHETICAL_MARKS for c in tok.children):
        return True  # "since it was announced", "because he said so"; but "as X said"
    return not has_own_subject(tok)


def has_own_subject(tok) -> bool:
    """Whether a verb has a subject (or an expletive "there"/"it") among its own dependents."""
    return any(c.dep_ in SUBJECTS or c.dep_ == "expl" for c in tok.children)


def _opens_quotation(doc, tok) -> bool:
    """'Emphasizing the urgency, Trump said, "If we ...': the cue introduces the quotation
    after it (found by its marks), not the phrase before it."""
    nxt = tok.i + 1
    if nxt < len(doc) and doc[nxt].text in (",", ":"):
        nxt += 1
    return nxt < len(doc) and doc[nxt].text in OPENING_MARK_TOKENS


def _hung_on(doc, cue_tok, head):
    """Content of a parenthetical cue: the head's clause on the far side of the cue's own clause,
    and the clause's other side when the cue sits inside it between commas (else None).

    The cue's clause runs from its subtree's left edge to the first comma after the
    cue (the parser often hangs the next phrase on the cue; the comma ends it).
    """
    left, right = head.left_edge.i, head.right_edge.i
    sent = cue_tok.sent
    left, right = max(left, sent.start), min(right, sent.end - 1)
    # The cue's own clause starts at its subject: a fronted phrase the parser hung on the cue
    # ("In a general election, those Democrats argued, ...") belongs to the content.
    subject = next((c for c in cue_tok.lefts if c.dep_ in SUBJECTS), None)
    c_left = subject.left_edge.i if subject is not None else min(cue_tok.left_edge.i, cue_tok.i)
    while c_left < cue_tok.i and doc[c_left].is_punct:
        c_left += 1
    c_right = cue_tok.i
    for i in range(cue_tok.i + 1, cue_tok.right_edge.i + 1):
        if doc[i].text in (",", ";", ":", "—"):
            break
        c_right = i
    before = (left, c_left - 1) if c_left > left else None
    after = (c_right + 1, right) if c_right < right else None
    pick = max((p for p in (before, after) if p), key=lambda p: p[1] - p[0], default=None)
    if pick is None:
        return None, None
    other = None
    if before and after and doc[c_left - 1].text == "," and c_right + 1 < len(doc) and doc[c_right + 1].text == ",":
        rest = before if pick is after else after
        if sum(1 for t in doc[rest[0]:rest[1] + 1] if not t.is_punct) >= _MIN_OTHER_PART:
            other = token_span(doc, *rest)
    return token_span(doc, *pick), other
