"""phase 2b (migrate): backfill old rows in committed batches

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 09:30:00
"""

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels = None
depends_on = None

BACKFILL = """
DO $$
DECLARE
    last_id bigint := 0;
    batch_end bigint;
BEGIN
    LOOP
        SELECT max(id) INTO batch_end
        FROM (SELECT id FROM customers WHERE id > last_id ORDER BY id LIMIT 1000) AS batch;
        EXIT WHEN batch_end IS NULL;
        UPDATE customers SET country_code = 'ZZ'
        WHERE id > last_id AND id <= batch_end AND country_code IS NULL;
        COMMIT;
        last_id := batch_end;
    END LOOP;
END
$$
"""  # => keyset batches of 1000 along the primary key, each committed inside the DO block
# => (PostgreSQL 11+ allows COMMIT in DO outside a transaction block); 'ZZ' = unknown country
# => one statement, so the same backfill runs from `alembic upgrade` and from a --sql script


def upgrade() -> None:
    with op.get_context().autocommit_block():
        # => no transaction around the backfill: nothing else is in this revision to commit early
        op.execute(BACKFILL)  # => `EXIT WHEN batch_end IS NULL;`
        # => "country_code IS NULL": rows the new code already wrote keep their value (new-app
        # => stays 'DE' below); Example 66 shows a backfill like this killed and run again


def downgrade() -> None:
    pass  # => the 'ZZ' values stay: harmless, and the column still exists at 0003
