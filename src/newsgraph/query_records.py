"""The typed records the query API returns (see query.py).

Every record that states a fact carries a :class:`Source`: the article (id, title,
outlet, publication date, URL or path) and the exact span, with its text, that the
fact was read from. ``dataclasses.asdict`` turns any of them into JSON-ready dicts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

__all__ = ["Source", "EntityRef", "Participant", "QuoteRef", "Statement", "EventReport", "Event", "EntityProfile",
           "EntitySummary", "TextHit", "COOPERATIVE", "CONFLICTUAL", "PLOVER_TYPES", "MODALITIES", "ATTRIBUTIONS",
           "polarity",
           "participant_label", "who_to_whom", "arrow", "quote_label", "lead_report"]

# PLOVER's 16 event types split by what they do to the relation between actor and
# target. Cooperative: agreeing, talking, backing, giving way, working together,
# giving aid, and retreating (a withdrawal de-escalates). Conflictual: demands
# (REQUEST is pressure in news usage: "X demanded Y ..."), accusations, refusals,
# threats, protests, sanctions, mobilisation, coercion and violence.
COOPERATIVE = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT")
CONFLICTUAL = ("REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
PLOVER_TYPES = COOPERATIVE + CONFLICTUAL
MODALITIES = ("asserted", "planned", "hypothetical", "negated", "claimed")
# What kind of attribution a quote is (the analysis record's attribution): only speech is
# what someone said; a belief ("thinks"), an intention ("plans to") or a stance ("supports",
# "criticised") is attributed to them but was not necessarily said.
ATTRIBUTIONS = ("speech", "belief", "intention", "stance")


def polarity(event_type: str) -> str:
    """'cooperation' or 'conflict' for a PLOVER type."""
    return "cooperation" if event_type in COOPERATIVE else "conflict"


@dataclass(frozen=True)
class Source:
    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    start: int  # the span in the article's cleaned text, end exclusive
    end: int
    text: str  # the sentence or quote the fact comes from

    @classmethod
    def of(cls, row: dict, start: int, end: int, text: str) -> "Source":
        return cls(row["article_id"], row["title"], row["outlet"], row["published"], row["url"], start, end, text)


@dataclass(frozen=True)
class EntityRef:
    id: int
    name: str
    type: str | None = None  # corpus type: person, organisation, state, place, media, group, other


@dataclass(frozen=True)
class Participant:
    """An actor or target of an event report, as the report names it.

    By name: a corpus entity (id, name, type), phrase None. By a phrase standing for a named
    entity of its article ("the Cuban government"): that corpus entity, with the phrase. By a
    phrase standing for no entity ("riot police"): id and type None, name = the phrase; such a
    participant is shown, but is in no edge, no filter and no merge.
    """
    id: int | None
    name: str
    type: str | None = None
    phrase: str | None = None


@dataclass(frozen=True)
class QuoteRef:
    """The quote an event sits in: its span in the article (link it like a Source), words and speaker."""
    start: int
    end: int
    text: str
    speaker: str | None  # the speaker's canonical name; None when not resolved
    speaker_text: str | None = None  # the speaker as written ("he", "witnesses")


def _get(item, key: str):
    return item.get(key) if isinstance(item, dict) else getattr(item, key)


def participant_label(p) -> str:
    """How lists write a participant: "Cuba", "the Cuban government (Cuba)", "riot police"."""
    name, phrase = _get(p, "name"), _get(p, "phrase")
    if phrase and _get(p, "id") is not None and phrase.casefold() != name.casefold():
        return f"{phrase} ({name})"
    return phrase or name


def who_to_whom(actors, targets) -> str:
    """"A, B → C" for a report's participants; "A" or "→ C" when one side is not named; "" for nobody.

    Lists never write a placeholder for a side the text does not name (no "— → —").
    """
    return arrow(", ".join(participant_label(p) for p in actors), ", ".join(participant_label(p) for p in targets))


def arrow(who: str, whom: str) -> str:
    """"who → whom", "who", "→ whom" or "": a side the text does not name is left out."""
    if who and whom:
        return f"{who} → {whom}"
    return who or (f"→ {whom}" if whom else "")


def quote_label(speaker: str | None, speaker_text: str | None) -> str:
    """How lists name the quote an event sits in: "in the quote of Fidel Castro", "in a quote (“he”)"."""
    if speaker:
        return f"in the quote of {speaker}"
    return f"in a quote (“{speaker_text}”)" if speaker_text else "in a quote"


def lead_report(event):
    """The report that speaks for an event in a one-line list: the first that is an edge (a resolved
    actor and a different resolved target), else the first naming anyone, else None (an event whose
    reports name nobody)."""
    reports = _get(event, "reports") or []

    def edge(report) -> bool:
        actors = {_get(p, "id") for p in _get(report, "actors")} - {None}
        targets = {_get(p, "id") for p in _get(report, "targets")} - {None}
        return any(a != t for a in actors for t in targets)

    return (next((r for r in reports if edge(r)), None)
            or next((r for r in reports if _get(r, "actors") or _get(r, "targets")), None))


@dataclass(frozen=True)
class Statement:
    """A quote: what someone said (direct, indirect or mixed) and who said it.

    A direct quotation over several sentences, or split around its attribution, is one
    statement per part. quotation_start is the character offset of the quotation's first
    part in the article (a first or only part's own source.start), so the parts of one
    quotation share (source.article_id, quotation_start); continues is True for a later
    part. Both are None for quotes stored from an analysis that did not link parts.
    score is the learned model's probability for a quote it found (found_by "model"); None
    for the rules' quotes (found_by "rules"). attribution is speech, belief, intention or
    stance (ATTRIBUTIONS); None for quotes stored before the store kept it (schema 8).
    """
    id: int
    kind: str
    text: str
    cue: str | None
    speaker_text: str | None  # the speaker as written ("the minister")
    speaker_name: str | None  # the resolved name, when known
    speaker: EntityRef | None  # the corpus entity, once resolution has run
    source: Source
    quotation_start: int | None = None
    continues: bool | None = None
    found_by: str = "rules"
    score: float | None = None
    attribution: str | None = None

    @classmethod
    def of(cls, row: dict) -> "Statement":
        speaker = EntityRef(row["speaker_entity_id"], row["speaker_entity_name"]) if row["speaker_entity_id"] else None
        first = row.get("quotation_start")
        return cls(row["id"], row["kind"], row["text"], row["cue"], row["speaker_text"],
                   row["speaker_entity_name"] or row["speaker_name"], speaker,
                   Source.of(row, row["start"], row["end"], row["text"]),
                   first, None if first is None else first != row["start"],
                   "rules" if row.get("score") is None else "model", row.get("score"), row.get("attribution"))


@dataclass(frozen=True)
class EventReport:
    """One article's report of an event, on whose word, in which sentence."""
    id: int
    event_id: int
    type: str
    polarity: str
    mode: str | None
    context: list[str]
    modality: str
    trigger: str
    date: str | None  # the TIMEX3 value when a calendar date, else the publication date
    time_value: str | None
    actors: list[Participant]
    targets: list[Participant]
    place: EntityRef | None
    attributed_to: EntityRef | None
    attributed_text: str | None
    amounts: list[dict]
    source: Source  # the sentence
    quote: QuoteRef | None = None  # the quote the event sits in (a claimed event's words), else None

    @classmethod
    def of(cls, row: dict, participants: list[dict]) -> "EventReport":
        def refs(role: str) -> list[Participant]:
            return [Participant(p["entity_id"], p["name"], p["type"], p.get("phrase"))
                    for p in participants if p["role"] == role]

        place = EntityRef(row["place_entity_id"], row["place_name"]) if row["place_entity_id"] else None
        said = EntityRef(row["attributed_entity_id"], row["attributed_name"]) if row["attributed_entity_id"] else None
        quote = None
        if row.get("quote_start") is not None and row.get("quote_end") is not None:
            quote = QuoteRef(row["quote_start"], row["quote_end"], row.get("quote") or "", row.get("quote_speaker"),
                             row.get("quote_speaker_text"))
        return cls(
            row["id"], row["event_id"], row["type"], polarity(row["type"]), row["mode"], _json(row["context"], []),
            row["modality"], row["trigger"], row["date"], row["time_value"], refs("actor"), refs("target"), place,
            said, row["attributed_text"], _json(row["amounts"], []),
            Source.of(row, row["sentence_start"], row["sentence_end"], row["sentence"] or ""), quote,
        )


@dataclass(frozen=True)
class Event:
    """A real-world event merged from its reports.

    contradictions are disagreements between different stories (resolve/events.py); the
    reports of one article or one sentence never disagree with each other.
    """
    id: int
    type: str
    polarity: str
    date: str | None
    place: EntityRef | None
    report_count: int
    contradictions: list[dict]
    reports: list[EventReport] = field(default_factory=list)


@dataclass(frozen=True)
class EntityProfile:
    entity: EntityRef
    label: str | None
    ids: dict
    aliases: list[str]
    roles: list[str]
    counts: dict[str, int]
    statements_by: list[Statement]
    statements_about: list[Statement]
    events_as_actor: list[EventReport]
    events_as_target: list[EventReport]
    others: list[EntityRef]  # other entities the name could mean, best first


@dataclass(frozen=True)
class EntitySummary:
    """An entity at a glance (``newsgraph entities show``): its aliases and exact counts."""
    id: int
    name: str
    type: str | None
    label: str | None
    ids: dict
    aliases: list[dict]  # {"alias", "origin"}, oldest first
    mentions: int
    articles: int
    quotes: int  # quotes it spoke
    events: int  # event reports it takes part in, in any role


@dataclass(frozen=True)
class TextHit:
    kind: str  # sentence or quote
    id: int
    snippet: str  # the match in context, marked «like this»
    rank: float
    speaker_name: str | None
    source: Source


def _json(value: str | None, default):
    return json.loads(value) if value else default
