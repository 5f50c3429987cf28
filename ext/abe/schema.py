"""A schema fingerprint read from PostgreSQL's catalog: one sorted line per object.

Covers schemas, tables and views with their columns (type, nullability, default), constraints,
indexes, enum types with their labels, view and function definitions, triggers, sequences and
extensions. Alembic's own ``alembic_version`` table and objects that belong to an extension are
left out. Used by the round-trip check (upgrade, downgrade to base, upgrade again must agree) and
for the "schema before and after" panel under each step.
"""

from __future__ import annotations

import difflib
from typing import Any

_USER = ("n.nspname NOT IN ('pg_catalog', 'information_schema') "
         "AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'")
_NOT_EXTENSION = ("NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.objid = {oid} "
                  "AND e.deptype = 'e')")

QUERIES = [
    f"SELECT 'schema ' || quote_ident(n.nspname) FROM pg_namespace n WHERE {_USER}",
    "SELECT format('%s %I.%I', CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN "
    "'partitioned table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'S' THEN "
    "'sequence' WHEN 'f' THEN 'foreign table' END, n.nspname, c.relname) "
    "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    f"WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND {_USER} "
    "AND c.relname <> 'alembic_version' AND " + _NOT_EXTENSION.format(oid="c.oid"),
    "SELECT format('column %I.%I.%I %s%s%s%s', n.nspname, c.relname, a.attname, "
    "format_type(a.atttypid, a.atttypmod), CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' "
    "END, COALESCE(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), ''), "
    "CASE a.attgenerated WHEN 's' THEN ' GENERATED STORED' ELSE '' END) "
    "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
    "JOIN pg_namespace n ON n.oid = c.relnamespace "
    "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
    f"WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f') "
    f"AND {_USER} AND c.relname <> 'alembic_version' AND "
    + _NOT_EXTENSION.format(oid="c.oid"),
    "SELECT format('constraint %I.%I %I %s', n.nspname, c.relname, con.conname, "
    "pg_get_constraintdef(con.oid)) FROM pg_constraint con "
    "JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
    f"WHERE {_USER} AND c.relname <> 'alembic_version'",
    "SELECT 'index ' || pg_get_indexdef(i.indexrelid) FROM pg_index i "
    "JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
    f"WHERE {_USER} AND c.relname <> 'alembic_version'",
    "SELECT format('enum %I.%I (%s)', n.nspname, t.typname, "
    "(SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) "
    "FROM pg_enum e WHERE e.enumtypid = t.oid)) FROM pg_type t "
    f"JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype = 'e' AND {_USER}",
    "SELECT format('view definition %I.%I: %s', n.nspname, c.relname, "
    "regexp_replace(pg_get_viewdef(c.oid), '\\s+', ' ', 'g')) FROM pg_class c "
    f"JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('v', 'm') AND {_USER}",
    "SELECT format('%s %I.%I(%s) %s', CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' "
    "END, n.nspname, p.proname, pg_get_function_identity_arguments(p.oid), "
    "md5(regexp_replace(pg_get_functiondef(p.oid), '\\s+', ' ', 'g'))) FROM pg_proc p "
    f"JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.prokind IN ('f', 'p') AND {_USER} "
    "AND " + _NOT_EXTENSION.format(oid="p.oid"),
    "SELECT 'trigger ' || pg_get_triggerdef(t.oid) FROM pg_trigger t "
    "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
    f"WHERE NOT t.tgisinternal AND {_USER}",
    "SELECT 'extension ' || extname FROM pg_extension WHERE extname <> 'plpgsql'",
]


#: All of :data:`QUERIES` as one statement: one round trip instead of ten.
FINGERPRINT_SQL = "\nUNION ALL\n".join(f"SELECT line FROM ({q}) AS part(line)" for q in QUERIES)


def fingerprint(url: str, conn: Any = None) -> list[str]:
    """The fingerprint of the database at ``url`` (a libpq URL), sorted.

    With ``conn`` (an open autocommit psycopg connection to that database) it is read on that
    connection; otherwise a connection is opened for this one reading and closed again, so that
    nothing of the build stays connected to the database between a session's steps.
    """
    if conn is not None:
        return _read(conn)
    import psycopg

    with psycopg.connect(url, autocommit=True, application_name="abe-fingerprint") as own:
        return _read(own)


def _read(conn: Any) -> list[str]:
    return sorted(row[0] for row in conn.execute(FINGERPRINT_SQL).fetchall() if row[0])


def diff(before: list[str], after: list[str], from_label: str = "before",
         to_label: str = "after") -> str:
    """A unified diff of two fingerprints, without context lines; empty when equal."""
    lines = difflib.unified_diff(before, after, fromfile=from_label, tofile=to_label,
                                 lineterm="", n=0)
    return "\n".join(line for line in lines if not line.startswith("@@"))


def schema_changes(records: list[dict[str, Any]]) -> list[str]:
    """For each step record with a ``schema`` fingerprint, the diff against the state before."""
    previous: list[str] = []
    out = []
    for record in records:
        current = record.get("schema")
        if current is None:
            out.append("")
            continue
        out.append(diff(previous, current))
        previous = current
    return out
