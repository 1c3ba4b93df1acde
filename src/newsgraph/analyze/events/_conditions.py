"""Acts named only as a condition or as a question: "if foreigners visited without papers",
"asked him whether the administration would decline press conferences".

The act of an "if"/"unless" clause is supposed, not reported; what follows from it is what
someone says (a threat made now: "will strike if they attack" stays, in its main clause). A
condition put as someone's willingness ("if the government will cooperate with us, we will
get out") is the other side of an offer, and stays. An
act in a question asked "whether"/"if" is what someone asks about. Neither is an event, whoever
would do it (the event gold codes a hypothetical act only where someone states who would do
what to whom: a candidate's proposal, a threat).
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["supposed_or_asked"]

_CONDITIONS = frozenset({"if", "unless"})
# "if they will cooperate": a condition of willingness, the terms of an offer.
_WILLING = frozenset({"will", "would", "wo"})
_QUESTIONS = frozenset({"if", "whether"})
_ASKING = frozenset({"ask", "wonder", "question", "inquire", "enquire"})
# Links inside one clause and down into its complements, up which the clause is looked for.
_WITHIN = frozenset({"xcomp", "conj", "ccomp", "dobj", "pobj", "prep", "nsubj", "nsubjpass", "pcomp", "acomp",
                     "attr", "compound", "amod"})


def supposed_or_asked(tok: Token) -> bool:
    """Whether the trigger stands in an "if" condition or in a question asked "whether"/"if"."""
    t = tok
    for _ in range(8):
        marks = {c.lower_ for c in t.children if c.dep_ == "mark"}
        if t.dep_ == "advcl" and marks & _CONDITIONS:
            return not any(c.dep_ == "aux" and c.lower_ in _WILLING for c in t.children)
        if t.dep_ == "ccomp" and marks & _QUESTIONS and t.head.lemma_.lower() in _ASKING:
            return True
        if t.dep_ not in _WITHIN or t.head.i == t.i:
            return False
        t = t.head
    return False

