"""What kind of attribution a quote is: speech, belief, intention or stance.

- A quotation in quotation marks (kind direct, or mixed: a paraphrase with the
  speaker's words quoted in it) is speech.
- Otherwise the cue says it: a verb's class in ``reporting_verbs.txt`` ("said":
  speech, "believes": belief, "plans": intention, "criticised", "supports": stance),
  a noun's in ``quote_nouns.tsv`` ("the claim that": speech, "a plan to":
  intention); "according to", "reportedly", a poll and a headline colon are speech.
  A word the learned model proposed takes its class when it is a listed verb, else
  it is a stance: the model learned PolNeAR's attributions of stances and acts.
- Speech needs a proposition. A speech verb whose content is only a thing
  ("announced his resignation", "talked about the economy", "thanked her parents")
  says what was talked about, not what was said: it is a stance. Its content is a
  proposition when the verb reports a clause, an infinitive or what something was
  called ("called him a liar"), or when the content is headed by a verb ("talked
  about being excited"; not "talked about X, who ...").
- A content that is only a name or a pronoun is no quote of speech at all
  ("talking to Alfonso Espinos", "asked Lindsey Graham"): ``attribution`` returns
  None and the quote is left out.
"""

from __future__ import annotations

from ..constants import DOUBLE_MARKS
from .cues import Cue, verb_frames

__all__ = ["ATTRIBUTIONS", "attribution"]

ATTRIBUTIONS = ("speech", "belief", "intention", "stance")
# Frames whose content is a proposition whatever words it has: a clause, an infinitive, what
# something was called, a question, "X appears to Y", "quoted as saying".
_PROPOSITION_FRAMES = frozenset({"that", "to", "toinf", "oprd", "whether", "if", "raise", "quoted"})
# Entity types of a content that only names someone: no proposition.
_NAMES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
# Relations the learned proposals report through, as the frames of the word lists.
_LEARNED_FRAMES = {"dobj": "obj", "ccomp": "that", "that": "that", "xcomp": "to", "toinf": "to"}


def attribution(doc, kind: str, cue: Cue | None, start: int, end: int, lang: str = "en") -> str | None:
    """The attribution of a quote with this kind, cue and content span; None when a speech
    cue's content is only a name (no quote)."""
    if kind in ("direct", "mixed") or cue is None:
        return "speech"  # a quote with no cue is a quotation going on from the one before
    klass = cue.klass
    frame = cue.frame
    if cue.score is not None:  # a learned proposal: the class of its word when that is listed
        listed = verb_frames(lang).get(cue.lemma)
        klass = listed[0] if listed is not None else "stance"
        frame = _LEARNED_FRAMES.get(frame, frame.removeprefix("prep_"))
    if klass != "speech" or not frame or frame in _PROPOSITION_FRAMES:
        return klass
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or any(c in DOUBLE_MARKS for c in doc.text[start:end]):
        return klass
    if _only_a_name(span):
        return None
    if span.root.pos_ in ("VERB", "AUX"):
        return klass
    return "stance"


def _only_a_name(span) -> bool:
    """A name ("Alfonso Espinos", "the Washington Examiner") or a pronoun ("him", "it", "what")."""
    words = [t for t in span if not (t.is_punct or t.is_space)]
    if len(words) == 1 and words[0].pos_ == "PRON":
        return True
    return bool(words) and all(t.ent_type_ in _NAMES or t.pos_ in ("PROPN", "DET") for t in words) \
        and any(t.pos_ == "PROPN" for t in words)
