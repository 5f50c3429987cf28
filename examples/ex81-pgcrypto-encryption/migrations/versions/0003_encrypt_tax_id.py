"""backfill: encrypt tax_id into tax_id_enc, in batches

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 09:20:00
"""

import os

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels = None
depends_on = None

ENCRYPT_ONE_BATCH = sa.text(
    "UPDATE customers SET tax_id_enc = pgp_sym_encrypt(tax_id, :key) "
    "WHERE id IN (SELECT id FROM customers WHERE tax_id_enc IS NULL ORDER BY id LIMIT :rows)"
)  # => only rows not encrypted yet: a rerun after a crash continues where the last batch ended


def upgrade() -> None:
    key = os.environ["ENCRYPTION_KEY"]
    # => read first: a missing key fails before any statement is sent
    # => Output: KeyError: 'ENCRYPTION_KEY'
    # => the key travels to the server inside each statement: keep statement logging off
    rows = int(os.environ.get("ENCRYPT_BATCH_ROWS", "5000"))  # => rows per batch
    with op.get_context().autocommit_block():
        # => each UPDATE commits on its own and holds the row locks of one batch only
        while True:
            done = op.get_bind().execute(ENCRYPT_ONE_BATCH, {"key": key, "rows": rows}).rowcount
            print(f"encrypted {done} rows")  # => Output: encrypted 0 rows
            if done == 0:
                break


def downgrade() -> None:
    pass  # => the ciphertext can stay: at 0002 the column is nullable and unread
