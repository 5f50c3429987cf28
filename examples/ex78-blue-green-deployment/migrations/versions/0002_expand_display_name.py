"""expand: add users.display_name and keep it in sync with fullname

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00

Safe while BLUE (writes fullname) is live; GREEN (writes display_name) can start after it.
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None

SYNC_FUNCTION = """
CREATE FUNCTION users_sync_names() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.display_name := COALESCE(NEW.display_name, NEW.fullname);
        NEW.fullname := COALESCE(NEW.fullname, NEW.display_name);
    ELSIF NEW.display_name IS DISTINCT FROM OLD.display_name THEN
        NEW.fullname := NEW.display_name;
    ELSIF NEW.fullname IS DISTINCT FROM OLD.fullname THEN
        NEW.display_name := NEW.fullname;
    END IF;
    RETURN NEW;
END $$
"""  # => whichever column a release writes, the other one gets the same value


def upgrade() -> None:
    # => locks: ACCESS EXCLUSIVE on users
    # => no rewrite
    op.execute("SET LOCAL lock_timeout = '5s'")  # => `SET LOCAL lock_timeout = '5s'`
    # => blue is serving traffic on users: fail after 5 s instead of queueing its queries
    op.add_column("users", sa.Column("display_name", sa.String(100)))
    # => `ALTER TABLE users ADD COLUMN display_name VARCHAR(100)`: nullable and no default, so
    # => no row is touched and blue's INSERTs (which do not name it) keep working
    op.execute(SYNC_FUNCTION)  # => `CREATE FUNCTION users_sync_names() RETURNS trigger`
    op.execute(
        "CREATE TRIGGER users_sync_names BEFORE INSERT OR UPDATE ON users "
        "FOR EACH ROW EXECUTE FUNCTION users_sync_names()"
    )  # => `CREATE TRIGGER users_sync_names BEFORE INSERT OR UPDATE ON users`
    # => BEFORE triggers run ahead of the NOT NULL check, so green may omit fullname
    # => the trigger exists before the backfill (0003): no row written meanwhile is missed
    # => no backfill here: it would run inside this transaction, holding this ALTER's lock


def downgrade() -> None:
    op.execute("DROP TRIGGER users_sync_names ON users")  # => drops the trigger
    op.execute("DROP FUNCTION users_sync_names()")  # => and its function
    op.drop_column("users", "display_name")  # => and the new column
