"""Russian attributions on the UD parse: who reports what, by which word.

Three shapes, each giving a ``Cue`` (the cue's span, the speaker's head token, the content's
character span, the class):
  - a reporting verb of ``lexicons/ru/reporting_verbs.txt`` with its complement: a clause
    with "что"/"чтобы"/"будто"/"ли" ("заявил, что ..."), "о том, что ...", or, as its frames
    allow, an object ("подчеркнул необходимость ..."), a phrase with "о" ("сообщил о ..."),
    an infinitive ("призвал прекратить ..."), "к" ("призвал к ...");
  - a source phrase of ``quote_sources.tsv`` heading the rest of its sentence ("по словам
    Кнутова, ...", "по данным ТАСС, ...", "как сообщает X, ..."), the source being the noun
    after it or the subject of its verb;
  - a reporting verb after its content, set off by a comma or a dash ("..., – сказал он.",
    "..., заявил Песков"), the content being what comes before it in the sentence.
Quotations in marks are read by ``quotes.py``, which uses the same verbs to attribute them.
Limits: the parse decides; a complement that Slovnet attaches elsewhere is missed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lexicons import table, words

__all__ = ["Cue", "find_cues", "verb_class", "speaker_of", "SUBORDINATORS"]

_QUOTING = frozenset({"цитировать", "процитировать"})
SUBORDINATORS = frozenset({"что", "чтобы", "будто", "ли", "якобы"})
_DASHES = "–—-"
_POSSESSIVES = frozenset({"его", "ее", "её", "их"})


@dataclass
class Cue:
    start: int
    end: int
    speaker: object | None  # the speaker's head token (spaCy Token), or None
    content: tuple[int, int]  # character span
    klass: str  # speech, belief, intention
    frame: str  # что, obj, о, inf, к, source, after


@lru_cache(maxsize=1)
def _verbs() -> dict[str, tuple[str, frozenset[str]]]:
    return {row[0]: (row[1], frozenset(row[2].split("|")) if len(row) > 2 else frozenset())
            for row in table("ru", "reporting_verbs")}


@lru_cache(maxsize=1)
def _sources() -> dict[str, str]:
    return {row[0]: row[1] for row in table("ru", "quote_sources")}


def verb_class(token) -> tuple[str, frozenset[str]] | None:
    lemma = token.lemma_.lower().replace("ё", "е")
    return _verbs().get(lemma) if token.pos_ in ("VERB", "AUX", "ADJ") else None


def speaker_of(verb):
    """The subject of a reporting verb, or of the verb it depends on when it has none and agrees
    with it: conjoined ("заявил и добавил"), a gerund ("выступила против, заявив, что"), a clause
    without its own subject ("не принял решения, хотя заявлял о ..."); failing those, a name in
    the nominative right before it ("На заседании кабинета Нетаньяху заявил", where the parse
    hung the name on "кабинета"), the institution a plural verb is said in ("как пояснили в
    милиции"), or the first noun or pronoun in the nominative after it ("–
    сказал в беседе с корреспондентом лидер движения Александр Белов", where the parse lost the
    subject)."""
    if verb.lemma_.lower().replace("ё", "е") in _QUOTING:  # "«...», — цитирует Хвана Lenta.ru": Хван spoke
        quoted = next((c for c in verb.children if c.dep_ == "obj" and c.pos_ in ("NOUN", "PROPN")
                       and "Anim" in c.morph.get("Animacy")), None)
        if quoted is not None:
            return quoted
    up = verb.head if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i else None
    if up is not None and verb.dep_ == "advcl" and not _agrees(verb, up):
        up = None
    for tok in (verb, up):
        if tok is None:
            continue
        subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        if subject is not None and subject.lemma_.lower() == "который" and tok.dep_ == "acl:relcl":
            return tok.head  # "Кулеба, который заявил": the noun the clause is about
        if subject is not None:
            return subject
    before = _name_before(verb)
    if before is not None:
        return before
    within = _institution_within(verb)
    if within is not None:
        return within
    for tok in verb.doc[verb.i + 1:verb.sent.end][:15]:
        if tok.text in ".!?:;" or tok.dep_ in ("ccomp", "mark"):
            break
        if tok.pos_ in ("NOUN", "PROPN", "PRON") and "Nom" in tok.morph.get("Case"):
            return tok
    return None


def _agrees(verb, head) -> bool:
    """Whether a subordinate verb can share its head's subject: a gerund always; a finite verb
    when its gender and number do not contradict the head's ("хотя заявлял" under "не принял")."""
    if "Conv" in verb.morph.get("VerbForm"):
        return True
    if "Fin" not in verb.morph.get("VerbForm") or any(c.dep_ == "mark" and c.lower_ == "как" for c in verb.children):
        return False
    return all(not (set(verb.morph.get(f)) and set(head.morph.get(f))) or set(verb.morph.get(f)) & set(head.morph.get(f))
               for f in ("Gender", "Number"))


def _institution_within(verb):
    """"как пояснили в милиции", "в Минсвязи уверены": a plural verb without a
    subject speaks for the institution it is said in (a name, or a noun of
    ``ru/entity_institutions.txt``)."""
    finite = "Fin" in verb.morph.get("VerbForm") or verb.pos_ == "ADJ" and "Short" in verb.morph.get("Variant")
    if "Plur" not in verb.morph.get("Number") or not finite:  # "заявили", "уверены"
        return None
    for child in verb.children:
        case = next((g.lower_ for g in child.children if g.dep_ == "case"), None)
        if (child.dep_ == "obl" and case in ("в", "во") and "Loc" in child.morph.get("Case")
                and (child.pos_ == "PROPN" or child.lemma_.lower() in words("ru", "entity_institutions"))):
            return child
    return None


def _name_before(verb):
    """A name in the nominative right before a subjectless finite verb, agreeing in gender."""
    if "Fin" not in verb.morph.get("VerbForm"):
        return None
    k = verb.i - 1
    while k >= verb.sent.start and verb.doc[k].pos_ in ("ADV", "PART") and verb.doc[k].lower_ != "не":
        k -= 1  # "Нетаньяху также заявил"
    if k < verb.sent.start:
        return None
    tok = verb.doc[k]
    if tok.pos_ != "PROPN" or set(tok.morph.get("Case")) - {"Nom"} or tok.dep_ in ("obj", "obl", "iobj"):
        return None
    gender, tok_gender = verb.morph.get("Gender"), tok.morph.get("Gender")
    if gender and tok_gender and not set(gender) & set(tok_gender):
        return None
    return tok


def _bounds(tokens) -> tuple[int, int] | None:
    words = [t for t in tokens if not t.is_space and not (t.is_punct and t.text not in "«»„“”\"")]
    if not words:
        return None
    return words[0].idx, words[-1].idx + len(words[-1].text)


def _subtree(tok, skip=None) -> list:
    return [t for t in tok.subtree if skip is None or t.i not in skip]


def _trim_edges(tokens: list) -> list:
    while tokens and (tokens[0].is_punct and tokens[0].text not in "«„“\"" or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct and tokens[-1].text not in "»“”\"" or tokens[-1].is_space):
        tokens = tokens[:-1]
    return tokens


def _verb_content(verb, frames: frozenset[str]) -> tuple[tuple[int, int], str] | None:
    for child in verb.children:
        if child.dep_ in ("ccomp", "advcl", "csubj") and child.i > verb.i:
            marks = [c for c in child.children if c.dep_ == "mark" and c.lower_ in SUBORDINATORS]
            if marks:
                tokens = [t for t in child.subtree if t.i > marks[0].i]
                bounds = _bounds(_trim_edges(tokens))
                return (bounds, "что") if bounds else None
    for child in verb.children:
        if child.i < verb.i:
            continue
        case = next((c.lower_ for c in child.children if c.dep_ == "case"), None)
        if child.dep_ == "obl" and case in ("о", "об", "обо") and child.lower_ == "том":
            clause = next((c for c in child.children if c.dep_ in ("acl", "acl:relcl", "ccomp")), None)
            if clause is not None:
                marks = [c for c in clause.children if c.dep_ == "mark"]
                after = marks[0].i if marks else child.i
                bounds = _bounds(_trim_edges([t for t in clause.subtree if t.i > after]))
                return (bounds, "что") if bounds else None
        if child.dep_ == "obl" and case in ("о", "об", "обо") and "о" in frames:
            return _np(child, "о")
        if child.dep_ == "obl" and case in ("к", "ко", "на", "в", "за", "против") and case[:1] in {f[:1] for f in frames}:
            return _np(child, case)
        if child.dep_ == "obj" and "obj" in frames and child.pos_ in ("NOUN", "PROPN"):
            return _np(child, "obj")
        if child.dep_ in ("xcomp", "ccomp") and "inf" in frames and "Inf" in child.morph.get("VerbForm"):
            return _np(child, "inf")
    return None


def _np(head, frame: str) -> tuple[tuple[int, int], str] | None:
    tokens = _trim_edges([t for t in head.subtree if t.dep_ != "case" or t.head is not head])
    bounds = _bounds(tokens)
    return (bounds, frame) if bounds else None


def _negated(verb) -> bool:
    return any(c.lower_ == "не" and c.i < verb.i for c in verb.children)


def _after_content(verb, sent) -> tuple[int, int] | None:
    """"..., – сказал он.": the content before a reporting verb set off by a comma or a dash."""
    before = [t for t in sent if t.i < verb.i and not t.is_space]
    if len(before) < 4 or "Fin" not in verb.morph.get("VerbForm"):
        return None
    if not (before[-1].text == "," or before[-1].text in _DASHES and before[-2].text in ",.!?»"):
        return None
    subject = speaker_of(verb)
    if subject is not None and subject.i < verb.i:
        return None
    return _bounds(_trim_edges(before))


def find_cues(doc) -> list[Cue]:
    cues: list[Cue] = []
    for sent in doc.sents:
        cues.extend(_source_cues(doc, sent))
        for tok in sent:
            entry = verb_class(tok)
            if entry is None:
                continue
            klass, frames = entry
            found = _verb_content(tok, frames)
            if found is not None and found[1] == "obj" and _negated(tok):
                found = None  # "никто не отрицает его заслуги": no one's statement
            speaker = speaker_of(tok)
            if found is not None:
                (start, end), frame = found
                cues.append(Cue(tok.idx, tok.idx + len(tok.text), speaker, (start, end), klass, frame))
                continue
            after = _after_content(tok, sent)
            if after is not None:
                cues.append(Cue(tok.idx, tok.idx + len(tok.text), speaker, after, klass, "after"))
    return cues


def _source_cues(doc, sent) -> list[Cue]:
    """"По словам X, ...", "как сообщает X, ...": the rest of the sentence is X's."""
    out = []
    tokens = [t for t in sent if not t.is_space]
    for i, tok in enumerate(tokens):
        for length in (3, 2, 1):
            words = tokens[i:i + length]
            owner = None
            if len(words) < length:
                continue
            if length == 3 and words[1].lower_ in _POSSESSIVES:  # "по его словам"
                owner, words = words[1], [words[0], words[2]]
            elif length == 3:
                continue
            key = " ".join(t.lemma_.lower() for t in words)
            klass = _sources().get(key)
            if klass is None:
                continue
            last = words[-1]
            if owner is not None:
                source = owner
            elif key.startswith("как"):
                source = speaker_of(last)
            else:
                source = next((c for c in last.children if c.dep_ in ("nmod", "obl", "det", "obj")), None)
                if source is None and i + length < len(tokens):
                    source = tokens[i + length]
            end_of_phrase = _phrase_end(tokens, i + len(words) + (owner is not None))
            if end_of_phrase is None:
                continue
            rest = _trim_edges([t for t in tokens if t.i > end_of_phrase])
            before = _trim_edges([t for t in tokens if t.i < tok.i])
            content = _bounds(rest) if rest else _bounds(before)
            if content is not None:
                out.append(Cue(tok.idx, last.idx + len(last.text), source, content, klass, "source"))
            break
    return out


def _phrase_end(tokens, start: int) -> int | None:
    """The index of the comma closing a source phrase ("по словам эксперта ," -> the comma)."""
    for tok in tokens[start:start + 12]:
        if tok.text == ",":
            return tok.i
        if tok.text in ".!?":
            return None
    return None
