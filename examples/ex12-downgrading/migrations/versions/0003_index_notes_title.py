"""index notes.title

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 09:20:00
"""

from alembic import op

revision: str = "0003"  # => the head
down_revision: str | None = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_notes_title", "notes", ["title"])
    # => `CREATE INDEX ix_notes_title ON notes (title)`


def downgrade() -> None:
    op.drop_index("ix_notes_title", table_name="notes")  # => `DROP INDEX ix_notes_title`
    # => Output: INFO  [alembic.runtime.migration] Running downgrade 0003 -> 0002, index notes.title
