"""reports branch: verified_users view

Revision ID: 0003
Revises:
Create Date: 2026-11-24 09:20:00
"""

from alembic import op

revision: str = "0003"
down_revision: str | None = None  # => no parent: the root of a separate branch
branch_labels = ("reports",)  # => the branch can be addressed as reports@head
depends_on = "0002"
# => not a parent, a prerequisite: 0002 (and everything below it) must be applied before 0003
# => and 0003 must be downgraded before 0002 can be; the two branches stay independent otherwise
# => Output: Also depends on: 0002


def upgrade() -> None:
    op.execute(
        "CREATE VIEW verified_users AS "
        "SELECT id, email FROM users WHERE email_verified"
    )
    # => `CREATE VIEW verified_users AS SELECT id, email FROM users WHERE email_verified`
    # => needs the column added by 0002: without depends_on this could run first and fail
    # => 0003 implies 0002, so the version row is moved, not added:
    # => `UPDATE alembic_version SET version_num='0003' WHERE alembic_version.version_num = '0002'`


def downgrade() -> None:
    op.execute("DROP VIEW verified_users")  # => `DROP VIEW verified_users`
