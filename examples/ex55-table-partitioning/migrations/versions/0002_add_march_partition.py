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
    op.execute(
        "CREATE TABLE events_2026_03 PARTITION OF events "
        "FOR VALUES FROM ('2026-03-01 00:00+00') TO ('2026-04-01 00:00+00')"
    )
    # => `CREATE TABLE events_2026_03 PARTITION OF events FOR VALUES FROM ('2026-03-01 00:00+00')`
    # => fails if the default partition already holds a March row: move such rows out first


def downgrade() -> None:
    op.execute("ALTER TABLE events DETACH PARTITION events_2026_03")
    # => `ALTER TABLE events DETACH PARTITION events_2026_03`: rows stay, in a standalone table
    op.execute("DROP TABLE events_2026_03")  # => `DROP TABLE events_2026_03`: now they are gone
