"""Normal forms of Russian phrases: names in the nominative ("Стармером" -> "Стармер",
"мэрии Москвы" -> "мэрия Москвы"), words as lemmas.

natasha's syntax-aware normaliser over the tokens of a spaCy Span: the phrase's head
and the adjectives and participles agreeing with it are put in the nominative with
pymorphy2, the dependents in other cases are kept ("Министерства обороны Украины" ->
"Министерство обороны Украины"); capitals and spacing are kept as written.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["nominative", "lemma_key"]


@dataclass
class _Token:  # what natasha.norm reads from a token
    id: int
    head_id: int
    text: str
    pos: str
    feats: dict
    start: int
    stop: int


def _tokens(span) -> list[_Token]:
    out = []
    for t in span:
        if t.is_space:
            continue
        out.append(_Token(t.i, t.head.i if t.head.i != t.i else -1, t.text, t.pos_, t.morph.to_dict(),
                          t.idx, t.idx + len(t.text)))
    return out


def nominative(span, morph, label: str = "ORG") -> str:
    """The span's words in the nominative, spaced as written; ``morph`` is natasha's MorphVocab.

    As natasha does: a person's or a place's name word by word ("Юрием Кнутовым" ->
    "Юрий Кнутов"), any other phrase through its syntax (only the head and what agrees with it).
    """
    from natasha.norm import normalize, syntax_normalize

    tokens = _tokens(span)
    if not tokens:
        return span.text
    return (syntax_normalize if label == "ORG" else normalize)(morph, tokens)


def lemma_key(span) -> str:
    """The span's lemmas joined: a key for word lists ("заявил" -> "заявить")."""
    return " ".join(t.lemma_.lower().replace("ё", "е") for t in span if not t.is_space)
