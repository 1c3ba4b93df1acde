"""Every error newsgraph raises on purpose.

    NewsgraphError                 base: catch this to catch them all
    ├── InputError                 one input item cannot be read or used
    │                              (names the source, the place and the reason)
    ├── StoreError                 the database cannot be opened or written
    │   └── SchemaError            the database's schema is newer than this code
    ├── NotFoundError              a query names an entity, article or event the store lacks
    ├── CorrectionError            an entity correction cannot be applied (or undone) as asked
    └── ConfigError                a setting or option has an unusable value
        └── AmbiguousNameError     a name held by several entities (lists them with their ids)

Messages are written for the person at the terminal: what failed, where, and
what to do about it.
"""

from __future__ import annotations

__all__ = ["NewsgraphError", "InputError", "StoreError", "SchemaError", "NotFoundError", "CorrectionError", "ConfigError",
           "AmbiguousNameError"]


class NewsgraphError(Exception):
    """Base class of every error newsgraph raises on purpose."""


class InputError(NewsgraphError):
    """One input item (a file, a JSON line, a WARC record, a feed entry) is unusable.

    ``source`` names the file or URL, ``location`` the place inside it
    ("line 12", "record at byte 4096", "entry 3") or None for the whole file.
    """

    def __init__(self, source: str, reason: str, location: str | None = None):
        self.source = source
        self.reason = reason
        self.location = location
        super().__init__(self.describe())

    def __reduce__(self):
        # Pickled whole (worker processes and Ray send it back), not as its message alone.
        return type(self), (self.source, self.reason, self.location)

    def describe(self) -> str:
        where = f"{self.source}: {self.location}" if self.location else self.source
        return f"{where}: {self.reason}"


class StoreError(NewsgraphError):
    """The database cannot be opened, migrated or written."""


class SchemaError(StoreError):
    """The database was written by a newer newsgraph than this one."""


class NotFoundError(NewsgraphError):
    """A query names an entity, article or event that the store does not hold."""


class CorrectionError(NewsgraphError, ValueError):
    """An entity correction (merge, split, alias, undo) cannot be applied as asked; the message says why and what to do."""


class ConfigError(NewsgraphError):
    """A setting or command-line option has a value newsgraph cannot use."""


class AmbiguousNameError(ConfigError):
    """A name (or alias) that several entities hold, so it cannot say which one is meant.

    ``name`` is the name as given, ``candidates`` the entities holding it (each with
    ``id``, ``name`` and ``type``), best first; the message lists them and says to
    name one by ``#id``.
    """

    LISTED = 10  # candidates named in the message; the rest are counted

    def __init__(self, name: str, candidates: list):
        self.name = name
        self.candidates = list(candidates)
        listed = ", ".join(f"#{c.id} {c.name} ({c.type})" for c in self.candidates[:self.LISTED])
        more = len(self.candidates) - self.LISTED
        listed += f" and {more} more" if more > 0 else ""
        super().__init__(f"{name!r} names {len(self.candidates)} entities: {listed}; name one by #id")
