"""Speaker resolution: our own rule-based coreference for quote speakers (and event participants).

There is no coreference model; a speaker mention is resolved, in text order, by
these rules, first match wins:

1. its head word lies in a named-entity mention -> that entity; a surname or a
   first name alone ("Lincicome", "Green", "Dr. Li", also where the tagger marked no
   name, or took a subject for a common word: "Canadian actor Oh said", "Fields said")
   -> the person introduced before it by a full name ending (or, for a first name,
   starting) with it, also where the tagger typed it an organisation ("Durning" after
   "Jeanine Durning"; zero-width characters in it aside); in the headline (the first
   sentence), where nobody was introduced yet, the one person the story names in full
   after it ("Sanders: Clinton needs to ..." before "Bernie Sanders offered"); a name in apposition
   right after the mention ("Campbell's partner, Jason Louth"; not one past a relative
   clause) -> that name; a description in apposition to a name ("Nunes, the ferocious
   brawler who calls herself ...") -> whoever the name is;
2. "they" right after people who spoke together ("owners Tore Sohlberg and Lehla
   Abreder said ... they said"; no organisation spoke since) -> those people again;
   a personal pronoun ("he", "she", "him") -> the latest person that spoke or
   was the subject of a clause before it (also by a relative clause, a surname the tagger
   missed too: "I'm talking about Alfonso Espinos, who was born in Mexico", "For Espinos,
   who understands ..."; not a subject inside a quotation, the speaker's topic; or after a
   speech verb with no subject, "..., insists 16-year-old Xander Wise, ..."; not one who speaks or acts in
   a concessive clause, "Although Trump has tweeted that ...", which is background); "they"/"them" -> the latest
   organisation, state or group that spoke; "it" as the subject of a speech verb ("The Tribune wrote ...
   it added") -> the organisation or state that spoke in its sentence or the two before (none for
   "It is worth noting", nor for an organisation only named there);
3. an office with an owner ("Starmer's office", "the Prime Minister's office", "McCallum's
   staff"; or, for a body and not a person's role, a name before it: "the Clinton campaign",
   not "the Kremlin spokesman") -> that office, named by its first mention, so all its
   mentions agree; the staff, members or officials of a body named before by the common noun
   before them ("city staff" after "the City of Surrey", "Board members") -> "City of Surrey staff"
   (not "Democratic party officials", nor "labor officials" after the National Labor Relations Board);
4. an outlet ("the Kiev media") stays as written: it is a speaker, not a place;
   A party name as the head of a definite epithet ("the Kentucky Republican";
   ``quote_party_epithets.txt``) -> the latest person before it;
5. a definite role noun ("the expert", "the NG interlocutor") -> the person
   introduced with that role ("Yuri Knutov, a military expert", "Foreign
   Minister X"); none when the role was last given to someone unnamed who acted
   ("a law enforcement official said ... the official said"; not "set up by an
   engineering professor", who may be the person named next); else the one person
   given the role after it ("the WHL commissioner said ... WHL commissioner Ron Robison
   said"); else the latest person that spoke. A plural ("the officials") is nobody in particular.

5b. an age ("said the 34-year-old") -> the latest person; a noun of sex, age or
   kin with "the" ("the mother of three", "the man";
   ``speaker_person_nouns.tsv``) -> the latest person of that gender; none with a
   possessor ("his father" is someone else) or where the noun was given to someone
   unnamed before ("police found a woman ... the woman said").

6. a document ("the statement", "a release from UFCW Local 832", "the lawsuit";
   ``speaker_document_nouns.txt``) -> whoever issued it, where the text says: a
   "from"/"by" phrase or a possessor on it, or the subject that issued, released or
   filed the same kind of document before;
7. a definite singular common noun ("the city", "the diocese") -> the organisation or
   place named before with that word in its name ("the City of Surrey"); a body ("the
   agency", "the union", "the company", ``event_participant_nouns.tsv``; not a state) with
   "the" alone -> else the organisation named last in its sentence or the two before.

Anything else keeps its mention with entity and name None: no guessing; a proper name the
tagger marked as no entity and nothing before introduces ("Demi said") keeps the name as
written, with entity None.
A quotation with no cue of its own continues the previous speaker, unless a sentence between
them has another person for its subject ("'...,' says House. Durning did not need much coaxing.
'I'm thankful ...'"): then it is that person's (``carried``). A surname the tagger marked as no
entity, as the subject of a clause, is still the person introduced by full name before it.
Two people who speak together ("owners Tore Sohlberg and Lehla Abreder said", "Both
Sandmann and Phillips said") are named both ("Tore Sohlberg and Lehla Abreder"); the
entity is the first (a store row shows that entity's name).
A pronoun ("she", "him"), as a speaker or an event participant, skips people whose first name is one of the other gender's
(``person_first_names.tsv``); people whose name does not tell are never skipped. A name of two
words or more that the tagger typed a person in one place and an organisation in another
("Covington Catholic") is no person a pronoun means.

Limits: no number agreement, and gender only from common first names (pronouns take
the latest person), no
cataphora ("In his speech, Trump said"), no plural groups of people ("the
officials") resolved to organisations, and roles only from titles and appositions.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from ..doc_text import text_of
from ..lexicons import table, words
from .cues import verb_frames
from .marks import quote_spans
from .titles import Titles
from ..types import EntityRecord, SpeakerRecord
from ..constants import NOMINAL_SUBJECTS

__all__ = ["SpeakerResolver"]

_PERSON = "PERSON"
_GROUPS = frozenset({"ORG", "GPE", "NORP"})
_DEFINITE = frozenset({"the", "this", "that"})
_INDEFINITE = frozenset({"a", "an", "another", "one"})
# bodies that are states, not organisations: "the government" is not the organisation named before
_STATE_NOUNS = frozenset({"government", "administration", "authority", "authorities", "regime", "state", "nation",
                          "republic", "kingdom", "country", "side", "opposition"})
# marks of a concessive clause, whose speaker is background to the sentence
_CONCESSIVE = frozenset({"although", "though", "while", "whereas"})
# people who speak for a body whose common noun comes before them ("city staff", "board members")
_BODY_PEOPLE = frozenset({"staff", "member", "official"})
# how many sentences back "the agency" looks for the organisation it stands for
_ORGANISATION_REACH = 2


@lru_cache(maxsize=None)
def _speech_verbs(lang: str) -> frozenset[str]:
    return frozenset(lemma for lemma, (klass, _) in verb_frames(lang).items() if klass == "speech")


def _visible(name: str) -> str:
    """A name without the zero-width characters web text carries ("Traeger\u200b said"), on one line:
    a name read off the text as written ("Unifor Local\n444") has single spaces for its line breaks."""
    name = "".join(ch for ch in name if unicodedata.category(ch) != "Cf") if not name.isascii() else name
    return " ".join(name.split())


class SpeakerResolver:
    """Resolves speaker mentions of one Doc, called in text order."""

    def __init__(self, doc, entities: list[EntityRecord], lang: str = "en", text: str | None = None):
        self.doc = doc
        self.text = text_of(doc) if text is None else text  # Doc.text re-joins every token: read it once
        self.entities = entities
        self.pronouns = {row[0]: row[1] for row in table(lang, "quote_pronouns")}
        self.pronoun_gender = {row[0]: row[2] for row in table(lang, "quote_pronouns") if len(row) > 2 and row[2] != "-"}
        self.first_names = {row[0]: row[1] for row in table(lang, "person_first_names")}
        self.role_nouns = {w.lower() for w in words(lang, "role_nouns")}
        self.media = words(lang, "speaker_media_nouns")
        self.offices = words(lang, "speaker_office_nouns")
        self.titles = words(lang, "entity_titles")
        self.documents = words(lang, "speaker_document_nouns")
        self.person_nouns = {row[0]: (row[1] if len(row) > 1 and row[1] != "-" else None)
                             for row in table(lang, "speaker_person_nouns")}
        self.speech_verbs = _speech_verbs(lang)
        self.bodies = frozenset(row[0] for row in table(lang, "event_participant_nouns")
                                if len(row) > 1 and row[1] == "body" and " " not in row[0]) - _STATE_NOUNS
        self.party_epithets = words(lang, "quote_party_epithets")
        self.ent_at = [None] * len(self.text)
        for idx, ent in enumerate(entities):
            for m in ent.mentions:
                for c in range(m.start, min(m.end, len(self.ent_at))):
                    self.ent_at[c] = idx
        group_names = {ent.name for ent in entities if ent.type in _GROUPS}
        # a name of two words or more the tagger typed a person in one place and an organisation in
        # another ("Covington Catholic"): no person a pronoun ("she") can mean (a lone first name,
        # "Demi", typed both ways is still most often the person)
        self.not_people = frozenset(idx for idx, ent in enumerate(entities)
                                    if ent.type == _PERSON and " " in ent.name and ent.name in group_names)
        self.surnames = self._surnames()  # lone names the tagger typed no person, that are a person's surname
        self.roles: dict[str, list[tuple[int, int]]] = {}  # role word -> [(char, entity)]
        self.unnamed_people: dict[str, list[int]] = {}  # person noun -> [char] of "a woman", "a man"
        self.unnamed_roles: dict[str, list[int]] = {}  # role word -> [char] of "a/another <role>" with no name
        self.subjects: list[tuple[int, int]] = []  # (char, entity) of person subjects
        self.title_index = Titles(lang)  # every title word of each person, for described roles
        self._index_people()
        self.spoke: list[tuple[int, int]] = []  # (char, entity) of resolved speakers
        self.office_names: dict[object, str] = {}
        self.numbered: dict[int, str] = {}  # entity -> its name with the number the tagger cut off
        self.pairs: list[tuple[int, int, str]] = []  # (char, first entity, names) of people who spoke together

    def resolve(self, head_i: int | None, span: tuple[int, int] | None) -> SpeakerRecord | None:
        if head_i is None or span is None:
            return None
        start, end = span
        text = self.text[start:end]
        entity, name = self._resolve(self.doc[head_i])
        if entity is None and name is None:
            name = self._as_written(self.doc[head_i])
        if entity is not None and any(name == together for _, _, together in self.pairs):
            return SpeakerRecord(start, end, text, entity, name)  # "they": the people who spoke together again
        if entity is not None:
            name = name or self.numbered.get(entity) or self.entities[entity].name
            if not self._conceded(self.doc[head_i]):
                self.spoke.append((start, entity))
            name = self._with_coordinated(self.doc[head_i], entity, name, start, end)
            if " and " in name and self.entities[entity].type == _PERSON:
                self.pairs.append((start, entity, name))
        return SpeakerRecord(start, end, text, entity, name)

    def _with_coordinated(self, head, entity: int, name: str, start: int, end: int) -> str:
        """Two people who speak together ("Stella's owners Tore Sohlberg and Lehla Abreder said",
        "Both Sandmann and Phillips said"): both their names; the entity stays the first's."""
        if self.entities[entity].type != _PERSON:
            return name
        names = [name]
        named = next((c for c in head.children if c.dep_ == "appos" and c.conjuncts), head)  # "owners X and Y"
        for conj in named.conjuncts:
            if conj.i <= named.i or not (start <= conj.idx < end):
                continue
            other, other_name = self._resolve(conj)
            if other is None or other == entity or self.entities[other].type != _PERSON:
                return name  # not all of them people this resolves: keep the first
            names.append(other_name or self.entities[other].name)
        return " and ".join(names)

    @staticmethod
    def _conceded(head) -> bool:
        """Whether a speaker speaks in a concessive clause ("Although Trump has tweeted that ..., its
        inclusion should not be ..."): background to the sentence, not whom a later "he said" means."""
        verb = head.head
        return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONCESSIVE for c in verb.children)

    def carried(self, previous, start: int) -> SpeakerRecord | None:
        """The speaker of a quotation with no cue of its own that follows the quote ``previous``: the
        previous speaker, unless a sentence in between has another person for the subject of its
        main clause ("'...,' says House. Durning did not need much coaxing. 'I'm thankful ...'"):
        then that person. With no previous speaker, none."""
        speaker = previous.speaker if previous is not None else None
        if speaker is None:
            return None
        for pos, person in reversed(self.subjects):
            if pos >= start:
                continue
            if pos < previous.end or speaker.entity == person:
                return speaker
            span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
            if span is None or not len(span):
                continue
            sent = span.sent
            if sent.start_char < previous.end or sent.end_char > start:
                continue  # the subject of a sentence the quotation itself is part of
            at = self.ent_at[pos]
            end = max((m.end for m in self.entities[at].mentions if m.start == pos), default=span.end_char) \
                if at is not None else span.end_char
            if not any(c.dep_ in NOMINAL_SUBJECTS and pos <= c.idx < end for c in sent.root.children):
                continue  # a subject of some other clause ("bringing up X, who once ...")
            self.spoke.append((pos, person))
            return SpeakerRecord(pos, end, self.text[pos:end], person, self.entities[person].name)
        return speaker

    def heard(self, quotes) -> None:
        """Take the resolved speakers of finished quotes, so later lookups know who spoke where."""
        self.spoke.extend((q.speaker.start, q.speaker.entity) for q in quotes
                          if q.speaker is not None and q.speaker.entity is not None)
        self.spoke.sort()

    def latest(self, before: int, person: bool, pronoun: str | None = None) -> int | None:
        """The latest person (or organisation, state or group) that spoke or, for a person, was a
        subject before the character offset ``before``; for a gendered ``pronoun`` ("him"), not a
        person whose first name is the other gender's."""
        return self._latest(before, person, self.pronoun_gender.get(pronoun) if pronoun else None)

    def fits(self, entity: int, pronoun: str) -> bool:
        """Whether a gendered pronoun may stand for the person ``entity`` (no first name of the other gender)."""
        gender = self.pronoun_gender.get(pronoun)
        return not (gender and self._gender_of(entity) not in (None, gender))

    def resolve_head(self, head) -> int | None:
        """The entity a mention headed by the token ``head`` refers to, by the same rules, or None."""
        return self._resolve(head)[0]

    # -- rules

    def _resolve(self, head) -> tuple[int | None, str | None]:
        low = head.lower_
        entity = self._entity_of(head)
        if entity is None:
            entity = self._appositive(head)
        if entity is None:
            entity = self._apposed_to(head)
        if entity is None and head.pos_ == "PROPN":
            entity = self._by_name(head)
        elif entity is None and head.sent.start == 0 and head.is_alpha and head.text[:1].isupper():
            entity = self._named_later(head.text)  # a title-case headline's surname, tagged a common word
        if (entity is None and (head.pos_ == "PROPN" or self._word_for_a_name(head))) \
                or (entity is not None and self._lone_name(entity)):
            written = self._written_in_full(head)
            if written is not None:
                return entity, written
        if entity is not None and self.entities[entity].type == "NORP" and self._definite(head) \
                and head.tag_ == "NNP" and head.lower_ in self.party_epithets:
            # "the Kentucky Republican": a member of the party, the latest person before
            return self._latest(head.idx, person=True), None
        if entity is not None:
            return entity, self._with_number(head, entity)
        if low == "it":
            return self._body_that_spoke(head), None
        kind = self.pronouns.get(low)
        if kind == "group":
            pair = self._pair_since_group(head.idx)
            if pair is not None:
                return pair
        if kind is not None:
            gender = self.pronoun_gender.get(low)
            return self._latest(head.idx, person=(kind == "person"), gender=gender), None
        lemma = head.lemma_.lower()
        # the owner: a possessor ("Starmer's office") or, for a body rather than a person ("the
        # Clinton campaign", not "the Kremlin spokesman", whom rule 5 finds), a name before the noun
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is None and lemma not in self.role_nouns:
            owner = next((c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
        if (lemma in self.offices or low in self.offices) and owner is not None:
            return None, self._office(head, owner)
        if lemma in _BODY_PEOPLE and owner is None:
            found = self._people_of_body(head)
            if found is not None:
                return None, found
        if self._bare_definite(head) and lemma in self.bodies:
            # "The agency told CTV News", "the union's release": the organisation just named
            found = self._named_organisation(lemma, head.idx)
            return (found if found is not None else self._organisation_just_named(head)), None
        if lemma in self.media or low in self.media:
            return None, None
        if lemma in self.role_nouns and self._definite(head) and head.tag_ not in ("NNS", "NNPS"):
            described = self.described(head) if self._described(head) else None
            if described is not None:
                return described, None  # "the Ohio governor": the governor whose titles say Ohio
            found = self._latest_role(lemma, head.idx)
            unnamed = max((c for c in self.unnamed_roles.get(lemma, []) if c < head.idx), default=-1)
            if unnamed > max((pos for pos, _ in self.roles.get(lemma, []) if pos < head.idx), default=-1):
                return None, None  # "a law enforcement official said ... the official said": nobody named
            if found is None:
                found = self._only_later_holder(lemma, head.idx)
            return (found if found is not None else self._latest(head.idx, person=True)), None
        if low == "old" and "the" in (head.left_edge.lower_, head.doc[max(0, head.left_edge.i - 1)].lower_) \
                and any(c.lemma_ == "year" for c in head.children):
            return self._latest(head.idx, person=True), None  # "said the 34-year-old": an age for a person
        if lemma in self.person_nouns and head.tag_ == "NN" and self._with_the(head):
            return self._person_by_noun(lemma, head.idx), None
        if lemma in self.documents and head.tag_ not in ("NNS", "NNPS"):
            return self._issuer(head)
        if head.pos_ == "NOUN" and self._definite(head) and head.tag_ not in ("NNS", "NNPS"):
            return self._named_organisation(lemma, head.idx), None
        return None, None

    def _people_of_body(self, head) -> str | None:
        """The staff, members or officials of a body named before by the common noun before them ("city
        staff" after "the City of Surrey", "Board members" after "the Parole Board of Canada"): the
        body's name and theirs, "City of Surrey staff"; None where no body was named so."""
        body = next((c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"), None)
        if body is None or any(True for _ in body.children):
            return None  # not "Democratic party officials", a party of its own
        found = self._named_organisation(body.lemma_.lower(), head.idx)
        if found is None or self._head_word(self.entities[found].name) != body.lemma_.lower():
            return None  # "labor officials" are not the National Labor Relations Board's
        return self.office_names.setdefault((found, head.lemma_.lower()), f"{self.entities[found].name} {head.text}")

    @staticmethod
    def _head_word(name: str) -> str:
        """The word a body's name is named by: "city" of "City of Surrey", "board" of "Parole Board"."""
        words = name.lower().split(" of ", 1)[0].split()
        return words[-1] if words else ""

    @staticmethod
    def _with_the(head) -> bool:
        """A noun with "the" and no possessor: "the mother of three", not "his father"."""
        return any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) \
            and not any(c.dep_ == "poss" for c in head.children)

    def _person_by_noun(self, noun: str, at: int) -> int | None:
        """"the mother of three", "the man": the latest person of that gender before it; nobody
        where the noun was given to someone unnamed before ("police found a woman ... the woman
        said"), who may or may not be a person named."""
        if any(c < at for c in self.unnamed_people.get(noun, [])):
            return None
        return self._latest(at, person=True, gender=self.person_nouns[noun])

    def _issuer(self, head, depth: int = 0) -> tuple[int | None, str | None]:
        """Who issued a document that speaks ("the statement", "a release from UFCW Local 832", "the
        union's release"): a "from"/"by" phrase, a possessor or a name on it, or else the subject
        that issued, released or filed the same kind of document earlier ("The diocese issued a
        statement ... The statement said"). None where the text does not say."""
        issuer = next((c for c in head.children if c.dep_ in ("poss", "compound") and c.pos_ in ("PROPN", "NOUN")), None)
        # on the document, or on a participle that tells who sent it ("a release sent to media from X")
        holders = [head] + [c for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN"]
        for prep in (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")):
            issuer = next((c for c in prep.children if c.dep_ == "pobj"), issuer)
        if issuer is None:
            for verb in (t.head for t in reversed(self.doc[:head.i]) if t.lemma_ == head.lemma_ and t.dep_ == "dobj"):
                issuer = next((c for c in verb.children if c.dep_ in NOMINAL_SUBJECTS), None)
                if issuer is not None:
                    break
        if issuer is None or depth > 1:
            return None, None
        if issuer.lemma_.lower() in self.documents:
            return self._issuer(issuer, depth + 1)
        body = [c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
        if issuer.dep_ == "compound" and body and self._definite(head):
            # "the parole board decision": the body named before by the noun next to it ("Parole Board of
            # Canada"); "a court document" may be anyone's filing
            noun = body[-1].lemma_.lower()
            found = self._named_organisation(noun, head.idx)
            if found is not None and self._head_word(self.entities[found].name) == noun:
                return found, None
        entity, name = self._resolve(issuer)
        if entity is None and name is None:
            name = self._as_written(issuer)
        return entity, name

    def _with_number(self, head, entity: int) -> str | None:
        """The name with the number the tagger's name stops short of ("UFCW Local" of "UFCW Local
        832", however the parser hangs the number); else None (the entity's own name)."""
        name = self.entities[entity].name
        if head.i + 1 >= len(self.doc) or not name or self.entities[entity].type == _PERSON \
                or not name.endswith(head.text):
            return None
        number = self.doc[head.i + 1]
        if number.pos_ != "NUM" or not number.text.isdigit() or head.whitespace_ != " " or number.head.i > number.i:
            return None  # not "from the NDP 10 days ago", where the number counts what follows
        self.numbered.setdefault(entity, f"{name} {number.text}")  # its later mentions ("the union") too
        return self.numbered[entity]

    def _as_written(self, head) -> str | None:
        """A proper name the tagger left unmarked and nothing before introduces ("UFCW Local 832",
        "Demi said"): the name as written, titles aside; None for anything but a capitalised name."""
        if head.pos_ == "NUM" and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.lefts):
            pass  # "Unifor Local 444" parsed with the number for its head
        elif head.pos_ != "PROPN" or not head.text[:1].isupper() or head.text in self.titles:
            return None
        words = [t for t in head.subtree if t.i == head.i or t.dep_ in ("compound", "nummod", "flat")
                 and t.head.i == head.i and t.text not in self.titles and t.pos_ != "VERB"]  # not "Added Harlow"
        return _visible(self.text[words[0].idx:words[-1].idx + len(words[-1])]) or None

    def _named_organisation(self, noun: str, before: int) -> int | None:
        """"the city", "the diocese", "the board": the organisation or place named before with that
        word in its name ("the City of Surrey", "the Roman Catholic Diocese of Covington"), the latest."""
        best = (-1, None)
        for idx, ent in enumerate(self.entities):
            if ent.type not in _GROUPS or noun not in ent.name.lower().split():
                continue
            last = max((m.start for m in ent.mentions if m.start < before), default=-1)
            if last > best[0]:
                best = (last, idx)
        return best[1]

    def _body_that_spoke(self, head) -> int | None:
        """ "It" as the subject of a speech verb ("The Tribune wrote ... it added"): the organisation
        or state that spoke last, in its sentence or the two before it (a document's issuer speaks
        where the document does); None for an "it" that is nobody ("It's worth noting"). Not the
        organisation merely named last: that is as often a treaty or an agency spoken of."""
        if head.dep_ != "nsubj" or head.head.lemma_.lower() not in self.speech_verbs:
            return None
        since = self._sentences_back(head.sent, _ORGANISATION_REACH).start_char
        found = [ent for pos, ent in self.spoke if since <= pos < head.idx and self.entities[ent].type in ("ORG", "GPE")]
        return found[-1] if found else None

    def _sentences_back(self, sent, count: int):
        """The sentence ``count`` before ``sent``, or the document's first."""
        for _ in range(count):
            if sent.start == 0:
                break
            sent = self.doc[sent.start - 1].sent
        return sent

    @staticmethod
    def _bare_definite(head) -> bool:
        """A singular noun with "the" and nothing else before it: "the agency", not "the Kiev media"
        nor "a news agency"."""
        return head.tag_ == "NN" and [c.lower_ for c in head.lefts] == ["the"]

    def _organisation_just_named(self, head) -> int | None:
        """The organisation named last before ``head``, in its sentence or the two before it; by its
        name as written, also where the tagger marked no mention there ("confirmed by TransLink.
        The agency said")."""
        sent = self._sentences_back(head.sent, _ORGANISATION_REACH)
        best = (-1, None)
        for idx, ent in enumerate(self.entities):
            if ent.type != "ORG" or idx in self.surnames or not ent.name:
                continue
            for name in {ent.name, self._acronym_of(ent.name)} - {None}:
                last = self.text.rfind(name, sent.start_char, head.idx)
                if last > best[0] and not self.text[last + len(name):last + len(name) + 1].isalnum():
                    best = (last, idx)
        return best[1]

    @staticmethod
    def _acronym_of(name: str) -> str | None:
        """The acronym a longer name starts with, which the text may use alone: "UFCW" of "UFCW Local 832"."""
        first = name.split(" ", 1)[0]
        return first if " " in name and len(first) > 1 and first.isupper() and first.isalpha() else None

    def _entity_of(self, tok) -> int | None:
        idx = self.ent_at[tok.idx] if tok.idx < len(self.ent_at) else None
        if idx is None:
            return None
        # A name span that swallowed a title word ("Ukraine Volodymyr Zelensky") means the
        # person whose full name it ends with, when the document names them so elsewhere.
        name = self.entities[idx].name
        for other, ent in enumerate(self.entities):
            if other != idx and ent.type == _PERSON and " " in ent.name and name.endswith(" " + ent.name):
                return other
        if idx in self.surnames:
            person = self._introduced(name, tok.idx, (_PERSON,))
            if person is not None:
                return person
        if self.entities[idx].type == _PERSON and " " not in name:
            # A surname or first name alone ("Lincicome") is the person introduced by full name before it.
            full = self._introduced(name, tok.idx, (_PERSON,))
            return idx if full is None else full
        return idx

    def _surnames(self) -> frozenset[int]:
        """One-word names the tagger typed as no person ("Durning" as an organisation) that are the
        last word of a person's full name in the document ("Jeanine Durning"): each mention is
        that person introduced before it."""
        last = {ent.name.rsplit(" ", 1)[1] for ent in self.entities if ent.type == _PERSON and " " in ent.name}
        return frozenset(idx for idx, ent in enumerate(self.entities) if ent.type != _PERSON and ent.name in last)

    def _appositive(self, head) -> int | None:
        """A name in apposition to the mention: "Campbell's partner, Jason Louth", "Wise's dad, Darrin"."""
        for child in head.children:
            if child.dep_ == "appos" and self._next_to(head, child):
                found = self._entity_of(child)
                if found is None and child.pos_ == "PROPN":
                    found = self._by_name(child)
                if found is not None and self.entities[found].type in (_PERSON, *_GROUPS):
                    return found
        return None

    def _apposed_to(self, head) -> int | None:
        """A description in apposition to a name is whoever the name is: "Nunes, the ferocious brawler
        who calls herself ..." is Nunes."""
        if head.dep_ != "appos" or head.pos_ != "NOUN" or head.head.pos_ != "PROPN" \
                or not self._next_to(head.head, head):
            return None
        return self._resolve(head.head)[0]

    def _next_to(self, head, appos) -> bool:
        """Whether an apposition follows its noun with only punctuation between: "Campbell's partner,
        Jason Louth"; not a name the parser hung on the noun past a relative clause ("the Cambridge
        resident, who sold copies of his comic Forgotten Grunt: The Undead Soldier")."""
        return appos.i > head.i and all(t.is_punct for t in self.doc[head.i + 1:appos.left_edge.i])

    def _by_name(self, head) -> int | None:
        """A proper name the tagger left unmarked ("Green said", "Dr. Li said"): the person (or
        organisation) introduced before it under a name that ends with it, or a person whose first
        name it is. Titles before it ("Mr.", "Dr.") are no part of the name."""
        words = [c.text for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"
                 and c.text not in self.titles] + [head.text]
        name = _visible(" ".join(words)).removesuffix("’s").removesuffix("'s")
        if not name or not name[0].isupper():
            return None
        found = self._introduced(name, head.idx, (_PERSON, "ORG"))
        if found is None and head.sent.start == 0:
            found = self._named_later(name)
        return found

    def _named_later(self, surname: str) -> int | None:
        """A surname in the headline ("Sanders: Clinton needs to ..."), which the story names in full
        only after it: the one person whose full name ends with it; None for two or none."""
        people = [idx for idx, ent in enumerate(self.entities)
                  if ent.type == _PERSON and ent.name.endswith(" " + surname) and idx not in self.not_people]
        return people[0] if len(people) == 1 else None

    def _lone_name(self, entity: int) -> bool:
        return self.entities[entity].type == _PERSON and " " not in self.entities[entity].name

    @staticmethod
    def _word_for_a_name(head) -> bool:
        """A capitalised subject the tagger took for a common word ("Canadian actor Oh said", "Wise
        said"): a surname if the text wrote it in full before (``_written_in_full``)."""
        return head.dep_ in NOMINAL_SUBJECTS and head.is_alpha and head.text[:1].isupper() \
            and head.pos_ in ("INTJ", "ADJ", "NOUN", "VERB", "AUX", "ADV")

    def _written_in_full(self, head) -> str | None:
        """A surname the tagger found no full name for: the full name written before it ("Damon
        Green spent ... Green said"), a capitalised first name right before the same surname."""
        if not head.text[:1].isupper() or head.text in self.titles:
            return None
        for tok in reversed(self.doc[:head.i]):
            if tok.text != head.text or tok.i == 0 or tok.pos_ != "PROPN":
                continue
            first = self.doc[tok.i - 1]
            if first.pos_ == "PROPN" and first.text[:1].isupper() and first.text not in self.titles \
                    and first.head.i == tok.i and first.dep_ == "compound":
                return f"{first.text} {tok.text}"
        return None

    def _introduced(self, name: str, before: int, types: tuple[str, ...]) -> int | None:
        """The entity of these types named by a longer name ending with ``name`` (for a person, also
        starting with it: a first name) with a mention before ``before``; the latest so mentioned."""
        best = (-1, None)
        name = _visible(name)
        for idx, ent in enumerate(self.entities):
            if ent.type not in types or ent.name == name or " " not in ent.name:
                continue
            if not (ent.name.endswith(" " + name) or ent.type == _PERSON and ent.name.startswith(name + " ")
                    and " " not in name):
                continue
            last = max((m.start for m in ent.mentions if m.start < before), default=-1)
            if last > best[0]:
                best = (last, idx)
        return best[1]

    def _latest(self, before: int, person: bool, gender: str | None = None) -> int | None:
        best = (-1, None)
        pool = self.spoke + (self.subjects if person else [])
        for pos, ent in pool:
            if pos < before and pos > best[0]:
                kind = self.entities[ent].type
                if ((kind == _PERSON and ent not in self.not_people) if person else (kind in _GROUPS)) and not (
                        gender and self._gender_of(ent) not in (None, gender)):
                    best = (pos, ent)
        return best[1]

    def _pair_since_group(self, before: int) -> tuple[int, str] | None:
        """People who spoke together ("owners Tore Sohlberg and Lehla Abreder said") after any
        organisation spoke: "they" are them."""
        pair = max((p for p in self.pairs if p[0] < before), default=None)
        if pair is None:
            return None
        if any(pair[0] < pos < before and self.entities[ent].type in _GROUPS for pos, ent in self.spoke):
            return None
        return pair[1], pair[2]

    def _gender_of(self, entity: int) -> str | None:
        """A person's gender where the name tells it (``person_first_names.tsv``), else None."""
        first = self.entities[entity].name.split()[0].lower() if self.entities[entity].name else ""
        return self.first_names.get(first)

    def _only_later_holder(self, role: str, after: int) -> int | None:
        """The one person the text gives the role to after the mention, where no one had it before
        ("the WHL commissioner said ... WHL commissioner Ron Robison said"); None for several."""
        later = {ent for pos, ent in self.roles.get(role, []) if pos > after}
        return later.pop() if len(later) == 1 else None

    def _latest_role(self, role: str, before: int) -> int | None:
        found = [ent for pos, ent in self.roles.get(role, []) if pos < before]
        return found[-1] if found else None

    def described(self, head) -> int | None:
        """The person a definite, singular role noun with a description of its own stands for ("the
        Vermont senator", "the Israeli leader", "the former secretary of state"), by ``titles``."""
        if head.lemma_.lower() not in self.role_nouns or head.tag_ in ("NNS", "NNPS") or not self._definite(head):
            return None
        found = self.title_index.holder(head)
        # the latest person named before the description's sentence (one named in the same clause is
        # most often another party: "Hale accused the former secretary of state")
        latest = self._latest(head.sent.start_char, person=True)
        if found is not None and latest not in (None, found) and not self.title_index.titled(latest, head.idx):
            # "Ted Cruz has taken time ... The Republican presidential candidate plans": a description
            # right after someone whose titles the text never gave may be theirs; no one is sure
            return None
        return found

    @staticmethod
    def _described(head) -> bool:
        """A role noun with words of its own before it: "the Vermont senator", "the Israeli leader"."""
        return any(c.dep_ in ("compound", "amod", "nmod") and c.pos_ in ("ADJ", "PROPN") for c in head.children)

    def _definite(self, head) -> bool:
        det = next((c for c in head.children if c.dep_ in ("det", "poss")), None)
        return det is not None and (det.lower_ in _DEFINITE or det.dep_ == "poss")

    def _office(self, head, owner) -> str:
        """One name for every mention of the same office: its first mention's text."""
        owner_entity = self._entity_of(owner)
        if owner_entity is None and owner.lemma_.lower() in self.role_nouns:
            owner_entity = self._latest_role(owner.lemma_.lower(), owner.idx)
        key = (owner_entity if owner_entity is not None else owner.lower_, head.lemma_.lower())
        mention = _visible(self.text[owner.left_edge.idx : head.idx + len(head)])
        if mention.lower().startswith("the "):
            mention = mention[4:]
        return self.office_names.setdefault(key, mention)

    # -- people and their roles, indexed once per document

    def _index_people(self) -> None:
        doc = self.doc
        for idx, ent in enumerate(self.entities):
            if ent.type != _PERSON and idx not in self.surnames:
                continue
            for m in ent.mentions:
                person = idx if ent.type == _PERSON else self._introduced(ent.name, m.start, (_PERSON,))
                if person is None:
                    continue
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                head = span.root
                if head.dep_ in NOMINAL_SUBJECTS or (head.dep_ == "pobj" and head.head.lower_ == "to"
                                                           and head.head.head.lower_ == "according") \
                        or self._subject_of_relative(head) or self._inverted_speaker(head) \
                        or self._fronted_topic(head):
                    if not (head.dep_ in NOMINAL_SUBJECTS and self._conceded(head)):
                        self.subjects.append((m.start, person))
                for role in self._roles_of(head, span):
                    self.roles.setdefault(role, []).append((m.start, person))
                self.title_index.add(person, m.start, head, span)

        for tok in doc:
            lemma = tok.lemma_.lower()  # read once: this loop visits every token
            if lemma in self.person_nouns and any(c.dep_ == "det" and c.lower_ in _INDEFINITE
                                                  for c in tok.children):
                self.unnamed_people.setdefault(lemma, []).append(tok.idx)  # "a woman", anywhere
            if tok.pos_ == "PROPN" and self.ent_at[tok.idx] is None \
                    and (tok.dep_ in NOMINAL_SUBJECTS or self._subject_of_relative(tok)):
                # a surname the tagger missed ("Durning did not need much coaxing", "For Espinos, who
                # understands ..."): still the person introduced by full name before it
                person = self._introduced(tok.text, tok.idx, (_PERSON,))
                if person is not None:
                    self.subjects.append((tok.idx, person))
            if lemma not in self.role_nouns or self.ent_at[tok.idx] is not None:
                continue
            det = next((c for c in tok.children if c.dep_ == "det"), None)
            if det is None or det.lower_ not in _INDEFINITE or self._named_by(tok):
                continue
            if tok.dep_ not in NOMINAL_SUBJECTS:
                # only someone unnamed who acts ("a police official said") holds the role; one merely
                # mentioned ("set up by an engineering professor") may well be the person named later
                continue
            self.unnamed_roles.setdefault(lemma, []).append(tok.idx)
        # people named in someone's quotation ("“I don't think Xander would be ...,” says X") are
        # that speaker's topic, not whom the reporter's next "he said" means
        quoted = quote_spans(self.text)
        self.subjects = sorted((pos, person) for pos, person in self.subjects
                               if not any(a <= pos < b for a, b in quoted))

    def _inverted_speaker(self, head) -> bool:
        """A name right after a speech verb with no subject, which the parser took for its object:
        "There is a particular satisfaction, insists 16-year-old Xander Wise, in ..."."""
        verb = head.head
        return head.dep_ == "dobj" and verb.i < head.left_edge.i and verb.lemma_.lower() in self.speech_verbs \
            and all(t.i == verb.i or t.i in range(head.left_edge.i, head.i) for t in self.doc[verb.i:head.i]) \
            and not any(c.dep_ in NOMINAL_SUBJECTS for c in verb.children)

    @staticmethod
    def _fronted_topic(head) -> bool:
        """A person a sentence opens on with "For" ("For Megda Belkacemi, Friday is a day she has
        awaited"): the one the sentence is about, as much as its subject."""
        prep = head.head
        after = head.right_edge.i + 1
        return head.dep_ == "pobj" and prep.lower_ == "for" and prep.i == prep.sent.start \
            and after < len(head.doc) and head.doc[after].text == ","

    @staticmethod
    def _subject_of_relative(head) -> bool:
        """A name whose relative clause makes it the subject: "I'm talking about Alfonso Espinos, who
        was born in Mexico" puts Espinos in focus as much as "Espinos was born in Mexico"."""
        return any(c.dep_ == "relcl" and any(w.dep_ in NOMINAL_SUBJECTS and w.lower_ == "who" for w in c.children)
                   for c in head.children)

    def _named_by(self, tok) -> bool:
        """Whether a role noun is given to a name next to it: "Yuri Knutov, a military expert",
        "a military expert, Yuri Knutov"."""
        if tok.dep_ == "appos" and self.ent_at[tok.head.idx] is not None:
            return True
        return any(c.dep_ == "appos" and self.ent_at[c.idx] is not None for c in tok.children)

    def _roles_of(self, head, span) -> set[str]:
        """Role words given to a name by a title before it or an apposition next to it."""
        found = set()
        for child in head.children:
            if child.dep_ in ("compound", "amod", "nmod") and child.i < span.start:
                found |= {t.lemma_.lower() for t in child.subtree}
            elif child.dep_ == "appos":
                found |= {t.lemma_.lower() for t in child.subtree if t.pos_ == "NOUN"}
        if head.dep_ == "appos" and head.head.pos_ == "NOUN" and self._next_to(head.head, head):
            found.add(head.head.lemma_.lower())
        return found & self.role_nouns
