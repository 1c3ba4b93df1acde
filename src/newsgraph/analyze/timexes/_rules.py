"""The rule-handler registry: one match of a ``_grammar`` pattern -> a TIMEX3 reading.

Each handler gets the regex match and a ``Context`` (the reference date and the
Doc) and returns ``(start, end, type, value, mod)`` or None to reject the match.
Values the reference date cannot fix get ``X`` digits (``XXXX-03-27``).

Limits: handlers read every match against the publication date; anaphora
("the next day" after a narrated date) are re-anchored afterwards by
``_anchor``. Verb tense is read from spaCy's tags of the governing verb only.

The handlers live by what they read: ``_days`` (dates, weekdays, clock
times), ``_periods`` (weeks to centuries, quarters, seasons, years) and
``_durations`` (lengths, sets, "ago", "recently"); what they share is in
``_context``.
"""

from __future__ import annotations

from ._context import Context
from ._days import h_day_month, h_daypart, h_iso, h_month, h_month_year, h_numeric, h_relday, h_time, h_weekday
from ._durations import h_ago, h_duration, h_ref, h_set, h_vague
from ._periods import (h_century, h_decade, h_fiscal, h_qnum, h_quarter, h_relunit, h_season, h_spoken_year, h_year,
                            h_yearago, h_yearend)

__all__ = ["Context", "HANDLERS"]

# keys are the rule names of ``_grammar.patterns``; "mdy" and "dmy" differ only in word order
HANDLERS = {
    "iso": h_iso, "numeric": h_numeric, "mdy": h_day_month, "dmy": h_day_month, "month_year": h_month_year,
    "month": h_month, "weekday": h_weekday, "relday": h_relday, "daypart": h_daypart, "relunit": h_relunit,
    "quarter": h_quarter, "qnum": h_qnum, "season": h_season, "decade": h_decade, "fiscal": h_fiscal,
    "year": h_year, "ago": h_ago, "duration": h_duration, "vague": h_vague, "set": h_set, "time": h_time,
    "ref": h_ref, "yearago": h_yearago, "yearend": h_yearend, "century": h_century, "spoken_year": h_spoken_year,
}

