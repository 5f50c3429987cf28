"""The SQL capture: every statement SQLAlchemy sends to the server during one step, in order,
with its parameters merged in as psycopg's client-side cursor would send them.

Installed in each step process that runs Python (``alembic``, ``python``, ``pytest``); it also
refuses to let a statement reach a PostgreSQL database that is not the example's own."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import psycopg
from sqlalchemy import event
from sqlalchemy.engine import Engine

_CATALOG = re.compile(
    r"pg_catalog\.|information_schema\.|\bpg_(class|namespace|attribute|index|constraint|type|"
    r"enum|attrdef|description|inherits|sequence|depend|am|collation|proc)\b|"
    r"^\s*pragma\b|\bsqlite_(master|schema|temp_master)\b", re.I)



def _catalog_query(statement: str) -> bool:
    """True for the introspection queries SQLAlchemy and Alembic send to read the catalog
    (PostgreSQL's system catalogs, SQLite's PRAGMAs and sqlite_master)."""
    return bool(_CATALOG.search(statement))


class SqlCapture:
    """Records every statement SQLAlchemy sends to the server during one step, in order."""

    def __init__(self, expected_databases: list[str]) -> None:
        self.expected_databases = set(expected_databases)
        self.records: list[dict[str, Any]] = []
        self.foreign_databases: set[str] = set()

    def install(self) -> None:
        event.listen(Engine, "before_cursor_execute", self._before)
        event.listen(Engine, "handle_error", self._error)
        event.listen(Engine, "begin", self._begin)
        event.listen(Engine, "commit", self._commit)
        event.listen(Engine, "rollback", self._rollback)

    def _check_database(self, conn: Any) -> None:
        url = conn.engine.url
        if url.get_backend_name() == "postgresql" and url.database not in self.expected_databases:
            self.foreign_databases.add(str(url.database))
            # refuse before the statement reaches a database the build did not create
            raise RuntimeError(f"abe: refusing to run SQL on database {url.database!r}: "
                               "it is not the example's own database (DATABASE_URL)")

    def _add(self, text: str, kind: str = "statement", dialect: str = "") -> None:
        self.records.append({"sql": text, "kind": kind, "error": None, "dialect": dialect})

    @staticmethod
    def _autocommit(conn: Any) -> bool:
        """In AUTOCOMMIT (e.g. Alembic's autocommit_block) SQLAlchemy still fires begin/commit
        events, but no BEGIN or COMMIT reaches the server: each statement commits alone."""
        try:
            return conn.get_execution_options().get("isolation_level") == "AUTOCOMMIT" or \
                bool(getattr(conn.connection.dbapi_connection, "autocommit", False))
        except Exception:
            return False

    def _transaction(self, conn: Any, word: str) -> None:
        if not self._autocommit(conn):
            self._add(word, "transaction", conn.engine.dialect.name)

    def _begin(self, conn: Any) -> None:
        self._check_database(conn)
        self._transaction(conn, "BEGIN")

    def _commit(self, conn: Any) -> None:
        self._transaction(conn, "COMMIT")

    def _rollback(self, conn: Any) -> None:
        self._transaction(conn, "ROLLBACK")

    def _before(self, conn: Any, cursor: Any, statement: str, params: Any, context: Any,
                executemany: bool) -> None:
        self._check_database(conn)
        kind = "catalog" if _catalog_query(statement) else "statement"
        for text in _render(cursor, statement, params, executemany):
            self._add(text, kind, conn.engine.dialect.name)

    def _error(self, context: Any) -> None:
        if self.records:
            first_line = str(context.original_exception).strip().splitlines()[0]
            self.records[-1]["error"] = first_line


def _render(cursor: Any, statement: str, params: Any, executemany: bool) -> list[str]:
    """Merge parameters into the statement the way psycopg's client-side cursor would send it."""
    if params is None:  # psycopg sends the text as is: no placeholder or %% processing
        return [statement.strip()]
    # insertmanyvalues (INSERT ... RETURNING for many rows) is flagged executemany but sends
    # one statement with one mapping of parameters
    batches = params if executemany and not isinstance(params, Mapping) else [params]
    if not batches:
        return [statement.strip()]
    out = []
    connection = _dbapi_connection(cursor)
    for batch in batches:
        try:
            if isinstance(connection, psycopg.Connection):
                text = psycopg.ClientCursor(connection).mogrify(statement, batch)
            elif isinstance(connection, psycopg.AsyncConnection):
                text = psycopg.AsyncClientCursor(connection).mogrify(statement, batch)
            else:  # sqlite3 binds "?" parameters itself; show them as SQL literals in place
                text = _inline_qmark(statement.strip(), batch)
        except Exception:  # the capture must never break the reader's program
            text = f"{statement.strip()}  -- parameters: {batch!r}"
        out.append(text.strip())
    return out


def _dbapi_connection(cursor: Any) -> Any:
    """The driver connection behind a DBAPI cursor, also through SQLAlchemy's async adapters."""
    connection = getattr(cursor, "connection", None)
    if connection is None:
        connection = getattr(getattr(cursor, "_cursor", None), "connection", None)
    return connection


def _sql_literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (int, float)):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def _inline_qmark(statement: str, params: Any) -> str:
    values = list(params) if isinstance(params, (list, tuple)) else None
    if values is None or statement.count("?") != len(values):
        return f"{statement}  -- parameters: {params!r}"
    parts = statement.split("?")
    pairs = zip(values, parts[1:], strict=True)
    return parts[0] + "".join(_sql_literal(v) + rest for v, rest in pairs)
