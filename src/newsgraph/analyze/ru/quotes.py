"""Russian quotations and their speakers, into the record's quotes (as the English stage).

Found, in this order (a later rule never takes text an earlier one took):
  1. quotations in marks (``marks.py``: «...», „...“, nested and merged marks), speech
     lines opened by a dash ("– Мы готовы, – сказал он."), and interview answers ("Юрий
     Кнутов: ..."), attributed by
       - a reporting verb right after them, set off by a comma or a dash ("«...», – пояснил
         Кнутов"; "ГУП «Водоканал» утверждают" is a name before its verb), also inside them,
         which splits one quotation in two ("«А, – пояснил Кнутов, – Б»");
       - a reporting verb and a colon right before them ("Кнутов заявил: «...»");
       - a reporting verb or source phrase whose content holds them ("заявил, что «...»",
         "по словам Кнутова, «...»"): a mixed quote, the words around the marks included;
       - else, for a full sentence in marks, the speaker of the quote before it in the
         same or the previous paragraph (cue null);
     a quotation none of these attributes (a title, a name, scare quotes) is no quote;
  2. indirect speech from the cues of ``cues.py`` ("заявил, что ...", "по словам X, ...",
     "сообщил о ...", "призвал ...").
A direct quotation gives one quote per sentence; later parts point to the first (``part_of``).
Each quote says its ``attribution``: speech, belief ("считает", "по мнению") or intention
("планирует"); a quotation in marks is speech. Speakers are resolved by ``speakers.py``.
Limits: no learned model (``found_by`` is always "rules"); a quotation spread over several
paragraphs is read paragraph by paragraph; free indirect speech (a second sentence of
someone's reasoning without a cue) is not attributed.
"""

from __future__ import annotations

import re

from ..types import EntityRecord, QuoteRecord
from .cues import Cue, find_cues, speaker_of, verb_class
from .marks import quotations
from .speakers import Speakers

__all__ = ["extract_quotes"]

_MIN_WORDS = 3  # a quotation of fewer words is a name or scare quotes unless a verb introduces it
_DASH_LINE = re.compile(r"^[ \t]*[–—-][ \t]+")
_WORD = re.compile(r"\w+")


def extract_quotes(doc, entities: list[EntityRecord]) -> list[QuoteRecord]:
    speakers = Speakers(doc, entities)
    cues = find_cues(doc)
    quotes: list[QuoteRecord] = []
    taken: list[tuple[int, int]] = []
    used_cues: set[int] = set()
    for start, end, forced in _quotations(doc, entities):
        found = _direct(doc, start, end, forced, cues, speakers, used_cues)
        for parts in found:
            first = len(quotes)
            for i, quote in enumerate(parts):
                quote.part_of = first if i else None
                quotes.append(quote)
                taken.append((quote.start, quote.end))
    for index, cue in enumerate(cues):
        if index in used_cues or any(s < cue.content[1] and cue.content[0] < e for s, e in taken):
            continue
        text = doc.text[cue.content[0]:cue.content[1]]
        quotes.append(QuoteRecord("indirect", cue.content[0], cue.content[1], text,
                                  (cue.start, cue.end, doc.text[cue.start:cue.end]),
                                  speakers.resolve(cue.speaker, cue.content[0], _verb_at(doc, cue.start)),
                                  attribution=cue.klass))
        taken.append(cue.content)
    order = sorted(range(len(quotes)), key=lambda i: (quotes[i].start, quotes[i].end))
    new_index = {old: new for new, old in enumerate(order)}
    out = [quotes[i] for i in order]
    for q in out:
        if q.part_of is not None:
            q.part_of = new_index[q.part_of]
    return out


def _quotations(doc, entities) -> list[tuple[int, int, object]]:
    """(start, end, forced speaker) of quotations in marks, dash lines and interview answers."""
    text = doc.text
    spans = [(s, e, None) for s, e in quotations(text)]
    offset = 0
    for line in text.split("\n"):
        dash = _DASH_LINE.match(line)
        if dash and not any(s <= offset + dash.end() < e for s, e, _ in spans):
            spans.append((offset + dash.end(), offset + len(line.rstrip()), None))
        else:
            answer = _interview(doc, entities, offset, line)
            if answer is not None:
                spans.append(answer)
        offset += len(line) + 1
    return sorted(spans, key=lambda s: s[0])


def _interview(doc, entities, offset: int, line: str):
    """"Юрий Кнутов: ..." at the start of a line: the rest of it is his answer."""
    colon = line.find(":")
    if colon < 3 or colon > 60 or len(line) - colon < 20:
        return None
    for index, entity in enumerate(entities):
        if entity.type == "PERSON" and any(m.start == offset and m.end == offset + colon for m in entity.mentions):
            return offset + colon + 1, offset + len(line.rstrip()), index
    return None


def _direct(doc, start: int, end: int, forced, cues: list[Cue], speakers: Speakers, used: set[int]):
    """The quotes of one quotation (a list of parts per quotation), or [] when it is none."""
    text = doc.text
    marked = text[start] in "«„“\""
    inner = (start + 1, end - 1) if marked else (start, end)
    if forced is not None:
        parts = _sentences(doc, *inner)
        speaker = _forced_speaker(speakers, forced, start)
        return [[QuoteRecord("direct", s, e, text[s:e], None, speaker) for s, e in parts]]
    for index, cue in enumerate(cues):  # a cue whose content holds the quotation: mixed
        if cue.content[0] <= start and end <= cue.content[1] and cue.frame != "after":
            used.add(index)
            s, e = _strip_marks(text, *cue.content)
            return [[QuoteRecord("mixed", s, e, text[s:e], (cue.start, cue.end, text[cue.start:cue.end]),
                                 speakers.resolve(cue.speaker, s, _verb_at(doc, cue.start)))]]
    split = _split_inside(doc, *inner)
    after = (split and split[0]) or _verb_after(doc, end)
    before = _verb_before(doc, start) if not after or _relayed(after, speakers) else None
    verb = before or after
    if verb is not None:
        for index, cue in enumerate(cues):
            if cue.start == verb.idx:
                used.add(index)
        speaker = speakers.resolve(speaker_of(verb), inner[0], verb)
        cue = (verb.idx, verb.idx + len(verb.text), verb.text)
        if split:
            verb_tok, (a_end, b_start) = split
            first = [QuoteRecord("direct", s, e, text[s:e], cue, speaker) for s, e in _sentences(doc, inner[0], a_end)]
            second = [QuoteRecord("direct", s, e, text[s:e], cue, speaker) for s, e in _sentences(doc, b_start, inner[1])]
            return [first + second]
        return [[QuoteRecord("direct", s, e, text[s:e], cue, speaker) for s, e in _sentences(doc, *inner)]]
    words = _WORD.findall(text[inner[0]:inner[1]])
    if len(words) < _MIN_WORDS + 2 or not text[inner[0]:inner[1]].strip()[:1].isupper():
        return []
    previous = speakers.previous(start)
    if previous is None or not _near_previous(doc, speakers, start):
        return []
    speaker = _forced_speaker(speakers, previous, start)
    return [[QuoteRecord("direct", s, e, text[s:e], None, speaker) for s, e in _sentences(doc, *inner)]]


def _verb_at(doc, start: int):
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _forced_speaker(speakers: Speakers, index: int, at: int):
    from ..types import SpeakerRecord

    mention = next((m for m in speakers.entities[index].mentions if m.start < at), speakers.entities[index].mentions[0])
    speakers.said.append((at, index))
    return SpeakerRecord(mention.start, mention.end, mention.text, index, speakers.entities[index].name)


def _near_previous(doc, speakers: Speakers, start: int) -> bool:
    """Whether the last speaker was met in this paragraph or the one before it."""
    last = max((pos for pos, _ in speakers.said if pos < start), default=None)
    return last is not None and doc.text.count("\n", last, start) <= 2


def _strip_marks(text: str, start: int, end: int) -> tuple[int, int]:
    if text[start] in "«„“\"" and text[end - 1] in "»“”\"":
        return start + 1, end - 1
    return start, end


def _sentences(doc, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of a quotation's content, trimmed of spaces and of a comma or dash at the end."""
    out = []
    for sent in doc.sents:
        s, e = max(start, sent.start_char), min(end, sent.end_char)
        if s >= e:
            continue
        piece = doc.text[s:e]
        s += len(piece) - len(piece.lstrip(" \n–—-"))
        piece = doc.text[s:e].rstrip()
        e = s + len(piece)
        while e > s and doc.text[e - 1] in ",–—-: ":
            e -= 1
        if _WORD.search(doc.text[s:e]):
            out.append((s, e))
    return out


def _reporting_verb(tok) -> bool:
    """A speech verb of a third party: not the author's "Напомним", "скажем"."""
    entry = verb_class(tok)
    own = "1" in tok.morph.get("Person") or "Imp" in tok.morph.get("Mood")
    return entry is not None and entry[0] == "speech" and not own


_RELAY_VERBS = frozenset({"сообщать", "сообщить", "передавать", "передать", "писать", "написать"})


def _relayed(verb, speakers: Speakers) -> bool:
    """Whether a verb after a quotation only names the outlet relaying it ("Клименко называет это
    злом: «...», сообщает Лента.ру"): a relaying verb whose subject is no person."""
    if verb.lemma_.lower() not in _RELAY_VERBS:
        return False
    subject = speaker_of(verb)
    index = speakers.by_char.get(subject.idx) if subject is not None else None
    return subject is None or index is None or speakers.entities[index].type != "PERSON"


def _verb_after(doc, end: int):
    """The reporting verb right after a quotation: "«...», – пояснил Кнутов" ("…», пояснил он")."""
    span = doc.char_span(end, min(len(doc.text), end + 40), alignment_mode="expand")
    if span is None:
        return None
    set_off = False
    for tok in span[:4]:
        if tok.is_space and "\n" in tok.text:
            return None  # the next paragraph is not the attribution
        if tok.is_punct or tok.is_space:
            set_off = set_off or tok.text in ",–—-"
            continue
        # a name in marks before its verb is no quotation: "ГУП «Водоканал» утверждают"
        return tok if set_off and _reporting_verb(tok) else None
    return None


def _verb_before(doc, start: int):
    """The reporting verb before a colon before a quotation: "Кнутов заявил: «...»"."""
    before = doc.text[max(0, start - 2):start].strip()
    if not before.endswith(":"):
        return None
    colon = doc.char_span(start - 2, start, alignment_mode="expand")
    if colon is None:
        return None
    sent = colon[0].sent
    for tok in reversed([t for t in sent if t.idx < start - 1]):
        if _reporting_verb(tok):
            return tok
    return None


def _split_inside(doc, start: int, end: int):
    """"А, – пояснил Кнутов, – Б" inside one pair of marks: (verb, (end of А, start of Б))."""
    text = doc.text
    for m in re.finditer(r"[,.!?…]?\s+[–—]\s+", text[start:end]):
        verb_span = doc.char_span(start + m.end(), min(end, start + m.end() + 30), alignment_mode="expand")
        if verb_span is None or not len(verb_span) or not _reporting_verb(verb_span[0]):
            continue
        rest = re.search(r"[,.]\s+[–—]\s+", text[start + m.end():end])
        if rest is None:  # "– Мы готовы, – сказал Лавров.": the attribution ends the line
            return verb_span[0], (start + m.start(), end)
        return verb_span[0], (start + m.start(), start + m.end() + rest.end())
    return None
