"""squawk on each revision's offline SQL: in a zero-downtime example an undeclared finding fails
the build with the revision's file and line, a declared one passes and shows its reason, and a
declaration that matches no finding fails with its session.toml line."""

from __future__ import annotations

import re

from conftest import PASSING_SESSION, Book

INDEX = '''\
"""index widgets.name"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_widgets_name", "widgets", ["name"])


def downgrade() -> None:
    op.drop_index("ix_widgets_name", table_name="widgets")
'''

PAGE = "# Fixture\n\n```{example} ex63-planted\n```\n"

#: every finding squawk 2.70 has on the fixture's two revisions, but the one the test plants
ACCEPTED = '''\
[example.squawk_accept]
"0001:prefer-text-field" = "the fixture's starting table"
"0001:prefer-bigint-over-int" = "the fixture's starting table"
"0001:prefer-identity" = "the fixture's starting table"
"0002:require-statement-timeout" = "a test fixture: nobody waits"
"0002:require-lock-timeout" = "a test fixture: nobody waits"
'''
PLANTED = '"0002:require-concurrent-index-creation" = "the table is tiny: SHARE for a moment"\n'


def _session(declared: str) -> str:
    return declared + "\n" + PASSING_SESSION.replace("    ", "")


def test_an_undeclared_finding_in_a_zero_downtime_example_fails_with_file_and_line(
        book: Book) -> None:
    folder = book.example("ex63-planted", _session(ACCEPTED),
                          files={"migrations/versions/0002_index.py": INDEX})
    book.page(PAGE)
    result = book.build(ABE_FORCE="all")
    assert result.returncode == 1, result.stderr
    revision = folder / "migrations/versions/0002_index.py"
    assert (f"{revision}:10: squawk require-concurrent-index-creation in revision 0002 "
            "(CREATE INDEX ix_widgets_name ON widgets (name);): During normal index creation, "
            "table updates are blocked, but reads are still allowed. Declare why it is "
            f"accepted in {folder / 'session.toml'} under [example.squawk_accept]: "
            '"0002:require-concurrent-index-creation" = "reason", or fix the migration'
            ) in result.stderr, result.stderr


def test_declared_findings_pass_and_show_their_reason_and_the_measured_locks(book: Book) -> None:
    book.example("ex63-planted", _session(ACCEPTED + PLANTED),
                 files={"migrations/versions/0002_index.py": INDEX})
    book.page(PAGE)
    result = book.build("-W", quiet=False, ABE_FORCE="all")
    assert result.returncode == 0, result.stderr
    text = result.text()
    assert "squawk on the offline SQL of each revision alone, run by the build" in text
    assert "squawk: 6 findings, 6 accepted (show)" in text
    assert re.search(r"revision 0002 \(alembic upgrade 0001:0002 --sql\)\n"
                     r"  require-concurrent-index-creation: During "
                     r"normal index creation, table updates are blocked, but reads are still "
                     r"allowed\.\n    on: CREATE INDEX ix_widgets_name ON widgets \(name\);\n"
                     r"    accepted: the table is tiny: SHARE for a moment\n", text), text


def test_a_declaration_that_matches_no_finding_fails_with_its_line(book: Book) -> None:
    stale = '"0002:ban-drop-column" = "there is no drop"\n'
    folder = book.example("ex63-planted", _session(ACCEPTED + PLANTED + stale),
                          files={"migrations/versions/0002_index.py": INDEX})
    book.page(PAGE)
    result = book.build(ABE_FORCE="all")
    assert result.returncode == 1, result.stderr
    assert (f"{folder / 'session.toml'}:8: squawk_accept '0002:ban-drop-column' matches no "
            "squawk finding of this run (remove the declaration)") in result.stderr, result.stderr


def test_abe_squawk_0_turns_the_linting_off(book: Book) -> None:
    book.example("ex63-planted", PASSING_SESSION,
                 files={"migrations/versions/0002_index.py": INDEX})
    book.page(PAGE)
    result = book.build("-W", quiet=False, ABE_FORCE="all", ABE_SQUAWK="0")
    assert result.returncode == 0, result.stderr
    assert "squawk on the offline SQL" not in result.text()


def test_squawks_claim_and_the_measured_locks_are_shown_together_where_they_disagree() -> None:
    from abe.squawkview import disagreement

    measured = {"locks": [{"relation": "widgets", "mode": "ShareLock"}], "autocommit": [],
                "scanned": []}
    claims_access_exclusive = {"message": "m", "help": "Statement requires: ACCESS EXCLUSIVE "
                                                       "lock; blocking: reads, writes."}
    assert disagreement(claims_access_exclusive, measured) == (
        "measured: no AccessExclusiveLock was taken; the revision took ShareLock")
    assert disagreement({"message": "m", "help": "Statement requires: SHARE lock"},
                        measured) == ""
    claims_scan = {"message": "Setting a column `NOT NULL` blocks reads while the table is "
                              "scanned.", "help": ""}
    assert disagreement(claims_scan, measured).startswith("measured: no full table scan")
    assert disagreement(claims_scan, dict(measured, scanned=["widgets"])) == ""
    # nothing measured: nothing to set against squawk
    unmeasured = dict(measured, autocommit=[{"measured": False, "locks": []}])
    assert disagreement(claims_access_exclusive, unmeasured) == ""
    assert disagreement(claims_access_exclusive, {"measured": False}) == ""


def test_a_zero_downtime_example_that_squawk_could_not_lint_fails(tmp_path) -> None:
    """A missing or broken squawk must not pass as 'no findings' where findings fail the build."""
    from types import SimpleNamespace

    from abe.squawk import verdict

    session = tmp_path / "session.toml"
    session.write_text("[[step]]\nrun = \"alembic upgrade head\"\n", encoding="utf-8")
    records = [{"revision": "0001", "path": "migrations/versions/0001_x.py", "line": 1,
                "linted": False, "findings": [],
                "reason": "squawk exited with status 127: cannot run squawk: [Errno 2]"}]
    strict = SimpleNamespace(session_path=session, number=63, path=tmp_path)
    _, count, failure = verdict(strict, records)
    assert count == 0
    assert failure == (f"{session}: revision 0001 was not linted: squawk exited with status 127: "
                       "cannot run squawk: [Errno 2] (squawk-cli is pinned in constraints.txt; "
                       "ABE_SQUAWK=0 turns the linting off for the whole build)")
    other = SimpleNamespace(session_path=session, number=6, path=tmp_path)
    assert verdict(other, records)[2] == ""
