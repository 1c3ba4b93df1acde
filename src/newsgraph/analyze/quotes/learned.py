"""Attributions the word lists miss, proposed from the parse and kept by a small learned model.

The cue lists (``reporting_verbs.txt``, ``quote_nouns.tsv``) find most attributions,
but news attributes stances through a long tail of wordings: "took a shot at X",
"is looking for a strong showing", "figures that ...", "a fierce critic of X". This
stage proposes every verb, noun and adjective with a complement (direct object,
object of a preposition, clausal complement, infinitive, a noun's "that" clause)
that no earlier cue or quotation has claimed, and keeps the proposals a logistic
model scores at or above its threshold, best first, never two that overlap.

The model is one weight per feature of a proposal (the word's lemma, the
complement's relation, the two together, part of speech, the kind of subject,
negation, ...) in ``lexicons/<lang>/quote_learned_weights.tsv``, with its threshold
in the row ``__threshold__``. ``scripts/train_quote_model.py`` writes that file from
the PolNeAR training split's annotations (weights only; no text of the corpus);
a language without the file gets no proposals.

Limits: the content is the complement's subtree as the small model parses it; the
speaker is the subject (the possessor of a noun), so "X took a shot at Y" gives X.
The model learned PolNeAR's notion of attribution (US political news), which
counts stances and acts ("voted for", "campaigned against") as well as speech.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from importlib import resources

from ..doc_text import text_of
from ..logistic import probability
from ..token_filter import tokens_with
from .cues import Cue, speaker_mention, subject_of, token_span
from ._idioms import in_idiom
from ._nouns import noun_speaker
from ..constants import NOMINAL_SUBJECTS, OPENING_MARK_TOKENS, SUBJECTS

__all__ = ["Proposal", "proposals", "learned_cues", "load_model", "read_model", "probability", "MODEL_FILE"]

MODEL_FILE = "quote_learned_weights.tsv"
_RELATIVE = frozenset({"that", "which", "who", "whom"})
# A noun's complement is its stance's object only after these ("criticism of", "a bet on").
_NOUN_PREPOSITIONS = frozenset({"of", "about", "on", "against", "for", "to", "with", "over", "in", "from", "at",
                                "toward", "towards"})
# Links a stance word's holder is looked for across ("was quick to embrace", "by withholding");
# never a clausal complement, whose subject is someone else's.
_CLIMB = frozenset({"xcomp", "conj", "advcl", "acomp", "pcomp", "prep", "pobj", "acl"})


@dataclass(frozen=True)
class Proposal:
    """A word with a complement that might be an attribution's cue and content."""

    token: int  # doc index of the cue word
    relation: str  # dobj, prep_<word>, ccomp, xcomp, that, toinf
    content: tuple[int, int]  # characters
    features: tuple[str, ...]


@lru_cache(maxsize=None)
def load_model(lang: str) -> tuple[float, dict[str, float]] | None:
    """(threshold, weight per feature) for a language, or None when it has no model file."""
    path = resources.files("newsgraph.analyze.lexicons") / lang / MODEL_FILE
    if not path.is_file():
        return None
    return read_model(path)


def read_model(path) -> tuple[float, dict[str, float]]:
    """(threshold, weight per feature) from a weights file as train_quote_model.py writes it."""
    threshold, weights = None, {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        feature, _, value = line.rpartition("\t")
        if feature == "__threshold__":
            threshold = float(value)
        else:
            weights[feature] = float(value)
    if threshold is None:
        raise ValueError(f"{path}: no __threshold__ row")
    return threshold, weights


def learned_cues(doc, inside: bytearray, taken: list[tuple[int, int]], lang: str = "en") -> list[Cue]:
    """Cues for the proposals the model keeps, clear of the spans already taken (characters)."""
    model = load_model(lang)
    if model is None:
        return []
    threshold, weights = model
    scored = []
    for proposal in proposals(doc, inside, lang, skip=_Overlaps(taken).overlapped):
        p = probability(proposal.features, weights)
        if p >= threshold:
            scored.append((p, proposal))
    scored.sort(key=lambda item: (-item[0], item[1].content))
    kept: list[tuple[float, Proposal]] = []
    for p, proposal in scored:
        start, end = proposal.content
        if not any(k.content[0] < end and start < k.content[1] for _, k in kept):
            kept.append((p, proposal))
    return sorted((_cue(doc, proposal, p, lang) for p, proposal in kept), key=lambda c: c.start)


class _Overlaps:
    """Whether a span overlaps any of some fixed spans, by bisection instead of a walk over them all:
    the spans sorted by start, with the furthest end reached so far."""

    def __init__(self, spans: list[tuple[int, int]]):
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach = list(accumulate((b for _, b in ordered), max))

    def overlapped(self, start: int, end: int) -> bool:
        before_end = bisect_left(self.starts, end)  # the spans that start before ``end``
        return before_end > 0 and self.reach[before_end - 1] > start


def _cue(doc, proposal: Proposal, score: float, lang: str) -> Cue:
    tok = doc[proposal.token]
    speaker = _holder(tok, lang)
    speaker, span = speaker_mention(doc, tok, speaker, proposal.content)
    return Cue(tok.idx, tok.idx + len(tok), tok.i if tok.pos_ == "VERB" else None,
               speaker.i if speaker is not None else None, span, proposal.content, tok.lemma_.lower(), "stance",
               tok.dep_, score, frame=proposal.relation)


def _holder(tok, lang: str):
    """Whose stance it is: the subject (the possessor of a noun, the noun an adjective describes),
    looked for up the chain of infinitives, coordinations and adverbial clauses the word sits in."""
    if tok.pos_ == "VERB":
        found = subject_of(tok, lang)
    elif tok.pos_ == "NOUN":
        found = noun_speaker(tok)
        if found is not None and found.tag_ == "PRP$":  # "he reserved his passion for": he
            found = _governing_subject(tok) or found
    elif tok.dep_ == "amod":  # "supporters reluctant to give up"
        return tok.head
    else:
        found = None
    if found is not None:
        return found
    if tok.pos_ == "VERB":  # "when pressed by Holt about ...": the agent of a subjectless passive
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if by is not None:
            return by
    if tok.pos_ == "NOUN":  # "media pronouncements that", and "Trump charges that" tagged as a noun
        modifier = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ in ("PROPN", "NOUN")]
        if modifier:
            return modifier[-1]
    current = tok
    for _ in range(4):
        subject = next((c for c in current.children if c.dep_ in NOMINAL_SUBJECTS), None)
        if subject is not None:  # a verb the tagger read as a noun ("The candidate plans to ...") too
            return subject
        if current.dep_ not in _CLIMB or current.head.i == current.i:
            return None
        current = current.head
    return None


def _governing_subject(tok):
    head = tok.head.head if tok.dep_ == "pobj" else tok.head
    if tok.dep_ not in ("dobj", "pobj") or head.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in head.children if c.dep_ in NOMINAL_SUBJECTS), None)


def proposals(doc, inside: bytearray, lang: str = "en", skip=None):
    """Every (word, complement) pair worth scoring, with its features; words inside quotation marks
    and idioms ("All told, ...") are skipped, and so are complements (start, end) for which
    ``skip(start, end)`` is true (before their features are made)."""
    text = text_of(doc)  # Doc.text is built anew on each access
    for tok in tokens_with(doc, "POS", ("VERB", "NOUN", "ADJ")):
        if inside[tok.idx] or in_idiom(doc, tok, lang):
            continue
        for child in tok.children:
            if child.i < tok.i:
                continue
            found = _complement(doc, tok, child)
            if found is not None and not (skip is not None and skip(*found[1])):
                relation, content = found
                yield Proposal(tok.i, relation, content, _features(text, tok, child, relation, content))


def _complement(doc, tok, child):
    dep = child.dep_
    if tok.pos_ == "VERB" and dep == "dobj" and child.lower_ not in _RELATIVE:
        relation, first, last = "dobj", child.left_edge.i, child.right_edge.i
    elif dep == "prep" and (tok.pos_ != "NOUN" or child.lower_ in _NOUN_PREPOSITIONS):
        obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
        if obj is None:
            return None
        relation, first, last = "prep_" + child.lower_, obj.left_edge.i, obj.right_edge.i
    elif dep == "ccomp":
        relation, first, last = "ccomp", child.left_edge.i, child.right_edge.i
    elif dep == "xcomp" and any(c.lower_ == "to" for c in child.children):
        relation, first, last = "xcomp", child.left_edge.i, child.right_edge.i
    elif tok.pos_ == "NOUN" and dep in ("acl", "relcl") and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
        relation, first, last = "that", child.left_edge.i, child.right_edge.i
    elif tok.pos_ == "NOUN" and dep == "acl" and any(c.lower_ == "to" for c in child.children):
        relation, first, last = "toinf", child.left_edge.i, child.right_edge.i
    else:
        return None
    content = token_span(doc, first, last)
    return (relation, content) if content is not None else None


def _features(text: str, tok, child, relation: str, content: tuple[int, int]) -> tuple[str, ...]:
    lemma = tok.lemma_.lower()
    holder = _holder_kind(tok)
    words = len(text[content[0]:content[1]].split())
    features = [
        "bias", f"l={lemma}", f"lr={lemma}|{relation}", f"r={relation}", f"pos={tok.pos_}", f"tag={tok.tag_}",
        f"dep={tok.dep_}", f"pr={tok.pos_}|{relation}", f"subj={holder}", f"rs={relation}|{holder}",
        f"len={min(words, 20) // 4}", f"chead={child.pos_}",
        f"neg={any(c.dep_ == 'neg' for c in tok.children)}",
        f"hl={tok.head.lemma_.lower() if tok.dep_ in ('xcomp', 'dobj', 'pobj') else '-'}",
        f"quoted={text[content[0] - 1:content[0]] in OPENING_MARK_TOKENS if content[0] else False}",
    ]
    if tok.pos_ == "VERB":
        aux = "+".join(sorted(c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")))
        features.append(f"aux={aux}")
    return tuple(features)


def _holder_kind(tok) -> str:
    """The kind of the word's subject (possessor for a noun): entity type, PRON, a part of speech, or none."""
    if tok.pos_ == "NOUN":
        holder = next((c for c in tok.children if c.dep_ == "poss"), None)
    else:
        holder = next((c for c in tok.children if c.dep_ in SUBJECTS), None)
        if holder is None and tok.dep_ in ("xcomp", "conj", "advcl") and tok.head.i != tok.i:
            holder = next((c for c in tok.head.children if c.dep_ in NOMINAL_SUBJECTS), None)
    if holder is None:
        return "none"
    return holder.ent_type_ or ("PRON" if holder.pos_ == "PRON" else holder.pos_)
