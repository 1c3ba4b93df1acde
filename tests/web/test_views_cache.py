"""The web layer's cache of corpus-wide aggregates: fresh, stale-while-revalidate, cleared."""

from __future__ import annotations

import threading

import pytest

from newsgraph.web import views


@pytest.fixture(autouse=True)
def empty_cache():
    views.clear_cache()
    yield
    views.clear_cache()


class Builds:
    """A build function that returns 1, 2, 3 ... and can be held until released."""

    def __init__(self):
        self.calls = 0
        self.release = threading.Event()
        self.release.set()
        self.started = threading.Event()

    def __call__(self):
        self.calls += 1
        self.started.set()
        assert self.release.wait(5)
        return self.calls


def _wait_for_rebuild(key):
    for _ in range(500):
        with views._lock:
            if key not in views._refreshing:
                return
        threading.Event().wait(0.01)
    raise AssertionError("the background rebuild never finished")


def test_views_cache_serves_a_fresh_copy_without_rebuilding():
    build = Builds()
    assert views._cached(("k",), build) == 1
    assert views._cached(("k",), build) == 1
    assert build.calls == 1


def test_views_cache_answers_stale_at_once_and_rebuilds_once_in_the_background(monkeypatch):
    build = Builds()
    assert views._cached(("k",), build) == 1
    monkeypatch.setattr(views, "_TTL", -1.0)  # everything cached is now stale
    build.release.clear()
    build.started.clear()
    # two readers while the rebuild is held: both get the old value, one rebuild runs
    assert views._cached(("k",), build) == 1
    assert build.started.wait(5)
    assert views._cached(("k",), build) == 1
    assert build.calls == 2
    build.release.set()
    _wait_for_rebuild(("k",))
    monkeypatch.setattr(views, "_TTL", 60.0)
    assert views._cached(("k",), build) == 2


def test_views_cache_keeps_the_stale_copy_when_a_rebuild_fails(monkeypatch):
    assert views._cached(("k",), lambda: "old") == "old"
    monkeypatch.setattr(views, "_TTL", -1.0)
    monkeypatch.setattr(threading, "excepthook", lambda args: None)  # the failure is expected

    def broken():
        raise RuntimeError("database went away")

    assert views._cached(("k",), broken) == "old"
    _wait_for_rebuild(("k",))
    monkeypatch.setattr(views, "_TTL", 60.0)
    assert views._cached(("k",), broken) == "old"


def test_views_cache_is_emptied_by_clear_cache():
    build = Builds()
    views._cached(("k",), build)
    views.clear_cache()
    assert views._cached(("k",), build) == 2
