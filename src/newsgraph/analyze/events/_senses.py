"""Trigger words that name no act in some of their uses: the use decides, not the word.

Each rule was written from the PLOVER manual's definitions and from the wording of news,
and says what it keeps and what it drops:

- "seek" in the passive seeks someone wanted ("an activist sought by the FBI"), no request;
- "seek", "try" with an infinitive state an aim ("seeking to harm Trump"); with an
  object they ask for something ("seeking talks"), which is a REQUEST;
- "fight", "battle", "struggle" with an infinitive are figurative ("fought to keep the boy"), and
  so are "fight", "battle", "combat" whose object names no one ("fighting gender stereotypes");
- "offer", "promise", "pledge", "vow" name an act only with what is offered or promised:
  an infinitive or clause ("promised to provide aid"), or an object that names aid, help,
  talks or an act ("offered assistance"); "offered a religious service" is no agreement;
- "refuse", "decline" refuse something only with an object or a complement ("the number of
  doctors declined" is a fall); "meet" in the passive is no meeting ("met with a crackdown");
  "help" with a verb after it states a purpose ("help prevent ...") rather than giving aid;
- "ask whether ..." asks a question, not for an act;
- "insist" is a demand only over what someone must or should do ("insisted that he leave",
  "insisted they must withdraw"), not over a claim ("insisted his son wants to return");
- "warn" is no threat when it tells of what may happen ("warning citizens that exiles could
  force the reversal") or of what no one will do ("oncoming rains will cause
  landslides"), only of what someone will ("police will no longer tolerate rallies");
- "provide", "send", "deliver" and other verbs of giving are AID only when what is given
  is aid: money, weapons, supplies ("provide 3 billion euros"), not "a better life";
- "supports", "backs" in the simple present hold a stance ("she supports the cause"), and so
  do their participles describing someone ("extremists opposed to the truce");
  where "backed the resolution" reports an act; "the talk on the streets" is no talks;
- "meet" a need, a deadline or a disaster is no meeting; a "threat" that something poses
  or someone faces is a danger described, not a threat made;
- a noun trigger that only describes the people it modifies is no act: "riot police",
  "occupation forces", nor a present participle that does ("an occupying army"); nor is a
  past participle used as an adjective: "the besieged town", "the Syrian-backed militia",
  "alleged bombers", or as a noun: "evacuated the wounded";
- "mobilize" is a military move only of armed people or arms ("mobilized troops", "mobilized
  its reserves"); "mobilized pressure groups", "mobilized support" is no MOBILIZE;
- a "warning of" a danger no one makes ("warnings of starvation") is no threat;
- "question" is an investigation only of people ("questioned two suspects"), not of a
  decision or a claim ("questioned the wisdom of the plan");
- a material act whose doer is a thing that names no one, no act and no weapon is no act:
  "the plane exploded", "lower rates have helped", "the flights would provide support"
  (a weapon acts for whoever used it: "bombs exploded"; documents and laws, which act for
  their authors, are left to the speech acts and measures, whose types this rule skips);
- "defend" supports another ("defended Iraq against criticism", "defended his father");
  defending oneself or one's own ("the right to defend themselves", "we will defend our
  north") is no SUPPORT;
- a killing that a clause puts down to an accident ("were killed when two helicopters
  crashed") is no ASSAULT;
- a fight, battle or war someone is ready or prepared for is a contest, no attack ("prepared
  for a floor fight at the convention");
- "get out" is a withdrawal only out of a named place ("get out of Lebanon"), not out of a
  race, a deal or a car;
- a bare "talk" (no "with", "to") is talks only when offered: "willing to talk", "agreed to
  talk"; "talked about the economy" is speaking;
- "investigate" an issue, a question or the cause of something is a study, not the manual's
  ACCUSE investigate (of crimes, abuses, acts): "to investigate the Syrian issue".
"""

from __future__ import annotations

from spacy.tokens import Token

from ._args import FEELINGS, to_infinitive
from ._campaign import names_no_political_act
from ._intent import contest_ahead, offered_talks
from ._lexicon import lexicon
from ._participants import _nouns
from ._conditions import supposed_or_asked
from ._verbal_senses import names_no_verbal_act


__all__ = ["names_an_act"]

_AIMING = frozenset({"seek", "try", "strive", "fight", "battle", "struggle"})
_PROMISING = frozenset({"offer", "promise", "pledge", "vow"})
# Verbs of fighting that fight a cause when their object names no one: "fighting stereotypes".
_FIGHTING = frozenset({"fight", "battle", "combat"})
_REFUSING = frozenset({"refuse", "decline"})
# Verbs of support that, in the simple present, state a stance rather than report an act.
_STANCES = frozenset({"support", "back", "favor", "favour", "oppose"})
# Objects that make an offer or a promise an act of its own.
_OFFERED = frozenset({"aid", "assistance", "help", "support", "talks", "negotiation", "money", "fund", "loan",
                      "weapon", "arm", "troop", "ceasefire", "truce", "deal", "concession", "amnesty",
                      "asylum", "compensation", "protection", "cooperation", "mediation", "guarantee"})
# Where a participle stands as a noun ("the wounded", "the injured").
_NOMINAL = frozenset({"dobj", "pobj", "nsubj", "nsubjpass"})
_OBLIGING = frozenset({"must", "should", "ought", "shall"})
_MAYBE = frozenset({"could", "might", "may", "can"})
# What one meets without a meeting: "meet the needs", "meet the deadline".
_NEEDS = frozenset({"need", "requirement", "challenge", "target", "goal", "deadline", "criterion", "expectation",
                    "standard", "cost", "disaster", "obligation", "condition", "threat", "end"})
# Verbs whose object "threat" is a danger described, not a threat someone makes.
_DANGER_VERBS = frozenset({"pose", "represent", "constitute", "face", "remain", "become", "see", "perceive"})
# Verbs of giving that are aid only when what is given is: "provide 3 billion euros", "send
# weapons", not "provide him with a better life" or "deliver a speech".
_GIVING = frozenset({"provide", "supply", "deliver", "send", "grant", "contribute", "allocate", "donate", "hand",
                     "ship", "airlift", "airdrop"})
_AID_GOODS = frozenset({"aid", "assistance", "help", "support", "money", "fund", "funding", "loan", "credit",
                        "grant", "weapon", "arm", "ammunition", "equipment", "vehicle", "tank", "missile",
                        "system", "jet", "aircraft", "food", "medicine", "supply", "shelter", "relief",
                        "euro", "dollar", "pound", "billion", "million", "vaccine", "fuel", "shell", "drone",
                        "package", "tranche", "donation", "water", "blanket", "tent", "care", "treatment",
                        "troop", "soldier", "force", "peacekeeper", "good", "worth", "$", "€", "£"})
# Nouns that a describing trigger can modify without naming an act.
_DESCRIBED = frozenset({"police", "force", "troop", "soldier", "officer", "unit", "policeman", "gear", "cry",
                        "zone", "leader", "group", "organizer", "organiser", "movement", "camp", "party",
                        "army", "militia", "power"})
# What one investigates without looking into anyone's deeds.
_TOPICS = frozenset({"issue", "matter", "question", "situation", "problem", "possibility", "option", "idea",
                     "cause", "feasibility", "impact", "effect", "market", "opportunity"})
# Acts whose doer must be someone: a thing that does them is an accident or a figure of speech.
_MATERIAL = frozenset({"ASSAULT", "AID", "COOPERATE", "RETREAT", "MOBILIZE", "CONSULT"})
# What happens to vehicles by accident: a death it causes is no attack.
_ACCIDENTS = frozenset({"crash", "collide", "capsize", "sink", "derail", "overturn", "plunge", "skid"})
# Things that strike for whoever used them.
_WEAPONS = frozenset({"bomb", "rocket", "shell", "grenade", "mine", "explosive", "device", "missile", "bullet",
                      "drone", "mortar", "weapon", "car", "truck", "vehicle"})
# What a military mobilization moves: armed people and arms (the manual's MOBILIZE modes).
_ARMED = frozenset({"troop", "force", "army", "soldier", "reservist", "reserve", "unit", "division", "brigade",
                    "battalion", "militia", "police", "guard", "fighter", "man", "tank", "warship", "ship", "fleet",
                    "aircraft", "jet", "missile", "weapon", "artillery", "navy", "personnel", "military"})


def names_an_act(tok: Token, kind: str) -> bool:
    lemma = tok.lemma_.lower()
    if names_no_political_act(tok, kind):
        return False  # campaign and verbal uses of material words (``_campaign``)
    if names_no_verbal_act(tok, kind):
        return False  # "demonstrated that ...", "recognized as ...", "admitted 40 patients" (``_verbal_senses``)
    if supposed_or_asked(tok):
        return False  # "if foreigners visited ...", "asked whether he would decline ..." (``_conditions``)
    if tok.dep_ == "amod" and tok.tag_ == "VBN":
        return False  # "the besieged town", "the Syrian-backed militia", "alleged bombers": a description
    if tok.dep_ == "amod" and tok.tag_ == "VBG" and tok.head.lemma_.lower() in _DESCRIBED:
        return False  # "calling them an occupying army": who they are, not what they did
    if tok.pos_ == "VERB" and tok.tag_ == "VBN" and tok.dep_ in _NOMINAL and any(c.dep_ == "det" for c in tok.children):
        return False  # "evacuated the wounded": people, named by what befell them
    if tok.pos_ == "VERB":
        if lemma in FEELINGS and tok.dep_ in ("acl", "amod"):
            return False  # "hackers angered by the cartoons": who they are, not what they said
        if lemma in _STANCES and tok.tag_ in ("VBN", "VBD") and tok.dep_ in ("acl", "amod"):
            return False  # "extremists opposed to the truce", "rebels backed by X": who they are
        if lemma in _STANCES and tok.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in tok.children):
            return False  # "she supports the cause of ...": a stance held, not an act done
        if lemma in _REFUSING and not any(c.dep_ in ("xcomp", "dobj", "ccomp") for c in tok.children):
            return False  # "the number of doctors declined": a fall, not a refusal
        if lemma == "meet" and (any(c.dep_ == "auxpass" for c in tok.children) or _meets_a_need(tok)):
            return False  # "acts of terror must be met with a crackdown", "meet medical disasters"
        if lemma == "help" and any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
            return False  # "help prevent its enemies from ...": a purpose, no aid given
        if lemma == "seek" and (tok.dep_ == "acl" and tok.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in tok.children)):
            return False  # "the activist being sought by the FBI": a manhunt, not a request
        if lemma in _AIMING and any(c.dep_ == "xcomp" or c.dep_ == "advcl" and to_infinitive(c) for c in tok.children):
            return False
        if lemma in _FIGHTING and any(c.dep_ == "dobj" and _a_thing(c) for c in tok.children):
            return False  # "its commitment to fighting gender stereotypes": a cause, nobody is fought
        if lemma in _PROMISING:
            return _promises_something(tok)
        if lemma == "ask" and any(c.dep_ == "ccomp" and _question(c) for c in tok.children):
            return False  # "were asked whether they could ...": a question, not a request
        if lemma == "insist":
            return any(c.dep_ == "ccomp" and _obliged(c) for c in tok.children)
        if lemma == "warn":
            return not _predicts(tok)
        if lemma == "question":
            return any(c.dep_ in ("dobj", "nsubjpass") and _a_person(c) for c in tok.children)
        if lemma == "defend" and any(c.dep_ == "dobj" and _ones_own(c) for c in tok.children):
            return False  # "the right to defend themselves", "we will defend our north": self-defence
        if kind == "ASSAULT" and any(c.dep_ == "advcl" and c.lemma_.lower() in _ACCIDENTS for c in tok.children):
            return False  # "73 soldiers were killed when two helicopters crashed": an accident
        if kind in _MATERIAL and _done_by_a_thing(tok):
            return False
        if lemma == "get" and kind == "RETREAT":
            return _out_of_a_place(tok)  # "get out of Lebanon"; not "get out of the race"
        if lemma == "talk" and not any(c.dep_ == "prep" and c.lower_ in ("with", "to") for c in tok.children):
            return offered_talks(tok)  # "willing to talk" negotiates; "talked about his record" speaks
        if lemma == "investigate":
            return not any(c.dep_ == "dobj" and c.lemma_.lower() in _TOPICS for c in tok.children)
        if kind == "MOBILIZE" and lemma in ("mobilize", "mobilise"):
            objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
            return not objects or any(o.lemma_.lower() in _ARMED for o in objects)
        if kind == "AID" and lemma in _GIVING:
            return any(c.dep_ in ("dobj", "nsubjpass") and any(t.lemma_.lower() in _AID_GOODS for t in _phrase(c))
                       for c in tok.children)
        return True
    if tok.dep_ in ("compound", "amod") and tok.head.lemma_.lower() in _DESCRIBED:
        return False
    if kind == "ASSAULT" and contest_ahead(tok):
        return False  # "he is prepared for a floor fight at the convention": a contest, no attack
    if lemma == "talk" and tok.tag_ == "NN":
        return False  # "the talk on the streets": talking, not talks
    if lemma == "meeting" and _meets_a_need(tok):
        return False  # "meeting the immediate needs of bombing victims"
    if kind == "THREATEN" and tok.dep_ in ("dobj", "attr") and tok.head.lemma_.lower() in _DANGER_VERBS:
        return False  # "attacks which pose potential threats to every country": a danger, not a threat made
    if lemma == "warning" and _warns_of_a_danger(tok):
        return False  # "warnings of starvation": what may happen, not a threat someone makes
    return True


def _out_of_a_place(verb: Token) -> bool:
    """ "get out of Lebanon": the "out of" phrase names a country or a region."""
    return any(o.dep_ == "pobj" and o.ent_type_ in ("GPE", "LOC")
               for out in verb.children if out.lower_ == "out"
               for of in out.children if of.lower_ == "of" for o in of.children)


def _ones_own(obj: Token) -> bool:
    """ "themselves", "our north", "its citizens": the doer's self or what a possessive pronoun makes theirs.
    One person of theirs is someone else: "defended his father", "defended her boss" support them."""
    if obj.tag_ == "PRP" and obj.lower_.endswith(("self", "selves")):
        return True
    noun = _nouns("en").get(obj.lemma_.lower())
    if noun is not None and noun.kind in ("person", "individual"):
        return False
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children)


def _done_by_a_thing(verb: Token) -> bool:
    """ "the plane exploded", "the industry has been helped by declining rates": the subject (the
    passive's agent) is a common noun that names no one, no act and no weapon."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    return bool(doers) and all(_a_thing(d) for d in doers)


def _a_thing(tok: Token) -> bool:
    if tok.pos_ != "NOUN" or tok.ent_type_:
        return False
    lemma = tok.lemma_.lower()
    noun = _nouns("en").get(lemma)
    if noun is not None and noun.kind != "site" or lemma in _WEAPONS or lemma in _ARMED:
        return False
    if (lemma, "N") in lexicon("en").single:
        return False  # an act does what its doers do: "the attack killed ..."
    # "U.S. planes", "Iraq's missiles": a thing of someone's acts for them
    return not any(c.dep_ in ("compound", "amod", "poss", "nmod") and (c.ent_type_ or c.pos_ in ("PROPN", "PRON"))
                   for c in tok.children)


def _phrase(noun: Token):
    """The tokens of a noun's phrase without what only describes it: "Farkas, an air force
    captain, was sent" sends no force."""
    yield noun
    for child in noun.children:
        if child.dep_ not in ("appos", "relcl", "acl"):
            yield from _phrase(child)


def _a_person(tok: Token) -> bool:
    """ "questioned two suspects", "questioned Smith": someone questioned, not something doubted."""
    return tok.ent_type_ == "PERSON" or _nouns("en").get(tok.lemma_.lower()) is not None and \
        _nouns("en")[tok.lemma_.lower()].kind in ("person", "individual", "group")


def _warns_of_a_danger(tok: Token) -> bool:
    """ "warnings of starvation", "a warning of floods": its "of" names a danger, not an act or people."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ == "NOUN":
                    lemma = obj.lemma_.lower()
                    return (lemma, "N") not in lexicon("en").single and lemma not in _nouns("en")
    return False


def _meets_a_need(tok: Token) -> bool:
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _NEEDS for c in tok.children)


def _promises_something(tok: Token) -> bool:
    for child in tok.children:
        if child.dep_ in ("xcomp", "ccomp"):
            return True
        if child.dep_ in ("dobj", "dative") and child.lemma_.lower() in _OFFERED:
            return True
    return False


def _obliged(verb: Token) -> bool:
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return bool(auxes & _OBLIGING) or verb.tag_ == "VB" and not auxes


def _predicts(tok: Token) -> bool:
    """ "warned that exiles could force ...": a warning of what may happen, not a threat."""
    for child in tok.children:
        if child.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ in _MAYBE for c in child.children):
            return True
    # the "that" clause, also where the parser hangs it on whom is warned ("warning residents that ...")
    clauses = [c for c in tok.children if c.dep_ == "ccomp"]
    clauses += [a for o in tok.children if o.dep_ == "dobj" for a in o.children
                if a.dep_ == "acl" and any(m.dep_ == "mark" and m.lower_ == "that" for m in a.children)]
    return any(_forecast_subject(s) for c in clauses for s in c.children if s.dep_ == "nsubj")


def _forecast_subject(subj: Token) -> bool:
    """ "warned residents that oncoming rains will cause landslides": what the clause says will
    happen is done by no one (a common noun that names neither people nor an act), a forecast."""
    lemma = subj.lemma_.lower()  # people ("police will no longer tolerate ...") act, so do acts
    if subj.pos_ != "NOUN" or subj.ent_type_ or lemma in _nouns("en") or (lemma, "N") in lexicon("en").single:
        return False  # "sanctions will follow": an act someone will take
    return not any(c.dep_ in ("compound", "amod", "poss") and c.ent_type_ for c in subj.children)


def _question(clause: Token) -> bool:
    first = clause.left_edge
    return first.lower_ in ("whether", "if") or first.tag_ in ("WDT", "WP", "WRB")
