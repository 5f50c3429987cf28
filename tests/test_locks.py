"""Locks and rewrites: measured per revision, shown under the step, and claims checked against
them (planted defects must fail with the claim's file and line)."""

from __future__ import annotations

import json
import re
import textwrap

from conftest import PASSING_SESSION, Book

PAGE = "# Fixture\n\n```{{example}} {a}\n```\n\n```{{example}} {b}\n```\n"

REVISION = """\
    \"\"\"{doc}\"\"\"
    import sqlalchemy as sa
    from alembic import op

    revision = "0002"
    down_revision = "0001"
    branch_labels = None
    depends_on = None


    def upgrade() -> None:
    {body}


    def downgrade() -> None:
        pass
    """

WIDEN = """\
    op.alter_column("widgets", "id", type_=sa.BigInteger, existing_type=sa.Integer)
    # => {claim}"""

PLAIN_INDEX = """\
    op.create_index("ix_widgets_name", "widgets", ["name"])
    # => {claim}"""

CONCURRENT_INDEX = """\
    with op.get_context().autocommit_block():
        op.create_index("ix_widgets_name", "widgets", ["name"], postgresql_concurrently=True)
        # => {claim}"""

# 0001 in a step of its own: its locks (on the new table) would otherwise be held already when
# 0002 runs in the same transaction, and attributed to 0001
NO_ROUNDTRIP = ('[example]\nno_roundtrip = "the fixture\'s downgrade is empty"\n\n'
                '[[step]]\nrun = "alembic upgrade 0001"\n\n' + textwrap.dedent(PASSING_SESSION))


def _revision(doc: str, body: str, claim: str) -> str:
    lines = body.format(claim=claim).splitlines()
    return REVISION.format(doc=doc, body="\n".join("    " + line for line in lines)[4:])


def test_lock_and_rewrite_claims_the_measurement_contradicts_fail_the_build(book: Book) -> None:
    book.example("ex01-widen", NO_ROUNDTRIP, files={
        "migrations/versions/0002_widen.py": _revision("widen id", WIDEN, "no rewrite")})
    book.example("ex02-index", NO_ROUNDTRIP, files={
        "migrations/versions/0002_index.py": _revision(
            "index name", PLAIN_INDEX, "locks: SHARE UPDATE EXCLUSIVE on widgets")})
    book.page(PAGE.format(a="ex01-widen", b="ex02-index"))
    result = book.build(ABE_FORCE="all")
    assert result.returncode == 1
    widen = book.root / "examples/ex01-widen/migrations/versions/0002_widen.py"
    index = book.root / "examples/ex02-index/migrations/versions/0002_index.py"
    assert (f"{widen}:13: annotation claims `no rewrite`, but revision 0002 (upgrade) rewrote "
            "widgets") in result.stderr, result.stderr
    assert (f"{index}:13: annotation claims `locks: SHARE UPDATE EXCLUSIVE on widgets`, but "
            "revision 0002 (upgrade) took ShareLock on widgets") in result.stderr, result.stderr


def test_true_claims_pass_and_the_page_shows_the_measured_locks(book: Book) -> None:
    book.example("ex01-widen", NO_ROUNDTRIP, files={
        "migrations/versions/0002_widen.py": _revision(
            "widen id", WIDEN + "\n    # => rewrites widgets",
            "locks: ACCESS EXCLUSIVE on widgets")})
    book.example("ex02-online", NO_ROUNDTRIP, files={
        "migrations/versions/0002_index.py": _revision(
            "index name online", CONCURRENT_INDEX, "locks: SHARE UPDATE EXCLUSIVE on widgets")})
    book.page(PAGE.format(a="ex01-widen", b="ex02-online"))
    result = book.build("-W", quiet=False, ABE_FORCE="all")
    assert result.returncode == 0, result.stderr
    text = result.text()
    assert "Locks and rewrites, per revision" in text
    # the type change rewrites the table (a full scan, too) and rebuilds its primary key index
    assert re.search(r"upgrade 0001 -> 0002\n  widgets +AccessExclusiveLock, ShareLock +"
                     r"rewritten \(new relfilenode\), full table scan\n  widgets_pkey +"
                     r"AccessExclusiveLock +rebuilt \(dropped, created again\)\n", text), text
    assert ("  outside a transaction: CREATE INDEX CONCURRENTLY ix_widgets_name ON widgets (name)"
            "\n    widgets  ShareUpdateExclusiveLock\n") in text
    # the table of revision 0001 is new: its block is folded
    assert 'Locks and rewrites: only the new relations' in text
    # the probe's own queries never appear as SQL the example sent
    assert "pg_locks" not in text and "relfilenode," not in text


ALTER = ("psql \"$DATABASE_URL\" -c \"SET lock_timeout = '100ms'\" "
         "-c \"ALTER TABLE widgets ADD COLUMN colour text\"")
HOLD_SESSION = """\
    [[step]]
    run = "alembic upgrade head"

    [[step]]
    hold = "BEGIN; LOCK TABLE widgets IN ACCESS SHARE MODE"

    [[step]]
    run = {ALTER!r}
    expect = 1

    [[step]]
    release = "ROLLBACK"

    [[step]]
    run = {ALTER!r}
    """


def test_a_lock_held_by_a_second_session_makes_a_step_time_out_until_released(
        book: Book) -> None:
    book.example("ex01-held", HOLD_SESSION.replace("{ALTER!r}", json.dumps(ALTER)))
    (book.root / "index.md").write_text("# Fixture\n\n```{example} ex01-held\n```\n",
                                        encoding="utf-8")
    result = book.build("-W", quiet=False, ABE_FORCE="all")
    assert result.returncode == 0, result.stderr
    text = re.sub(r"\n\s*\n+", "\n", result.text())
    assert ('$ psql "$DATABASE_URL"  # a second terminal, left open: BEGIN; LOCK TABLE widgets '
            "IN ACCESS SHARE MODE\nOutput (exit status 0), generated by the build¶\nBEGIN\n"
            "LOCK TABLE\n") in text
    assert ("Output (exit status 1, as expected), generated by the build¶\nSET\n"
            "ERROR:  canceling statement due to lock timeout\n") in text
    assert ("$ # in the second terminal: ROLLBACK, then \\q\nOutput (exit status 0), generated "
            "by the build¶\nROLLBACK\n") in text
    # after the release the same statement goes through
    assert "Output (exit status 0), generated by the build¶\nSET\nALTER TABLE\n" in text


def test_a_hold_step_without_sql_names_its_file_and_line(book: Book) -> None:
    book.example("ex01-empty-hold", '[[step]]\nrun = "alembic upgrade head"\n\n'
                                    '[[step]]\nhold = ""\n')
    (book.root / "index.md").write_text("# Fixture\n\n```{example} ex01-empty-hold\n```\n",
                                        encoding="utf-8")
    result = book.build()
    session = book.root / "examples/ex01-empty-hold/session.toml"
    assert (f"{session}:5: 'hold' must be the SQL to send to the second session"
            in result.stderr), result.stderr
