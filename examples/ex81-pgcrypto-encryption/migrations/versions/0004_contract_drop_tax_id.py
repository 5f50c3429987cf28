"""contract: tax_id_enc NOT NULL through a validated CHECK, drop the clear text

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 09:30:00
"""

import os

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels = None
depends_on = None

CHECK = "ck_customers_tax_id_enc_not_null"


def upgrade() -> None:
    with op.get_context().autocommit_block():
        # => every statement commits on its own and each is safe to repeat (the guard, IF EXISTS);
        # => a run that got past DROP CONSTRAINT makes the rerun add and validate the CHECK again.
        # => Example 78 shows such a rerun
        op.execute("SET lock_timeout = '5s'")  # => `SET lock_timeout = '5s'`: for the whole block
        exists = op.get_bind().scalar(sa.text(
            "SELECT count(*) FROM pg_constraint "
            "WHERE conrelid = 'customers'::regclass AND conname = :name"
        ), {"name": CHECK})  # => guard: 1 if a crashed earlier run already added it
        if not exists:
            op.create_check_constraint(CHECK, "customers", "tax_id_enc IS NOT NULL",
                                       postgresql_not_valid=True)
            # => `ADD CONSTRAINT ck_customers_tax_id_enc_not_null CHECK (tax_id_enc IS NOT NULL) NOT VALID`
            # => checks new writes at once, scans nothing
        op.execute(f"ALTER TABLE customers VALIDATE CONSTRAINT {CHECK}")
        # => `ALTER TABLE customers VALIDATE CONSTRAINT ck_customers_tax_id_enc_not_null`
        # => the scan, in its own transaction; fails if some row was never encrypted
        op.alter_column("customers", "tax_id_enc", nullable=False)
        # => `ALTER TABLE customers ALTER COLUMN tax_id_enc SET NOT NULL`: the validated CHECK
        # => proves it, so PostgreSQL 12+ skips the scan
        op.drop_constraint(CHECK, "customers", type_="check", if_exists=True)
        # => `ALTER TABLE customers DROP CONSTRAINT IF EXISTS ck_customers_tax_id_enc_not_null`
        op.drop_column("customers", "tax_id", if_exists=True)
        # => `ALTER TABLE customers DROP COLUMN IF EXISTS tax_id`: the catalog forgets the column;
        # => the bytes stay in the table's pages (the session shows them, then removes them)


def downgrade() -> None:
    key = os.environ["ENCRYPTION_KEY"]  # => decrypting needs the same key
    op.add_column("customers", sa.Column("tax_id", sa.String(20)))
    # => `ALTER TABLE customers ADD COLUMN tax_id VARCHAR(20)`
    op.execute(
        sa.text("UPDATE customers SET tax_id = pgp_sym_decrypt(tax_id_enc, :key)")
        .bindparams(key=key)
    )  # => `UPDATE customers SET tax_id = pgp_sym_decrypt(tax_id_enc,`
    # => a wrong key fails with "Wrong key or corrupt data" and rolls the revision back
    # => a rollback path written for correctness, in one transaction: not for a busy table
    op.alter_column("customers", "tax_id", nullable=False)
    # => `ALTER TABLE customers ALTER COLUMN tax_id SET NOT NULL`
    op.alter_column("customers", "tax_id_enc", nullable=True)
    # => `ALTER TABLE customers ALTER COLUMN tax_id_enc DROP NOT NULL`: back to the state after 0003
