"""Insert two keys through SQLAlchemy and report what comes back, without printing the UUIDs."""

import os
import uuid

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

engine = sa.create_engine(os.environ["DATABASE_URL"])  # => same DATABASE_URL as env.py
metadata = sa.MetaData()
api_keys = sa.Table(  # => a lightweight description of the table; no DDL is emitted
    "api_keys",
    metadata,
    sa.Column("id", sa.Uuid(), primary_key=True, server_default=sa.text("gen_random_uuid()")),
    # => server_default tells SQLAlchemy the database fills id, so it may be omitted
    sa.Column("owner_id", postgresql.UUID(as_uuid=True)),
    sa.Column("label", sa.String(50)),
)

owner = uuid.UUID("0b5c3f9e-2d1a-4c6b-9e8f-7a6b5c4d3e2f")  # => a fixed client-side UUID
ids = []
with engine.begin() as conn:  # => one transaction, committed at the end of the block
    for label in ("ci", "deploy"):
        new_id = conn.execute(
            sa.insert(api_keys)
            .values(owner_id=owner, label=label)  # => no id: gen_random_uuid() fills it
            .returning(api_keys.c.id)  # => `RETURNING api_keys.id`: the generated key comes back
        ).scalar_one()
        ids.append(new_id)
        # => `INSERT INTO api_keys (owner_id, label) VALUES`
        # => `('0b5c3f9e2d1a4c6b9e8f7a6b5c4d3e2f'::uuid::UUID, 'ci'::VARCHAR)`
        # => psycopg adapts the uuid.UUID object to a uuid parameter (hex digits, no dashes)

print("returned ids:", len(ids), "of type", type(ids[0]).__name__)
# => Output: returned ids: 2 of type UUID
# => Python's uuid.UUID: the ids are random, so the script never prints them
print("distinct:", ids[0] != ids[1])  # => Output: distinct: True
print("version 4:", all(key.version == 4 for key in ids))
# => Output: version 4: True
# => gen_random_uuid() produces random (version 4) UUIDs
