"""Accuracy against gold data made by others, with recorded floors.

Each evaluation is a module here with ``NAME``, ``DESCRIPTION`` and
``evaluate(analyzer, data_dir, limit=None) -> dict[str, float]``: it reads its gold
data from ``data_dir`` (the shared data folder) at run time, analyses the texts
with the given Analyzer, and returns named figures (F1, accuracy, counts).
Floors for those figures live in ``floors.json`` beside this file; the test suite
fails when a figure drops below its floor.
"""

from __future__ import annotations

import importlib
import json
import os
from importlib import resources
from pathlib import Path

from ..errors import ConfigError

__all__ = ["EVALUATIONS", "data_root", "floors", "run", "below_floor"]

# name -> module; run in this order.
EVALUATIONS = {
    "seed": "newsgraph.evaluate.seed",
    "polnear": "newsgraph.evaluate.polnear",
    "ggt": "newsgraph.evaluate.ggt",
    "timebank": "newsgraph.evaluate.timebank",
    "meantime": "newsgraph.evaluate.meantime",
    "meantime_xdoc": "newsgraph.evaluate.meantime_xdoc",
    "plover": "newsgraph.evaluate.plover",
    "events": "newsgraph.evaluate.events",
    "polnear_events": "newsgraph.evaluate.polnear_event_gold",
    "aquaint_events": "newsgraph.evaluate.aquaint_event_gold",
    "factrueval": "newsgraph.evaluate.factrueval",
    "ruquotes": "newsgraph.evaluate.ruquotes",
}

ENV_VAR = "NEWSGRAPH_DATA"


def data_root(given: str | Path | None = None) -> Path:
    """The shared data folder: --data, $NEWSGRAPH_DATA, ../shared/data from here or from the source tree."""
    candidates = [given or os.environ.get(ENV_VAR)] if given or os.environ.get(ENV_VAR) else [
        Path.cwd().parent / "shared" / "data",
        Path.cwd() / "shared" / "data",
        Path(__file__).resolve().parents[4] / "shared" / "data",
    ]
    for candidate in candidates:
        if candidate and (Path(candidate) / "polnear").is_dir():
            return Path(candidate)
    raise ConfigError(
        "cannot find the gold data folder (with polnear/, timebank/, meantime/): "
        f"pass --data or set {ENV_VAR}; looked in {', '.join(str(c) for c in candidates if c)}"
    )


def floors() -> dict[str, dict[str, float]]:
    """The recorded floors; $NEWSGRAPH_FLOORS names another file (to try stricter ones)."""
    override = os.environ.get("NEWSGRAPH_FLOORS")
    if override:
        text = Path(override).read_text(encoding="utf-8")
    else:
        text = (resources.files(__package__) / "floors.json").read_text(encoding="utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


def run(name: str, analyzer, data_dir: Path, limit: int | None = None, **options) -> dict[str, float]:
    """Run one evaluation; ``options`` go to it as they are (e.g. corpus="apple" for meantime)."""
    if name not in EVALUATIONS:
        raise ConfigError(f"no evaluation named {name!r}; choose from {', '.join(EVALUATIONS)}")
    module = importlib.import_module(EVALUATIONS[name])
    return module.evaluate(analyzer, data_dir, limit=limit, **options)


def below_floor(name: str, figures: dict[str, float]) -> list[str]:
    """Figures under their recorded floor, as readable lines (empty when all hold)."""
    recorded = floors().get(name, {})
    return [
        f"{name}.{key} = {figures.get(key, float('nan')):.4f} is below its floor {floor:.4f}"
        for key, floor in recorded.items()
        if not figures.get(key, float("-inf")) >= floor
    ]
