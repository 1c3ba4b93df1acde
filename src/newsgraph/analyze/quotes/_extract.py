"""Quotes: who said what, as direct, indirect and mixed quotations.

``extract_quotes(doc, entities)`` returns one QuoteRecord per reported content:

- direct: text between quotation marks (curly or straight, over sentences and
  paragraphs), attributed to a reporting cue in the sentences it spans or
  introduces with a colon, or signed by a dash and a name closing its line
  ('"...." ― Sonya Herridge'); a quote split around its attribution gives one record
  per part, and a quote over several sentences one per sentence and independent
  clause ("A, but B"), linked by ``part_of``. A quote-only paragraph with no cue continues the
  previous speaker (and quotation), or, after a paragraph that ends by reporting someone's
  words with no quotation marks, gives that speaker a quotation of their own.
- indirect: the complement of a reporting verb ("X said (that) ...", "X promised
  to ...", "X called for ...", "X stressed the need ..."), the clause a
  parenthetical cue hangs on ("..., X said", "According to X, ..."; both sides,
  as two parts of one quotation, when the cue sits inside it: "Most of the jobs,
  she said, will go north"), and
  speakerless reports ("it was reported that ...", with an outlet named before it;
  "X is reportedly doing Y").
- mixed: indirect content with a short quoted fragment in it. A long quoted
  passage after a shorter paraphrase is split off as its own direct quote.

- learned: a word with a complement that no cue above claimed ("took a shot at X",
  "is looking for Y"), kept when a small logistic model trained on PolNeAR's
  annotations scores it high enough (``learned``); the rules always go first.

Speakers are resolved to entities by ``speakers.SpeakerResolver`` (rules, no model).

Limits (read before trusting the output):
- Cues are verbs from ``lexicons/<lang>/reporting_verbs.txt`` (speech, beliefs,
  intentions and stances: "backed", "voted for"), nouns from ``quote_nouns.tsv``
  ("his criticism of", "support for", "the claim that"), "according to", "in a
  ... poll" opening or closing a sentence, headline colons ("Graham: ...") and a name before a capitalised verb in a
  title-case headline ("Obama Seeks More Muslim Refugees", ``_heads``).
  "in a statement", "for X, ..." and sources named only in a headline title are not found;
  idioms on a reporting verb ("That said,") are no cues (``quote_idioms.txt``).
- "X appears to Y", "X is expected to Y" are reported with no speaker.
- A wire dateline ("WASHINGTON -- ", "BEDFORD, N.H. (AP) — ") is never the speaker nor part of
  its mention, where the parser takes it for the subject; a second subject the parser gives the
  cue inside the quotation marks ('"... Full panic mode," said X') is not the speaker either.
- The speaker of a relative clause ("voters, who said") is the noun the pronoun stands
  for: the mention ends at "voters", before "who" (PolNeAR marks "who" as the source,
  which costs its speaker accuracy about 1.5 points: ``cues.speaker_mention``).
- Content comes from the small model's dependency parse: a misattached phrase
  makes a content span too long or too short. Left out of it: whom it was said to
  ("told reporters", ``quote_addressee_verbs.txt``), a phrase saying when or on what
  occasion ("in an interview", "Tuesday", ``quote_occasions.txt``) and a closing
  ", which ..." aside (``_bounds``).
- Beliefs, intentions and stances ("X thinks", "X wants to", "X opposes Y") are
  reported as indirect quotes when their word is listed, each with its
  ``attribution`` (``_attribution``): only speech is what someone said. Nested
  attributions inside a content are not reported separately.
- Single quotation marks are ignored (they double as apostrophes); short quoted
  phrases without a cue (scare quotes, titles) are not quotes.
- A multi-paragraph quote keeps the opening marks of its continuation paragraphs.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..doc_text import text_of
from ..lexicons import words
from ._attribution import attribution
from ._bounds import without_trailing_aside
from .cues import Cue, find_cues, has_own_subject, token_span
from ._heads import colon_cues, title_cues
from .learned import learned_cues
from .marks import quote_spans
from .speakers import SpeakerResolver
from ..types import EntityRecord, QuoteRecord
from ..constants import DOUBLE_MARKS, QUOTATION_MARKS

__all__ = ["extract_quotes"]

# A quoted stretch shorter than this with no cue is a scare quote or a title, not speech.
_MIN_WORDS_ALONE = 4
# A quoted passage at least this long, after a longer paraphrase, becomes its own quote.
_MIN_WORDS_SPLIT = 5
# How far into the next sentence a cue for a quotation ending the sentence before may sit:
# '"...." US Senator Jeff Sessions said'.
_TRAILING_CUE_REACH = 80
# How far on in its paragraph a quotation with no cue still continues the speaker of the one before.
_SAME_SPEAKER_REACH = 400
# Cue classes that make an attribution of their own inside another's content, in a relative clause.
_OWN_IN_RELATIVE = frozenset({"speech", "belief"})
_SPACE_AND_MARKS = " \t\u00a0" + QUOTATION_MARKS
# A dash and a name closing a quotation's line: '"...." ― Sonya Herridge', '"..." -- Steve Quinlan.'
# (a comma and a description may follow the name: "― Jorge Falcon, 34, Houston").
_SIGNED = re.compile(r"[" + re.escape(DOUBLE_MARKS) + r"]?[ \t\u00a0]*(?:[―—–]|--)[ \t\u00a0]*"
                     r"([A-Z][\w'’.-]*(?:[ \t\u00a0]+(?:[A-Z][\w'’.-]*|de|da|van|von|del|la)){0,4}?)"
                     r"\.?[ \t\u00a0]*(?:,[^\n]*)?(?=\n|$)")


def extract_quotes(doc, entities: list[EntityRecord], lang: str = "en", learned: bool = True) -> list[QuoteRecord]:
    """The quotes of a parsed Doc. ``learned=False`` leaves out the learned model's proposals
    (``learned``), as its training needs the rules' output alone."""
    text = text_of(doc)
    marks = quote_spans(text)
    inside = _inside_marks(len(text), marks)
    verb_cues = find_cues(doc, lang)
    cues = [c for c in verb_cues + colon_cues(doc, text, lang) + title_cues(doc, text, verb_cues, lang)
            if not inside[c.start]]
    cues.sort(key=lambda c: c.start)
    items: list[tuple[str, tuple[int, int], Cue | None]] = []  # (kind, content, cue)
    used_marks: set[int] = set()
    for cue in _outermost(doc, cues):
        if cue.content is None:
            continue
        items.extend(_with_marks(text, cue, marks, used_marks))
        if cue.other_part is not None and not any(a < cue.other_part[1] and cue.other_part[0] < b for a, b in marks):
            items.append(("indirect", cue.other_part, cue))
    items.extend(_direct(doc, text, marks, used_marks, cues, lang))
    if learned:
        # a speaker the rules found is no content of a proposal ('“...,” points out the resident')
        taken = [span for _, span, _ in items] + [cue.speaker_span for _, _, cue in items
                                                   if cue is not None and cue.speaker_span is not None]
        for cue in learned_cues(doc, inside, taken, lang):
            items.extend(_with_marks(text, cue, marks, used_marks))
    items.sort(key=lambda item: item[1][0])
    links = _link_lines(text, lang)
    if links:
        items = [item for item in items if not any(a <= item[1][0] < b for a, b in links)]
    resolver = SpeakerResolver(doc, entities, lang, text)
    out: list[QuoteRecord] = []
    previous = None
    for kind, (start, end), cue, same_quotation in _sentence_parts(doc, items):
        if kind in ("indirect", "mixed"):
            start, end = without_trailing_aside(doc, start, end)
            # cut back to its quotation ('retorted, “I'm a good swimmer” and then ...'): direct
            kind, (start, end) = next((("direct", m) for m in marks if m[0] - 1 <= start and end <= m[1] + 1),
                                      (kind, (start, end)))
        attributed = attribution(doc, text, kind, cue, start, end, lang)
        if attributed is None:
            continue  # a speech cue whose content only names someone: nothing was reported
        if cue is not None:
            speaker = resolver.resolve(cue.speaker, cue.speaker_span)
            cue_span = (cue.start, cue.end, text[cue.start:cue.end])
        else:  # a continuation: the previous quote's speaker, or a person who acts in between
            speaker, cue_span = resolver.carried(previous, start), None
        part_of = None
        if previous is not None and (same_quotation or _continues(text, previous, start, cue_span)) \
                and (cue is not None or speaker is previous.speaker):  # not someone else's words
            part_of = previous.part_of if previous.part_of is not None else len(out) - 1
        score = cue.score if cue is not None else previous.score if previous is not None else None
        record = QuoteRecord(kind, start, end, text[start:end], cue_span, speaker, part_of, score, attributed)
        out.append(record)
        previous = record
    return out


@lru_cache(maxsize=None)
def _link_label(lang: str) -> re.Pattern:
    labels = sorted(words(lang, "quote_link_labels"), key=len, reverse=True)
    return re.compile(r"^[ \t]*(?:" + "|".join(re.escape(label) for label in labels) + r")[ \t]*:", re.I | re.M)


def _link_lines(text: str, lang: str) -> list[tuple[int, int]]:
    """Lines that link to another story ("READ MORE: Trump says ..."): its headline, not this
    article's reporting (``quote_link_labels.txt``)."""
    found = []
    for m in _link_label(lang).finditer(text):
        end = text.find("\n", m.end())
        found.append((m.start(), len(text) if end == -1 else end))
    return found


def _sentence_parts(doc, items):
    """A direct quote over several sentences as one part per sentence (linked by part_of).

    A statement is checked sentence by sentence, and a reader's claim search should
    land on the sentence that says it; the parts keep their quotation together. Yields
    (kind, span, cue, whether it continues the quotation of the part before it).
    """
    text = text_of(doc)
    for kind, (start, end), cue in items:
        span = doc.char_span(start, end, alignment_mode="expand") if kind == "direct" else None
        sents = list(span.sents) if span is not None else []
        if len(sents) < 2:
            yield kind, (start, end), cue, False
            continue
        parts = [_strip(text, max(start, sent.start_char), min(end, sent.end_char)) for sent in sents]
        parts = [clause for sent, part in zip(sents, parts) if part is not None
                 for clause in _clauses(text, sent, part)]
        for i, part in enumerate(parts):
            yield kind, part, cue, i > 0


def _clauses(text: str, sent, part: tuple[int, int]) -> list[tuple[int, int]]:
    """A sentence of a long quotation as its independent clauses: "A, but B" is two claims
    (each checked on its own), split where the second clause's subject follows ", but"."""
    cuts = []
    doc = sent.doc
    for conj in sent.root.children:
        if conj.dep_ != "conj" or not has_own_subject(conj):
            continue
        rest = conj.left_edge
        if rest.i - 2 < sent.start or doc[rest.i - 1].dep_ != "cc" or doc[rest.i - 2].text not in ",;":
            continue
        comma = doc[rest.i - 2]
        if part[0] < comma.idx and conj.right_edge.idx < part[1]:  # not the attribution: '..., but X stated
            cuts.append((comma.idx, rest.idx))
    clauses, start = [], part[0]
    for comma, rest in sorted(cuts):
        clauses.append((start, comma))
        start = rest
    clauses.append((start, part[1]))
    return [c for c in (_strip(text, a, b) for a, b in clauses) if c is not None]


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and (text[start].isspace() or text[start] in DOUBLE_MARKS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in DOUBLE_MARKS):
        end -= 1
    return (start, end) if end > start else None


def _continues(text: str, previous: QuoteRecord, start: int, cue_span) -> bool:
    """Whether a quote is the next part of the previous one: '"A," she said, "B."' or a
    quotation going on in the next sentences with no cue of its own."""
    if cue_span is None:
        return True  # only a continuation of the previous quote gets no cue
    same_cue = previous.cue is not None and previous.cue[:2] == cue_span[:2]
    return same_cue and start - previous.end < 400 and "\n\n" not in text[previous.end:start]


def _inside_marks(n: int, marks: list[tuple[int, int]]) -> bytearray:
    inside = bytearray(n + 1)
    for start, end in marks:
        inside[start:end] = b"\x01" * (end - start)
    return inside


def _outermost(doc, cues: list[Cue]) -> list[Cue]:
    """Drop cues nested in another cue's content; a subjectless coordinated cue cuts it instead.

    "X said he believes Y" is one attribution (said). In "X stated that ..., but
    also stressed ...", the parser may hang "stressed" inside the first content:
    the first content then ends before it, and both keep X.
    """
    _untangle(cues)
    _cut_trailing_participles(doc, cues)
    kept = []
    for cue in cues:
        outer = next((o for o in cues if o is not cue and o.content and cue.content
                      and o.content[0] <= cue.start < o.content[1]), None)
        if outer is None or (cue.dep == "relcl" and cue.speaker is not None and cue.klass in _OWN_IN_RELATIVE):
            # speech or belief in a relative clause, with its own speaker, is an attribution of its own
            # ("the EU, which contended that ...", "a tree where police believe the sniper stood"); a
            # stance or intention in one is part of the content around it ("the ones he refused to answer")
            kept.append(cue)
        elif cue.dep == "conj" and _coordinated_in_content(doc, cue, outer):
            continue  # "declined to threaten Moscow or declare it responsible": one content, one cue
        elif cue.dep == "conj" and (cue.speaker_span is None or outer.speaker_span == cue.speaker_span):
            cut = max(outer.content[0], min(cue.start, cue.speaker_span[0] if cue.speaker_span else cue.start))
            cut = _before_coordination(doc, outer.content[0], cut, cue.verb)
            outer.content = _trim(outer.content[0], cut)
            if cue.speaker is None:
                cue.speaker, cue.speaker_span = outer.speaker, outer.speaker_span
            kept.append(cue)
        elif cue.dep == "conj" and cue.klass == "speech" and _after_comma_and(doc, cue.verb):
            # "She said A, and when pressed on why, she said B": a second report, not part of A
            cut = _before_coordination(doc, outer.content[0], doc[doc[cue.verb].left_edge.i].idx, cue.verb)
            outer.content = _trim(outer.content[0], cut)
            kept.append(cue)
    return [c for c in kept if c.content is not None]


def _coordinated_in_content(doc, cue: Cue, outer: Cue) -> bool:
    """Whether a coordinated cue verb inside another cue's content goes with a verb of that content
    rather than with the outer cue: its form agrees with the verb it hangs on and not with the outer
    cue's ("Police say he posed a threat and refused to drop the gun", "declined to threaten Moscow or
    declare it responsible"). The parser hangs "..., but also stressed" inside the first content too,
    but there the second verb has the outer cue's form."""
    if cue.verb is None:
        return False
    verb = doc[cue.verb]
    if verb.head.tag_ != verb.tag_:
        return False
    return outer.verb is None or doc[outer.verb].tag_ != verb.tag_


def _after_comma_and(doc, verb: int | None) -> bool:
    """Whether a coordinated verb's clause opens with ", and" or ", but" (its own subject before it)."""
    if verb is None:
        return False
    first = doc[verb].left_edge
    if first.dep_ != "cc":
        first = doc[first.i - 1] if first.i > 0 else first
    return first.dep_ == "cc" and first.i > 0 and doc[first.i - 1].text == "," \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in doc[verb].children)


def _cut_trailing_participles(doc, cues: list[Cue]) -> None:
    """A content ends before a reporting participle closing it: in "Perdue said he didn't believe
    that did Romney in, arguing that it was divisions ...", the parser hangs "arguing" on "believe",
    but Perdue argued it, a second attribution, not part of what he said first; its speaker is the
    first one's."""
    for cue in cues:
        if cue.verb is None or cue.content is None:
            continue
        verb = doc[cue.verb]
        if verb.tag_ != "VBG" or verb.i == 0 or doc[verb.i - 1].text != ",":
            continue
        end_of_clause = verb.right_edge.idx + len(verb.right_edge)
        for outer in cues:
            if outer is cue or outer.content is None or outer.verb == cue.verb:
                continue
            start, end = outer.content
            if start < verb.idx < end and end_of_clause >= end - 1 and doc[verb.i - 1].idx > start:
                outer.content = _trim(start, doc[verb.i - 1].idx)
                cue.speaker, cue.speaker_span = outer.speaker, outer.speaker_span  # who argued: who said


def _before_coordination(doc, start: int, cut: int, verb: int | None) -> int:
    """Where a content cut before a coordinated cue ends: before the cue verb's own
    auxiliaries ("... her vote and would not identify ...") and the "and" or "but" joining it."""
    if verb is not None:
        first = min([c.idx for c in doc[verb].lefts if c.dep_ in ("aux", "neg", "advmod")], default=cut)
        cut = min(cut, max(start, first))
    span = doc.char_span(start, cut, alignment_mode="contract")
    if span is None or not len(span):
        return cut
    trimmed = token_span(doc, span.start, span.end - 1)
    return trimmed[1] if trimmed is not None else start


def _untangle(cues: list[Cue]) -> None:
    """Two cues each inside the other's content: the earlier one's content ends at the later cue.

    In "Most voters said that Wall Street hurts the economy, according to exit polls",
    the parser lets "said" report up to the end; "according to" reports the sentence
    before it, "said" included. Cut, the later cue is the outer one.
    """
    for i, early in enumerate(cues):
        for late in cues[i + 1:]:
            if early.content and late.content and early.content[0] <= late.start < early.content[1] \
                    and late.content[0] <= early.start < late.content[1]:
                early.content = _trim(early.content[0], late.start)


def _trim(start: int, end: int) -> tuple[int, int] | None:
    return (start, end) if end > start else None


def _with_marks(text: str, cue: Cue, marks, used: set[int]):
    """An indirect content, or its quoted parts: direct, mixed or split."""
    start, end = cue.content
    touching = [(i, m) for i, m in enumerate(marks) if m[0] < end and start < m[1]]
    if not touching:
        yield "indirect", (start, end), cue
        return
    # a content never ends or starts inside a quotation: it takes the quotation whole
    start, end = min(start, touching[0][1][0]), max(end, touching[-1][1][1])
    quoted = sum(min(end, m[1]) - max(start, m[0]) for _, m in touching)
    if quoted >= 0.6 * (end - start) and not _fragments(text, start, end, touching):
        # the complement is (inside) the quotation: direct speech
        for i, m in touching:
            if i not in used:
                used.add(i)
                yield "direct", m, cue
        return
    inner = [(i, m) for i, m in touching if start - 1 <= m[0] and m[1] <= end + 1] or touching
    last_i, last = inner[-1]
    words_in = len(text[last[0]:last[1]].split())
    head = _strip(text, start, last[0])
    if words_in >= _MIN_WORDS_SPLIT and last[1] >= end - 1 and head and last[0] - start > last[1] - last[0]:
        used.update(i for i, _ in inner)  # the earlier fragments stay in the mixed head
        yield "indirect" if len(inner) == 1 else "mixed", head, cue
        yield "direct", last, cue
        return
    used.update(i for i, _ in inner)
    yield "mixed", (start, end), cue




def _fragments(text: str, start: int, end: int, touching) -> bool:
    """Several quoted phrases woven into the reporter's words ("called him a "liar" who is
    "amoral""): one mixed quote, not one direct quote per phrase."""
    inner = [m for _, m in touching if start - 1 <= m[0] and m[1] <= end + 1]
    return len(inner) > 1 and any(len(text[a[1]:b[0]].split()) > 1 for a, b in zip(inner, inner[1:]))


def _direct(doc, text: str, marks, used: set[int], cues: list[Cue], lang: str):
    """Quotation marks not yet claimed by a content: find their cue in the sentences they span."""
    previous_end = previous_sent_end = -10**9
    for i, (start, end) in enumerate(marks):
        if i in used:
            previous_end, previous_sent_end = end, _sent_end(doc, end)
            continue
        first, last = _sents(doc, start, end)
        near = [c for c in cues if c.verb is not None and first <= c.start < last]
        cue = min(near, key=lambda c: min(abs(c.start - start), abs(c.start - end)), default=None)
        if cue is None:
            cue = _colon_cue(text, start, cues) or _trailing_cue(doc, text, end, last, cues) or _dash_cue(doc, text, end)
        if cue is None:
            opens_paragraph = not text[max(0, text.rfind("\n", 0, start)):start - 1].strip()
            next_paragraph = opens_paragraph and text.count("\n", previous_end, start) <= 2
            same_paragraph = "\n" not in text[previous_end:start] and (
                start - previous_end < 80 or not text[previous_sent_end:start].strip(_SPACE_AND_MARKS)
                # '"A," says X. A sentence of the reporter's. "B."': B is still X's, when nobody
                # else is given words in between
                or start - previous_end < _SAME_SPEAKER_REACH
                and not any(previous_sent_end <= c.start < start for c in cues))
            if previous_end < 0 or not (next_paragraph or same_paragraph):
                cue = _reported_just_before(doc, text, start, end, cues) if opens_paragraph else None
                if cue is None:
                    continue  # no cue: a scare quote, a title or an unattributed quotation
            if len(text[start:end].split()) < _MIN_WORDS_ALONE and not _right_after_cue(text, previous_sent_end, start):
                continue  # a scare quote, unless it goes on from the sentence that attributed the one before
        elif _is_title(text, start, lang) or (len(text[start:end].split()) < _MIN_WORDS_ALONE
                                              and not (start - 80 < cue.start < end + 80)):
            continue
        previous_end = end
        previous_sent_end = _sent_end(doc, max(end, cue.end) if cue is not None else end)
        yield "direct", (start, end), cue


def _reported_just_before(doc, text: str, start: int, end: int, cues: list[Cue]) -> Cue | None:
    """The cue of a paragraph that ends by reporting someone's words, for a quotation that is the
    whole next paragraph: 'Howell says she wants the government to listen.\n\n"When my kids come
    home ..."' goes on with Howell's words."""
    line_end = text.find("\n", end)
    if text[end:len(text) if line_end == -1 else line_end].strip(_SPACE_AND_MARKS):
        return None  # the paragraph goes on after the quotation: its own sentence may attribute it
    before = text[:start].rstrip(_SPACE_AND_MARKS + "\n")
    if text.count("\n", len(before), start) > 2 or not before:
        return None
    last = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if last is None or not len(last):
        return None
    sent = last[-1].sent
    if any(c in DOUBLE_MARKS for c in sent.text):
        return None  # a quotation there has its own continuation rules
    found = [c for c in cues if c.verb is not None and c.speaker is not None and c.klass == "speech"
             and c.content is not None and sent.start_char <= c.start < sent.end_char]
    return found[-1] if found else None


def _right_after_cue(text: str, previous_sent_end: int, start: int) -> bool:
    """A quotation opening right after the sentence that attributed the one before, in its paragraph:
    '"I would," Melanie said to the TV. "I would, Donald."' is the second part of one quotation,
    however short."""
    return 0 <= previous_sent_end <= start and "\n" not in text[previous_sent_end:start] \
        and not text[previous_sent_end:start].strip(_SPACE_AND_MARKS)


def _sent_end(doc, at: int) -> int:
    """End of the sentence holding character at-1: '"A," said X, a long apposition. "B."'
    continues A in the next sentence, however long the attribution between them."""
    span = doc.char_span(max(0, at - 1), at, alignment_mode="expand")
    return span.sent.end_char if span is not None and len(span) else at


def _sents(doc, start: int, end: int) -> tuple[int, int]:
    """Character range of the sentences from the one holding start to the one holding end."""
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    last = doc.char_span(max(start, end - 1), end, alignment_mode="expand")
    s0 = first.sent if first is not None and len(first) else None
    s1 = last.sent if last is not None and len(last) else s0
    return (s0.start_char if s0 is not None else start), (s1.end_char if s1 is not None else end)


def _trailing_cue(doc, text: str, end: int, sents_end: int, cues: list[Cue]) -> Cue | None:
    """'"... missing." Trump said.': a cue with nothing to report of its own opening the
    sentence that starts right after the closing mark (the parser ends a sentence there)."""
    last = doc.char_span(max(0, sents_end - 1), sents_end, alignment_mode="expand")
    if last is None or not len(last) or last[-1].sent.end >= len(doc):
        return None
    sent = doc[last[-1].sent.end].sent
    if text[end:sent.start_char].strip(_SPACE_AND_MARKS):
        return None
    after = [c for c in cues if c.verb is not None and c.content is None and sent.start_char <= c.start
             and c.end <= sent.end_char and c.start - sent.start_char < _TRAILING_CUE_REACH]
    return after[0] if after else None


def _dash_cue(doc, text: str, end: int) -> Cue | None:
    """'"...." ― Sonya Herridge': a name after a dash that ends the quotation's line signs it,
    as under an epigraph or in a list of readers' answers."""
    m = _SIGNED.match(text, end)
    if m is None:
        return None
    start, end = m.start(1), m.end(1)
    if text[end - 1] == "." and len(text[start:end].split()[-1]) > 3:
        end -= 1  # "― Carla Sanchez.": the sentence's full stop, not an initial's
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or not any(t.pos_ == "PROPN" for t in span):
        return None
    dash = m.start(0) + len(text[m.start(0):start].split("―")[0].split("—")[0].split("–")[0].split("--")[0])
    return Cue(dash, text.find(" ", dash, start) if " " in text[dash:start] else start, None, span.root.i,
               (start, end), None, "", "speech")


def _colon_cue(text: str, start: int, cues: list[Cue]) -> Cue | None:
    """'X said:' in the sentence before a quotation that opens after a colon."""
    before = text[max(0, start - 400):start - 1].rstrip()
    if not before.endswith(":"):
        return None
    colon = max(0, start - 400) + len(before) - 1
    prior = [c for c in cues if c.verb is not None and colon - 200 < c.start < colon]
    return prior[-1] if prior else None


def _is_title(text: str, start: int, lang: str) -> bool:
    before = text[max(0, start - 20):start - 1].split()
    return bool(before) and before[-1].strip(",").lower() in words(lang, "quote_title_cues")
