"""add the March 2026 partition

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

from alembic import op

revision: str = "0002"  # => stored in alembic_version after upgrade
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("SET LOCAL lock_timeout = '5s'")  # => `SET LOCAL lock_timeout = '5s'`
    op.execute(
        "CREATE TABLE events_2026_03 PARTITION OF events "
        "FOR VALUES FROM ('2026-03-01 00:00+00') TO ('2026-04-01 00:00+00')"
    )
    # => `CREATE TABLE events_2026_03 PARTITION OF events FOR VALUES FROM ('2026-03-01 00:00+00')`
    # => with a DEFAULT partition, PostgreSQL first checks that it holds no March row (a scan of
    # => events_default), and fails if it does: keep the default empty, or move such rows out first


def downgrade() -> None:
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.drop_table("events_2026_03")
    # => DROP TABLE events_2026_03: its rows go with it; a DETACH first, in the same
    # => transaction, would change nothing (to keep the rows, detach and archive instead)
