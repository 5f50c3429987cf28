"""contract: display_name NOT NULL, drop fullname once blue is retired

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 09:20:00

Run only after every BLUE instance is gone: from here on, only GREEN code works.
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels = None
depends_on = None

CHECK = "ck_users_display_name_not_null"
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
"""  # => the same function as 0002: the downgrade must give blue its trigger back


def upgrade() -> None:
    with op.get_context().autocommit_block():
        # => every statement commits on its own and each is safe to repeat: the guard and IF EXISTS
        # => skip what a crashed run did, but a run that got past DROP CONSTRAINT makes the rerun
        # => add and validate the CHECK once more (one more scan); it can simply be run again
        op.execute("SET lock_timeout = '5s'")  # => `SET lock_timeout = '5s'`: for the block
        exists = op.get_bind().scalar(sa.text(
            "SELECT count(*) FROM pg_constraint "
            "WHERE conrelid = 'users'::regclass AND conname = :name"
        ), {"name": CHECK})  # => guard: 1 if an earlier run already added the CHECK
        if not exists:
            op.create_check_constraint(CHECK, "users", "display_name IS NOT NULL",
                                       postgresql_not_valid=True)
            # => ADD CONSTRAINT ... CHECK (display_name IS NOT NULL) NOT VALID: checks new
            # => writes at once, scans nothing (the session's rerun skips it: already there)
        op.execute(f"ALTER TABLE users VALIDATE CONSTRAINT {CHECK}")
        # => `ALTER TABLE users VALIDATE CONSTRAINT ck_users_display_name_not_null`: the scan,
        # => in its own transaction
        op.alter_column("users", "display_name", nullable=False)
        # => `ALTER TABLE users ALTER COLUMN display_name SET NOT NULL`: the validated CHECK
        # => proves it, so PostgreSQL 12+ skips the scan
        op.drop_constraint(CHECK, "users", type_="check", if_exists=True)
        # => `ALTER TABLE users DROP CONSTRAINT IF EXISTS ck_users_display_name_not_null`
        op.execute("DROP TRIGGER IF EXISTS users_sync_names ON users")
        # => `DROP TRIGGER IF EXISTS users_sync_names ON users`
        op.execute("DROP FUNCTION IF EXISTS users_sync_names()")
        # => `DROP FUNCTION IF EXISTS users_sync_names()`
        op.drop_column("users", "fullname", if_exists=True)
        # => `ALTER TABLE users DROP COLUMN IF EXISTS fullname`


def downgrade() -> None:
    # => back to the expand phase, so blue can be redeployed; a rollback path written for
    # => correctness in one transaction, not for a busy table (its UPDATE and SET NOT NULL
    # => scan users under the ADD COLUMN's lock)
    op.execute("SET LOCAL lock_timeout = '5s'")
    # => `SET LOCAL lock_timeout = '5s'`: green is live while this runs, so the ALTER gives up
    # => instead of queueing every query behind it
    op.add_column("users", sa.Column("fullname", sa.String(100)))
    # => `ALTER TABLE users ADD COLUMN fullname VARCHAR(100)`: nullable until filled
    op.execute("UPDATE users SET fullname = display_name")
    # => `UPDATE users SET fullname = display_name`
    op.alter_column("users", "fullname", nullable=False)
    # => `ALTER TABLE users ALTER COLUMN fullname SET NOT NULL`
    op.alter_column("users", "display_name", nullable=True)
    # => `ALTER TABLE users ALTER COLUMN display_name DROP NOT NULL`: blue does not write it
    op.execute(SYNC_FUNCTION)
    op.execute(
        "CREATE TRIGGER users_sync_names BEFORE INSERT OR UPDATE ON users "
        "FOR EACH ROW EXECUTE FUNCTION users_sync_names()"
    )  # => the sync trigger of 0002 again
