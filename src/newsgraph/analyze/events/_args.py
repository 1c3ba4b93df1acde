"""Who did it, to whom, where: event arguments read off the dependency parse.

Verb events: the subject (or a passive's "by" agent) is the actor; the direct
object, a passive subject, and the objects of with/to/against/on/at/from are
targets; with none of those, the recipients inside its complement ("threatened to
cut off gas to X", "demanded that X ...", "rejected an offer from X"). Noun events:
a possessor, a "by" agent or a named modifier is the actor ("U.S. missile attacks",
"Russian strikes" when Russia is named), else the subject of the verb that governs the
noun; "with/to/against/on" objects are targets. What each argument names is read by
``_participants``: entities, phrases, coordinated lists.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..constants import ACTIVE_SUBJECTS, NOMINAL_SUBJECTS, PASSIVE_SUBJECTS
from ..lexicons import words
from ..quotes.cues import verb_frames
from ..types import Participant, PhraseRecord
from ._intent import disposed, disposed_to, intention_holder
from ._participants import Participants

__all__ = ["FEELINGS", "actors_targets", "place_of", "reporting_tail", "subject_of", "to_infinitive"]

_TARGET_PREPS = frozenset({"with", "to", "against", "on", "at", "from", "toward", "towards", "into"})
_NOUN_TARGET_PREPS = frozenset({"with", "to", "against", "on", "between", "among", "toward", "towards", "into"})
# Last words of names of places that are attacked, not attackers.
_SITE_NAMES = frozenset({"embassy", "consulate", "base", "airport", "hospital", "school", "mosque", "church",
                         "synagogue", "station", "port", "bridge", "plant", "centre", "center", "headquarters"})
# Where an attack or a measure is aimed at a site: "bombs exploded outside the embassies", "the
# attacks at the U.S. embassies". Other events there only took place at the site.
_SITE_PREPS = frozenset({"at", "outside", "near"})
_AT_SITES = frozenset({"ASSAULT"})
_OF_IS_ACTOR = frozenset({"CONSULT", "AGREE", "COOPERATE", "PROTEST", "MOBILIZE", "RETREAT", "SUPPORT", "REQUEST",
                          "THREATEN"})
_PLACE_PREPS = frozenset({"in", "at"})
_LOCATIVE_PREPS = frozenset({"in", "at", "before", "outside", "near"})
# Prepositions whose phrase, put before the subject, says where or on what occasion ("On CNN,
# she called ...", "At the summit, Peru agreed ..."), not whom the act reaches.
_SETTING_PREPS = frozenset({"on", "at"})
# Verbs of feeling (lexicon: hearten, anger, ...): who feels is their object, or their passive subject.
FEELINGS = frozenset({"hearten", "gratify", "delight", "anger", "outrage", "dismay", "disappoint", "appal",
                       "appall"})
# Acts that move or remove someone: "from" says where from, not who acts ("withdrawal from Kuwait").
_FROM_IS_WHERE = frozenset({"RETREAT", "SANCTION", "COERCE", "MOBILIZE"})
_CONDITION_MARKS = frozenset({"if", "unless"})
# Verbs whose subject does what their object noun names: "U.S. forces launched strikes", "held
# talks", "staged a protest". A noun event's actor is read off no other verb: who "condemned the
# bombing" did not bomb.
_LIGHT_VERBS = frozenset({"launch", "carry", "conduct", "stage", "hold", "mount", "make", "give", "provide",
                          "offer", "take", "begin", "start", "continue", "resume", "step", "escalate", "order",
                          "announce", "host", "attend", "join", "lead", "organize", "organise", "deliver",
                          "impose", "issue", "sign", "reach", "conclude", "seal", "strike", "wage", "unleash",
                          "pay", "send", "deploy", "file", "lodge", "level", "express", "extend", "grant",
                          "plan", "prepare", "propose", "agree", "approve", "have", "undertake", "perform",
                          "participate", "engage", "involve", "open", "end", "finish", "complete", "wrap", "renew",
                          "intensify", "expand", "seek", "want", "favor", "favour", "break", "suspend", "halt",
                          "stop", "cancel", "postpone", "delay", "claim", "admit", "threaten", "vow", "pledge",
                          "promise", "try", "attempt", "lead", "coordinate", "cut", "place", "put", "remain", "stay",
                          "declare"})
# Verbs that put their passive subject into the state a noun event names, or have it take part
# in the act ("troops were placed on alert", "forces were engaged in ethnic cleansing").
_PUTTING = frozenset({"place", "put", "keep", "engage", "involve"})
# Verbs of talking things over: their object is the topic, the parties come with "with".
_TOPIC_VERBS = frozenset({"discuss", "consider", "debate", "examine", "review", "address", "study"})
# Acts that send or give something: their object is the thing, the recipient comes with "to".
_SENDS = frozenset({"MOBILIZE", "AID"})
_RESOURCES = frozenset({"troop", "force", "contingent", "soldier", "personnel", "unit", "battalion", "brigade",
                        "division", "weapon", "arm", "aid", "assistance", "money", "fund", "euro", "dollar",
                        "equipment", "ammunition", "missile", "tank", "jet", "aircraft", "warship", "ship",
                        "agent", "information", "intelligence", "supply", "food", "medicine", "help", "support"})
# Verbs of moving one's own people or things: their object is what is moved ("sent an envoy",
# "dispatched inspectors", "withdrawing troops"), whatever the act's type; who it reaches comes
# with "to", "from", "into" or as a dative ("sent Iraq an envoy").
_MOVING = frozenset({"send", "dispatch", "withdraw", "deploy", "redeploy"})
# Verbs of using a means: their object is the means ("use force", "employ chemical weapons"), never a target.
_USING = frozenset({"use", "employ", "wield"})
_OCCASION_PREPS = frozenset({"during", "in", "on", "at"})
# Events whose occasion takes in whoever acts there ("said during her visit", "warned in an
# appeal to the U.N.": the one who appealed); one who "died in the blast" suffered it.
_OCCASIONS = frozenset({"CONSULT", "AGREE", "COOPERATE", "PROTEST", "ACCUSE", "REQUEST"})
# Verbs that tell of an event rather than act at it: "as the media recalled, at the summit ...".
_NARRATING = frozenset({"recall", "report", "write", "note", "remember", "mention", "describe", "recount", "tell"})
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# Verbs of protest that report words as speech verbs do ("..., a rights group protested").
_REPORTING = frozenset({"protest"})
# Acts whose content clause says what is agreed or proposed, not whom it is agreed with: "agree
# the boy should go back", "proposed that Gonzalez stay" (the parties come with "with").
_CONTENT_NAMES_NO_PARTY = frozenset({"AGREE"})
# Verbs of going: their "to" phrase is where one goes, not whom an act reaches ("offered to travel
# to the United States").
# Nouns of travel: who comes "with" them travels along, and is not whom they visit ("a group trip
# with the boy's relatives").
_JOURNEYS = frozenset({"trip", "journey", "tour"})
_GOING = frozenset({"travel", "go", "come", "fly", "return", "move", "head", "sail", "drive", "walk", "leave"})


def to_infinitive(verb: Token) -> bool:
    """ "to send", "to hold": a verb with its infinitive marker."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def subject_of(verb: Token, climb: bool = True) -> tuple[Token | None, bool]:
    """The subject token of a verb (climbing infinitives and relative clauses), and whether it is passive."""
    controlled = False  # reached through an infinitive: "X is expected to visit", "was asked to leave"
    for _ in range(4 if climb else 1):
        # the subject nearest the verb: the parser sometimes hangs a fronted clause's noun on it too
        subjects = sorted((c for c in verb.children if c.dep_ in ACTIVE_SUBJECTS or c.dep_ in PASSIVE_SUBJECTS),
                          key=lambda c: (c.i > verb.i, abs(verb.i - c.i)))
        subjects = _outside_flattened_clause(verb, subjects)
        if subjects:
            # the passive subject of the verb an infinitive hangs on does the infinitive's act
            return subjects[0], subjects[0].dep_ in PASSIVE_SUBJECTS and not controlled
        if verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
            controlled = controlled or verb.dep_ == "xcomp"
            verb = verb.head
        elif disposed(verb):
            verb = verb.head  # "Chile was willing to withdraw": the copula's subject (_intent)
        elif (holder := intention_holder(verb)) is not None:
            if holder.dep_ == "poss":
                return holder, False  # "its interest in resuming talks": the possessor would act
            verb = holder  # "announced plans to withdraw": who announced them
        elif verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.head.pos_ == "VERB":
            obj = next((c for c in verb.head.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
            if obj is not None and verb.head.lower_ in ("for", "of"):
                return obj, False  # "assailed Ukraine for holding exercises", "accused X of helping": X did it
            verb = verb.head.head  # "resorted to throwing stones": the one who resorted threw
        elif verb.dep_ == "advcl" and (verb.tag_ == "VBG" or any(c.lower_ == "to" and c.dep_ == "aux"
                                                                 for c in verb.children)):
            verb = verb.head  # "dispatched agents to investigate", "lashed out, accusing them": the subject's
        elif verb.dep_ == "relcl":
            return verb.head, False
        else:
            break
    return None, False


def _outside_flattened_clause(verb: Token, subjects: list[Token]) -> list[Token]:
    """Subjects with the complement of a subordinate clause the parser split off taken out: in
    "The hacker who ... while she was secretary of state was sentenced" it reads "secretary" as a
    subject of "sentenced" too. Such a noun comes right after a clause opened by "while", "when",
    ... that lies between it and the other subject."""
    if len(subjects) < 2:
        return subjects
    doc = verb.doc

    def split_off(s: Token) -> bool:
        return any(o.i < s.i and any(m.dep_ == "mark" and m.head.right_edge.i + 1 == s.left_edge.i
                                     for m in doc[o.i + 1:s.i]) for o in subjects)

    kept = [s for s in subjects if not split_off(s)]
    return kept or subjects


def _pobjs(prep: Token) -> list[Token]:
    return [c for c in prep.children if c.dep_ == "pobj"]


def _dep(child: Token) -> str:
    """A dependent's relation, with the parser's "dative" preposition read as the prepositional
    phrase it is: "gave aid to Ukraine", "offered condolences to the families" label "to" dative."""
    return "prep" if child.dep_ == "dative" and child.pos_ == "ADP" else child.dep_


def _governing_verb(noun: Token, steps: int = 4) -> Token | None:
    """The verb a noun is an object, complement or prepositional object of (not its subject)."""
    t = noun
    for _ in range(steps):
        if t.dep_ in NOMINAL_SUBJECTS or t.dep_ == "ROOT" or t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def _attendants(verb: Token, parts: Participants) -> list[Participant]:
    """Who a meeting's participle names as present: "attended by X", "held with the
    participation of X", "with X"."""
    found: list[Participant] = []
    for child in verb.children:
        if child.dep_ == "agent":
            found.extend(p for pobj in _pobjs(child) for p in parts.of(pobj))
        elif child.dep_ == "prep" and child.lower_ == "with":
            for pobj in _pobjs(child):
                if pobj.lemma_.lower() in ("participation", "presence", "attendance"):
                    found.extend(p for of in pobj.children if of.dep_ == "prep" and of.lower_ == "of"
                                 for o in _pobjs(of) for p in parts.of(o))
    return found


def _light(verb: Token, verbs: frozenset[str] | None = None) -> bool:
    """Whether a verb is one of ``verbs`` (_LIGHT_VERBS by default); the lemmatiser misreads
    some forms ("staged" -> "stag"), so simple inflections are undone too."""
    return bool(_forms(verb) & (_LIGHT_VERBS if verbs is None else verbs))


def _forms(verb: Token) -> set[str]:
    """The lemma and the stems a regular inflection leaves: staged, carried, planned, holding."""
    low = verb.lower_
    forms = {verb.lemma_.lower(), low}
    if low.endswith("ied"):
        forms.add(low[:-3] + "y")
    elif low.endswith("ed"):
        forms |= {low[:-1], low[:-2]} | ({low[:-3]} if len(low) > 4 and low[-3] == low[-4] else set())
    elif low.endswith("ing"):
        forms |= {low[:-3], low[:-3] + "e"}
    elif low.endswith("s"):
        forms.add(low[:-1])
    return forms


def _where(modifier: Token, parts: Participants) -> bool:
    """A country written out in full before an event noun names its place ("the Tanzania blast",
    "the Kenya bombing"); its adjective or abbreviation names who acted ("Russian", "U.S.")."""
    e = parts.entity_at(modifier)
    return (modifier.dep_ == "compound" and e is not None and parts.entities[e].type == "GPE"
            and modifier.pos_ == "PROPN" and modifier.text.isalpha() and not modifier.text.isupper())


def _undergoes(noun: Token, modifier: Token, kind: str, parts: Participants) -> bool:
    """Whether a noun event's owner suffers it rather than does it: a person's or a site's
    "his arrest", "the U.S. Embassy blasts"; a state's or a group's "Russia's invasion" acts."""
    if kind in _OF_IS_ACTOR:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return False  # "Israel's arrest of X": the owner arrested
    owner = parts.owner_of(modifier)
    if not isinstance(owner, int):
        return False
    entity = parts.entities[owner]
    return entity.type in ("PERSON", "FAC") or entity.name.split()[-1].lower() in _SITE_NAMES


def _of_is_supported(noun: Token, kind: str) -> bool:
    """Support whose "of" phrase is whom it backs: "Palin's endorsement of Trump" (its owner gives
    it), "raised money in support of Rubio"; "the support of foreign allies" stays theirs."""
    if kind != "SUPPORT":
        return False
    return (any(c.dep_ == "poss" for c in noun.children)
            or noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.dep_ == "prep")


def _given(obj: Token) -> bool:
    """What is sent or given, not who receives it: troops, weapons, money ("dlrs 3.2 million")."""
    return obj.lemma_.lower() in _RESOURCES or any(t.like_num or t.tag_ == "$" for t in obj.subtree)


def _site(p: Participant) -> bool:
    """A phrase, not a named place: "outside the embassies" names a target, "at Kabul" a place."""
    return isinstance(p, PhraseRecord)


def _occasion(noun: Token, verb: Token, kind: str) -> bool:
    """A noun event in a phrase saying on what occasion the verb's subject acted: "said during
    her visit", "in a conversation with Trump, Starmer spoke", "warned, including in an appeal
    to the Security Council"."""
    prep = noun.head
    holder = prep.head.head if _including(prep.head) else prep.head
    return (prep.dep_ == "prep" and holder.i == verb.i and prep.lower_ in _OCCASION_PREPS
            and verb.lemma_.lower() not in _NARRATING and kind in _OCCASIONS)


def _including(token: Token) -> bool:
    """The participle "including" read as the preposition the parser takes it for."""
    return token.lower_ == "including" and token.dep_ == "prep" and token.head.i != token.i


def actors_targets(trigger: Token, parts: Participants, kind: str = "") -> tuple[list[Participant], list[Participant]]:
    actors: list[Participant] = []
    targets: list[Participant] = []
    if trigger.pos_ in ("VERB", "AUX") and _forms(trigger) & FEELINGS:
        actors, targets = _felt(trigger, parts)
    elif trigger.pos_ in ("VERB", "AUX"):
        subj, passive = subject_of(trigger)
        if subj is not None and not (passive and _light(trigger, _TOPIC_VERBS)):
            (targets if passive else actors).extend(parts.of(subj))
        elif trigger.dep_ in ("acl", "amod") and trigger.head.pos_ in ("NOUN", "PROPN"):
            # "exiles protesting in Miami" acts; "hundreds injured", "the sites struck" suffer the act
            # "the shooting deaths of two Israelis": a head that names no one does not act, nor
            # does whoever its "of" phrase names
            head = _holder_of_place(trigger)
            found = [] if trigger.tag_ == "VBG" and parts.names_a_thing(head) else parts.of(head)
            if not found and trigger.dep_ == "acl" and trigger.tag_ == "VB":
                # "their readiness to send troops", "its decision to leave": the possessor acts
                found = [p for c in trigger.head.children if c.dep_ == "poss" for p in parts.of(c)]
            if not found and trigger.tag_ == "VBG":
                found = _issuer(head, parts)  # "filed affidavits alleging ...": who filed them
            tail = reporting_tail(trigger)
            (targets if trigger.tag_ == "VBN" and not tail else actors).extend(found)
            if tail:  # what is reported is the sentence before it: its subject is whom it concerns
                subj, passive = subject_of(trigger.sent.root, climb=False)
                if subj is not None and not passive:
                    targets.extend(parts.of(subj))
        for child in trigger.children:
            dep = _dep(child)
            if dep in ("dobj", "dative", "attr"):
                if _light(trigger, _TOPIC_VERBS) or any(reporting_tail(c) for c in child.children):
                    # "discussed a meeting": the topic, not a party; "abused immigrants, a rights group
                    # charged": who reports it
                    continue
                if child.dep_ == "dobj" and kind != "ACCUSE":
                    # "imposed sanctions on X", "maintain contacts with X"; but "condemned the attack
                    # on X", "deplores acts against X": X suffered them, who condemns accuses their doers
                    for prep in child.children:
                        if prep.dep_ == "prep" and prep.lower_ in _NOUN_TARGET_PREPS:
                            targets.extend(p for pobj in _pobjs(prep) for p in parts.of(pobj))
                if kind == "PROTEST" and child.dep_ == "dobj":
                    continue  # "blocked intersections": where the protest stood, not whom it was against
                if kind == "REQUEST" and child.dep_ == "dobj" and parts.names_a_thing(child):
                    # "demanded a U.N. presence": the state or body that would provide it is asked;
                    # "demanded the boy's return": the person it is about is not
                    targets.extend(p for p in parts.of(child) if parts.is_group(p))
                    continue
                if child.dep_ == "dobj" and (kind in _SENDS and _given(child) or _light(trigger, _MOVING | _USING)):
                    continue  # "send troops to X": the troops are what is sent; "use force": the means
                targets.extend(parts.of(child))
            elif dep == "agent":
                for pobj in _pobjs(child):
                    actors.extend(parts.of(pobj))
            elif dep == "prep" and _together(child):
                actors.extend(p for pobj in _pobjs(child) for p in parts.of(pobj))
            elif dep == "prep" and (child.lower_ in _TARGET_PREPS or
                                           kind in _AT_SITES and child.lower_ in _SITE_PREPS):
                if _absolute(child):
                    continue  # "..., with the vanguard of Syria's contingent arriving": a circumstance
                if child.lower_ in _SETTING_PREPS and _fronted(child, trigger, subj):
                    continue  # "On CNN, his wife called for ...": where she spoke, not to whom
                if kind == "REQUEST" and _after_asked_for(child, trigger):
                    continue  # "push for the boy's reunion in Washington with his father": the reunion's
                if _told(kind, child) or (kind == "PROTEST" and child.lower_ == "at" and _where_at(child, trigger, parts)):
                    continue  # "at her school, parents protested": where; "protest at the settlement of X": what
                worked_on = child.lower_ == "on" and _thing_object(trigger, child, parts)
                for pobj in _pobjs(child):
                    # "suspended work on a cereal plant": the place the work is on, not a party
                    targets.extend(p for p in parts.of(pobj) if (child.lower_ not in _SITE_PREPS or _site(p))
                                   and not (worked_on and _bare_site(p, parts)))
        if not targets:
            targets.extend(_inner_targets(trigger, parts, kind))
    else:
        for child in _noun_dependents(trigger):
            if child.dep_ in ("poss", "compound", "amod", "nmod") and parts.owner_of(child) is not None:
                owner = parts.owner_of(child)
                if _where(child, parts):
                    continue  # "the Tanzania blast": where it happened; "U.S. strikes", "Russian strikes": who
                if _undergoes(trigger, child, kind, parts):
                    targets.append(owner)  # "his arrest", "his repatriation", "the embassy bombings"
                else:
                    actors.append(owner)  # "U.S. missile attacks", "Russian strikes", "her visit"
            elif child.dep_ == "acl" and child.pos_ == "VERB":
                actors.extend(_attendants(child, parts))  # "a summit held with the participation of X"
            elif child.dep_ == "relcl" and _light(child):
                # "the cooperation we have had with X", "the talks they held with X": the clause
                # names who takes part
                subj = next((c for c in child.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.lower_ not in ("that", "which"):
                    actors.extend(parts.of(subj))
                targets.extend(p for prep in child.children if prep.dep_ == "prep" and prep.lower_ == "with"
                               for pobj in _pobjs(prep) for p in parts.of(pobj))
            elif child.dep_ == "prep" and child.lower_ == "by":
                for pobj in _pobjs(child):
                    actors.extend(parts.of(pobj))
                    for prep in pobj.children:  # "the attack by X on Y": the parser often hangs "on Y" on X
                        if prep.dep_ == "prep" and prep.lower_ in ("on", "against"):
                            targets.extend(e for p in _pobjs(prep) for e in parts.of(p))
            elif child.dep_ == "prep" and child.lower_ == "from":
                if kind in _FROM_IS_WHERE:
                    continue  # "an Iraqi withdrawal from Kuwait", "his expulsion from Kenya": where from
                for pobj in _pobjs(child):
                    actors.extend(parts.of(pobj))  # "cooperation from Kenya", "an offer from X"
            elif child.dep_ == "prep" and _together(child):
                actors.extend(p for pobj in _pobjs(child) for p in parts.of(pobj))
            elif child.dep_ == "prep" and (child.lower_ in _NOUN_TARGET_PREPS or
                                           kind in _AT_SITES and child.lower_ in _SITE_PREPS) \
                    and not (kind == "PROTEST" and child.lower_ == "on") and not _told(kind, child) \
                    and not (child.lower_ == "with" and trigger.lemma_.lower() in _JOURNEYS):  # companions
                for pobj in _pobjs(child):
                    targets.extend(p for p in parts.of(pobj) if child.lower_ not in _SITE_PREPS or _site(p))
            elif child.dep_ == "prep" and child.lower_ == "of" and trigger.lemma_ not in ("use",):
                # "a meeting of the leaders of X", "the deployment of NATO troops": participants act;
                # "the arrest of X", "the bombing of Y": the "of" phrase suffers the act.
                side = actors if kind in _OF_IS_ACTOR and not _of_is_supported(trigger, kind) else targets
                for pobj in _pobjs(child):
                    act = parts.act_of(pobj) if parts.act_of is not None else None
                    if act is not None and kind == "THREATEN":  # "the threat of NATO air strikes against X"
                        actors.extend(act[0])
                        targets.extend(act[1])
                    else:
                        side.extend(parts.of(pobj))
        if not actors and trigger.dep_ == "pobj" and trigger.head.lower_ == "for" and kind in ("MOBILIZE", "ASSAULT"):
            actors.extend(parts.of(trigger.head.head))  # "prepare foreign contingents for deployment"
        if not targets and kind == "MOBILIZE":
            targets.extend(_readied_for_destination(trigger, parts))
        if not actors and (copula := disposed_to(trigger)) is not None:
            subj, passive = subject_of(copula, climb=False)  # "he is committed to a possible strike"
            if subj is not None and not passive:
                actors.extend(parts.of(subj))
        if not actors:
            noun = trigger.head if trigger.dep_ == "compound" else trigger  # "combat operations"
            verb = _governing_verb(noun, steps=2)  # its own object or prepositional object only
            if verb is not None and _including(verb):
                verb = verb.head  # "warned in its statements, including in an appeal to X": the warner's appeal
            if verb is not None and (_light(verb) or _occasion(trigger, verb, kind)):
                subj, passive = subject_of(verb)
                if subj is not None and (not passive or subj.i != noun.i and _light(verb, _PUTTING)):
                    actors.extend(parts.of(subj))  # "troops were placed on high alert": the troops
        if not targets:
            targets.extend(_light_verb_targets(trigger, parts, kind))
    if kind == "MOBILIZE":
        targets = [d for t in targets if (d := _destination(t, parts)) is not None]
    actors = list(dict.fromkeys(actors))
    # a state is not its own target: "the Lebanese government occupies ... Lebanon" (its people, "urged
    # its people", are another party)
    stood_for = {a.refers_to if isinstance(a, PhraseRecord) else a for a in actors}
    targets = [t for t in dict.fromkeys(targets) if t not in actors and not (isinstance(t, int) and t in stood_for)]
    if kind == "THREATEN" and not targets and trigger.pos_ in ("VERB", "AUX"):
        targets = [t for t in _conditioned(trigger, parts) if t not in actors]
    return actors, targets


def _thing_object(verb: Token, prep: Token, parts: Participants) -> bool:
    """Whether the verb's object before the preposition names a thing, not an act or a party."""
    return any(c.dep_ == "dobj" and c.i < prep.i and parts.names_a_thing(c) for c in verb.children)


def _bare_site(p: Participant, parts: Participants) -> bool:
    """A phrase naming a place or a building and no one behind it: "a $1 billion cereal plant"."""
    if not isinstance(p, PhraseRecord) or p.refers_to is not None:
        return False
    span = parts.doc.char_span(p.start, p.end, alignment_mode="expand")
    return span is not None and parts.kind_of(span.root) == "site"


def _readied_for_destination(noun: Token, parts: Participants) -> list[Participant]:
    """Where forces readied "for deployment" go: "prepared troops for deployment to Kosovo" —
    the parser hangs "to Kosovo" on the verb, but it is the deployment's destination."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "for" or noun.head.head.dep_ != "dobj":
        return []
    verb = noun.head.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    return [p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in ("to", "into") and prep.i > noun.i
            for pobj in _pobjs(prep) for p in parts.of(pobj)]


def _light_verb_targets(noun: Token, parts: Participants, kind: str) -> list[Participant]:
    """Whom a noun event reaches when the light verb that takes it as object names them: "gave
    military aid to Ukraine", "granted asylum to five officers", "imposed a ban on X", "held talks
    with X". The verb and its object noun make one predicate, so they share its arguments."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ not in ("VERB", "AUX") or not _light(verb) or _light(verb, _TOPIC_VERBS):
        return []
    found: list[Participant] = []
    for child in verb.children:
        dep = _dep(child)
        if dep == "dative":
            found.extend(parts.of(child))  # "gave Iraq an ultimatum"
        elif dep == "prep" and child.lower_ in _NOUN_TARGET_PREPS and not _told(kind, child) and not _together(child):
            # only who the phrase names: "completed its investigation into an allegation by X" hangs
            # the noun's own phrase on the verb, and X stands behind a thing, not at the act's end
            found.extend(p for pobj in _pobjs(child) if not _names_no_one(pobj, parts) for p in parts.of(pobj))
    return found


def _felt(verb: Token, parts: Participants) -> tuple[list[Participant], list[Participant]]:
    """(who feels, what they feel about) of a verb of feeling: the passive subject or the object
    feels ("she was heartened by cooperation from Kenya", "the decision angered China"); the
    agent or the active subject is what stirred it, read for who stands behind it."""
    subj, passive = subject_of(verb)
    if passive:
        feeling = [subj]
        cause = [p for a in verb.children if a.dep_ == "agent" for p in _pobjs(a)]
    else:
        feeling = [c for c in verb.children if c.dep_ == "dobj"]
        cause = [subj] if subj is not None else []
    return ([p for t in feeling if t is not None for p in parts.of(t)],
            [p for t in cause for p in parts.of(t)])


def _told(kind: str, prep: Token) -> bool:
    """Whom an accusation is told or filed with, not whom it accuses: "complained to the United
    Nations over the raids", "filed a complaint with the oversight board", "a complaint to the court"."""
    return kind == "ACCUSE" and prep.lower_ in ("to", "with")


def _absolute(prep: Token) -> bool:
    """A "with" phrase that is a clause of its own: its object does something ("with the vanguard
    of Syria's contingent arriving Tuesday", "with troops massing nearby"). It says what goes on
    meanwhile; its object is no one the act reaches."""
    set_off = prep.i == prep.sent.start or prep.doc[prep.i - 1].text in (",", ";", "--")  # not "met with officials visiting X"
    return prep.lower_ == "with" and set_off and any(c.dep_ == "acl" and c.tag_ in ("VBG", "VBN")
                                                     for pobj in _pobjs(prep) for c in pobj.children)


def _after_asked_for(prep: Token, verb: Token) -> bool:
    """A phrase after the "for" phrase of a demand: the parser hangs on the verb what belongs to
    the noun asked for ("pushed for a reunion with his father"); whom one pleads with comes first
    ("pleaded with Iran for restraint")."""
    return any(c.dep_ == "prep" and c.lower_ == "for" and c.i < prep.i for c in verb.children)


def _fronted(prep: Token, verb: Token, subj: Token | None) -> bool:
    """A prepositional phrase put before the verb and its subject: it sets the scene."""
    return prep.i < verb.i and (subj is None or prep.i < subj.left_edge.i)


def _where_at(prep: Token, verb: Token, parts: Participants) -> bool:
    """An "at" phrase of a verb that says where: put before it, or naming a site ("at her school")."""
    return prep.i < verb.i or any(parts.kind_of(pobj) == "site" for pobj in _pobjs(prep))


def _together(prep: Token) -> bool:
    """"together with X": X acts along with the subject, it is not acted on ("Together with Canada,
    Mexico should sue ...")."""
    return prep.lower_ == "with" and any(c.lower_ == "together" for c in prep.children)


def _names_no_one(noun: Token, parts: Participants) -> bool:
    """A common noun that is neither a name nor a noun of people, bodies or sites: a thing or an act."""
    return noun.pos_ == "NOUN" and parts.entity_at(noun) is None and parts.kind_of(noun) is None


def _noun_dependents(noun: Token) -> list[Token]:
    """The noun's dependents, and the phrases the parser hangs on a date inside its phrase:
    "bombings this month of U.S. embassies" (the "of" phrase is the bombings', not the month's)."""
    out = list(noun.children)
    for child in noun.children:
        if child.dep_ == "npadvmod" and child.ent_type_ in ("DATE", "TIME"):
            out.extend(c for c in child.children if c.dep_ == "prep")
    return out


def _destination(p: Participant, parts: Participants) -> Participant | None:
    """Where forces go, as a participant: a place phrase stands for the state it names
    ("to Ukrainian territory", "to the territory of Ukraine" -> Ukraine) or for no one
    ("to the conflict zone"); forces are sent to a state, not to a stretch of ground."""
    if not isinstance(p, PhraseRecord):
        return p
    span = parts.doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None or parts.kind_of(span.root) != "site":
        return p
    if p.refers_to is not None:
        return p.refers_to
    return next((e for t in span if (e := parts.entity_at(t)) is not None
                 and parts.entities[e].type in ("GPE", "ORG")), None)


def reporting_tail(verb: Token) -> bool:
    """A sentence-final report the parser hung on the phrase before it as a participle:
    "Guards beat the prisoners, a rights group charged on Monday." ("charged" read as
    "a rights group [that was] charged"). The phrase is who reports, the verb is past tense."""
    if verb.tag_ != "VBN" or verb.dep_ != "acl" or verb.head.i >= verb.i:
        return False
    lemma = verb.lemma_.lower()
    if lemma not in _REPORTING and verb_frames("en").get(lemma, ("",))[0] != "speech":
        return False
    doc, head = verb.doc, verb.head
    first = head.left_edge.i
    if first == 0 or doc[first - 1].text != "," or any(c.i > head.i and c.i != verb.i for c in head.children):
        return False
    if any(c.dep_ in ("dobj", "agent", "auxpass", "ccomp", "xcomp") for c in verb.children):
        return False
    end = verb.sent.end
    return all(doc[i].is_punct for i in range(verb.right_edge.i + 1, end))


def _holder_of_place(participle: Token) -> Token:
    """The noun a participle describes. The parser hangs it on the nearest noun, which may be the
    place of the one before: "launched a suit in a Delaware court seeking ..." (the suit seeks,
    not the court), "exiles in Miami protesting ..."."""
    head = participle.head
    prep = head.head
    if participle.tag_ != "VBG" or head.dep_ != "pobj" or prep.lower_ not in _LOCATIVE_PREPS:
        return head
    if prep.head.pos_ in ("NOUN", "PROPN") and prep.head.i < prep.i:
        return prep.head
    if prep.head.pos_ == "VERB":  # "launched a suit in a court seeking": the verb's object before it
        return next((o for o in prep.head.children if o.dep_ == "dobj" and o.i < prep.i), head)
    return head


def _issuer(noun: Token, parts: Participants) -> list[Participant]:
    """Who issued a document that acts ("filed affidavits alleging", "issued a statement
    condemning"): the subject of the verb whose object it is; none for any other noun."""
    if noun.lemma_.lower() not in words(parts.lang, "speaker_document_nouns"):
        return []
    if noun.dep_ != "dobj" or noun.head.pos_ not in ("VERB", "AUX"):
        return []
    subj, passive = subject_of(noun.head)
    return parts.of(subj) if subj is not None and not passive else []


def _inner_targets(verb: Token, parts: Participants, kind: str = "") -> list[Participant]:
    """Recipients named inside the verb's complement, when the verb names none itself.

    "threatened to cut off electricity to Nakhichevan", "refused to meet King Abdullah":
    whoever the intended act reaches is the recipient of the threat or refusal.
    "demanded that the United States match ...": the one asked to act is the recipient.
    "rejected calls by Kofi Annan", "rejected an offer from Afghanistan": the one who
    asked or offered receives the rejection.
    """
    found: list[Participant] = []
    if _light(verb, _TOPIC_VERBS):
        return found  # "to discuss an Iraqi withdrawal from Kuwait": the topic's parties are not the talks'
    deps = {c.dep_ for c in verb.children}
    if kind == "REQUEST" and deps & {"dobj", "dative"} and "xcomp" in deps:
        # "asked them to tell Bush", "invited everyone to welcome the visitor": the ones asked are
        # the object, even when it names no one we know; whom their act would reach was not asked
        # ("demanded autonomy from X" has no one asked to act: X is found inside)
        return found
    for child in verb.children:
        purpose = child.dep_ == "advcl" and any(c.lower_ == "to" and c.dep_ == "aux" for c in child.children)
        if (child.dep_ == "xcomp" or purpose) and child.pos_ in ("VERB", "AUX") and not _light(child, _TOPIC_VERBS):
            # "convened to discuss an Iraqi withdrawal from Kuwait": what is discussed reaches no one
            for c in child.children:
                if _dep(c) in ("dobj", "dative"):
                    found.extend(parts.of(c))
                    # "threatened to break off relations with Congo", "to impose restrictions against X"
                    found.extend(p for prep in c.children if prep.dep_ == "prep" and prep.lower_ in _NOUN_TARGET_PREPS
                                 for pobj in _pobjs(prep) for p in parts.of(pobj))
                elif _dep(c) == "prep" and c.lower_ in _TARGET_PREPS:
                    if c.lower_ in ("to", "toward", "towards", "into") and _forms(child) & _GOING:
                        continue  # "offered to travel to the United States": where, not whom
                    if _absolute(c):
                        continue
                    found.extend(e for p in _pobjs(c) for e in parts.of(p))
        elif child.dep_ == "ccomp" and child.pos_ in ("VERB", "AUX"):
            if kind in _CONTENT_NAMES_NO_PARTY:
                continue  # "agree the boy should go back": what is agreed, not with whom
            subj, passive = subject_of(child, climb=False)
            if kind == "THREATEN":
                # "warned that police will no longer tolerate rallies by X": the police carry the
                # threat out; X, at whom it is aimed, is what the clause acts on
                found.extend(p for c in child.children if c.dep_ == "dobj" for p in parts.of(c))
            elif subj is not None and not passive:
                found.extend(parts.of(subj))
        elif child.dep_ == "dobj" and child.pos_ == "NOUN":
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
                    found.extend(e for p in _pobjs(prep) for e in parts.of(p))
        elif child.dep_ == "prep" and (child.lower_ == "for" or kind == "AGREE" and child.lower_ == "on"):
            # "called for increased pressure on Russia", "agreed on the need to keep up pressure on
            # Iran": whom the asked-for or agreed act reaches; not "to" ("pushed for the boy's
            # return to his father": the father asked nothing of anyone)
            for noun in _pobjs(child):
                found.extend(e for p in _aimed_at(noun) for e in parts.of(p))
    return found


def _aimed_at(noun: Token) -> list[Token]:
    """The "on"/"against" objects of a measure noun, or of the measure its infinitive takes:
    "pressure on Russia", "the need to continue pressure on Russia"."""
    measures = [noun, *(o for acl in noun.children if acl.dep_ == "acl" and acl.pos_ == "VERB"
                        for o in acl.children if o.dep_ == "dobj")]
    return [p for m in measures for prep in m.children if prep.dep_ == "prep" and prep.lower_ in ("on", "against")
            for p in _pobjs(prep)]


def _conditioned(verb: Token, parts: Participants) -> list[Participant]:
    """Who a threat's condition asks to act: "threatened to strike unless Israel rescinded ...",
    "warned it would retaliate if Iraq did not comply": the threat is aimed at that subject."""
    clauses = [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "ccomp"))]
    for clause in clauses:
        for child in clause.children:
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITION_MARKS for m in child.children):
                subj, passive = subject_of(child, climb=False)
                if subj is not None and not passive:
                    return parts.of(subj)
    return []


def place_of(trigger: Token, parts: Participants, exclude: list[Participant]) -> int | None:
    """A GPE/LOC/FAC entity in an "in"/"at" phrase of the event word or of its clause's verb."""
    holders = [trigger]
    if trigger.pos_ in ("VERB", "AUX"):  # "imposed a curfew in Mandalay": the place hangs on the object
        holders += [c for c in trigger.children if c.dep_ == "dobj"]
    else:
        holders += [c for c in trigger.children if c.dep_ in ("acl", "relcl")]
        verb = _governing_verb(trigger)
        if verb is not None:
            holders.append(verb)
        elif trigger.dep_ in ("nsubj", "nsubjpass"):  # "the meeting was held in Paris"
            holders.append(trigger.head)
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
                for pobj in _pobjs(child):
                    e = parts.entity_at(pobj)
                    if e is not None and parts.entities[e].type in _PLACE_TYPES and e not in exclude:
                        return e
    return None
