"""The corpus store: schema, migrations and all SQL (see db.py)."""

from .db import DEFAULT_DB, Store, StoreInfo, Writer, resolve_url

__all__ = ["Store", "StoreInfo", "Writer", "resolve_url", "DEFAULT_DB"]
