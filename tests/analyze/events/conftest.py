"""The event tests' pipeline: every stage of the stage table on one text."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def analyze(nlp):
    """(entities, events) of a text, analysed by the stage table."""
    from newsgraph.analyze.stages import run_stages
    from newsgraph.model import Article

    def run(text: str):
        made = run_stages(nlp(text), Article(text=text, source="test.txt"))
        return made["entities"], made["events"]

    return run
