"""gift messages: add the column, register the flag switched off

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("orders", sa.Column("gift_message", sa.String(200)))
    # => `ALTER TABLE orders ADD COLUMN gift_message VARCHAR(200)`
    # => nullable: code that never heard of gift messages keeps inserting orders
    op.bulk_insert(
        sa.table("feature_flags", sa.column("name"), sa.column("enabled")),
        [{"name": "gift_messages", "enabled": False}],
    )  # => `INSERT INTO feature_flags (name, enabled) VALUES ('gift_messages', false)`
    # => schema ships dark: the new code path stays off until someone flips the flag


def downgrade() -> None:
    op.execute("DELETE FROM feature_flags WHERE name = 'gift_messages'")
    # => `DELETE FROM feature_flags WHERE name = 'gift_messages'`
    op.drop_column("orders", "gift_message")  # => `ALTER TABLE orders DROP COLUMN gift_message`
