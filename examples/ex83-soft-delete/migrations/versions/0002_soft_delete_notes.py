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
    IF current_setting('app.hard_delete', true) = 'on' THEN
        RETURN OLD;
    END IF;
    UPDATE notes SET deleted_at = now() WHERE id = OLD.id AND deleted_at IS NULL;
    RETURN NULL;
END $$
"""  # => RETURN NULL from a BEFORE trigger cancels the DELETE of that row
# => AND deleted_at IS NULL: deleting a deleted note again keeps the first timestamp
# => SET LOCAL app.hard_delete = 'on' lets a transaction really delete (erasure requests)


def upgrade() -> None:
    op.execute("SET LOCAL lock_timeout = '5s'")  # => `SET LOCAL lock_timeout = '5s'`
    op.add_column("notes", sa.Column("deleted_at", sa.DateTime(timezone=True)),
                  if_not_exists=True)
    # => `ALTER TABLE notes ADD COLUMN IF NOT EXISTS deleted_at TIMESTAMP WITH TIME ZONE`
    # => NULL means live; IF NOT EXISTS: a rerun after a crash finds it already committed
    with op.get_context().autocommit_block():  # => COMMITs the ADD COLUMN first
        invalid = op.get_bind().scalar(sa.text(
            "SELECT count(*) FROM pg_index "
            "WHERE indexrelid = to_regclass('uq_notes_title_live') AND NOT indisvalid"
        ))  # => a crashed CONCURRENTLY build leaves an INVALID index behind
        if invalid:  # => IF NOT EXISTS would keep it: drop it and build it again
            op.drop_index("uq_notes_title_live", table_name="notes",
                          postgresql_concurrently=True)
        op.create_index(
            "uq_notes_title_live", "notes", ["title"], unique=True,
            postgresql_where=sa.text("deleted_at IS NULL"),
            postgresql_concurrently=True, if_not_exists=True,
        )  # => `CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS uq_notes_title_live ON notes (title) WHERE deleted_at IS NULL`
        # => built while the application writes; the old UNIQUE still guards titles meanwhile
    op.execute("SET LOCAL lock_timeout = '5s'")  # => again: a new transaction began after the block
    op.drop_constraint("uq_notes_title", "notes", type_="unique")
    # => `ALTER TABLE notes DROP CONSTRAINT uq_notes_title`: titles are unique among live notes only
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
    op.execute("DROP TRIGGER notes_soft_delete ON notes")  # => DELETE removes rows again
    op.execute("DROP FUNCTION notes_soft_delete()")
    op.execute("DROP VIEW live_notes")
    op.execute("DELETE FROM notes WHERE deleted_at IS NOT NULL")
    # => `DELETE FROM notes WHERE deleted_at IS NOT NULL`: without the column, deleted rows
    # => would come back to life, so they are purged for real (irreversible)
    op.create_unique_constraint("uq_notes_title", "notes", ["title"])
    # => the full UNIQUE back: live titles are already unique, so it cannot fail
    op.drop_index("uq_notes_title_live", table_name="notes")
    op.drop_column("notes", "deleted_at")  # => `ALTER TABLE notes DROP COLUMN deleted_at`
