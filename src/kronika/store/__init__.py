"""Where the ledger lives: the `LedgerStore` protocol and its SQLite implementation.

    open_store(path=None)  open (and create or migrate) a ledger; None means the default location
    open_store(path, readonly=True)  open an existing ledger for reading only
    default_db_path()      <user data dir>/kronika/ledger.db
"""

from __future__ import annotations

from pathlib import Path

from kronika.store.base import (
    CurrentFigure,
    DocumentRecord,
    EventFilter,
    FigureReport,
    LedgerEvent,
    LedgerStore,
    SourceReport,
    StoredDocument,
)
from kronika.store.schema import SCHEMA_VERSION
from kronika.store.sqlite import SQLiteStore, haversine_km


def default_db_path() -> Path:
    """The ledger used when no --db is given: kronika/ledger.db in the user's data directory."""
    import platformdirs

    return Path(platformdirs.user_data_dir("kronika")) / "ledger.db"


def open_store(path: str | Path | None = None, *, readonly: bool = False) -> SQLiteStore:
    """Open the ledger at `path` (default: `default_db_path()`), creating or migrating it.

    `readonly` opens an existing ledger without ever writing to it (a read-only folder or mount works); see
    kronika.store.connection for what every open checks.
    """
    return SQLiteStore(path if path is not None else default_db_path(), readonly=readonly)


__all__ = [
    "SCHEMA_VERSION",
    "CurrentFigure",
    "DocumentRecord",
    "EventFilter",
    "FigureReport",
    "LedgerEvent",
    "LedgerStore",
    "SQLiteStore",
    "SourceReport",
    "StoredDocument",
    "default_db_path",
    "haversine_km",
    "open_store",
]
