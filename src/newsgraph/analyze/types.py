"""Typed results of the analysis stages; ``record.py`` turns them into JSON.

Offsets are character offsets into the cleaned article text, end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["MentionRecord", "EntityRecord", "TimexRecord", "QuantityRecord", "SpeakerRecord", "QuoteRecord",
           "PhraseRecord", "EventRecord"]


@dataclass
class MentionRecord:
    start: int
    end: int
    text: str
    # Set when the mention stands for another entity than its words name, e.g.
    # "London assured" -> the state; "state" is the only value so far.
    role: str | None = None

    def as_dict(self) -> dict:
        d = {"start": self.start, "end": self.end, "text": self.text}
        if self.role:
            d["role"] = self.role
        return d


@dataclass
class EntityRecord:
    name: str  # canonical: "Annalena Baerbock" for "Burbock", "Kyiv" for "Kiev"
    type: str  # PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, PRODUCT, WORK_OF_ART, LAW, LANGUAGE
    mentions: list[MentionRecord] = field(default_factory=list)
    # Identifiers where a gazetteer knows the entity, e.g. {"iso3166": "UA"}.
    ids: dict[str, str] = field(default_factory=dict)
    # The name in its own language and script, in the nominative, where the canonical
    # name is another ("Юрий Кнутов" for "Yuri Knutov"); None for English.
    native: str | None = None

    def span_covers(self, start: int, end: int) -> bool:
        return any(m.start < end and start < m.end for m in self.mentions)


@dataclass
class TimexRecord:
    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str  # TIMEX3 value: 2025-04-01, 2025-W13, PAST_REF, P3D, XXXX-03-27 ...
    mod: str | None = None  # BEFORE, AFTER, ON_OR_BEFORE, START, END, APPROX ...

    def as_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "type": self.type,
                "value": self.value, "mod": self.mod}


@dataclass
class QuantityRecord:
    start: int
    end: int
    text: str
    kind: str  # money, count, percent, measure
    amount: float
    unit: str | None  # ISO 4217 code for money ("EUR"), else a unit or counted noun ("troops")

    def as_dict(self) -> dict:
        amount = int(self.amount) if float(self.amount).is_integer() else self.amount
        return {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind,
                "amount": amount, "unit": self.unit}


@dataclass
class SpeakerRecord:
    start: int
    end: int
    text: str  # the mention as written: "he", "the expert", "Starmer's office"
    entity: int | None = None  # index into the document's entity list, or None
    name: str | None = None  # the resolved canonical name, None when unresolved


@dataclass
class QuoteRecord:
    kind: str  # direct, indirect, mixed
    start: int
    end: int
    text: str  # the reported content, without the quote marks
    cue: tuple[int, int, str] | None  # (start, end, text) of "said", "according to" ...
    speaker: SpeakerRecord | None
    # Index (in the article's quotes) of the first part of the same quotation when a
    # quotation is split around its attribution or continues past it; None otherwise.
    part_of: int | None = None
    # The learned model's probability for a quote it found (quotes.learned); None when rules found it.
    score: float | None = None
    # What kind of attribution it is: speech, belief, intention or stance (quotes._attribution).
    attribution: str = "speech"

    def as_dict(self, entity_ids: list[str]) -> dict:
        speaker = None
        if self.speaker is not None:
            s = self.speaker
            speaker = {"start": s.start, "end": s.end, "text": s.text,
                       "entity": entity_ids[s.entity] if s.entity is not None else None, "name": s.name}
        cue = {"start": self.cue[0], "end": self.cue[1], "text": self.cue[2]} if self.cue else None
        return {"kind": self.kind, "start": self.start, "end": self.end, "text": self.text,
                "cue": cue, "speaker": speaker, "part_of": self.part_of,
                "found_by": "rules" if self.score is None else "model",
                "score": None if self.score is None else round(self.score, 3), "attribution": self.attribution}


@dataclass(frozen=True)
class PhraseRecord:
    """An event participant the text names by a phrase, not a name: "riot police", "the perpetrators".

    The record lists it among the entities with type NOMINAL, kept to its article.
    """

    start: int
    end: int
    text: str
    refers_to: int | None = None  # the entity it stands for ("the Cuban government" -> Cuba), if named

    def key(self) -> tuple[str, int | None]:
        """Phrases with one key are one participant: the same words for the same owner."""
        words = self.text.lower().split()
        while words and words[0] in _LEADING:
            words = words[1:]
        return " ".join(words), self.refers_to


_LEADING = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "these", "those", "that"})
# An event participant: an index into the document's entities, or a phrase.
Participant = int | PhraseRecord


@dataclass
class EventRecord:
    """One event in one sentence: PLOVER type, who did it to whom, when, where, on whose word."""

    type: str  # one of the 16 PLOVER types: AGREE, CONSULT, ... ASSAULT
    trigger: tuple[int, int, str]  # (start, end, text) of the word(s) that name the event
    sentence: tuple[int, int]  # the sentence it was found in
    modality: str  # asserted, planned, hypothetical, negated, historical, claimed
    mode: str | None = None  # PLOVER mode, e.g. "phone", "visit"
    context: list[str] = field(default_factory=list)  # PLOVER contexts, e.g. ["military"]
    actors: list[Participant] = field(default_factory=list)  # entity indices, or phrases
    targets: list[Participant] = field(default_factory=list)
    place: int | None = None  # entity index
    time_value: str | None = None  # TIMEX3 value
    time_timex: int | None = None  # index into the document's timexes
    quantities: list[int] = field(default_factory=list)  # indices into the document's quantities
    attributed_to: int | None = None  # entity index of whoever reports it
    attributed_text: str | None = None  # the source as written when it is no entity ("sources", "Kiev media")

    def as_dict(self, entity_ids: list[str], phrase_ids: dict[tuple[str, int | None], str] | None = None) -> dict:
        """``phrase_ids`` gives the record id of each phrase participant, by its key."""
        def eid(index: Participant | None) -> str | None:
            if isinstance(index, PhraseRecord):
                return (phrase_ids or {})[index.key()]
            return entity_ids[index] if index is not None else None

        return {
            "type": self.type, "mode": self.mode, "context": list(self.context),
            "trigger": {"start": self.trigger[0], "end": self.trigger[1], "text": self.trigger[2]},
            "sentence": {"start": self.sentence[0], "end": self.sentence[1]},
            "actors": [eid(i) for i in self.actors], "targets": [eid(i) for i in self.targets],
            "place": eid(self.place),
            "time": {"value": self.time_value, "timex": self.time_timex} if self.time_value else None,
            "quantities": list(self.quantities),
            "modality": self.modality,
            "attributed_to": eid(self.attributed_to),
            "attributed_text": self.attributed_text,
        }
