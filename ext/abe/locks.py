"""Locks, rewrites and scans of each revision an ``alembic`` step runs on PostgreSQL, measured.

Installed in the step process of every ``alembic`` command (next to :mod:`abe.capture`). For each
revision Alembic applies it reads, on the migration's own connection and through the driver
directly (so none of it reaches the SQL capture or the book's SQL listings):

* before the revision, and again in Alembic's ``on_version_apply`` hook, which runs after the
  revision and its version-table update but before the transaction ends: the relation-level
  locks the backend holds (``pg_locks``), every user relation's ``relfilenode`` (a new file
  means the table or index was rewritten, or truncated) and, for tables, the ``seq_scan``
  counter of ``pg_stat_xact_user_tables`` (counts for the current transaction only);
* for a statement sent outside a transaction (``autocommit_block()``: ``CREATE INDEX
  CONCURRENTLY`` and the like), whose locks are gone by the time it returns: the locks a second
  connection sees that backend hold while the statement runs. What that observer did not catch
  is reported as not measured, never guessed.

With one transaction for all revisions, locks pile up: a lock is attributed to the revision that
first took it. Relations in the system schemas (the probe's own catalog reads among them) and
Alembic's ``alembic_version`` are left out. A revision that fails leaves no measurement (its
transaction is rolled back); it is reported as not measured.
"""

from __future__ import annotations

import re
import threading
from typing import Any

import psycopg
from sqlalchemy import event
from sqlalchemy.engine import Engine

from abe.capture import _catalog_query

# Sequential scans: what the server has flushed plus what this backend has not flushed yet
# (PostgreSQL 15+ flushes a backend's counters now and then, not at each commit), read without
# the statistics snapshot a transaction otherwise keeps: a total that only grows, whose delta
# is the scans in between, whenever the flushes happen.
_RELATIONS = """
SELECT c.oid::bigint, c.relname, c.relkind::text, c.relfilenode::bigint,
       CASE WHEN c.relkind IN ('r', 'm')
            THEN pg_catalog.pg_stat_get_numscans(c.oid)
                 + pg_catalog.pg_stat_get_xact_numscans(c.oid) END,
       now()::text
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'i', 'I', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname NOT LIKE 'pg\\_temp\\_%%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%%'
  AND c.relname <> ALL(%s)
"""
_LOCKS = """
SELECT relation::bigint, mode FROM pg_catalog.pg_locks
WHERE pid = pg_catalog.pg_backend_pid() AND locktype = 'relation' AND granted
"""
_OBSERVE = """
SELECT CASE WHEN locktype = 'relation' THEN relation::bigint END, mode, granted
FROM pg_catalog.pg_locks WHERE pid = %s
"""
_NAMES = """
SELECT c.oid::bigint, c.relname, c.relkind::text FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.oid = ANY(%s) AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND c.relname NOT LIKE 'alembic\\_version%%'
"""
#: PostgreSQL's lock modes, weakest first (the order listings use)
MODES = ("AccessShareLock", "RowShareLock", "RowExclusiveLock", "ShareUpdateExclusiveLock",
         "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock")


def _driver_connection(conn: Any) -> Any:
    """The psycopg connection behind a SQLAlchemy connection, or None (another driver, async)."""
    try:
        raw = conn.connection.dbapi_connection
    except Exception:
        return None
    return raw if isinstance(raw, psycopg.Connection) else None


class _Snapshot:
    """One reading of the backend's relation locks and of every user relation's file and scan
    counter. Inside the migration's transaction it runs in a savepoint, so a probe that fails
    leaves that transaction as it was."""

    def __init__(self, raw: psycopg.Connection[Any], skip: list[str]) -> None:
        status = raw.info.transaction_status
        idle = status == psycopg.pq.TransactionStatus.IDLE
        inside = status == psycopg.pq.TransactionStatus.INTRANS and not raw.autocommit
        with raw.cursor() as cur:
            if inside:
                cur.execute("SAVEPOINT abe_lock_probe")
            try:
                with_scans = raw.info.server_version >= 150000
                if with_scans:  # the statistics read as they are, not as first read (PG 15+)
                    cur.execute("SELECT pg_catalog.set_config("
                                "'stats_fetch_consistency', 'none', true)")
                cur.execute(_RELATIONS if with_scans else _RELATIONS.replace(
                    "CASE WHEN c.relkind IN ('r', 'm')", "CASE WHEN false"), (skip,))
                rows = cur.fetchall()
                cur.execute(_LOCKS)
                locks = cur.fetchall()
            except psycopg.Error:
                if inside:
                    cur.execute("ROLLBACK TO SAVEPOINT abe_lock_probe")
                    cur.execute("RELEASE SAVEPOINT abe_lock_probe")
                elif idle and not raw.autocommit:
                    raw.rollback()
                raise
            if inside:
                cur.execute("RELEASE SAVEPOINT abe_lock_probe")
        if idle and not raw.autocommit:
            raw.rollback()  # the probe opened a transaction: leave the connection as it was
        self.relations = {oid: (name, kind, node, scans)
                          for oid, name, kind, node, scans, _ in rows}
        self.xact = "" if idle or raw.autocommit else (rows[0][5] if rows else "?")
        self.locks = {(oid, mode) for oid, mode in locks}


class _Observer(threading.Thread):
    """Holds an old snapshot from a second connection while a ``CONCURRENTLY`` build runs.

    Such a build waits, before it finishes, for every transaction with an older snapshot, as it
    would for a reader's long query. The observer is that transaction: it reads the build's
    locks at the moment the build waits for it (a state that lasts until the observer lets go,
    so the reading does not depend on timing), then commits, and the build goes on."""

    def __init__(self, conn: psycopg.Connection[Any], pid: int) -> None:
        super().__init__(daemon=True)
        self.conn = conn
        self.pid = pid
        self.seen: set[tuple[int, str]] = set()
        self.waited = False
        self.stop = threading.Event()
        conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
        conn.execute("SELECT 1")  # takes the snapshot the build will wait for

    def run(self) -> None:
        try:
            with self.conn.cursor() as cur:
                while not self.stop.is_set():
                    cur.execute(_OBSERVE, (self.pid,))
                    rows = cur.fetchall()
                    if any(not granted for _, _, granted in rows):
                        self.seen = {(oid, mode) for oid, mode, granted in rows
                                     if granted and oid is not None}
                        self.waited = True
                        break
                    self.stop.wait(0.001)
        finally:
            self.conn.execute("COMMIT")

    def finish(self) -> dict[int, tuple[str, str]]:
        """Stop (the statement ended); the names of the user relations seen locked."""
        self.stop.set()
        self.join(10)
        oids = sorted({oid for oid, _ in self.seen})
        if not oids:
            return {}
        with self.conn.cursor() as cur:
            cur.execute(_NAMES, (oids,))
            return {oid: (name, kind) for oid, name, kind in cur.fetchall()}


_CONCURRENT_BUILD = re.compile(r"^\s*(CREATE\s+(UNIQUE\s+)?INDEX|REINDEX)\b.*\bCONCURRENTLY\b",
                               re.I | re.S)
_NO_TABLE_LOCK = re.compile(r"^\s*(SET|RESET|SHOW|SELECT|COMMIT|BEGIN|ROLLBACK)\b", re.I)


def _label(step: Any) -> str:
    """``upgrade base -> 0001``: Alembic's short log line, with "base" for an empty side."""
    try:
        name, rest = step.short_log.split(" ", 1)
        left, right = rest.split(" -> ", 1)
    except ValueError:
        return str(step.short_log)
    return f"{name} {left.strip() or 'base'} -> {right.strip() or 'base'}"


class LockProbe:
    """The measurements of one ``alembic`` step, one record per revision applied."""

    def __init__(self) -> None:
        self.revisions: list[dict[str, Any]] = []
        self._current: dict[str, Any] | None = None
        self._before: _Snapshot | None = None
        self._observer: _Observer | None = None
        self._observer_conn: psycopg.Connection[Any] | None = None
        #: locks of a transaction that ended inside the current revision (autocommit_block()
        #: commits the revision's transaction first), read just before that commit
        self._ended: set[tuple[int, str]] = set()
        self._ended_names: dict[int, tuple[str, str]] = {}

    def install(self) -> None:
        from alembic.runtime.migration import MigrationContext

        probe = self
        original_init = MigrationContext.__init__

        def init(ctx: Any, *args: Any, **kwargs: Any) -> None:
            original_init(ctx, *args, **kwargs)
            if ctx.as_sql or ctx.dialect.name != "postgresql" or ctx._migrations_fn is None:
                return
            steps_fn = ctx._migrations_fn

            def measured_steps(heads: Any, context: Any) -> Any:
                for step in steps_fn(heads, context):
                    probe._begin(context, step)
                    yield step
                probe._end_failed()

            ctx._migrations_fn = measured_steps
            ctx.on_version_apply_callbacks = (*tuple(ctx.on_version_apply_callbacks),
                                              probe._applied)

        MigrationContext.__init__ = init  # type: ignore[method-assign,assignment]
        event.listen(Engine, "before_cursor_execute", self._statement_starts)
        event.listen(Engine, "after_cursor_execute", self._statement_ends)
        event.listen(Engine, "handle_error", self._statement_failed)
        event.listen(Engine, "commit", self._commits)

    # --- per revision ---------------------------------------------------------------------------
    def _begin(self, ctx: Any, step: Any) -> None:
        self._end_failed()  # the previous one never reached on_version_apply
        if getattr(step, "is_stamp", False) or type(step).__name__ == "StampStep":
            self._current, self._before = None, None
            return
        revision = getattr(getattr(step, "revision", None), "revision", None)
        self._current = {"revision": revision or "", "step": _label(step),
                         "upgrade": bool(step.is_upgrade), "locks": [], "rewritten": [],
                         "created": [], "dropped": [], "scanned": [], "autocommit": [],
                         "measured": True}
        self._ended, self._ended_names = set(), {}
        self._before = self._snapshot(ctx)
        if self._before is None:
            self._current.update(measured=False, reason=self._why_not(ctx))

    def _applied(self, *, ctx: Any, step: Any, heads: Any, run_args: Any) -> None:
        record, before = self._current, self._before
        self._current, self._before = None, None
        if record is None:
            return
        after = self._snapshot(ctx)
        if after is None or before is None:
            record.update(measured=False, reason=self._why_not(ctx))
            self.revisions.append(record)
            return
        names = {oid: (v[0], v[1]) for oid, v in before.relations.items()}
        names.update({oid: (v[0], v[1]) for oid, v in after.relations.items()})
        same_xact = bool(before.xact) and before.xact == after.xact
        new_locks = after.locks - before.locks if same_xact else after.locks
        new_locks |= self._ended
        names.update({oid: v for oid, v in self._ended_names.items() if oid not in names})
        # held since an earlier revision of the same transaction: this one may take them again,
        # which pg_locks cannot show
        record["inherited"] = sorted(
            ({"relation": names[oid][0], "kind": names[oid][1], "mode": mode}
             for oid, mode in (after.locks & before.locks if same_xact else set())
             if oid in names), key=lambda lock: (lock["relation"], lock["mode"]))
        record["locks"] = sorted(
            ({"relation": names[oid][0], "kind": names[oid][1], "mode": mode}
             for oid, mode in new_locks if oid in names),
            key=lambda lock: (lock["relation"], MODES.index(lock["mode"])
                              if lock["mode"] in MODES else 99))
        for oid, (name, _kind, node, scans) in after.relations.items():
            old = before.relations.get(oid)
            if old is None:
                record["created"].append(name)
                continue
            if node != old[2] and node != 0:
                record["rewritten"].append(name)
            if scans is not None and old[3] is not None and scans > old[3]:
                record["scanned"].append(name)
        record["dropped"] = sorted(v[0] for oid, v in before.relations.items()
                                   if oid not in after.relations)
        for key in ("created", "rewritten", "scanned"):
            record[key] = sorted(record[key])
        self.revisions.append(record)

    def _end_failed(self) -> None:
        if self._current is not None:
            self._current.update(measured=False, reason="the revision failed; its transaction "
                                                        "was rolled back")
            self.revisions.append(self._current)
        self._current, self._before = None, None

    def finish(self) -> list[dict[str, Any]]:
        """Every revision's record, once the step's command has ended."""
        self._end_failed()
        if self._observer_conn is not None:
            self._observer_conn.close()
        return self.revisions

    @staticmethod
    def _why_not(ctx: Any) -> str:
        if _driver_connection(ctx.connection) is None:
            return "the migration's connection is not a synchronous psycopg one the probe can read"
        return "the probe could not read the catalog"

    @staticmethod
    def _snapshot(ctx: Any) -> _Snapshot | None:
        raw = _driver_connection(ctx.connection)
        if raw is None or raw.info.transaction_status == psycopg.pq.TransactionStatus.INERROR:
            return None
        # Alembic's bookkeeping: its version table and that table's primary key
        table = getattr(ctx, "version_table", "alembic_version")
        try:
            return _Snapshot(raw, [table, f"{table}_pkc"])
        except psycopg.Error:
            return None

    # --- statements outside a transaction block -------------------------------------------------
    def _statement_starts(self, conn: Any, cursor: Any, statement: str, params: Any,
                          context: Any, executemany: bool) -> None:
        if self._current is None or conn.engine.dialect.name != "postgresql":
            return
        raw = _driver_connection(conn)
        if raw is None or not raw.autocommit or _catalog_query(statement) or \
                _NO_TABLE_LOCK.match(statement):
            return
        entry = {"sql": statement.strip(), "measured": False, "locks": [],
                 "reason": "they end with the statement"}
        self._current["autocommit"].append(entry)
        if not _CONCURRENT_BUILD.match(statement):
            return  # its locks end with it, and nothing makes it wait to be seen: not measured
        try:
            if self._observer_conn is None:
                url = conn.engine.url.set(drivername="postgresql").render_as_string(
                    hide_password=False)
                self._observer_conn = psycopg.connect(url, autocommit=True,
                                                      application_name="abe-lock-observer")
            self._observer = _Observer(self._observer_conn, raw.info.backend_pid)
            self._observer.start()
        except psycopg.Error:
            self._observer = None

    def _statement_ends(self, conn: Any, cursor: Any, statement: str, params: Any,
                        context: Any, executemany: bool) -> None:
        observer, self._observer = self._observer, None
        if observer is None or self._current is None or not self._current["autocommit"]:
            return
        names = {oid: (v[0], v[1]) for oid, v in self._before.relations.items()} \
            if self._before is not None else {}
        names.update(observer.finish())
        locks = sorted(({"relation": names[oid][0], "kind": names[oid][1], "mode": mode}
                        for oid, mode in observer.seen if oid in names),
                       key=lambda lock: (lock["relation"], MODES.index(lock["mode"])
                                         if lock["mode"] in MODES else 99))
        self._current["autocommit"][-1].update(
            measured=observer.waited, locks=locks,
            reason="" if observer.waited else "it ended without waiting for an older snapshot")

    def _commits(self, conn: Any) -> None:
        """Before a commit inside a revision: read the locks that commit will release."""
        if self._current is None or self._before is None or \
                conn.engine.dialect.name != "postgresql":
            return
        raw = _driver_connection(conn)
        if raw is None or raw.autocommit or \
                raw.info.transaction_status != psycopg.pq.TransactionStatus.INTRANS:
            return
        table = "alembic_version"
        try:
            snap = _Snapshot(raw, [table, f"{table}_pkc"])
        except psycopg.Error:
            return
        held = self._before.locks if snap.xact == self._before.xact else set()
        self._ended |= snap.locks - held
        self._ended_names.update({oid: (v[0], v[1]) for oid, v in snap.relations.items()})

    def _statement_failed(self, context: Any) -> None:
        observer, self._observer = self._observer, None
        if observer is not None:
            observer.finish()
