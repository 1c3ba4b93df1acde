"""Every event of our golds uses the conventions' labels: one of PLOVER's 16 types, one of the six
modalities (a coder's slip, such as the older label FIGHT, would silently never match)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.query_records import PLOVER_TYPES

OURS = Path(__file__).resolve().parents[2] / "data" / "event_labels"
MODALITIES = {"asserted", "planned", "hypothetical", "negated", "claimed", "historical"}


@pytest.mark.parametrize("gold", ["timebank_events", "polnear_gold", "aquaint_events"])
def test_our_event_gold_uses_the_conventions_labels(gold):
    files = sorted((OURS / gold / "gold").glob("*.jsonl"))
    assert files
    for path in files:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            row = json.loads(line) if line.strip() else {"none": True}
            if row.get("none"):
                continue
            assert row["type"] in PLOVER_TYPES, (path.name, n, row["type"])
            assert row["modality"] in MODALITIES, (path.name, n, row["modality"])
            assert row["sentence"].strip() and row["trigger"].strip(), (path.name, n)
