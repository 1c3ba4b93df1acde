"""Matching a person's name against corpus persons that share its surname bucket.

Rules (strict, since a wrong merge of two people is worse than a missed one):
  - full names: surnames alike (rapidfuzz ratio >= SURNAME_CUTOFF on the folded surname)
    and first names compatible: equal, one an initial of the other ("J." / "John"), or
    alike (ratio >= FIRST_CUTOFF, "Volodymyr" / "Volodimir");
  - a lone surname ("Jobs", "Zelenskyy") matches only when exactly one candidate has that
    surname (same ratio cutoff);
  - two candidates that both fit is ambiguity: no match, unless one has the very same name.
Limits: Western name order only ("Xi Jinping" has surname "Jinping" here: the same on both
sides, so it still matches itself); no nicknames ("Bill" / "William").
"""

from __future__ import annotations

from rapidfuzz import fuzz

from .keys import alias_key

__all__ = ["match_person", "SURNAME_CUTOFF", "FIRST_CUTOFF"]

SURNAME_CUTOFF = 88
FIRST_CUTOFF = 85


def _first_compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return fuzz.ratio(a, b) >= FIRST_CUTOFF


def match_person(name: str, candidates: list[tuple[int, str]]) -> int | None:
    """The id of the one candidate (entity id, name) that is this person, else None."""
    words = alias_key(name).split()
    if not words:
        return None
    surname = words[-1]
    if len(words) == 1:
        same = {eid for eid, other in candidates if len(alias_key(other).split()) > 1
                and fuzz.ratio(alias_key(other).split()[-1], surname) >= SURNAME_CUTOFF}
        return same.pop() if len(same) == 1 else None
    scored: dict[int, float] = {}
    for eid, other in candidates:
        theirs = alias_key(other).split()
        if len(theirs) < 2:
            continue
        score = fuzz.ratio(surname, theirs[-1])
        if score >= SURNAME_CUTOFF and _first_compatible(words[0], theirs[0]):
            scored[eid] = max(scored.get(eid, 0.0), score + fuzz.ratio(words[0], theirs[0]) / 100)
    if not scored:
        return None
    if len(scored) == 1:
        return next(iter(scored))
    # Several people fit: only an identical folded name settles it.
    same = {eid for eid, other in candidates if eid in scored and alias_key(other) == " ".join(words)}
    return same.pop() if len(same) == 1 else None
