"""keep events.updated_at current with a trigger

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

from alembic import op

revision: str = "0002"  # => this revision's id
down_revision: str | None = "0001"  # => applied after 0001
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        """
        CREATE FUNCTION set_updated_at() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            NEW.updated_at := now();
            RETURN NEW;
        END
        $$
        """
    )
    # => one function, reusable by every table with an updated_at column
    # => NEW is the row about to be written; the function replaces its updated_at
    op.execute(
        "CREATE TRIGGER trg_events_set_updated_at BEFORE UPDATE ON events "
        "FOR EACH ROW EXECUTE FUNCTION set_updated_at()"
    )
    # => `CREATE TRIGGER trg_events_set_updated_at BEFORE UPDATE ON events FOR EACH ROW EXECUTE FUNCTION set_updated_at()`
    # => BEFORE ... FOR EACH ROW: runs for every updated row, whoever issues the UPDATE


def downgrade() -> None:
    op.execute("DROP TRIGGER trg_events_set_updated_at ON events")
    # => `DROP TRIGGER trg_events_set_updated_at ON events`
    op.execute("DROP FUNCTION set_updated_at()")  # => `DROP FUNCTION set_updated_at()`
