"""An article's text cut into segments for the reader: quotes, mentions, event triggers.

Spans come from the stored analysis record (offsets into ``document.text``, end
exclusive) and may nest or overlap (a name inside a quote, a trigger inside a
sentence). The text is cut at every span edge, so each segment has one cover set;
the template wraps each segment in the marks that cover it. Text stays plain text
here: escaping is the template's (autoescape), never ours.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..query_records import arrow
from ..quotations import quotation_groups, quotation_text
from ..store.rows import PHRASE_TYPE

__all__ = ["Segment", "Speaker", "Reading", "read_article", "parse_span"]

SPEAKER_COLOURS = 10  # CSS classes spk-0 .. spk-9; more speakers reuse colours


@dataclass
class Speaker:
    index: int
    name: str
    colour: int
    quotes: list[dict] = field(default_factory=list)  # each part
    quotations: list[dict] = field(default_factory=list)  # each quotation, its parts together


@dataclass
class Segment:
    text: str
    start: int
    quote: int | None = None  # index into Reading.quotes
    quote_start: bool = False
    entity: str | None = None  # the canonical name, for the entity page link
    entity_type: str | None = None
    event: dict | None = None
    target: bool = False  # inside the span the URL asked for
    target_start: bool = False


@dataclass
class Reading:
    segments: list[Segment]
    quotes: list[dict]  # {index, text, kind, cue, speaker: Speaker | None, speaker_text, speaker_name, start, end,
    #                      score, quotation}
    speakers: list[Speaker]
    events: list[dict]  # the record's events, with "who" (actors → targets as written) and "quote_index"
    # One per quotation: a quotation split around its attribution or over several sentences
    # is one quote per part (the record's part_of), listed here together:
    # {index, parts: [quote], text (the parts joined, quotation_text), kind, cue, speaker, speaker_text, score}
    quotations: list[dict] = field(default_factory=list)
    # The attributions shown (None: all) and how many quotations of each kind the article has,
    # for the panel's filter: {"speech": 12, "belief": 2, ...}.
    shown: tuple[str, ...] | None = ("speech",)
    counts: dict[str, int] = field(default_factory=dict)


def _participant_labels(entities: list[dict]) -> dict[str, str]:
    """Record entity id -> how the reader writes it: the name, or "the Cuban government (Cuba)"."""
    names = {e.get("id"): e.get("name") for e in entities}
    return {e.get("id"): f"{e.get('name')} ({names[e['refers_to']]})"
            if e.get("type") == PHRASE_TYPE and e.get("refers_to") in names else e.get("name") for e in entities}


def parse_span(value: str | None, length: int) -> tuple[int, int] | None:
    """'START-END' from a link, clamped to the text; None when absent or malformed."""
    if not value:
        return None
    start, sep, end = value.partition("-")
    if not (sep and start.isdigit() and end.isdigit()):
        return None
    a, b = min(int(start), length), min(int(end), length)
    return (a, b) if a < b else None


def read_article(text: str, record: dict | None, target: tuple[int, int] | None = None,
                 shown: tuple[str, ...] | None = ("speech",)) -> Reading:
    """The article cut for the reader. Quotes whose attribution is not in ``shown`` (None: every
    kind) are neither marked in the text nor listed; by default only speech, what was said.
    A record from before quotes carried their attribution counts each quote as speech."""
    record = record or {}
    n = len(text)

    def ok(span: dict | None) -> bool:
        return bool(span) and isinstance(span.get("start"), int) and isinstance(span.get("end"), int) \
            and 0 <= span["start"] < span["end"] <= n

    speakers: dict[str, Speaker] = {}
    quotes: list[dict] = []
    quotations: list[dict] = []
    by_position: dict[int, dict] = {}  # the record's quote index -> the shown quote
    counts: dict[str, int] = {}
    kinds = [q.get("attribution") or "speech" for q in record.get("quotes", [])]
    for group in quotation_groups(record.get("quotes", [])):
        counts[kinds[group[0]]] = counts.get(kinds[group[0]], 0) + 1
    for position, q in enumerate(record.get("quotes", [])):
        if not ok(q) or (shown is not None and kinds[position] not in shown):
            continue
        who = (q.get("speaker") or {})
        name = who.get("name") or who.get("text")
        speaker = None
        if name:
            speaker = speakers.get(name)
            if speaker is None:
                speaker = speakers[name] = Speaker(len(speakers), name, len(speakers) % SPEAKER_COLOURS)
        quote = {"index": len(quotes), "text": text[q["start"]:q["end"]], "kind": q.get("kind"),
                 "cue": (q.get("cue") or {}).get("text"), "speaker": speaker, "speaker_text": who.get("text"),
                 "speaker_name": who.get("name"),
                 "start": q["start"], "end": q["end"], "score": q.get("score"), "attribution": kinds[position]}
        quotes.append(quote)
        by_position[position] = quote
        if speaker:
            speaker.quotes.append(quote)
    for group in quotation_groups(record.get("quotes", [])):
        parts = [by_position[position] for position in group if position in by_position]
        if not parts:
            continue
        quotation = {"index": len(quotations), "parts": parts}
        quotations.append(quotation)
        for quote in parts:
            quote["quotation"] = quotation["index"]
        quotation["text"] = quotation_text(text, [(p["start"], p["end"]) for p in parts])
        quotation["kind"] = parts[0]["kind"]
        quotation["score"] = parts[0]["score"]  # the learned model's, for a quote it found
        quotation["attribution"] = parts[0]["attribution"]
        quotation["cue"] = next((p["cue"] for p in parts if p["cue"]), None)
        quotation["speaker"] = next((p["speaker"] for p in parts if p["speaker"]), None)
        quotation["speaker_text"] = next((p["speaker_text"] for p in parts if p["speaker_text"]), None)
        if quotation["speaker"]:
            quotation["speaker"].quotations.append(quotation)
    labels = _participant_labels(record.get("entities", []))
    # Names only: a participant named by a phrase (NOMINAL) is shown with its event, not marked as a mention.
    mentions = [(m["start"], m["end"], e) for e in record.get("entities", []) if e.get("type") != PHRASE_TYPE
                for m in e.get("mentions", []) if ok(m)]
    events = []
    for ev in record.get("events", []):
        trig = ev.get("trigger")
        if ok(trig):
            actors = [labels.get(a, a) for a in ev.get("actors", [])]
            targets = [labels.get(t, t) for t in ev.get("targets", [])]
            held = [q for q in quotes if q["start"] <= trig["start"] and trig["end"] <= q["end"]]
            quote = min(held, key=lambda q: q["end"] - q["start"]) if held else None
            events.append({**ev, "actor_names": actors, "target_names": targets,
                           "who": arrow(", ".join(actors), ", ".join(targets)),
                           "quote_index": quote["index"] if quote else None})
    cuts = {0, n}
    for q in quotes:
        cuts |= {q["start"], q["end"]}
    for a, b, _ in mentions:
        cuts |= {a, b}
    for ev in events:
        cuts |= {ev["trigger"]["start"], ev["trigger"]["end"]}
    if target:
        cuts |= set(target)
    points = sorted(cuts)
    segments = []
    for a, b in zip(points, points[1:]):
        seg = Segment(text[a:b], a)
        for q in quotes:
            if q["start"] <= a < q["end"]:
                seg.quote, seg.quote_start = q["index"], a == q["start"]
                break
        for ma, mb, e in mentions:
            if ma <= a < mb:
                seg.entity, seg.entity_type = e.get("name"), e.get("type")
                break
        for ev in events:
            if ev["trigger"]["start"] <= a < ev["trigger"]["end"]:
                seg.event = ev
                break
        if target and target[0] <= a < target[1]:
            seg.target, seg.target_start = True, a == target[0]
        segments.append(seg)
    return Reading(segments, quotes, list(speakers.values()), events, quotations, shown, counts)
