"""Stated intentions, plans, willingness and attempts: who would do the act they announce.

The event conventions code an announced act as the act, planned or hypothetical, done by
whoever is willing, ready or planning (../shared/data/events/README.md: "the type is the act;
modality says whether it happened"). The act's verb then has no subject of its own: the
parse hangs it on an adjective or a noun of intention, and its doer is that word's holder:

- an adjective of disposition on a copula: "Chile was willing to withdraw", "France is ready
  to contribute troops", "we are prepared to talk": the copula's subject acts;
- a noun event in the "to"/"for" phrase of such an adjective: "he is committed to a possible
  strike", "Iran is ready for talks";
- a noun of intention: "its interest in resuming talks", "their readiness to send troops",
  "Iran's offer to mediate": its possessor acts; without one, the subject of the verb that
  states or has the intention ("announced plans to withdraw", "indicated an interest in
  resuming talks", "expressed its willingness to negotiate").

The modality comes from the same words (``lexicons/en/event_cues.tsv``: "willing",
"interest" hypothetical, "ready", "plan" planned). Only words that say their holder would act
are listed: "it is important to talk", "the need to talk" name no one who would, and "a desire
to" is left out (a wish, as often a fantasy as an aim: "expressed a desire to try, convict and shoot").
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["DISPOSITIONS", "INTENTIONS", "disposed", "intention_holder", "offered_talks", "predicate_verb", "disposed_to", "contest_ahead"]

# Adjectives (and participles used as adjectives) whose subject does what their infinitive names.
DISPOSITIONS = frozenset({"willing", "unwilling", "ready", "prepared", "eager", "keen", "determined", "happy",
                          "glad", "reluctant", "poised", "committed", "loath"})
# Nouns of intention whose holder does what their infinitive or "in"/"to" gerund names.
INTENTIONS = frozenset({"interest", "readiness", "willingness", "intention", "intent", "plan", "commitment",
                        "determination", "bid", "effort", "attempt", "offer", "preparedness",
                        "eagerness", "reluctance", "unwillingness", "resolve", "pledge", "promise", "proposal",
                        "wish"})
# Verbs whose object is an intention of their subject: "announced plans to", "expressed its readiness to".
_STATING = frozenset({"announce", "express", "indicate", "signal", "reiterate", "confirm", "voice", "show",
                      "demonstrate", "declare", "state", "make", "have", "unveil", "outline", "reaffirm",
                      "stress", "underline", "emphasize", "emphasise", "repeat", "convey"})
_GERUND_PREPS = frozenset({"in", "to", "of", "toward", "towards"})
# Nouns of violence that politics uses for its contests: one "ready for a fight" is most often a candidate.
_CONTESTS = frozenset({"fight", "battle", "struggle", "combat", "war", "showdown", "confrontation"})


def disposed(adjective: Token) -> bool:
    """An adjective of disposition predicated of a subject: "was willing", "is ready"."""
    return adjective.dep_ in ("acomp", "oprd") and adjective.lower_ in DISPOSITIONS


def predicate_verb(verb: Token) -> Token:
    """The verb that carries an act's tense and modals: the copula of "must be ready to mediate",
    else the act's own verb."""
    head = verb.head
    return head.head if verb.dep_ == "xcomp" and disposed(head) else verb


def disposed_to(noun: Token) -> Token | None:
    """The copula of a disposition whose "to"/"for" phrase a noun event is: "he is committed to a
    possible strike", "Iran is ready for talks" (its subject would act); None otherwise."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("to", "for") or not disposed(prep.head):
        return None
    return prep.head.head


def intention_holder(verb: Token) -> Token | None:
    """For an act named under a noun of intention, the token that holds the intention: the
    noun's possessor ("its interest in resuming"), or the verb stating it ("announced plans
    to withdraw"), whose subject is then the holder. None for any other verb."""
    noun = _intention_of(verb)
    if noun is None:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    if noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX") and noun.head.lemma_.lower() in _STATING:
        return noun.head
    return None


def _intention_of(verb: Token) -> Token | None:
    """The noun of intention an infinitive ("plans to withdraw") or a gerund ("interest in
    resuming") completes."""
    if verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        noun = verb.head
    elif verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ in _GERUND_PREPS:
        noun = verb.head.head
    else:
        return None
    return noun if noun.pos_ == "NOUN" and noun.lemma_.lower() in INTENTIONS else None


# Words under which a bare "talk" is a readiness to negotiate: "willing to talk", "agreed to
# talk", "an offer to talk". Not "happy to talk about my record", which is speaking.
_TO_NEGOTIATE = frozenset({"willing", "unwilling", "ready", "prepared", "readiness", "willingness", "offer",
                           "proposal", "agree", "refuse", "decline", "propose", "promise", "pledge"})


def offered_talks(verb: Token) -> bool:
    """ "we are willing to talk", "Iran agreed to talk", "rejected an offer to talk": talks someone
    would hold. A bare "talk" elsewhere is speaking ("he talked about the economy")."""
    if verb.dep_ not in ("xcomp", "acl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return verb.head.lemma_.lower() in _TO_NEGOTIATE or verb.head.lower_ in _TO_NEGOTIATE


def contest_ahead(noun: Token) -> bool:
    """ "he is prepared for a floor fight at the convention", "ready for a no-quarter fight": a
    contest someone is disposed to, which politics names with the words of violence."""
    return noun.lemma_.lower() in _CONTESTS and disposed_to(noun) is not None
