"""The schema panel's before → after view (abe.schemaview) on small catalog diffs."""

from __future__ import annotations

from abe.schemaview import ADDED_TOKEN, NOTE_TOKEN, REMOVED_TOKEN, SchemaLexer, schema_view
from pygments import lex


def diff(*rows: str) -> str:
    return "\n".join(["--- before", "+++ after", *rows])


def test_created_table_is_one_line_with_its_columns_then_its_constraints() -> None:
    view = schema_view(diff(
        "+column public.users.email character varying(255) NOT NULL",
        "+column public.users.id bigint NOT NULL",
        "+constraint public.users pk_users PRIMARY KEY (id)",
        "+index CREATE UNIQUE INDEX pk_users ON public.users USING btree (id)",
        "+table public.users"))
    assert view.splitlines() == [
        "+ table public.users, created: email character varying(255) NOT NULL, id bigint NOT NULL",
        "    + constraint pk_users PRIMARY KEY (id)",
        "    + index pk_users UNIQUE btree (id)",
    ]


def test_dropped_table_says_dropped_with_its_columns() -> None:
    view = schema_view(diff("-column public.old.id integer", "-table public.old"))
    assert view == "- table public.old, dropped: id integer"


def test_changed_column_is_one_tilde_line_old_to_new() -> None:
    view = schema_view(diff("-column public.users.email character varying(255) NOT NULL",
                            "+column public.users.email text NOT NULL"))
    assert view.splitlines() == [
        "public.users",
        "    ~ column email: character varying(255) NOT NULL → text NOT NULL",
    ]


def test_added_index_on_an_existing_table() -> None:
    view = schema_view(diff(
        "+index CREATE INDEX ix_users_email ON public.users USING btree (email)"))
    assert view.splitlines() == ["public.users", "    + index ix_users_email btree (email)"]


def test_version_note_is_kept_on_its_row() -> None:
    note = "    -- PostgreSQL 18+ only (earlier: the column's NOT NULL)"
    view = schema_view(diff("+constraint public.users users_email_not_null NOT NULL email" + note))
    assert view.splitlines()[1] == "    + constraint users_email_not_null NOT NULL email" + note


def test_renamed_column_is_not_guessed() -> None:
    view = schema_view(diff("-column public.users.name text",
                            "+column public.users.full_name text"))
    assert view.splitlines()[1:] == ["    - column name text", "    + column full_name text"]


def test_empty_diff_gives_no_panel() -> None:
    assert schema_view("") == ""
    assert schema_view(diff()) == ""


def test_lexer_marks_added_removed_and_both_sides_of_a_change() -> None:
    view = ("t\n    + column a int\n    - column b int\n"
            "    ~ column c: int → text    -- only on PostgreSQL 18\n")
    tokens = [(t, v) for t, v in lex(view, SchemaLexer()) if v.strip()]
    assert (ADDED_TOKEN, "column a int") in tokens
    assert (REMOVED_TOKEN, "column b int") in tokens
    assert (REMOVED_TOKEN, "int") in tokens and (ADDED_TOKEN, "text") in tokens
    assert (NOTE_TOKEN, "    -- only on PostgreSQL 18") in tokens
    assert "".join(v for _, v in lex(view, SchemaLexer())) == view
