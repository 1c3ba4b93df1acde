"""One value per process, built on first use: the models, dictionaries and gazetteers.

Loading them costs a second or more, so a worker loads each once and every caller shares
it; the lock keeps two threads (the web server's) from loading the same model twice.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import TypeVar

__all__ = ["once_per_process"]

T = TypeVar("T")


def once_per_process(build: Callable[[], T]) -> Callable[[], T]:
    """``build`` made into a function that builds its value on the first call and returns that
    same value on every call after (a failed build is retried on the next call)."""
    lock = threading.Lock()
    built: list[T] = []

    @functools.wraps(build)
    def get() -> T:
        with lock:
            if not built:
                built.append(build())
            return built[0]

    return get
