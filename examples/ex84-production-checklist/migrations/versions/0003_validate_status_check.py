"""validate the accounts.status CHECK

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 09:20:00
"""

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("SET LOCAL statement_timeout = 0")  # => `SET LOCAL statement_timeout = 0`
    # => this statement is meant to scan the whole table: env.py's 60 s cap would cancel it on
    # => a big one; LOCAL lifts the cap for this revision's transaction only
    op.execute("ALTER TABLE accounts VALIDATE CONSTRAINT ck_accounts_status")
    # => `ALTER TABLE accounts VALIDATE CONSTRAINT ck_accounts_status`: reads every row, fails
    # => with CheckViolation on the first one outside the list; then 0002 stays done
    # => locks: SHARE UPDATE EXCLUSIVE on accounts
    # => (reads and writes go on during the scan; the session's retry measures it)


def downgrade() -> None:
    op.drop_constraint("ck_accounts_status", "accounts", type_="check")
    op.create_check_constraint(
        "ck_accounts_status", "accounts", "status IN ('active', 'closed')",
        postgresql_not_valid=True,
    )  # => there is no "unvalidate": drop it and add it back NOT VALID, the state after 0002
