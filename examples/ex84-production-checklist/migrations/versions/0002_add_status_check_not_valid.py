"""add the accounts.status CHECK, NOT VALID

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_check_constraint(
        "ck_accounts_status", "accounts", "status IN ('active', 'closed')",
        postgresql_not_valid=True,
    )  # => `ADD CONSTRAINT ck_accounts_status CHECK (status IN ('active', 'closed')) NOT VALID`
    # => checks every new or changed row from now on, scans none of the existing ones
    # => locks: ACCESS EXCLUSIVE on accounts
    # => no rewrite
    # => commits with the version bump to 0002: a failure later never makes it run twice


def downgrade() -> None:
    op.drop_constraint("ck_accounts_status", "accounts", type_="check")
    # => drops the constraint
