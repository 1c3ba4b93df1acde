"""The Russian pipeline (natasha), loaded once for the session, and an Analyzer over both languages."""

from __future__ import annotations

import pytest

from newsgraph.analyze import Analyzer
from newsgraph.model import Article


@pytest.fixture(scope="session")
def ru_nlp():
    from newsgraph.analyze.ru.nlp import load_ru

    return load_ru()


@pytest.fixture(scope="session")
def analyzer(nlp, ru_nlp):
    return Analyzer(nlp, ru_nlp=ru_nlp)


@pytest.fixture(scope="session")
def analyze_ru(analyzer):
    """The analysis record of a Russian text (published 2025-04-02 unless given)."""
    def run(text: str, published: str | None = "2025-04-02") -> dict:
        return analyzer.analyze_one(Article(text=text, source="test.txt", language="ru", published=published))
    return run
