"""One ledger connection per server thread.

A SQLite connection belongs to the thread that opened it; FastAPI runs plain route functions in a pool of
threads, so each thread opens the ledger once and keeps it (and its page cache) for the requests it serves.
WAL lets these readers read while an ingest writes. A server without a token opens the ledger read-only
(SQLite's mode=ro), so no request can write to it, whatever the code path.

The pool opens the ledger once when it is made: the first open of a file in a process runs its integrity check
and migrations (seconds on a ledger of a million events), which then happen at start-up, with a clear error
for a damaged ledger, instead of in every thread that takes one of the first requests at once.
"""

from __future__ import annotations

import threading
from pathlib import Path

from kronika.store import SQLiteStore, open_store


class StorePool:
    def __init__(self, path: str | Path, readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = readonly
        self._local = threading.local()
        open_store(self.path, readonly=readonly).close()

    def store(self) -> SQLiteStore:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = open_store(self.path, readonly=self.readonly)
        return store
