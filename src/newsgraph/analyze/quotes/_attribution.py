"""What kind of attribution a quote is: speech, belief, intention or stance.

- A quotation in quotation marks (kind direct) is speech; under a cue that is no
  speech, a quoted stretch of under four words is a term ("known as "blackouts"",
  "refers to "yeet""), no quote.
  Quoted words that modify a noun outside the marks ('told NBC's "Today" show', 'the
  "boys will be boys" trope') name a show or a term: no quote; so does a quotation after a
  naming verb in the passive with no agent ('is billed as "a conversation between ..."').
- Otherwise the cue says it, for a paraphrase with quoted words in it (mixed) too:
  a verb's class in ``reporting_verbs.txt`` ("said": speech, "believes": belief,
  "plans": intention, "criticised", "supports": stance),
  a noun's in ``quote_nouns.tsv`` ("the claim that": speech, "a plan to":
  intention); "according to", "reportedly", a poll and a headline colon are speech.
  A word the learned model proposed takes its class when it is a listed verb, else
  it is a stance: the model learned PolNeAR's attributions of stances and acts.
- Speech needs a proposition. A speech verb whose content is only a thing
  ("announced his resignation", "talked about the economy", "thanked her parents")
  says what was talked about, not what was said: it is a stance. Its content is a
  proposition when the verb reports a clause, an infinitive or what something was
  called ("called him a liar"), or when the content is headed by a verb ("talked
  about being excited"; not "talked about X, who ..."). Quoted words in a thing talked
  about do not make it one ("tell stories about the first time she "fell in love"",
  "stressing the need to ... under "constant attack""): a stance too; in what something
  was called ("described Clinton as a "disgrace"") they are speech.
- A speech verb whose speaker is a belief ("Common belief says ...", "conventional
  wisdom says ..."; ``quote_belief_speakers.txt``) reports a belief.
- A record or a finding reporting by a verb of evidence ("records indicated ...", "a
  study concluded ..."; ``quote_evidence_nouns.txt``, ``quote_evidence_verbs.txt``) is a
  belief: what the evidence shows, not what anyone said.
- A speech verb negated ("won't say what he'll do", "didn't respond to interview
  requests") reports that nothing was said: a stance (an act towards a topic; PolNeAR
  marks them), not speech ("declined to say" is an intention already); so is a quotation
  after a negated verb ('doesn't describe the candy but means "no value"'). A verb of asking
  with no asker ("When asked whether ...") is the reporter's question: PolNeAR marks it,
  with no source; it is no one's speech, so it too is kept as a stance.
- A content that is only a name or a pronoun is no quote of speech at all
  ("talking about Alfonso Espinos"): ``attribution`` returns None and the quote is
  left out. So is a content with no word of its own, what an elided verb leaves
  ("higher than city reports say it is", "lower than TransLink says they are"), and
  one that is only an adverbial clause of the verb, saying when or despite what
  ("said no when reporters asked if ...", "..., he said, though he did not name
  anyone"): the reporter's circumstance, not what was said; and one that is only a verb of
  saying ('"...," he was quoted as saying in the press release'): what was said is in marks.
- A verb of seeing ("saw the company reimbursing donors", "view details of the plan",
  "offer a glimpse into ..."; ``quote_seeing_verbs.txt``) reports what was seen, no
  attribution, unless its object is seen as something ("sees the report as proof"):
  then it is a stance.
- One quoted word with no sentence end of its own ("couth," "renoviction") is a term,
  no quote, unless its cue stands beside it (`"Yes," Smith said`) or takes it as what
  something was called (`calls people "losers"`).
- A speech verb in an infinitive that modifies a noun ("attempts to confirm that ...",
  "a chance to explain why ...") reports a try or a chance to say it: an intention, not
  speech.
"""

from __future__ import annotations

from ..constants import DOUBLE_MARKS
from ..lexicons import words
from .cues import Cue, verb_frames

__all__ = ["ATTRIBUTIONS", "attribution"]

ATTRIBUTIONS = ("speech", "belief", "intention", "stance")
# Frames whose content is a proposition whatever words it has: a clause, what something was
# called, a question, "X appears to Y", "quoted as saying". An infinitive ("to") is one when
# its content is headed by a verb: the frame also takes "to" as a preposition ("pleaded guilty
# to six counts").
_PROPOSITION_FRAMES = frozenset({"that", "oprd", "whether", "if", "raise", "quoted"})
# Entity types of a content that only names someone: no proposition.
_NAMES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
# A quoted stretch shorter than this under a cue that is no speech ("known as "blackouts"",
# "refers to "yeet"") is a term, not a quotation.
_MIN_QUOTED_WORDS = 4
# Parts of speech of a word that says nothing of its own: a content of only these ("it is",
# "they are") is what an elided verb left.
_FUNCTION_POS = frozenset({"PRON", "AUX", "DET", "PART", "CCONJ", "SCONJ", "ADP", "PUNCT", "SPACE"})
# Subordinators of an adverbial clause saying when, or despite what, a thing was said.
_CIRCUMSTANCE_OPENERS = frozenset({"when", "while", "whenever", "though", "although", "after", "before",
                                   "until", "once"})
# Relations the learned proposals report through, as the frames of the word lists.
_LEARNED_FRAMES = {"dobj": "obj", "ccomp": "that", "that": "that", "xcomp": "to", "toinf": "to"}


def attribution(doc, text: str, kind: str, cue: Cue | None, start: int, end: int, lang: str = "en") -> str | None:
    """The attribution of a quote with this kind, cue and content span; None when it is no quote:
    a speech cue's content that only names someone, a quoted term ("known as "blackouts"").
    ``text`` is ``doc.text``, passed in because spaCy rebuilds that string from every token
    on each access, which made this check a tenth of the quote stage."""
    if cue is None:
        return "speech"  # a quote with no cue is a quotation going on from the one before
    klass, frame = _class_and_frame(cue, lang)
    if kind == "direct":
        if _lone_word(text, start, end) and not _cue_beside(text, cue, start, end) \
                and not _governed(doc, cue, start, end):
            return None  # "This year's list included "couth," "compunction," ...": terms, not speech
        if klass != "speech" and len(text[start:end].split()) < _MIN_QUOTED_WORDS:
            return None  # a term or a name in quotation marks, not a quotation
        if _names_a_thing(doc, start, end):
            return None  # 'NBC's "Today" show', 'the "boys will be boys" trope': a title or a term
        if _named_by(doc, cue, lang):
            return None  # 'is billed as "a conversation between dancers ..."': what it is called
        if _unsaid(doc, text, cue, quoted=True):
            return "stance"  # 'doesn't describe the candy but means "no value"': not what was said
        return "speech"
    if klass == "speech" and cue.speaker is not None \
            and doc[cue.speaker].lemma_.lower() in words(lang, "quote_belief_speakers"):
        klass = "belief"  # "Common belief says ...": what is believed, not what anyone said
    if klass == "speech" and _evidence(doc, cue, lang):
        klass = "belief"  # "records indicated ...", "a study concluded ...": a finding, not speech
    if kind == "indirect" and _only_seen(doc, cue, lang):
        return None  # "saw the company reimbursing donors": what was seen, not a view of it
    if kind == "indirect" and _says_nothing(doc, start, end, after_cue=start >= cue.end):
        return None  # "say it is", "said no when reporters asked": no content of the speaker's
    if klass == "speech" and _infinitive_of_a_noun(doc, cue):
        klass = "intention"  # "attempts to confirm that ...": trying to say it, not saying it
    found = _indirect(doc, text, kind, klass, frame, start, end)
    if found == "speech" and (_asked_unnamed(doc, cue, lang) or _unsaid(doc, text, cue)):
        # "When asked whether ...": the reporter's question; "won't say what he'll do": nothing said
        return "stance"
    return found


def _indirect(doc, text: str, kind: str, klass: str, frame: str, start: int, end: int) -> str | None:
    """The attribution of an indirect or mixed quote by its cue's class and its content."""
    if klass != "speech" or not frame or frame in _PROPOSITION_FRAMES:
        return klass
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return klass
    if kind == "mixed" or any(c in DOUBLE_MARKS for c in text[start:end]):
        # quoted words in a thing talked about ("tell stories about "firsts"", "stressed the need
        # to bolster ... under "constant attack"") do not make it a proposition; in a clause, a
        # verb's phrase or what something was called ("described Clinton as "a disgrace"") they
        # are what was said
        root = span.root
        if root.pos_ in ("NOUN", "PROPN", "PRON") and not any(t.dep_ == "prep" and t.lower_ == "as" for t in span):
            return "stance"
        return klass
    if _only_a_name(span):
        return None
    if span.root.pos_ in ("VERB", "AUX"):
        return klass
    return "stance"


def _says_nothing(doc, start: int, end: int, after_cue: bool) -> bool:
    """A content with no word of its own ("it is", "they are": what an elided verb leaves), or,
    after its cue, one that is only a clause of when or despite what ("when reporters asked if
    ...", "though he named no one"; before the cue, "When the plant closes, she said, ..." is the
    speaker's condition)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    if all(t.pos_ in _FUNCTION_POS for t in span):
        return True
    if _bare_saying(span):
        return True
    first = span[0]
    return after_cue and first.lower_ in _CIRCUMSTANCE_OPENERS and first.head.i == span.root.i \
        and first.dep_ in ("mark", "advmod")


def _bare_saying(span) -> bool:
    """A content that is only a verb of saying with no complement ("saying in the press release",
    after '"...," he was quoted as'): the words said are the quotation in marks beside it."""
    root = span.root
    return root.i == span.start and root.tag_ == "VBG" and root.lemma_.lower() in verb_frames(root.doc.lang_) \
        and not any(c.dep_ in ("ccomp", "dobj", "xcomp", "oprd") for c in root.children)


def _only_seen(doc, cue: Cue, lang: str) -> bool:
    """A verb of seeing with no "as" ("saw X doing Y", "view details of"); "sees X as Y" is a stance."""
    if cue.verb is None or cue.score is not None or doc[cue.verb].lemma_.lower() not in words(lang, "quote_seeing_verbs"):
        return False
    verb = doc[cue.verb]
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if any(c.lower_ == "as" for head in [verb, *objects] for c in head.children):
        return False
    # "saw the company reimbursing donors", "see the candidates debate": a scene; "sees that the
    # economy ...", "I see the economy is improving": a finite clause, what one has come to think
    return not any(c.dep_ == "ccomp" and _finite(c) for c in verb.children)


def _finite(verb) -> bool:
    """A clause with a tense of its own ("is improving", "cooled", "that ..."), not a scene ("the
    company reimbursing donors")."""
    return verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" or c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)


def _infinitive_of_a_noun(doc, cue: Cue) -> bool:
    """A cue verb in an infinitive that modifies a noun: "attempts to confirm", "a chance to explain"."""
    if cue.verb is None:
        return False
    verb = doc[cue.verb]
    return verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                  for c in verb.children)


def _names_a_thing(doc, start: int, end: int) -> bool:
    """Quoted words that modify a noun outside the marks: the name of a show or a term, not a
    quotation ('told NBC's "Today" show', 'the "boys will be boys" trope')."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    return root.dep_ in ("compound", "amod", "nmod") and not (span.start <= root.head.i < span.end) \
        and root.head.pos_ in ("NOUN", "PROPN")


def _named_by(doc, cue: Cue, lang: str) -> bool:
    """A naming verb in the passive with no agent ("is billed as", "was dubbed"; ``quote_naming_verbs.txt``):
    the quotation is what a thing is called, by nobody in particular."""
    if cue.verb is None:
        return False
    verb = doc[cue.verb]
    return verb.tag_ == "VBN" and verb.lemma_.lower() in words(lang, "quote_naming_verbs") \
        and not any(c.dep_ in ("nsubj", "agent") for c in verb.children)


def _lone_word(text: str, start: int, end: int) -> bool:
    """One quoted word with no sentence's end of its own: "couth," or "renoviction", not "One!"."""
    quoted = text[start:end].strip(" " + DOUBLE_MARKS)
    return len(quoted.split()) == 1 and not quoted.rstrip("’'").endswith(("!", "?", "."))


def _cue_beside(text: str, cue: Cue, start: int, end: int) -> bool:
    """Whether nothing but punctuation and the speaker stands between a quotation and its cue:
    '"Yes," Smith said', 'He said: "No"'."""
    if cue.start >= end:
        gap = (end, cue.start)
    elif cue.end <= start:
        gap = (cue.end, start)
    else:
        return True
    between = text[gap[0]:gap[1]]
    if cue.speaker_span is not None and gap[0] <= cue.speaker_span[0] and cue.speaker_span[1] <= gap[1]:
        between = text[gap[0]:cue.speaker_span[0]] + text[cue.speaker_span[1]:gap[1]]
    return not between.strip(" \t,:;—–-" + DOUBLE_MARKS)


def _governed(doc, cue: Cue, start: int, end: int) -> bool:
    """Whether a quoted word lies in its cue verb's phrase ('calls people "losers"', 'describing as
    "unhinged"'): what the speaker called something."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if cue.verb is None or span is None or not len(span):
        return False
    verb = doc[cue.verb]
    return verb.left_edge.i <= span.root.i <= verb.right_edge.i


def _evidence(doc, cue: Cue, lang: str) -> bool:
    """A record or a finding that reports by a verb of evidence ("City financial records indicated
    ...", "a TransLink study concluded ..."; ``quote_evidence_nouns.txt``, ``quote_evidence_verbs.txt``)."""
    return cue.verb is not None and cue.speaker is not None \
        and doc[cue.verb].lemma_.lower() in words(lang, "quote_evidence_verbs") \
        and doc[cue.speaker].lemma_.lower() in words(lang, "quote_evidence_nouns")


def _unsaid(doc, text: str, cue: Cue, quoted: bool = False) -> bool:
    """A speech verb negated ("didn't respond to", "won't say what", "doesn't describe"): it
    reports that something was not said. Of a quotation (``quoted``), only a negation right before
    the verb with no quotation mark between counts ('"Probably not," Ms. Moore said': the parser
    hangs the quotation's "not" on "said")."""
    if cue.verb is None:
        return False
    verb = doc[cue.verb]
    return any(c.dep_ == "neg" and not (quoted and (c.i > verb.i or any(m in text[c.idx:verb.idx] for m in DOUBLE_MARKS)))
               for c in verb.children)


def _asked_unnamed(doc, cue: Cue, lang: str) -> bool:
    """A verb or noun of asking with no asker named ("When asked if ...", "asked whether ...",
    "didn't respond to questions about whether ..."): the question is the reporter's
    (``quote_question_verbs.txt``). The one who faces or answers questions ("the mayor didn't respond
    to questions") is not their asker: only a noun's own holder ("her questions", "questions from
    the senator") asks them."""
    if cue.lemma not in words(lang, "quote_question_verbs"):
        return False
    if cue.speaker is None:
        return True
    if cue.verb is not None:
        return False
    noun = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    holder = doc[cue.speaker]
    return noun is None or not len(noun) or noun.root.i not in (holder.head.i, holder.head.head.i)


def _class_and_frame(cue: Cue, lang: str) -> tuple[str, str]:
    """The cue's class and the frame its content was found by; a learned proposal takes the class
    of its word when that is a listed verb, else it is a stance."""
    if cue.score is None:
        return cue.klass, cue.frame
    listed = verb_frames(lang).get(cue.lemma)
    return (listed[0] if listed is not None else "stance"), _LEARNED_FRAMES.get(cue.frame,
                                                                               cue.frame.removeprefix("prep_"))


def _only_a_name(span) -> bool:
    """A name ("Alfonso Espinos", "the Washington Examiner") or a pronoun ("him", "it", "what")."""
    words = [t for t in span if not (t.is_punct or t.is_space)]
    if len(words) == 1 and words[0].pos_ == "PRON":
        return True
    return bool(words) and all(t.ent_type_ in _NAMES or t.pos_ in ("PROPN", "DET") for t in words) \
        and any(t.pos_ == "PROPN" for t in words)
