"""The ingest package's public API is exactly what ``__all__`` lists."""

from __future__ import annotations

import inspect

import newsgraph.ingest as ingest


def test_init_all_lists_every_public_function():
    public = {name for name, value in vars(ingest).items()
              if not name.startswith("_") and not inspect.ismodule(value)}
    assert set(ingest.__all__) == public == {"read_inputs", "clean", "clean_text", "detect_language"}


def test_init_read_inputs_signature():
    params = list(inspect.signature(ingest.read_inputs).parameters)
    assert params == ["paths", "options", "stdin"]
