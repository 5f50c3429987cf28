"""contract: drop users.fullname once blue is retired

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 09:20:00

Run only after every BLUE instance is gone: from here on, only GREEN code works.
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DROP TRIGGER users_sync_names ON users")  # => `DROP TRIGGER users_sync_names ON users`
    op.execute("DROP FUNCTION users_sync_names()")  # => `DROP FUNCTION users_sync_names()`
    op.alter_column("users", "display_name", nullable=False)
    # => `ALTER TABLE users ALTER COLUMN display_name SET NOT NULL`: every row was backfilled
    op.drop_column("users", "fullname")  # => `ALTER TABLE users DROP COLUMN fullname`


def downgrade() -> None:
    # => back to the expand phase: the column returns, filled from display_name
    op.add_column("users", sa.Column("fullname", sa.String(100)))
    # => `ALTER TABLE users ADD COLUMN fullname VARCHAR(100)`: nullable until backfilled
    op.execute("UPDATE users SET fullname = display_name")
    # => `UPDATE users SET fullname = display_name`
    op.alter_column("users", "fullname", nullable=False)
    # => `ALTER TABLE users ALTER COLUMN fullname SET NOT NULL`
    op.alter_column("users", "display_name", nullable=True)
    # => `ALTER TABLE users ALTER COLUMN display_name DROP NOT NULL`: blue does not write it
    op.execute(
        "CREATE FUNCTION users_sync_names() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF TG_OP = 'INSERT' THEN "
        "NEW.display_name := COALESCE(NEW.display_name, NEW.fullname); "
        "NEW.fullname := COALESCE(NEW.fullname, NEW.display_name); "
        "ELSIF NEW.display_name IS DISTINCT FROM OLD.display_name THEN "
        "NEW.fullname := NEW.display_name; "
        "ELSIF NEW.fullname IS DISTINCT FROM OLD.fullname THEN "
        "NEW.display_name := NEW.fullname; END IF; RETURN NEW; END $$"
    )  # => the same sync function as revision 0002, so blue can be redeployed
    op.execute(
        "CREATE TRIGGER users_sync_names BEFORE INSERT OR UPDATE ON users "
        "FOR EACH ROW EXECUTE FUNCTION users_sync_names()"
    )  # => `CREATE TRIGGER users_sync_names BEFORE INSERT OR UPDATE ON users`
