"""keep documents.updated_at current with a trigger

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

from alembic import op

revision: str = "0002"  # => stored in alembic_version after upgrade
down_revision: str | None = "0001"  # => applies on top of 0001
branch_labels = None
depends_on = None

SET_UPDATED_AT = """
CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$
"""
# => a trigger function: takes no arguments, RETURNS trigger, reads the row as NEW
# => NEW.updated_at := now(): overwrites whatever the UPDATE statement set
# => RETURN NEW: a BEFORE trigger returns the row to store
# => $$ ... $$ is dollar quoting; everything inside, comments too, is stored in pg_proc,
# => which is why the notes are out here
# => a shared utility: any table's trigger may use it, and this revision owns it


def upgrade() -> None:
    op.execute(SET_UPDATED_AT)
    # => `CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger`
    op.execute(
        "CREATE TRIGGER documents_set_updated_at "
        "BEFORE UPDATE ON documents "
        "FOR EACH ROW EXECUTE FUNCTION set_updated_at()"
    )
    # => `BEFORE UPDATE ON documents FOR EACH ROW EXECUTE FUNCTION set_updated_at()`
    # => EXECUTE FUNCTION is the PostgreSQL 11+ spelling; older tutorials show EXECUTE PROCEDURE


def downgrade() -> None:
    op.execute("DROP TRIGGER documents_set_updated_at ON documents")
    # => `DROP TRIGGER documents_set_updated_at ON documents`: triggers belong to a table
    op.execute("DROP FUNCTION set_updated_at()")
    # => `DROP FUNCTION set_updated_at()`: after the trigger; fails while any other trigger uses it
