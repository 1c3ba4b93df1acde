"""The titles a text gives each person, and the person a described role stands for.

News introduces people with their titles ("Sen. Bernie Sanders (I-Vt.)", "Israeli Prime Minister
Benjamin Netanyahu", "Former Secretary of State Hillary Clinton", "Brian Fallon, a spokesman for
Mrs. Clinton") and later names them by a description: "the Vermont senator", "the Israeli leader",
"the former secretary of state". A description names the person introduced before it who holds
its role and whose titles carry every word that tells them apart ("Vermont", "Israeli", "of
state"); words of time ("former", "then", "new") tell no one apart. "Leader" is held by whoever
holds a head of state's or government's office.

Titles are read, for each mention of a person, from the words before the name (compounds,
adjectives, a title phrase), from an apposition ("Brian Fallon, a spokesman", "(I-Vt.)") and from
the noun a name is in apposition to ("the senator, Bernie Sanders"). Abbreviated titles and US
states stand for their words (``role_abbreviations.tsv``, ``us_state_abbreviations.tsv``); a
nationality stands for its state too ("Israeli" and "Israel").

Limits: a description matches titles word for word (after those expansions), so "the Democratic
frontrunner" needs "Democratic" and "frontrunner" in a title; when two people fit, the latest
named before the description is taken.
"""

from __future__ import annotations

from functools import lru_cache

from ..entities.gazetteer import gazetteer
from ..lexicons import table

__all__ = ["Titles"]

# Words of a description that tell no one apart: time, rank in general, grammar.
_NOT_DISTINGUISHING = frozenset({"former", "then", "current", "new", "longtime", "outgoing", "incoming", "future",
                                 "late", "top", "senior", "veteran", "ex", "the", "a", "an", "of", "from", "for", "and",
                                 "'s", "-", "(", ")", ",", ".", "‘", "’", "“", "”", '"', "'", "now", "once", "onetime",
                                 "acting", "interim", "serving", "sitting"})
# Offices whose holder is "the leader" of their state.
_LEADERS = frozenset({"president", "prime", "premier", "chancellor", "king", "queen", "leader", "monarch", "emir",
                      "ayatollah", "dictator", "sultan", "sheikh"})
_TITLE_DEPS = frozenset({"compound", "amod", "nmod"})


@lru_cache(maxsize=None)
def _abbreviations(lang: str) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for row in table(lang, "role_abbreviations"):
        if len(row) > 1:
            out.setdefault(row[0], set()).add(row[1].lower())
    return {abbreviation: frozenset(roles) for abbreviation, roles in out.items()}


@lru_cache(maxsize=None)
def _states(lang: str) -> dict[str, str]:
    return {row[0]: row[1].lower() for row in table(lang, "us_state_abbreviations") if len(row) > 1}


class Titles:
    """The title words of the people of one document, by where each was named."""

    def __init__(self, lang: str = "en"):
        self.lang = lang
        # person -> [(char, roles, words)]: the role words its titles give it, and every title word
        self.by_person: dict[int, list[tuple[int, frozenset[str], frozenset[str]]]] = {}

    def add(self, person: int, at: int, head, span) -> None:
        """Index the titles of one mention of ``person`` (its head token and span). Its role words
        are those of a title before the name, an apposition's head and the noun it is in apposition
        to (not the words of "a spokesman for the president"); every word counts as a title word."""
        role_tokens, tokens = [], []
        for child in head.children:
            if child.dep_ in _TITLE_DEPS and child.i < span.start:
                role_tokens.extend(child.subtree)
            elif child.dep_ == "appos":
                role_tokens.extend(t for t in child.subtree if t.i == child.i or t.dep_ == "compound" and t.head.i == child.i)
                tokens.extend(child.subtree)
        if head.dep_ == "appos" and head.head.pos_ == "NOUN":
            role_tokens.append(head.head)
            tokens.extend(t for t in head.head.subtree if t.i <= head.head.i)
        roles = frozenset(w for t in role_tokens for w in self.words_of(t))
        found = roles | frozenset(w for t in tokens for w in self.words_of(t))
        if found:
            self.by_person.setdefault(person, []).append((at, roles, found))

    def titled(self, person: int, before: int) -> bool:
        """Whether the text gave ``person`` a title before ``before``."""
        return any(at < before for at, _roles, _words in self.by_person.get(person, ()))

    def words_of(self, token) -> set[str]:
        """A title token's words: itself, its lemma, and what an abbreviation or nationality stands for."""
        low = token.lower_
        out = {low, token.lemma_.lower(), low.rstrip(".")}
        dotted = low if low.endswith(".") else low + "."
        out |= _abbreviations(self.lang).get(low) or _abbreviations(self.lang).get(dotted) or frozenset()
        if token.pos_ == "PROPN" and (state := _states(self.lang).get(dotted) or _states(self.lang).get(low)):
            out.add(state)
        if (country := gazetteer().demonyms.get(token.text)) is not None:
            out.add(country.lower())
        return out - _NOT_DISTINGUISHING

    def holder(self, head) -> int | None:
        """The person named before ``head`` (a role noun) who holds its role with every title word
        of its description, the latest named when several do; None when no one does."""
        role = head.lemma_.lower()
        wanted = [self.words_of(t) for t in self._description(head)]
        wanted = [w for w in wanted if w]
        best: tuple[int, int] | None = None
        for person, entries in self.by_person.items():
            before = [(at, roles, words) for at, roles, words in entries if at < head.idx]
            if not before:
                continue
            roles = frozenset().union(*(r for _, r, _ in before))
            words = frozenset().union(*(w for _, _, w in before))
            holds = role in roles or (role == "leader" and bool(roles & _LEADERS))
            if holds and all(w & words for w in wanted):
                last = max(at for at, _, _ in before)
                if best is None or last > best[0]:
                    best = (last, person)
        return best[1] if best is not None else None

    @staticmethod
    def _description(head) -> list:
        """The words that describe a role noun: its modifiers and its "of"/"from" phrase."""
        out = []
        first_of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "from")), None)
        for child in head.children:
            if child.dep_ in _TITLE_DEPS:
                out.extend(child.subtree)
            elif child is first_of:
                # the first such phrase, its object and the object's modifiers: "of state", not the
                # "of lying" a misparse hangs on the same noun
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    out.append(pobj)
                    out.extend(t for c in pobj.children if c.dep_ in _TITLE_DEPS for t in c.subtree)
        return out
