"""A cooperative act its actor says it will not do is a refusal (PLOVER manual, REJECT).

"All rejections and refusals" are REJECT, and its modes name what is refused:
'meet' (meetings, negotiations), 'yield' (releases, ending sanctions, ceasefires),
'assist' (exchange, relations, assistance). "X will not attend the talks", "X said
it would not meet the demands" announce a refusal now, while a plain past negation
("talks did not take place") reports that nothing happened and stays a negated event.
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["refusal_mode"]

_MODES = {"CONSULT": "meet", "CONCEDE": "yield", "RETREAT": "yield", "AID": "assist",
          "COOPERATE": "assist", "SUPPORT": "assist", "AGREE": "change"}
_FUTURE = frozenset({"will", "would", "wo", "shall", "'ll"})
_NEGATORS = frozenset({"not", "n't", "never"})


def refusal_mode(trigger: Token, kind: str) -> str | None:
    """The REJECT mode when ``trigger`` is a cooperative act under "will/would not", else None."""
    verb = trigger
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj":
        verb = trigger.head  # "would not attend the talks": the noun names the refused act
    if kind not in _MODES or verb.pos_ != "VERB":
        return None
    if "?" in trigger.sent.text.rstrip()[-3:]:
        return None  # "Why won't he release his tax returns?" asks; it reports no refusal
    deps = {(c.dep_, c.lower_) for c in verb.children}
    negated = any(d == "neg" or w in _NEGATORS for d, w in deps)
    future = any(d == "aux" and w in _FUTURE for d, w in deps)
    return _MODES[kind] if negated and future else None
