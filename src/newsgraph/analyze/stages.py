"""The stage table: each stage of the analysis, what it needs and what it makes.

As spaCy components declare ``requires`` and ``assigns``, every stage here names
the values it reads and the one value it produces. The pipeline runs the table
in order and ``check_order`` refuses a table where a stage comes before
something it needs, so the order is written once, here, and checked.

The values: ``doc`` (the parsed spaCy Doc) and ``article`` are given; then
``published`` (the publication date, inferred from the text when the article
has none), ``sentences``, ``entities``, ``quotes``, ``timexes``, ``quantities``
and ``events``.

Each language has its table: ``STAGES`` for English (spaCy), ``RU_STAGES`` for
Russian (natasha, the modules of ``ru/``), and ``stages_for(language)`` picks one.
A table may leave a stage out: the record then lists only the stages that ran.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import partial

from .entities import extract_entities
from .events import extract_events
from .quantities import extract_quantities
from .quotes import extract_quotes
from .sentences import sentence_spans
from .timexes import extract_timexes, infer_published

__all__ = ["GIVEN", "STAGES", "RU_STAGES", "PIPELINES", "Stage", "StageOrderError", "check_order", "with_options",
           "recorded_stages", "run_stages", "stages_for"]

# What the pipeline starts with.
GIVEN = ("doc", "article")


@dataclass(frozen=True)
class Stage:
    name: str
    needs: tuple[str, ...]
    makes: str
    run: Callable[..., object]  # called with the needed values as keyword arguments
    # Listed in the record's ``analysis.stages``: an empty list of what it makes
    # then means "none found", not "not looked for".
    recorded: bool = True


class StageOrderError(ValueError):
    """A stage table where a stage needs something no earlier stage makes."""


def _publication_date(doc, article) -> str | None:
    return article.published or infer_published(doc)


STAGES: tuple[Stage, ...] = (
    Stage("published", ("doc", "article"), "published", _publication_date, recorded=False),
    Stage("sentences", ("doc",), "sentences", sentence_spans),
    Stage("entities", ("doc",), "entities", extract_entities),
    Stage("quotes", ("doc", "entities"), "quotes", extract_quotes),
    Stage("timexes", ("doc", "published"), "timexes", extract_timexes),
    Stage("quantities", ("doc",), "quantities", extract_quantities),
    Stage("events", ("doc", "entities", "quotes", "timexes", "quantities", "published"), "events", extract_events),
)


def _given_publication_date(doc, article) -> str | None:
    return article.published  # no inference from Russian datelines yet


def _ru_stages() -> tuple[Stage, ...]:
    from .ru import entities, events, quantities, quotes, timexes

    return (
        Stage("published", ("doc", "article"), "published", _given_publication_date, recorded=False),
        Stage("sentences", ("doc",), "sentences", sentence_spans),
        Stage("entities", ("doc",), "entities", entities.extract_entities),
        Stage("quotes", ("doc", "entities"), "quotes", quotes.extract_quotes),
        Stage("timexes", ("doc", "published"), "timexes", timexes.extract_timexes),
        Stage("quantities", ("doc",), "quantities", quantities.extract_quantities),
        Stage("events", ("doc", "entities", "quotes", "timexes", "quantities", "published"), "events",
              events.extract_events),
    )


RU_STAGES: tuple[Stage, ...] = _ru_stages()
PIPELINES: dict[str, tuple[Stage, ...]] = {"en": STAGES, "ru": RU_STAGES}


def stages_for(language: str | None) -> tuple[Stage, ...]:
    """The stage table of a pipeline ("en", "ru"); English for any other language."""
    return PIPELINES.get(language or "en", STAGES)


def check_order(stages: Iterable[Stage], given: Iterable[str] = GIVEN) -> None:
    """Raise StageOrderError naming the first stage that needs what is not made before it."""
    available = set(given)
    for stage in stages:
        missing = [need for need in stage.needs if need not in available]
        if missing:
            raise StageOrderError(
                f"stage {stage.name!r} needs {', '.join(missing)}, which no earlier stage makes; "
                f"order it after the stage that makes {missing[0]!r}"
            )
        if stage.makes in available:
            raise StageOrderError(f"stage {stage.name!r} makes {stage.makes!r}, which is made before it")
        available.add(stage.makes)


def with_options(stages: Iterable[Stage], name: str, **options) -> tuple[Stage, ...]:
    """The table with the stage ``name`` called with these keyword options too
    (``with_options(STAGES, "events", gated=False)``: the events without the learned gate)."""
    table = tuple(replace(s, run=partial(s.run, **options)) if s.name == name else s for s in stages)
    if not any(s.name == name for s in table):
        raise ValueError(f"no stage named {name!r}")
    return table


def recorded_stages(stages: Iterable[Stage] = STAGES) -> list[str]:
    return [stage.name for stage in stages if stage.recorded]


def run_stages(doc, article, stages: Iterable[Stage] = STAGES) -> dict[str, object]:
    """Every value the stages make, keyed by name, with the given ``doc`` and ``article``."""
    made: dict[str, object] = {"doc": doc, "article": article}
    for stage in stages:
        made[stage.makes] = stage.run(**{need: made[need] for need in stage.needs})
    return made


for _table in PIPELINES.values():
    check_order(_table)
