"""add 'cancelled' to order_status

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

from alembic import op

revision: str = "0002"  # => stored in alembic_version after upgrade
down_revision: str | None = "0001"  # => applies on top of 0001
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.get_context().autocommit_block():
        # => COMMITs the transaction so far, runs this block in autocommit mode, then BEGINs
        # => a new transaction for the rest; "so far" includes every earlier revision of the
        # => same `alembic upgrade head`, which can no longer roll back if this one fails
        # => (transaction_per_migration=True in env.py gives each revision its own transaction)
        op.execute("ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'cancelled' AFTER 'pending'")
        # => `ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'cancelled' AFTER 'pending'`
        # => committed at once, so the new value is usable below; a later failure in this
        # => revision cannot roll it back, so a retry finds the value already there: IF NOT
        # => EXISTS turns the error (enum label "cancelled" already exists) into a NOTICE
    op.execute("UPDATE orders SET status = 'cancelled' WHERE id = 1")
    # => `UPDATE orders SET status = 'cancelled' WHERE id = 1`: uses the new value in the
    # => same revision; without the autocommit block PostgreSQL rejects it (unsafe use of new value)


def downgrade() -> None:
    # => PostgreSQL has no ALTER TYPE ... DROP VALUE: the type must be rebuilt without it
    op.execute("SET LOCAL lock_timeout = '5s'")
    # => the book's lock discipline (Examples 63-68): the type change below rewrites orders
    op.execute("UPDATE orders SET status = 'pending' WHERE status = 'cancelled'")
    # => a data decision: rows using the value must be mapped to a surviving one first
    op.execute("ALTER TYPE order_status RENAME TO order_status_old")
    # => `ALTER TYPE order_status RENAME TO order_status_old`: the columns follow the rename
    op.execute("CREATE TYPE order_status AS ENUM ('pending', 'shipped')")
    # => `CREATE TYPE order_status AS ENUM ('pending', 'shipped')`: the old value list
    op.execute("ALTER TABLE orders ALTER COLUMN status DROP DEFAULT")
    # => `ALTER TABLE orders ALTER COLUMN status DROP DEFAULT`: the default is a value of the
    # => old type and cannot be cast by USING; without this line the next statement fails
    # => with: default for column "status" cannot be cast automatically to type order_status
    op.execute(
        "ALTER TABLE orders ALTER COLUMN status TYPE order_status "
        "USING status::text::order_status"
    )
    # => `USING status::text::order_status`: enum -> text -> new enum, row by row
    op.execute("ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'pending'")
    # => `ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'pending'`: now of the new type
    op.execute("DROP TYPE order_status_old")  # => `DROP TYPE order_status_old`
    # => fails while a view, function or other column still uses order_status_old
