"""gift messages are permanent: retire the flag

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 09:20:00

Run after the code no longer reads the flag (the feature is always on).
"""

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DELETE FROM feature_flags WHERE name = 'gift_messages'")
    # => `DELETE FROM feature_flags WHERE name = 'gift_messages'`: no dead flags left behind
    # => the column stays: it is now ordinary schema


def downgrade() -> None:
    op.execute(
        "INSERT INTO feature_flags (name, enabled) VALUES ('gift_messages', true) "
        "ON CONFLICT (name) DO NOTHING"
    )  # => restored as ON: the state the feature was in when the flag was retired
