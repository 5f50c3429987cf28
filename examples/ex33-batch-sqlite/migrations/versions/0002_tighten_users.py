"""tighten users: rename, NOT NULL, unique email (first draft, without the backfill)

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


def upgrade() -> None:
    # => no backfill: the copy's INSERT ... SELECT brings alan's NULL nickname along
    # => SQLite's ALTER TABLE can add, rename and drop columns, but cannot change a column's
    # => type or nullability, nor add a constraint. batch_alter_table works around that:
    # => it collects the changes, then rebuilds the table once at the end of the block.
    with op.batch_alter_table("users") as batch_op:
        # => recreate="auto": copy on SQLite, plain ALTER TABLE on PostgreSQL (shown below);
        # => recreate="always" forces the copy everywhere
        # => if other tables reference users and PRAGMA foreign_keys=ON, the copy's
        # => DROP TABLE users runs an implicit DELETE FROM users first: it fails on a plain
        # => foreign key, and deletes the referencing rows where it is ON DELETE CASCADE;
        # => switch the pragma off for such a revision (it is a no-op inside a transaction)
        # => to drop an unnamed constraint, pass naming_convention= to batch_alter_table: the
        # => reflected copy has no name to drop otherwise
        batch_op.alter_column(
            "nickname",
            new_column_name="display_name",  # => rename
            type_=sa.String(100),  # => VARCHAR(50) -> VARCHAR(100)
            existing_type=sa.String(50),
            nullable=False,  # => NOT NULL: SQLite cannot add it in place, the table is copied
        )
        batch_op.create_unique_constraint("uq_users_email", ["email"])
        # => a named UNIQUE constraint, part of the new table's definition
    # => leaving the block: `CREATE TABLE _alembic_tmp_users` with the final definition,
    # => copies every row across, drops the old table and renames the copy:
    # => `ALTER TABLE _alembic_tmp_users RENAME TO users`
    # => alembic_version: '0001' -> '0002'


def downgrade() -> None:
    with op.batch_alter_table("users") as batch_op:  # => the same copy dance, in reverse
        batch_op.drop_constraint("uq_users_email", type_="unique")
        batch_op.alter_column(
            "display_name",
            new_column_name="nickname",
            type_=sa.String(50),
            existing_type=sa.String(100),
            nullable=True,
        )
    # => the backfilled 'anonymous' values stay: the UPDATE is not reversed
