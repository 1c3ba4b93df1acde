"""Facts the analysis shares: quotation marks and dependency-label sets.

Written once here, so that the stages (and the readers of quotations, which
need the marks) cannot drift apart. Marks come in two forms: as spaCy token
texts (the typewriter ```` `` ```` and ``''`` are one token each) and as single
characters for scanning text.
"""

from __future__ import annotations

__all__ = [
    "OPENING_MARK_TOKENS", "CLOSING_MARK_TOKENS",
    "OPENING_MARKS", "CLOSING_MARKS", "DOUBLE_MARKS", "SINGLE_MARKS", "QUOTATION_MARKS",
    "NOMINAL_SUBJECTS", "ACTIVE_SUBJECTS", "PASSIVE_SUBJECTS", "SUBJECTS",
]

# Double quotation marks as characters. The straight mark opens and closes, so it
# is in neither OPENING_MARKS nor CLOSING_MARKS: those only ever open or only close.
OPENING_MARKS = "“„«"
CLOSING_MARKS = "”»"
DOUBLE_MARKS = OPENING_MARKS + CLOSING_MARKS + '"'
# Single marks double as apostrophes: never taken to open a quotation on their own.
SINGLE_MARKS = "'`‘’"
QUOTATION_MARKS = DOUBLE_MARKS + SINGLE_MARKS

# Tokens that can open or close a double quotation (the straight mark does both). Two
# single curly marks stand for a double one in some copy ("‘‘Really,’’ he said").
OPENING_MARK_TOKENS = frozenset({*OPENING_MARKS, '"', "``", "‘‘"})
CLOSING_MARK_TOKENS = frozenset({*CLOSING_MARKS, '"', "''", "’’"})

# Subjects in spaCy's English dependency labels (ClearNLP style). A passive clausal
# subject (csubjpass, "Claiming X is designed to ...") is left out: the learned quote
# model's features were fitted with these three, and adding it changes them.
ACTIVE_SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass"})
NOMINAL_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
SUBJECTS = ACTIVE_SUBJECTS | PASSIVE_SUBJECTS
