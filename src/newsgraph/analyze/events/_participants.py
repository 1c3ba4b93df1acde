"""Who an argument of an event names: entities, or phrases where the text names no one.

``Participants.of(token)`` reads the noun phrase headed by ``token`` (coordinated
phrases too: "Britain, France and Germany" are three) and returns what it stands for:

- a named entity whose mention holds the head ("the United States", "Clinton");
  a capital standing for its state ("aid to Kiev") is the state when the text names it;
- "I" inside a direct quotation: its speaker;
- a pronoun resolved as quote speakers are ("he", "she": the latest person, skipping one
  whose first name is the other gender's; "they", "it":
  the latest organisation or state that acted or spoke), a relative pronoun its antecedent;
  a possessive inside a phrase with a "by" agent that agent ("statements by the leaders about
  their readiness");
- an office of named states ("the presidents of Ukraine, France and Finland") those states;
- a role with a description of its own ("the Vermont senator", "the Israeli leader") the person
  the text titled so before (``quotes.titles``), unless someone untitled was named just before;
- a phrase (``PhraseRecord``) headed by a noun of people, bodies or sites ("riot police",
  "the perpetrators", "U.S. embassies in Kenya"), with the entity it stands for when a
  modifier names it ("the Cuban government" -> Cuba, "NATO Secretary General" -> NATO).

- behind a noun that names no one, who stands behind it: its named owner ("rejected North
  Korea's demand", "sanctions against Russian exports" -> Russia when the text names it) or
  its "of" phrase ("the withdrawal of Serbian forces").

Never a participant: a nationality adjective alone ("Russian exports", "Ukrainian leader":
the head decides, and an adjective is no head, unless the text names its state), a noun
that names no one and has no one behind it ("the issues"), an unresolved pronoun.
Limits: "it" and "they" take the latest organisation or state that was a subject or spoke,
with no number agreement; offices resolve to the state they serve, not to the holder.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..doc_text import text_of
from ..constants import NOMINAL_SUBJECTS
from ..entities.gazetteer import gazetteer
from ..lexicons import table, words
from ..quotes.speakers import SpeakerResolver
from ..token_filter import tokens_with
from ..types import EntityRecord, Participant, PhraseRecord, QuoteRecord

__all__ = ["Participants"]

_PERSONAL = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
_FIRST_PERSON = frozenset({"i", "me", "my", "myself"})
_PLURAL_PRONOUNS = frozenset({"they", "them", "their", "themselves"})
_SINGULAR_PRONOUNS = frozenset({"it", "its", "itself"})
# Possessives that the subject of their own clause may bind, with the entity types each can stand for.
_POSSESSIVE_TYPES = {"his": ("PERSON",), "her": ("PERSON",), "its": ("ORG", "GPE"), "their": ("ORG", "GPE", "NORP")}
# How far back (in sentences) "it" and "they" look for whom they stand for.
_PRONOUN_REACH = 3
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_QUANTIFIERS = frozenset({"some", "many", "most", "all", "several", "few", "none", "each", "both", "one", "two",
                          "three", "half", "majority", "rest"})
_GROUP_TYPES = frozenset({"ORG", "GPE", "NORP"})
# Modifiers of a phrase's head that name whom it belongs to: "U.S. embassies", "Cuba's government".
_OWNER_DEPS = frozenset({"compound", "poss", "amod", "nmod"})
# Left dependents that belong to a noun phrase; on the right only these prepositions' objects.
_PHRASE_LEFT = frozenset({"det", "amod", "compound", "nummod", "poss", "quantmod", "nmod", "case", "predet",
                          "advmod", "npadvmod", "punct"})
_PHRASE_PREPS = frozenset({"of", "in", "from", "at"})
_MAX_PHRASE_TOKENS = 12
# Nouns that count people: the counted noun decides whether they are participants.
_COUNTS = frozenset({"dozen", "score", "hundred", "thousand", "million"})
# Nouns of buying and selling: their "of" phrase is what changes hands, not who stands behind them.
_BOUGHT_OF = frozenset({"acquisition", "purchase", "takeover", "buyout", "sale"})
# Counts that, with no "of" phrase of people, are sums of money when spent: "spent millions".
_AMOUNTS = frozenset({"million", "billion"})
_SPENDING = frozenset({"invest", "spend", "raise", "pay", "donate", "pour", "lose", "cost", "owe", "borrow",
                       "lend", "funnel", "save", "earn", "make"})
# Nouns that name a body only when a modifier says which: "the security service", "the Secret
# Service"; bare "services" are what a company runs.
_NAMED_BODIES_ONLY = frozenset({"service"})
_HOW_MANY = frozenset({"several", "many", "few", "other", "various", "numerous", "some", "additional", "new",
                       "regular", "more", "daily", "weekly"})
_CURRENCY_WORDS = frozenset({"dlrs", "dollars", "dollar", "euros", "euro", "pounds", "yen", "rubles", "yuan", "usd", "eur"})
# Nouns through which an office or a group belongs to states: "representatives of the military
# leadership of Ukraine, Great Britain and France".
_OWNING = frozenset({"person", "unit", "body"})
# Nouns whose "of" states are whom they serve: offices, units, institutions ("the sister of the
# Cuban dictator" is a person of her own, not Cuba).
_SERVING = frozenset({"person", "unit", "body"})


@dataclass(frozen=True)
class _Noun:
    kind: str  # person, group, body, site


@lru_cache(maxsize=None)
def _nouns(lang: str) -> dict[str, _Noun]:
    return {row[0]: _Noun(row[1]) for row in table(lang, "event_participant_nouns")}


def _singular(word: str) -> str:
    """A plural the tagger left as it is ("Ministers" as a proper noun) made singular."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


class Participants:
    """Participants of the events of one Doc; built once per document."""

    def __init__(self, doc: Doc, entities: list[EntityRecord], quotes: list[QuoteRecord], lang: str = "en"):
        self.doc = doc
        self.text = text_of(doc)  # Doc.text joins every token anew on each call
        self.entities = entities
        self.lang = lang
        self.by_token: dict[int, int] = {}
        for e_index, entity in enumerate(entities):
            for m in entity.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None:
                    for t in range(span.start, span.end):
                        self.by_token.setdefault(t, e_index)
        self.by_name = {}
        for e_index, entity in enumerate(entities):
            self.by_name.setdefault(entity.name, e_index)
        # (actors, targets) of an event noun, or None for a word that names no event: set by
        # the events stage, which knows the triggers ("rejected North Korea's demand" -> North Korea).
        self.act_of: Callable[[Token], tuple[list[Participant], list[Participant]] | None] | None = None
        self.resolver = SpeakerResolver(doc, entities, lang)
        self.resolver.heard(quotes)
        # Direct quotations with a named speaker: "I" inside one is its speaker.
        self.spoken = [(q.start, q.end, q.speaker.entity) for q in quotes
                       if q.kind != "indirect" and q.speaker is not None and q.speaker.entity is not None]
        # Subjects that "it" and "they" can stand for: (token, plural), in text order.
        # A news outlet is no such subject: "The Maariv newspaper said that Syria wants to renew
        # talks" reports; the outlet is not who "it" acts as in what it reports.
        media = words(lang, "speaker_media_nouns")
        self.group_subjects = [(t, t.tag_ in ("NNS", "NNPS") or self._named_type(t) == "NORP")
                               for t in tokens_with(doc, "DEP", NOMINAL_SUBJECTS)
                               if self._is_group(t) and t.lemma_.lower() not in media]

    def of(self, token: Token) -> list[Participant]:
        """What the noun phrase headed by ``token`` names, coordinated phrases included."""
        out: list[Participant] = []
        for t in [token, *token.conjuncts]:
            for p in self._one(t, depth=0):
                if p not in out:
                    out.append(p)
        return out

    def is_city(self, participant: Participant) -> bool:
        if not isinstance(participant, int):
            return False
        known = gazetteer().place(self.entities[participant].name)
        return known is not None and known.kind == "city"

    def entity_at(self, token: Token) -> int | None:
        return self.by_token.get(token.i)

    def kind_of(self, token: Token) -> str | None:
        """The kind of people or place a common noun names (person, group, unit, body, site), if any."""
        noun = self._noun(token) if token.pos_ in ("NOUN", "PROPN") else None
        return noun.kind if noun is not None else None

    def is_group(self, participant: Participant) -> bool:
        """A state, an organisation or a people, named or stood for by a phrase ("the Cuban government")."""
        e = participant.refers_to if isinstance(participant, PhraseRecord) else participant
        return e is not None and self.entities[e].type in _GROUP_TYPES

    def names_a_thing(self, token: Token) -> bool:
        """A common noun that names no one and no act ("the boy's return", "the issues"): who
        it belongs to is only its owner, not a party to what is done with it."""
        return (token.pos_ == "NOUN" and token.i not in self.by_token and self._noun(token) is None
                and (self.act_of is None or self.act_of(token) is None))

    def owner_of(self, modifier: Token) -> int | None:
        """The entity a modifier names as owner or agent: "U.S." in "U.S. strikes"; a
        nationality adjective names its state only when the text names the state."""
        e = self.by_token.get(modifier.i)
        if e is None and modifier.dep_ == "poss" and modifier.pos_ == "PRON":
            found = self._pronoun(modifier)  # "her farewell visit", "their own demonstrations"
            return found[0] if found and isinstance(found[0], int) else None
        if e is None:
            return None
        entity = self.entities[e]
        if entity.type == "NORP":
            demonyms = gazetteer().demonyms
            state = demonyms.get(entity.name) or demonyms.get(modifier.text)
            return self.by_name.get(state) if state is not None else None
        if entity.type == "GPE" and self.is_city(e):
            if modifier.dep_ != "poss":
                return None  # "a Buffalo doctor", "the Paris gathering": a place, not an owner
            stands_for = self._named(modifier, e)[0]  # "Moscow's demands": a capital's state, when named
            return None if self.is_city(stands_for) else stands_for
        return e if entity.type in _GROUP_TYPES or entity.type == "PERSON" else None

    # -- one head

    def _one(self, t: Token, depth: int) -> list[Participant]:
        if depth > 3:
            return []
        named = self.by_token.get(t.i)
        if named is not None:
            return self._named(t, named)
        low = t.lower_
        if low in _RELATIVE and t.head.dep_ == "relcl":
            if t.dep_ in NOMINAL_SUBJECTS and self.names_a_thing(t.head.head):
                return []  # "the bombing of a Birmingham, Ala., clinic that killed ...": a thing does not act
            return self._one(t.head.head, depth + 1)
        if low in _QUANTIFIERS:  # "some of their supporters", "many of the protesters"
            return [p for prep in t.children if prep.dep_ == "prep" and prep.lower_ == "of"
                    for pobj in prep.children if pobj.dep_ == "pobj" for p in self._one(pobj, depth + 1)]
        if t.pos_ == "PRON":
            return self._pronoun(t)
        if t.pos_ not in ("NOUN", "PROPN", "NUM"):
            return []
        named_after = self._named_after(t)
        noun = self._noun(t)
        if noun is None:
            # "the object of Trump's admiration, Vladimir Putin", "two Vermont developers, Ariel
            # Quiros and William Stenger": the names in apposition say who the noun is
            return named_after if named_after and t.pos_ == "NOUN" else self._behind(t, depth)
        if t.lemma_.lower() in _COUNTS:
            return [self._phrase(t, None)]  # "tens of thousands of Cuban women": the crowd itself
        owners = self._of_owners(t, depth)
        if noun.kind in _SERVING and owners:
            return owners  # "the presidents of Ukraine, France and Finland": the states they lead
        if named_after:
            return named_after[:1]  # "the Ukrainian enterprise Yuzhmash", "his interlocutor, Donald Trump"
        if noun.kind == "person" and self._modified(t):
            described = self.resolver.described(t)
            if described is not None:
                return [described]  # "the Vermont senator": the senator introduced as "Sen. X (I-Vt.)"
        if noun.kind == "person" and self._of_a_thing(t):
            return []  # "the candidate of their choice": whoever it turns out to be, no one named
        owner = self._owner(t, owners)
        if noun.kind in ("person", "individual") and owner is None and not self._modified(t):
            resolved = self.resolver.resolve_head(t)
            if resolved is not None:
                return [resolved]  # "the expert": the person introduced with that role
        return [self._phrase(t, owner)]

    def _named_after(self, t: Token) -> list[int]:
        """The entities a noun's right apposition or compound names, coordinated names included."""
        for c in t.rights:
            e = self.by_token.get(c.i)
            if c.dep_ in ("appos", "compound") and e is not None and self.entities[e].type not in ("NORP", "DATE"):
                more = [self.by_token[k.i] for k in c.conjuncts if k.i in self.by_token]
                return list(dict.fromkeys([e, *more]))
        return []

    def _named(self, t: Token, e_index: int) -> list[Participant]:
        entity = self.entities[e_index]
        if entity.type == "NORP" and (t.pos_ == "ADJ" or t.dep_ in ("amod", "compound", "nmod")):
            return []  # "Russian exports": a nationality adjective is never a participant
        if entity.type == "GPE":
            known = gazetteer().place(entity.name)
            if known is not None and known.capital_of:
                country = gazetteer().country_entry(known.capital_of)
                state = self.by_name.get(country.name) if country is not None else None
                if state is not None:
                    return [state]  # "military assistance to Kiev": the state
        return [e_index]

    def _named_type(self, t: Token) -> str | None:
        e = self.by_token.get(t.i)
        return self.entities[e].type if e is not None else None

    def _is_group(self, t: Token) -> bool:
        if self._named_type(t) in _GROUP_TYPES:
            return True
        noun = self._noun(t) if t.pos_ == "NOUN" else None
        return noun is not None and noun.kind in ("group", "unit", "body")

    def _pronoun(self, t: Token) -> list[Participant]:
        low = t.lower_
        if low in _FIRST_PERSON:  # '"I want to thank you," she said': the speaker
            return [e for start, end, e in self.spoken if start <= t.idx < end][:1]
        if t.dep_ == "poss" and low in _POSSESSIVE_TYPES:
            bound = self._bound_by_subject(t, low)
            if bound is not None:
                return [bound]
            agents = self._bound_by_agent(t, low)
            if agents:
                return agents
        if low in _PERSONAL:
            bound = self._bound_by_reporter(t, low) if t.dep_ in NOMINAL_SUBJECTS else None
            if bound is not None:
                return [bound]
            found = self.resolver.latest(t.idx, person=True, pronoun=low)
            if found is not None and any(start <= t.idx < end and e == found for start, end, e in self.spoken):
                return []  # '"Smith has shown that he can win," Jones said': "he" inside is not Jones
            return [found] if found is not None else []
        plural = low in _PLURAL_PRONOUNS
        if not plural and low not in _SINGULAR_PRONOUNS:
            return []
        if low == "them":
            nearest = self._nearest_plural(t)
            if nearest is not None:
                return self._one(nearest, depth=1) if self._is_group(nearest) else []
        earliest = self.doc[t.i].sent.start
        for _ in range(_PRONOUN_REACH - 1):
            if earliest > 0:
                earliest = self.doc[earliest - 1].sent.start
        ancestors = {a.i for a in t.ancestors}
        for subject, is_plural in reversed(self.group_subjects):
            if subject.i >= t.i or subject.i < earliest:
                continue
            if t.dep_ in ("dobj", "pobj", "dative") and subject.head.i in ancestors:
                continue  # "police used tear gas to clear them": not the police
            
            named = self._named_type(subject)
            if plural and not (is_plural or named in ("ORG", "GPE")):
                continue
            if not plural and named is None and getattr(self._noun(subject), "kind", "") == "group":
                continue  # "it" is no "a migrant": one of a group of people is a person
            if not plural and is_plural:
                continue
            return self._one(subject, depth=1)
        if low == "they" and t.dep_ == "nsubj":
            return self._latest_plural_group(t)
        return []

    def _nearest_plural(self, t: Token) -> Token | None:
        """The plural noun nearest before an object "them" in its sentence, which it most often
        takes up: "information on Japanese Americans so that the Army could round them up" (the
        Americans, not the subject of a sentence before); "review transcripts ... before
        releasing them" (a thing: no one)."""
        verb = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None)
        own = set()  # the verbs whose subject acts on "them": its own, and those it is the purpose of
        while verb is not None and verb.i not in own:
            own.add(verb.i)
            verb = verb.head if verb.dep_ in ("xcomp", "advcl") else None
        for cand in reversed(self.doc[t.sent.start:t.i]):
            if cand.dep_ in NOMINAL_SUBJECTS and cand.head.i in own:
                continue  # "police beat them", "police used tear gas to clear them": not the police
            if cand.tag_ in ("NNS", "NNPS") and cand.pos_ in ("NOUN", "PROPN") \
                    and cand.dep_ not in ("compound", "amod", "poss"):
                return cand
        return None

    def _latest_plural_group(self, t: Token) -> list[Participant]:
        """With no group subject to stand for, the subject "they" is the latest plural group named
        before it, in any role, in its sentence or the one before: "told African-Americans ... if
        they did not vote"; "X lashed out at his Miami relatives ... He said they have manipulated"."""
        sent = t.sent
        before = list(self.doc[sent.start:t.i])
        if sent.start > 0:
            before = list(self.doc[sent.start - 1].sent) + before
        for cand in reversed(before):
            if cand.tag_ in ("NNS", "NNPS") and cand.pos_ in ("NOUN", "PROPN") and self._is_group(cand) \
                    and cand.dep_ not in ("compound", "amod", "poss") and cand.head.i != t.head.i:
                return self._one(cand, depth=1)
        return []

    def _bound_by_subject(self, t: Token, low: str) -> int | None:
        """The subject of the possessive's own clause, when it is of the pronoun's kind and no other
        name of that kind comes between: "Putin has used his invasions of Georgia" (not the Trump
        of a sentence before), "Russia said its troops". "Obama faulted Trump for his remarks" is
        left to the general rule: another person stands between."""
        verb = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None)
        for _ in range(3):
            if verb is None:
                return None
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                break
            verb = verb.head if verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i else None
        if subj is None or subj.i >= t.i or t.i in {d.i for d in subj.subtree}:
            return None
        found = self._one(subj, depth=1)
        if len(found) != 1 or not isinstance(found[0], int):
            return None
        e, types = found[0], _POSSESSIVE_TYPES[low]
        if self.entities[e].type not in types or (low in _PERSONAL and not self.resolver.fits(e, low)):
            return None
        between = {self.by_token[i] for i in range(subj.right_edge.i + 1, t.i) if i in self.by_token}
        if any(o != e and self.entities[o].type in types for o in between):
            return None
        return e

    def _bound_by_reporter(self, t: Token, low: str) -> int | None:
        """The subject of the verb whose content clause the pronoun is the subject of, when it is a
        person the pronoun fits and no other person is named between: "Smith has shown that he
        can win", "Smith needs to prove that he has changed" (he is Smith, not the one quoting)."""
        clause = t.head
        if clause.dep_ != "ccomp":
            return None
        verb = clause.head
        for _ in range(3):  # "needs to prove that he ...": the subject of "needs"
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None or verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
                break
            verb = verb.head
        if subj is None or subj.i >= t.i or subj.i not in self.by_token:
            return None  # a name only: "a friend of X's assassin said that she" is not X
        e = self.resolver.resolve_head(subj)  # "Saddam" as the full name the text gave before
        e = self.by_token[subj.i] if e is None else e
        if self.entities[e].type != "PERSON" or not self.resolver.fits(e, low):
            return None
        between = {self.by_token[i] for i in range(subj.right_edge.i + 1, t.i) if i in self.by_token}
        if any(o != e and self.entities[o].type == "PERSON" for o in between):
            return None
        return e

    def _bound_by_agent(self, t: Token, low: str) -> list[Participant]:
        """The "by" agent of the noun whose phrase holds the possessive: "statements by the
        leaders of Poland and Italy about their readiness to act", "a call by Iran for its
        allies to ...". The agent is named before the pronoun and is of its number."""
        for noun in t.ancestors:
            if noun.pos_ in ("VERB", "AUX"):
                return []
            if noun.pos_ != "NOUN":
                continue
            for prep in noun.children:
                if prep.dep_ != "prep" or prep.lower_ != "by" or prep.i > t.i or t.i <= prep.right_edge.i:
                    continue
                for agent in (c for c in prep.children if c.dep_ == "pobj"):
                    plural = agent.tag_ in ("NNS", "NNPS") or bool(agent.conjuncts)
                    person = self._named_type(agent) == "PERSON"
                    if plural == (low in _PLURAL_PRONOUNS) and (low not in _PERSONAL or person):
                        return self.of(agent)
        return []

    def _behind(self, t: Token, depth: int) -> list[Participant]:
        """Who stands behind a noun that names no one: "rejected North Korea's demand",
        "agreed to US mediation", "the withdrawal of Serbian forces", "the rights of Palestinians"."""
        if t.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"):
            return []
        act = self.act_of(t) if self.act_of is not None else None
        if act is not None:
            return act[0]  # "condemned the bombing": who bombed, if the text says
        owning = [c for c in t.children if c.dep_ in _OWNER_DEPS and c.pos_ != "PRON"]
        if any(c.dep_ == "poss" for c in owning):
            owning = [c for c in owning if c.dep_ == "poss"]  # "Ratners' U.S. subsidiary": the U.S. is where
        owners = [e for c in owning if (e := self.owner_of(c)) is not None]
        if owners:
            return list(dict.fromkeys(owners))
        # "the ruling by the INS"; not through another thing's "of" phrase ("seized a bomb on the
        # eve of the return to talks by Sinn Fein": Sinn Fein returns, nothing is seized from it)
        out = self._by_agents(t, depth) if depth == 0 else []
        if out:
            return out
        if t.lemma_.lower() in _BOUGHT_OF:
            return []  # "help finance the acquisition of United Republic": bought, not behind it
        out = []
        for prep in t.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        out.extend(self._one(pobj, depth + 1))
                        out.extend(p for c in pobj.conjuncts for p in self._one(c, depth + 1))
        return list(dict.fromkeys(out))

    def _by_agents(self, t: Token, depth: int) -> list[Participant]:
        found = [p for prep in t.children if prep.dep_ == "prep" and prep.lower_ == "by"
                 for pobj in prep.children if pobj.dep_ == "pobj" for p in self._one(pobj, depth + 1)]
        return list(dict.fromkeys(found))

    def _modified(self, t: Token) -> bool:
        """A role noun with a modifier of its own ("the German Chancellor", "the candidate of their
        choice", "the lawyer who wins") names an office or a kind, not a person introduced before
        ("the expert", "the chief of staff")."""
        return self._of_a_thing(t) or any(c.dep_ in _OWNER_DEPS and c.pos_ in ("ADJ", "PROPN") or c.dep_ == "relcl"
                                          for c in t.children)

    def _of_a_thing(self, t: Token) -> bool:
        """A role noun whose "of" phrase names a thing: "the candidate of their choice" (not "the
        chief of staff", "the leader of the opposition", "the head of the inquiry", nor a count of
        others: "the leaders of a number of European states")."""
        return any(c.dep_ == "prep" and c.lower_ == "of" and any(
            o.dep_ == "pobj" and self.names_a_thing(o) and not any(p.dep_ == "prep" and p.lower_ == "of"
                                                                   for p in o.children)
            for o in c.children) for c in t.children)

    def _noun(self, t: Token) -> _Noun | None:
        nouns = _nouns(self.lang)
        found = None
        for word in dict.fromkeys((t.lemma_.lower(), t.lower_, _singular(t.lemma_.lower()))):
            two = f"{t.nbor(-1).lemma_.lower()} {word}" if t.i > 0 else ""
            found = nouns.get(two) or nouns.get(word)
            if found is not None:
                lemma = word
                break
        else:
            return None
        if found is not None and found.kind == "group" and lemma in _COUNTS:
            # "dozens of people": the counted noun decides
            of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if pobj is not None and self._noun(pobj) is None and pobj.i not in self.by_token:
                return None
            if any(c.tag_ == "$" or c.lower_ in _CURRENCY_WORDS for c in t.subtree):
                return None  # "dlrs 50 million" is money, not people
            if of is None and lemma in _AMOUNTS and t.head.lemma_.lower() in _SPENDING:
                return None  # "investing millions in advertising": money; "deporting millions": people
        if found is not None and lemma in _NAMED_BODIES_ONLY and not any(
                c.dep_ == "compound" or c.dep_ == "amod" and c.lower_ not in _HOW_MANY
                for c in t.children) and t.pos_ != "PROPN":
            return None  # "suspended services to Fiji": what a firm runs, not "the security service"
        return found

    def _of_owners(self, t: Token, depth: int) -> list[Participant]:
        """Named entities in the head's "of" phrase: "the leaders of Britain, France and Germany"."""
        out: list[Participant] = []
        for prep in t.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ != "pobj":
                        continue
                    for head in [pobj, *pobj.conjuncts]:
                        if head.i not in self.by_token and getattr(self._noun(head), "kind", "") not in _OWNING:
                            continue  # owners are states and offices, not "the victims of the explosions"
                        for p in self._one(head, depth + 1):  # "..., as well as the German Chancellor"
                            state = p if isinstance(p, int) else p.refers_to
                            if state is not None and self.entities[state].type in _GROUP_TYPES and state not in out:
                                out.append(state)
        return out

    def _owner(self, t: Token, owners: list[Participant]) -> int | None:
        """The entity a phrase stands for: its named owner modifier, or a nationality's state."""
        for child in t.children:
            if child.dep_ in _OWNER_DEPS:
                e = self.owner_of(child)
                if e is not None and self.entities[e].type != "PERSON":
                    return e
        if owners and _nouns(self.lang).get(t.lemma_.lower(), _Noun("")).kind == "body":
            return owners[0] if isinstance(owners[0], int) else None  # "the government of Cuba"
        return None

    def _phrase(self, t: Token, refers_to: int | None) -> PhraseRecord:
        first, last = t.i, t.i
        for child in t.lefts:
            if child.dep_ in _PHRASE_LEFT:
                first = min(first, child.left_edge.i)
        for child in t.rights:
            if child.dep_ == "prep" and child.lower_ in _PHRASE_PREPS:
                last = max(last, child.right_edge.i)
        if last - first + 1 > _MAX_PHRASE_TOKENS:
            last = t.i
        doc = self.doc
        while first < t.i and (doc[first].is_punct or doc[first].lower_ in ("and", "or", "as", "well")):
            first += 1
        # a paragraph break the parser hung on the last word ("in Alexandria, Va.\n\n") is no part of it
        while last > t.i and (doc[last].is_punct or doc[last].is_space or doc[last].pos_ in ("CCONJ", "ADP")):
            last -= 1
        start, end = doc[first].idx, doc[last].idx + len(doc[last])
        return PhraseRecord(start, end, self.text[start:end], refers_to)
