"""Locks and rewrites: measured per revision, shown under the step, and claims checked against
them (planted defects must fail with the claim's file and line)."""

from __future__ import annotations

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
