"""check accounts.status values

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
    op.execute(
        "ALTER TABLE accounts ADD CONSTRAINT ck_accounts_status "
        "CHECK (status IN ('active', 'closed')) NOT VALID"
    )  # => `CHECK (status IN ('active', 'closed')) NOT VALID`: brief lock, no table scan
    with op.get_context().autocommit_block():
        # => COMMIT first: releases the ADD CONSTRAINT lock before the long scan starts
        # => the connection runs in autocommit mode here: no BEGIN/COMMIT around the statement
        op.execute("ALTER TABLE accounts VALIDATE CONSTRAINT ck_accounts_status")
        # => `ALTER TABLE accounts VALIDATE CONSTRAINT ck_accounts_status`: scans every row
        # => under a lock that still allows reads and writes
    # => Alembic then opens a new transaction for the version update


def downgrade() -> None:
    op.drop_constraint("ck_accounts_status", "accounts", type_="check")
    # => `ALTER TABLE accounts DROP CONSTRAINT ck_accounts_status`
