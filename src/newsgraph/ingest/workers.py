"""Analysis in worker processes: each loads the spaCy pipeline once, then analyses chunks of articles.

The ingest runner keeps reading, cleaning, deduplicating and writing in the main process, in
input order; it hands the articles of each batch to the pool (:meth:`AnalysisPool.submit`) and
asks for their results in the same order, so the store receives exactly what one process
would write. A chunk is ``batch_size`` articles (16, the Analyzer's own spaCy batch), cut from
the start of each batch as the Analyzer cuts it in one process, so every article is analysed
in the same spaCy batch with one worker or many.

Workers start with the ``spawn`` method (nothing inherited: no open database, no half-loaded
model), one more each time more chunks wait than workers run, up to ``workers``; they ignore
Ctrl-C (the main process decides what to keep) and end with the main process, however it
ends (kill -9 included): Linux's parent-death signal, and a check of the parent every second.
A worker that dies in the middle of a chunk (a crash, the kernel's out-of-memory killer)
costs that chunk: its articles get an InputError each, are stored without analysis, and are
analysed when met again; a new worker takes its place.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import queue
import signal
import threading
import time
from collections.abc import Callable, Sequence

from ..errors import ConfigError, InputError
from ..model import Article

__all__ = ["AnalysisPool", "default_workers", "peak_rss"]

Results = list[tuple[Article, "dict | InputError"]]
_PR_SET_PDEATHSIG = 1


def default_workers() -> int:
    """The cores this process may run on (its CPU affinity), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def peak_rss() -> int:
    """This process's peak resident memory, in bytes.

    Linux's VmHWM, which starts afresh when a process execs; getrusage's ru_maxrss (elsewhere)
    keeps the high-water mark of the process that spawned a worker.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _die_with_parent(parent: int) -> None:
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # not Linux: the watch below does it
    if os.getppid() != parent:
        os._exit(1)  # the parent died before the signal was armed

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _work(tasks, results, parent: int, batch_size: int) -> None:
    """A worker's life: load the pipeline once, then analyse chunks until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)
    pid = os.getpid()
    try:
        from ..analyze import Analyzer

        analyzer = Analyzer(batch_size=batch_size)
    except Exception as exc:  # noqa: BLE001 - told to the main process, which raises it
        results.put(("failed", None, pid, f"{type(exc).__name__}: {exc}"))
        return
    while (task := tasks.get()) is not None:
        ticket, articles = task
        results.put(("started", ticket, pid, None))
        done = [result for _article, result in analyzer.analyze(articles)]
        results.put(("done", ticket, pid, (done, peak_rss())))


class AnalysisPool:
    """Up to ``workers`` analysis processes; ``submit`` returns a call that gives the results.

    Use it as a context manager: leaving it normally lets the workers finish and stop;
    leaving it by an exception (or :meth:`cancel`) stops them at once.
    """

    def __init__(self, workers: int, batch_size: int = 16, start_method: str = "spawn"):
        if workers < 1:
            raise ConfigError("--workers must be 1 or more")
        self.workers = workers
        self.batch_size = batch_size
        # Batches kept in flight while the main process writes an earlier one.
        self.depth = 2 * workers
        self._context = multiprocessing.get_context(start_method)
        self._tasks = self._context.Queue()
        self._results = self._context.Queue()
        self._processes: dict[int, multiprocessing.process.BaseProcess] = {}
        self._chunks: dict[int, list[Article]] = {}  # submitted, not yet collected
        self._running: dict[int, int] = {}  # ticket -> pid of the worker analysing it
        self._done: dict[int, list] = {}
        self._tickets = itertools.count()
        self.peak_rss: dict[int, int] = {}  # worker pid -> its peak resident memory, bytes
        self._closed = False

    def __enter__(self) -> "AnalysisPool":
        return self

    def __exit__(self, exc_type, *_exc) -> None:
        if exc_type is None:
            self.close()
        else:
            self.cancel()

    def submit(self, articles: Sequence[Article]) -> Callable[[], Results]:
        """Queue ``articles`` for analysis; the returned call waits for their results, in order."""
        tickets = []
        for start in range(0, len(articles), self.batch_size):
            ticket, chunk = next(self._tickets), list(articles[start:start + self.batch_size])
            self._chunks[ticket] = chunk
            self._tasks.put((ticket, chunk))
            tickets.append(ticket)
        self._grow()
        return lambda: [pair for ticket in tickets for pair in self._collect(ticket)]

    def _grow(self) -> None:
        while len(self._processes) < min(self.workers, len(self._chunks)):
            process = self._context.Process(target=_work, name="newsgraph-analysis", daemon=True,
                                            args=(self._tasks, self._results, os.getpid(), self.batch_size))
            process.start()
            self._processes[process.pid] = process

    def _collect(self, ticket: int) -> Results:
        while ticket not in self._done:
            try:
                kind, got, pid, payload = self._results.get(timeout=1.0)
            except queue.Empty:
                self._bury_the_dead()
                continue
            if kind == "failed":
                raise ConfigError(f"an analysis worker could not start: {payload}")
            if kind == "started":
                self._running[got] = pid
            else:
                self._running.pop(got, None)
                self._done[got], self.peak_rss[pid] = payload
        chunk, results = self._chunks.pop(ticket), self._done.pop(ticket)
        return list(zip(chunk, results))

    def _bury_the_dead(self) -> None:
        """Fail the chunks of workers that died, and start others in their place."""
        for pid, process in list(self._processes.items()):
            if process.is_alive():
                continue
            del self._processes[pid]
            for ticket in [t for t, p in self._running.items() if p == pid]:
                del self._running[ticket]
                self._done[ticket] = [
                    InputError(a.source, f"analysis failed: the worker process analysing it died "
                               f"(exit code {process.exitcode}); it is stored and will be analysed when "
                               "ingested again", a.location) for a in self._chunks[ticket]]
        self._grow()

    def close(self) -> None:
        """Let the workers finish what they hold and stop."""
        for _ in self._processes:
            self._tasks.put(None)
        for process in self._processes.values():
            process.join(timeout=30)
        self.cancel()

    def cancel(self) -> None:
        """Stop every worker now; what they were analysing is dropped."""
        if self._closed:
            return
        self._closed = True
        for process in self._processes.values():
            if process.is_alive():
                process.terminate()
        for process in self._processes.values():
            process.join(timeout=10)
        self._processes.clear()
        for q in (self._tasks, self._results):
            q.cancel_join_thread()  # never wait at exit to hand chunks to workers that are gone
            q.close()
