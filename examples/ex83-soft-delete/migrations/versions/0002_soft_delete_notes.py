"""soft delete for notes: deleted_at, a view of live rows, DELETE turned into UPDATE

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

SOFT_DELETE_FUNCTION = """
CREATE FUNCTION notes_soft_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE notes SET deleted_at = now() WHERE id = OLD.id;
    RETURN NULL;
END $$
"""  # => RETURN NULL from a BEFORE trigger cancels the DELETE of that row


def upgrade() -> None:
    op.add_column("notes", sa.Column("deleted_at", sa.DateTime(timezone=True)))
    # => `ALTER TABLE notes ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE`
    # => NULL means live; a timestamp means deleted, and when
    op.create_index(
        "uq_notes_title_live", "notes", ["title"], unique=True,
        postgresql_where=sa.text("deleted_at IS NULL"),
    )  # => `CREATE UNIQUE INDEX uq_notes_title_live ON notes (title) WHERE deleted_at IS NULL`
    # => titles are unique among live notes only, so a deleted title can be reused
    op.execute("CREATE VIEW live_notes AS SELECT id, title FROM notes WHERE deleted_at IS NULL")
    # => `CREATE VIEW live_notes AS SELECT id, title FROM notes WHERE deleted_at IS NULL`
    # => readers query the view and never see deleted rows
    op.execute(SOFT_DELETE_FUNCTION)  # => `CREATE FUNCTION notes_soft_delete() RETURNS trigger`
    op.execute(
        "CREATE TRIGGER notes_soft_delete BEFORE DELETE ON notes "
        "FOR EACH ROW EXECUTE FUNCTION notes_soft_delete()"
    )  # => `CREATE TRIGGER notes_soft_delete BEFORE DELETE ON notes`
    # => existing code that says DELETE now marks rows instead of removing them


def downgrade() -> None:
    op.execute("DROP TRIGGER notes_soft_delete ON notes")  # => `DROP TRIGGER notes_soft_delete ON notes`
    op.execute("DROP FUNCTION notes_soft_delete()")  # => `DROP FUNCTION notes_soft_delete()`
    op.execute("DROP VIEW live_notes")  # => `DROP VIEW live_notes`
    op.execute("DELETE FROM notes WHERE deleted_at IS NOT NULL")
    # => `DELETE FROM notes WHERE deleted_at IS NOT NULL`: without the column, deleted rows
    # => would come back to life, so they are purged for real (irreversible)
    op.drop_index("uq_notes_title_live", table_name="notes")  # => `DROP INDEX uq_notes_title_live`
    op.drop_column("notes", "deleted_at")  # => `ALTER TABLE notes DROP COLUMN deleted_at`
