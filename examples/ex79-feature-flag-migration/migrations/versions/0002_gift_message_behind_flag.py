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
    op.execute("SET LOCAL lock_timeout = '5s'")  # => `SET LOCAL lock_timeout = '5s'`
    # => orders takes traffic: fail after 5 s rather than queue every order behind this ALTER
    op.add_column("orders", sa.Column("gift_message", sa.String(200)))
    # => `ALTER TABLE orders ADD COLUMN gift_message VARCHAR(200)`
    # => nullable: code that never heard of gift messages keeps inserting orders
    op.execute(
        "INSERT INTO feature_flags (name, enabled) VALUES ('gift_messages', false) "
        "ON CONFLICT (name) DO NOTHING"
    )  # => `INSERT INTO feature_flags (name, enabled) VALUES ('gift_messages', false) ON CONFLICT (name) DO NOTHING`
    # => schema ships dark; a flag an operator created ahead of the deploy is left as it is


def downgrade() -> None:
    op.execute("DELETE FROM feature_flags WHERE name = 'gift_messages'")  # => the flag goes
    op.drop_column("orders", "gift_message")  # => and the column, with its messages
