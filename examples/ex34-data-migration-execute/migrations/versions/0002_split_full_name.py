"""split full_name into first_name and last_name

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None

# => a lightweight table: just the columns this revision touches, no models imported
# => (models change over time; a revision must keep working against the schema of ITS moment)
users = sa.table(
    "users",
    sa.column("full_name", sa.String),
    sa.column("first_name", sa.String),
    sa.column("last_name", sa.String),
)


def upgrade() -> None:
    # 1. schema: new columns, nullable for now because the existing rows have no values yet
    op.add_column("users", sa.Column("first_name", sa.String(100)))
    # => `ALTER TABLE users ADD COLUMN first_name VARCHAR(100)`
    op.add_column("users", sa.Column("last_name", sa.String(100)))
    # => `ALTER TABLE users ADD COLUMN last_name VARCHAR(100)`

    # 2. data: op.execute() runs any SQL in the migration's transaction; a plain string is
    #    wrapped in sa.text(), where `:name` is a bind parameter (write `\:` for a literal colon)
    op.execute(
        """
        UPDATE users
        SET first_name = split_part(full_name, ' ', 1),
            last_name  = nullif(substr(full_name, length(split_part(full_name, ' ', 1)) + 2), '')
        """
    )
    # => one set-based UPDATE for all rows: everything up to the first space is the first name,
    # => the rest (possibly empty, then NULL) the last name
    # => one statement holds every row it changes until COMMIT; for tables too large for that,
    # => batch it (Example 52)

    # 3. schema again: tighten and drop, now that every row has a first name
    op.alter_column("users", "first_name", nullable=False, existing_type=sa.String(100))
    # => `ALTER TABLE users ALTER COLUMN first_name SET NOT NULL`: checked against every row,
    # => each of which the UPDATE gave a first name; a scan in the same transaction, fine for a
    # => small table (a large live one takes the batched, CHECK-first route of Example 52)
    op.drop_column("users", "full_name")  # => `ALTER TABLE users DROP COLUMN full_name`
    # => all of it between one BEGIN and one COMMIT (see the captured SQL)


def downgrade() -> None:
    op.add_column("users", sa.Column("full_name", sa.String(200)))
    # => `ALTER TABLE users ADD COLUMN full_name VARCHAR(200)`
    op.execute(
        users.update().values(
            full_name=sa.func.concat_ws(" ", users.c.first_name, users.c.last_name)
        )
    )
    # => op.execute() also takes SQLAlchemy constructs; concat_ws skips a NULL last name
    # => the separator ' ' is a bound parameter, which SQLAlchemy's psycopg dialect casts:
    # => `UPDATE users SET full_name=concat_ws(' '::VARCHAR, users.first_name, users.last_name)`
    op.alter_column("users", "full_name", nullable=False, existing_type=sa.String(200))
    op.drop_column("users", "last_name")
    op.drop_column("users", "first_name")
