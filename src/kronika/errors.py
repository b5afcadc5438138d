"""One exception tree for kronika.

    KronikaError                 base of everything kronika raises on purpose
    ├── RejectedInput            an input document cannot be read (empty, binary, too large, undecodable,
    │                            unparseable HTML or JSON); the batch skips it and reports `reason`
    ├── GazetteerError           the shipped place index is missing or corrupt
    ├── StoreError               the ledger database cannot be opened, migrated or written
    │   └── SchemaVersionError   the database was written by a newer kronika
    └── FilterError              a filter value the ledger cannot search with (empty, too long, not text);
                                 also a ValueError

The CLI turns any KronikaError into a one-line message on stderr and a non-zero exit status, never a
traceback.
"""

from __future__ import annotations


class KronikaError(Exception):
    """Base class of kronika's own errors."""


class RejectedInput(KronikaError):
    """An input document was refused; `reason` is a one-line, human-readable explanation."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class GazetteerError(KronikaError):
    """The shipped gazetteer index cannot be loaded."""


class StoreError(KronikaError):
    """The ledger store cannot be opened, migrated or written."""


class SchemaVersionError(StoreError):
    """The ledger file has a schema version this kronika does not know."""


class FilterError(KronikaError, ValueError):
    """A filter, cursor or search value that cannot be used: empty, too long, not text, malformed, out of range."""
