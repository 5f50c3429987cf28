"""encrypt customers.tax_id with pgcrypto

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import os

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def _key() -> str:
    return os.environ["ENCRYPTION_KEY"]
    # => the key comes from the deploy environment, never from the repository
    # => Output: KeyError: 'ENCRYPTION_KEY'
    # => the key travels to the server inside the statement: keep statement logging off


def upgrade() -> None:
    key = _key()  # => read first: a missing key fails before any statement is sent
    op.execute("CREATE EXTENSION IF NOT EXISTS pgcrypto")
    # => `CREATE EXTENSION IF NOT EXISTS pgcrypto`: needs a role allowed to create it
    op.add_column("customers", sa.Column("tax_id_enc", postgresql.BYTEA))
    # => `ALTER TABLE customers ADD COLUMN tax_id_enc BYTEA`: ciphertext is binary
    op.execute(
        sa.text("UPDATE customers SET tax_id_enc = pgp_sym_encrypt(tax_id, :key)")
        .bindparams(key=key)
    )  # => `UPDATE customers SET tax_id_enc = pgp_sym_encrypt(tax_id,`
    # => PGP symmetric encryption with a random salt: same input, different bytes each time
    op.alter_column("customers", "tax_id_enc", nullable=False)
    # => `ALTER TABLE customers ALTER COLUMN tax_id_enc SET NOT NULL`: every row was encrypted
    op.drop_column("customers", "tax_id")  # => `ALTER TABLE customers DROP COLUMN tax_id`
    # => all in one transaction: no moment where a row has neither column filled


def downgrade() -> None:
    key = _key()  # => decrypting needs the same key
    op.add_column("customers", sa.Column("tax_id", sa.String(20)))
    # => `ALTER TABLE customers ADD COLUMN tax_id VARCHAR(20)`
    op.execute(
        sa.text("UPDATE customers SET tax_id = pgp_sym_decrypt(tax_id_enc, :key)")
        .bindparams(key=key)
    )  # => `UPDATE customers SET tax_id = pgp_sym_decrypt(tax_id_enc,`
    # => a wrong key fails with "Wrong key or corrupt data" and rolls everything back
    op.alter_column("customers", "tax_id", nullable=False)
    # => `ALTER TABLE customers ALTER COLUMN tax_id SET NOT NULL`
    op.drop_column("customers", "tax_id_enc")  # => `ALTER TABLE customers DROP COLUMN tax_id_enc`
    # => the extension stays installed: other objects may depend on it
