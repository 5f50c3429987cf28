"""index accounts.username

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 09:20:00
"""

from alembic import op

revision: str = "0003"  # => third link: the head, because no revision names it as its parent
down_revision: str | None = "0002"  # => parent
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_accounts_username", "accounts", ["username"], unique=True)
    # => an index, not a constraint, so the ix_ prefix of the naming convention (Example 16)
    # => `CREATE UNIQUE INDEX ix_accounts_username ON accounts (username)`
    # => Output: INFO  [alembic.runtime.migration] Running upgrade 0002 -> 0003, index accounts.username


def downgrade() -> None:
    op.drop_index("ix_accounts_username", table_name="accounts")
    # => DROP INDEX ix_accounts_username
