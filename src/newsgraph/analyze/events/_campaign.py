"""Political news uses of trigger words that name no material act (issue 14: precision first).

Campaign and political reporting uses the words of protests, releases and attacks for its
own verbal acts. Read off the error families coders found on PolNeAR articles
(data/event_labels), checked to hold across several articles, not written for one sentence.
Each rule drops a reading whose use names no PLOVER act; none types it anew (a wrong edge is
worse than a missing one):

- "release" is a RETREAT of people or places; releasing a document (tax returns, a slew of
  transcripts, transcripts one plans to release, a press release) publishes it;
- a campaign rally is no PROTEST: "a campaign rally", a rally as the stage of what someone
  says ("said at a rally in Ohio"), a rally one person holds, or rallying one's supporters;
- a verbal attack is no ASSAULT: an attack of a person's own ("Clinton's attacks", "her
  attacks"), an attack called verbal or personal, "lines of attack", attacking someone for
  what they did, or attacking a record, a policy, a remark ("attacks the rival's
  inexperience"), all in a sentence with no word of armed violence ("bin Laden's attacks
  killed ..." stays);
- beating, defeating or battling a person in a sentence about an election is winning a vote,
  no ASSAULT ("the best odds of beating Clinton in a general election");
- a meeting named as the venue of something else ("told the AIPAC meeting", "planned to
  protest at the conference") is no CONSULT; a summit or talks, or a meeting that names its
  parties ("at the summit of the coalition in Paris"), stay;
- who backs, supports or opposes someone, in a participle naming them ("a group backing
  Huckabee"), is identified, not reported acting;
- asking without asking for anything (no infinitive, no "for"): a question put to someone
  ("when asked by a host", "was asked during a luncheon"), or "ask yourselves";
- a poll measures support; it reports no act of it: someone's support or support among
  voters in a sentence about a poll, a person's "approval", and a "would vote for" of
  respondents counted in percent;
- idioms and senses that name no act: an "appeal" one has ("blue-collar appeal"),
  "pledged delegates", a "roll call" vote; "begged the question" and "pledged delegates"
  parsed as a verb and its object are ``-`` objects in ``event_objects.tsv``.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..quotes.cues import verb_frames
from ._args import subject_of, to_infinitive
from ._lexicon import lexicon
from ._participants import _nouns

__all__ = ["names_no_political_act"]

# Compounds and adjectives that make a "release" a document.
_DOCUMENT_RELEASES = frozenset({"press", "news", "public"})
# Who a rally is for when it is a campaign event.
_CAMPAIGN = frozenset({"campaign", "election", "political", "victory", "primary"})
# What turns a rally into a protest: what it is against or for.
_PROTEST_CUES = frozenset({"against", "protest", "demonstration", "outside"})
# Frames of the verbs whose act a rally is only the stage of.
_SAYING = frozenset({"speech", "intention", "stance"})
# Adjectives of an attack made with words.
_VERBAL = frozenset({"verbal", "personal", "political", "rhetorical", "hominem", "negative", "partisan",
                     "scathing", "blistering", "aggressive", "sharp", "harsh", "twitter"})
# What is published when released, beyond the "release X: no event" objects of event_objects.tsv.
_DOCUMENTS = frozenset({"return", "poll", "transcript", "email", "e-mail", "schedule", "plan", "proposal", "ad",
                        "audio", "text", "summary", "analysis", "account"})
# Nouns of quantity through whose "of" the released thing is named ("a slew of transcripts").
_AMOUNTS = frozenset({"slew", "batch", "series", "trove", "set", "number", "stack", "cache", "raft", "host"})
# What words attack: a record, a policy, a remark ("attacked the rival's inexperience").
_CRITICISED = frozenset({"record", "policy", "inexperience", "experience", "comment", "remark", "statement", "plan",
                         "proposal", "position", "stance", "view", "decision", "judgment", "judgement", "character",
                         "credibility", "leadership", "handling", "idea", "speech", "ad", "advertisement", "agenda",
                         "rhetoric", "temperament", "tweet", "claim", "candidacy", "qualification", "vote", "budget",
                         "bill", "approach", "strategy", "response", "message", "argument", "tenure"})
# Words of armed violence: an attack in their sentence is not made with words.
_VIOLENCE = frozenset({"kill", "die", "dead", "death", "bomb", "bombing", "explosion", "explode", "wound", "injure",
                       "shoot", "shooting", "gun", "gunman", "missile", "rocket", "casualty", "victim", "terrorist",
                       "terror", "terrorism", "militant", "troop", "soldier", "army", "military", "weapon", "raid"})
_STANCES = frozenset({"support", "back", "favor", "favour", "oppose"})
# Words of a poll's report.
_POLL = frozenset({"poll", "survey", "respondent", "matchup", "pollster"})
_PERSONAL_POSSESSIVES = frozenset({"his", "her"})
# Words of fighting that a race for office uses too.
_CONTESTS = frozenset({"beat", "defeat", "battle", "fight", "crush", "trounce", "rout"})
_ELECTION = frozenset({"election", "primary", "nomination", "race", "poll", "ballot", "caucus", "candidate",
                       "seat", "delegate", "nominee", "matchup", "reelection", "re-election", "vote"})


def names_no_political_act(tok: Token, kind: str) -> bool:
    """Whether this use of a trigger, read as ``kind``, is one of the uses above."""
    lemma = tok.lemma_.lower()
    if kind == "RETREAT" and lemma == "release":
        return _releases_a_thing(tok)
    if kind == "PROTEST" and lemma == "rally":
        return _campaign_rally(tok)
    if kind == "PROTEST" and lemma == "hold":  # "holding rallies": the rally decides
        return any(c.dep_ == "dobj" and c.lemma_.lower() == "rally" and _campaign_rally(c) for c in tok.children)
    if kind == "ASSAULT" and lemma == "attack":
        return _verbal_attack(tok)
    if kind == "ASSAULT" and lemma in _CONTESTS and _about_an_election(tok):
        return True  # "the best odds of beating Clinton in a general election": a vote won
    if kind == "CONSULT" and tok.pos_ == "NOUN" and _a_venue(tok):
        return True
    if lemma in _STANCES and tok.tag_ == "VBG" and tok.dep_ == "acl":
        return True  # "a group backing Huckabee": which group, not what it did
    if kind == "REQUEST" and lemma == "ask":
        return _a_question(tok)
    if kind == "SUPPORT" and _in_a_poll(tok):
        return True
    if lemma == "appeal" and tok.pos_ == "NOUN":
        # "Trump's blue-collar appeal": attractiveness; an appeal made is "for" or "to" something
        return not any(c.dep_ in ("prep", "acl") and c.lower_ in ("for", "to") for c in tok.children) and \
            any(c.dep_ in ("amod", "poss", "compound") for c in tok.children)
    if lemma == "pledge" and tok.head.lemma_.lower() == "delegate" and tok.dep_ in ("amod", "compound"):
        return True  # "pledged delegates": delegates bound by a primary, no pledge made here
    if lemma == "call" and any(c.dep_ == "compound" and c.lower_ == "roll" for c in tok.children):
        return True  # "the roll call vote": a vote, no call between parties
    return False


def _document(noun: Token) -> bool:
    """ "tax returns", "a poll", "a slew of transcripts": what is published, not who is freed."""
    lemma = noun.lemma_.lower()
    listed = lexicon("en").objects.get(("release", lemma))
    if lemma in _DOCUMENTS or listed is not None and not listed.type:
        return True
    return lemma in _AMOUNTS and any(c.dep_ == "prep" and c.lower_ == "of" and any(
        o.dep_ == "pobj" and _document(o) for o in c.children) for c in noun.children)


def _releases_a_thing(tok: Token) -> bool:
    if tok.pos_ == "NOUN":
        return any(c.dep_ in ("compound", "amod") and c.lower_ in _DOCUMENT_RELEASES for c in tok.children)
    released = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        released.append(tok.head)  # "a poll released Thursday"
    if not released:
        clause = tok
        while clause.dep_ in ("xcomp", "ccomp") and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ == "relcl":
            released.append(clause.head)  # "transcripts that he plans to release"
    return bool(released) and all(_document(r) for r in released)


def _campaign_rally(tok: Token) -> bool:
    if tok.pos_ == "VERB":
        # "rallies his supporters", "rally the grassroots": gathering support, not protesting
        return any(c.dep_ == "dobj" for c in tok.children)
    if any(c.lower_ in _PROTEST_CUES for c in tok.subtree) or any(
            c.dep_ == "acl" and c.lemma_.lower() == "protest" for c in tok.children):
        return False  # "a rally against the war", "a rally to protest the deal"
    if any(c.dep_ in ("compound", "amod") and c.lower_ in _CAMPAIGN for c in tok.children):
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ in ("at", "during"):
        # "said at a rally in Ohio", "Cruz at a rally in Iowa": where a candidate spoke; "police
        # fired at a rally" leaves the rally a protest
        governor = tok.head.head
        if governor.pos_ in ("VERB", "AUX"):
            return verb_frames("en").get(governor.lemma_.lower(), ("",))[0] in _SAYING
        return governor.ent_type_ == "PERSON"
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() == "hold":
        holder, _ = subject_of(tok.head)  # "barnstorming the state, holding rallies": the barnstormer's
        return holder is not None and _one_person(holder)
    return False


def _one_person(tok: Token) -> bool:
    """ "Sanders", "he", "the mayor": one person (a crowd, a union, students hold protests)."""
    if tok.ent_type_ == "PERSON" or tok.lower_ in ("he", "she"):
        return True
    noun = _nouns("en").get(tok.lemma_.lower())
    return tok.tag_ == "NN" and noun is not None and noun.kind in ("person", "individual")


def _verbal_attack(tok: Token) -> bool:
    if any(t.lemma_.lower() in _VIOLENCE for t in tok.sent):
        return False  # "bin Laden's attacks killed 224 people": an armed attack of a person
    if tok.pos_ == "NOUN":
        if any(c.dep_ == "poss" and (c.ent_type_ == "PERSON" or c.lower_ in _PERSONAL_POSSESSIVES)
               for c in tok.children):
            return True  # "Clinton's attacks", "her attacks": a person's, made with words
        if any(c.dep_ in ("amod", "compound") and c.lower_ in _VERBAL for c in tok.children):
            return True
        return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() == "line"
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children):
        return True  # "attacked Republicans for how they ran the inquiry": criticism
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    return bool(objects) and all(o.lemma_.lower() in _CRITICISED for o in objects)


def _a_question(tok: Token) -> bool:
    """ "When asked by a host ...", "was asked during a luncheon if ...": a question put to
    someone, no request; asking for something takes an infinitive or "for"."""
    if any(c.dep_ in ("xcomp", "ccomp") and to_infinitive(c) for c in tok.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children):
        return False
    if any(c.dep_ == "dobj" and c.lower_.endswith(("self", "selves")) for c in tok.children):
        return True  # "you should ask yourselves why"
    passive = any(c.dep_ == "auxpass" for c in tok.children) or tok.tag_ == "VBN" and tok.dep_ in ("advcl", "acl")
    return passive


def _in_a_poll(tok: Token) -> bool:
    """Support measured by a poll: "his support in the poll", "approval of Cruz", or a vote
    respondents say they would cast ("45 percent said they would vote for him")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "NOUN" and lemma in ("approval", "disapproval"):
        # a person's approval rating; "approval of the plan" is an act of approving
        return any(c.dep_ == "prep" and c.lower_ == "of" and any(o.ent_type_ == "PERSON" for o in c.children)
                   for c in tok.children)
    if tok.pos_ == "NOUN":
        # "Clinton's support", "support among young voters": a share of the voters
        measured = any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in ("among", "in") for c in tok.children)
        return measured and any(t.lemma_.lower() in _POLL for t in tok.sent)
    if lemma == "vote" and any(c.dep_ == "aux" and c.lower_ == "would" for c in tok.children):
        # the respondents of a poll, counted in percent, say they would vote
        return any(t.lower_ in ("percent", "%") or t.lemma_.lower() in _POLL for t in tok.sent)
    return False


def _about_an_election(tok: Token) -> bool:
    """A contest with a person, in a sentence about a vote: "beating Clinton in a general
    election fight". Fighting between armies near an election ("clashes ahead of the vote")
    has no person for its object and stays."""
    rival = any(c.dep_ == "dobj" and (c.pos_ == "PROPN" or _one_person(c)) for c in tok.children)
    return rival and any(t.lemma_.lower() in _ELECTION for t in tok.sent)


def _a_venue(noun: Token) -> bool:
    """ "told the AIPAC meeting", "planned to protest at the conference", "offered at the GOP
    gathering": a meeting named as where something else was said or done, not as talks held
    (those name their parties, or are summits and talks)."""
    if noun.dep_ in ("dative", "dobj") and noun.head.lemma_.lower() in ("tell", "address", "brief"):
        return True  # the audience of a speech
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("at", "before"):
        return False
    if noun.lemma_.lower() in ("summit", "talk", "negotiation") or any(
            c.dep_ in ("acl", "relcl") or c.dep_ == "prep" and c.lower_ in ("of", "with", "between", "among")
            for c in noun.children):
        return False  # "at the summit of the coalition in Paris": talks between parties, told as such
    governor = noun.head.head
    return governor.pos_ in ("VERB", "AUX") and governor.lemma_.lower() not in ("meet", "agree", "talk")
