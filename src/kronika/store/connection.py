"""Opening a ledger file: what `SQLiteStore` relies on before it reads or writes a row.

    connect(path, readonly=False)  an open, checked, migrated connection to a ledger file (or ':memory:')

What opening guarantees:

* A new ledger appears whole or not at all. It is built in a temporary file beside the target and hard-linked
  into place, so two processes creating one ledger at the same moment end with one ledger between them, and a
  file already at the path is always someone's finished work, never a ledger half made.
* A file that is not a kronika ledger (0 bytes, not SQLite, another program's database) is refused with a
  reason, never turned into a ledger.
* Migrations run inside `BEGIN IMMEDIATE`, with the schema version read again inside the transaction: of two
  processes opening an old ledger at once, one migrates and the other finds the work done.
* The first open of a file in a process runs `PRAGMA quick_check` and checks that every table of the schema is
  there; a damaged file is refused with one line saying so (later opens in the process skip the scan).
* Writers wait up to BUSY_TIMEOUT_S for another process's transaction instead of failing at once.
* Read-only opens (`readonly=True`, the read commands) never write: `mode=ro`, and `immutable=1` when the folder
  cannot be written and no write-ahead log is waiting, so a ledger on a read-only mount or in a read-only
  folder can be read. They never migrate a file they cannot write.
* Every sqlite3 error raised through the connection, and text the driver cannot decode, becomes a one-line
  StoreError naming the file. The error class also derives from the sqlite3 class it replaces, so code that
  catches `sqlite3.OperationalError` (to roll back, or to word a bad search) keeps working.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
import urllib.parse
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from kronika.errors import SchemaVersionError, StoreError
from kronika.store.schema import MIGRATIONS, SCHEMA_VERSION

BUSY_TIMEOUT_S = 30.0
T = TypeVar("T")
_SQLITE_MAGIC = b"SQLite format 3\x00"
_DAMAGED = frozenset({"SQLITE_CORRUPT", "SQLITE_NOTADB"})
_CANNOT_OPEN_RO = frozenset({"SQLITE_READONLY", "SQLITE_CANTOPEN"})  # and their extended codes

_checked: set[tuple[str, int, int]] = set()  # (path, device, inode) of files found sound in this process


# ---------------------------------------------------------------------------------------------- errors

_TWINS: dict[type[BaseException], type[StoreError]] = {
    cls: type(cls.__name__, (StoreError, cls), {"__module__": __name__})
    for cls in (
        sqlite3.Error,
        sqlite3.DatabaseError,
        sqlite3.OperationalError,
        sqlite3.IntegrityError,
        sqlite3.ProgrammingError,
        sqlite3.DataError,
        sqlite3.NotSupportedError,
        sqlite3.InternalError,
        sqlite3.InterfaceError,
    )
}


def one_line(text: str) -> str:
    """A message on one line: line breaks and other control characters become spaces, runs of spaces one."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def store_error(path: str, exc: BaseException) -> StoreError:
    """The StoreError (twin of exc's sqlite3 class, when it has one) that tells the user what went wrong."""
    if isinstance(exc, StoreError):
        return exc
    name = getattr(exc, "sqlite_errorname", "") or ""
    detail = one_line(str(exc))
    if isinstance(exc, UnicodeDecodeError) or detail.startswith("Could not decode to UTF-8"):
        message = f"ledger {path} holds text that is not UTF-8: the file is damaged ({_RECOVER.format(path=path)})"
    elif isinstance(exc, UnicodeEncodeError):
        message = f"ledger {path}: a value given to it is not valid Unicode text"
    elif name in _DAMAGED:
        message = f"ledger {path} is damaged ({detail}): {_RECOVER.format(path=path)}"
    elif name == "SQLITE_BUSY" or detail == "database is locked":
        message = f"ledger {path} is locked by another process (waited {BUSY_TIMEOUT_S:.0f} s); try again later"
    elif name.startswith("SQLITE_READONLY"):
        message = f"ledger {path} cannot be written (read-only file, folder or disk): {detail}"
    elif name == "SQLITE_FULL":
        message = f"ledger {path}: the disk is full; nothing of the current article was written"
    else:
        message = f"ledger {path}: {detail}"
    cls = _TWINS.get(type(exc), StoreError) if isinstance(exc, sqlite3.Error) else StoreError
    error = cls(message)
    if isinstance(exc, sqlite3.Error):
        error.sqlite_errorcode = getattr(exc, "sqlite_errorcode", None)  # type: ignore[attr-defined]
        error.sqlite_errorname = name  # type: ignore[attr-defined]
    return error


_RECOVER = "restore a backup, or salvage it with `sqlite3 {path} .recover`"


def _translating(method: Callable[..., T]) -> Callable[..., T]:
    """`method` of a cursor with its sqlite3 and text errors turned into StoreErrors naming the ledger."""

    @functools.wraps(method)
    def translated(self: sqlite3.Cursor, *args: object) -> T:
        try:
            return method(self, *args)
        except (sqlite3.Error, UnicodeError) as exc:
            raise store_error(getattr(self.connection, "ledger", "?"), exc) from exc

    return translated


class LedgerCursor(sqlite3.Cursor):
    """A cursor whose errors, fetching included, are StoreErrors naming the ledger."""

    execute = _translating(sqlite3.Cursor.execute)
    executemany = _translating(sqlite3.Cursor.executemany)
    __next__ = _translating(sqlite3.Cursor.__next__)
    fetchone = _translating(sqlite3.Cursor.fetchone)
    fetchmany = _translating(sqlite3.Cursor.fetchmany)
    fetchall = _translating(sqlite3.Cursor.fetchall)


class LedgerConnection(sqlite3.Connection):
    """A connection whose statements run on LedgerCursors."""

    ledger: str = "?"

    def cursor(self, factory: type | None = None) -> LedgerCursor:  # type: ignore[override]
        return super().cursor(factory or LedgerCursor)  # type: ignore[return-value]

    def execute(self, sql: str, parameters: object = (), /) -> LedgerCursor:  # type: ignore[override]
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql: str, seq_of_parameters: object, /) -> LedgerCursor:  # type: ignore[override]
        return self.cursor().executemany(sql, seq_of_parameters)


# ---------------------------------------------------------------------------------------------- opening


def connect(path: str | Path, *, readonly: bool = False) -> LedgerConnection:
    """Open the ledger at `path` as the module docstring says; raises StoreError with a one-line reason."""
    name = str(path)
    if name == ":memory:":
        db = _raw_connect(name, name)
        _migrate(db, name)
        _set_pragmas(db)
        return db
    p = Path(name)
    if not readonly and not p.exists():
        _create(p)
    _check_file(p)
    if not readonly and not (os.access(p, os.W_OK) and os.access(p.parent, os.W_OK)):
        raise StoreError(f"ledger {p} cannot be written: its file or folder is read-only (read commands still work)")
    db = _connect_readonly(p) if readonly else _raw_connect(name, name)
    try:
        _check_once(db, p, readonly)
        if not readonly:
            _set_pragmas(db)
    except BaseException:
        db.close()
        raise
    return db


def _raw_connect(target: str, name: str, uri: bool = False) -> LedgerConnection:
    try:
        # autocommit mode: transactions are opened explicitly, one per article
        db = sqlite3.connect(
            target, isolation_level=None, timeout=BUSY_TIMEOUT_S, uri=uri, factory=LedgerConnection
        )
    except (sqlite3.Error, UnicodeError) as exc:
        raise store_error(name, exc) from exc
    assert isinstance(db, LedgerConnection)
    db.ledger = name
    return db


def _set_pragmas(db: LedgerConnection) -> None:
    if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal" and db.ledger != ":memory:":
        db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    # a big ledger's index pages stay in memory across articles (64 MB at most, allocated as used), and
    # checkpoints come every 16 MB of WAL rather than 4: fewer, larger writes back into the file
    db.execute("PRAGMA cache_size=-65536")
    db.execute("PRAGMA wal_autocheckpoint=4000")
    db.execute("PRAGMA foreign_keys=ON")


def _create(path: Path) -> None:
    """Build a new, migrated ledger beside `path` and link it into place (unless another process won)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the folder for {path}: {exc.strerror or exc}") from exc
    if not os.access(path.parent, os.W_OK):
        raise StoreError(f"cannot create ledger {path}: its folder cannot be written")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.new")
    try:
        db = _raw_connect(str(tmp), str(path))
        try:
            db.execute("PRAGMA journal_mode=WAL")
            _migrate(db, str(path))
        finally:
            db.close()
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass  # another process created the ledger first: theirs is used
        except OSError:  # a file system without hard links: a plain rename, when the name is still free
            if not path.exists():
                os.replace(tmp, path)
    except OSError as exc:
        raise StoreError(f"cannot create ledger {path}: {exc.strerror or exc}") from exc
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + "-wal"), tmp.with_name(tmp.name + "-shm")):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _check_file(path: Path) -> None:
    """Refuse what is plainly not a ledger before SQLite sees it."""
    try:
        with path.open("rb") as fh:
            head = fh.read(len(_SQLITE_MAGIC))
    except FileNotFoundError:
        raise StoreError(f"no ledger at {path}") from None
    except IsADirectoryError:
        raise StoreError(f"{path} is a folder, not a ledger file") from None
    except OSError as exc:
        raise StoreError(f"cannot read ledger {path}: {exc.strerror or exc}") from exc
    if not head:
        raise StoreError(f"{path} is an empty file, not a ledger: remove it or choose another --db")
    if head != _SQLITE_MAGIC:
        raise StoreError(
            f"{path} is not a kronika ledger (not a SQLite database, or its header is damaged): choose another --db"
        )


def _connect_readonly(path: Path) -> LedgerConnection:
    """mode=ro; where that cannot work (a read-only folder without the WAL's shared-memory file), immutable=1,
    which is only safe when no write-ahead log holds changes the main file lacks."""
    quoted = urllib.parse.quote(str(path.resolve()))
    db = _raw_connect(f"file:{quoted}?mode=ro", str(path), uri=True)
    try:
        db.execute("PRAGMA user_version").fetchone()
        return db
    except StoreError as exc:
        db.close()
        code = str(getattr(exc, "sqlite_errorname", ""))
        if code not in _CANNOT_OPEN_RO and not code.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN")):
            raise
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise StoreError(
            f"ledger {path} has changes in {wal.name} that cannot be read from a read-only folder: "
            "open it once where it can be written (any kronika command) to fold them in"
        )
    return _raw_connect(f"file:{quoted}?mode=ro&immutable=1", str(path), uri=True)


def _check_once(db: LedgerConnection, path: Path, readonly: bool) -> None:
    """quick_check and the schema, on the first open of this file in this process; migrations if needed."""
    info = path.stat()
    key = (str(path.resolve()), info.st_dev, info.st_ino)
    if key in _checked:
        _migrate_or_refuse(db, path, readonly)
        return
    rows = db.execute("PRAGMA quick_check").fetchall()
    problems = [str(r[0]) for r in rows if r and r[0] != "ok"]
    if problems:
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise StoreError(
            f"ledger {path} is damaged (quick_check: {one_line(problems[0])[:200]}{more}): "
            + _RECOVER.format(path=path)
        )
    _migrate_or_refuse(db, path, readonly)
    missing = sorted(_expected_tables() - _tables(db))
    if missing:
        raise StoreError(
            f"ledger {path} is damaged: missing {', '.join(missing)} ({_RECOVER.format(path=path)})"
        )
    _checked.add(key)


def _migrate_or_refuse(db: LedgerConnection, path: Path, readonly: bool) -> None:
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise SchemaVersionError(
            f"ledger {path} has schema version {version}; this kronika knows up to {SCHEMA_VERSION}"
        )
    if version == 0 and _tables(db):
        raise StoreError(f"{path} is a SQLite database but not a kronika ledger: choose another --db")
    if version == SCHEMA_VERSION:
        return
    if not readonly:
        _migrate(db, str(path))
        return
    if version == 0:
        raise StoreError(f"{path} is an empty SQLite database, not a kronika ledger")
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise StoreError(
            f"ledger {path} has schema version {version} and needs upgrading to {SCHEMA_VERSION}, "
            "but it cannot be written: open it once where it can be (any kronika command that writes)"
        )
    connect(path).close()  # upgraded under the migration lock by a writable open; the read goes on after
    if int(db.execute("PRAGMA user_version").fetchone()[0]) != SCHEMA_VERSION:
        raise StoreError(f"ledger {path}: upgrading to schema version {SCHEMA_VERSION} failed")


def _migrate(db: LedgerConnection, name: str) -> None:
    """Apply the missing migrations in one IMMEDIATE transaction: one process migrates, the others wait."""
    db.execute("BEGIN IMMEDIATE")
    try:
        version = int(db.execute("PRAGMA user_version").fetchone()[0])  # again, now that we hold the lock
        if version == 0 and _tables(db):
            raise StoreError(f"{name} is a SQLite database but not a kronika ledger: choose another --db")
        if version > SCHEMA_VERSION:
            raise SchemaVersionError(
                f"ledger {name} has schema version {version}; this kronika knows up to {SCHEMA_VERSION}"
            )
        for number in range(version + 1, SCHEMA_VERSION + 1):
            for statement in split_sql(MIGRATIONS[number - 1]):
                db.execute(statement)
            db.execute("INSERT INTO schema_migrations VALUES (?, ?)", (number, _now()))
            db.execute(f"PRAGMA user_version = {number}")
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise


def _tables(db: sqlite3.Connection) -> set[str]:
    return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}


def _expected_tables() -> frozenset[str]:
    """Every table and view the migrations make, read off a fresh in-memory ledger."""
    return _tables_made_by(tuple(MIGRATIONS))


@lru_cache(maxsize=2)
def _tables_made_by(migrations: tuple[str, ...]) -> frozenset[str]:
    db = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for migration in migrations:
            for statement in split_sql(migration):
                db.execute(statement)
        return frozenset(_tables(db))
    finally:
        db.close()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def split_sql(script: str) -> list[str]:
    # executescript() would COMMIT behind our back; split on ';' at line ends instead (no ';' in literals here)
    parts, buf = [], []
    for line in script.splitlines():
        code = line.split("--", 1)[0]
        buf.append(code)
        if code.rstrip().endswith(";"):
            parts.append("\n".join(buf).strip())
            buf = []
    rest = "\n".join(buf).strip()
    if rest:
        parts.append(rest)
    return [p for p in parts if p.strip(" ;\n")]
