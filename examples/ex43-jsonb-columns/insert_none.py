"""Insert Python None into both JSON columns, the way application code does."""

import os

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

events = sa.table(
    "events",
    sa.column("payload", postgresql.JSONB),
    # => none_as_null=False (the default): None is sent as the JSON value null, 'null'::jsonb,
    # => which a NOT NULL column accepts
    sa.column("raw", sa.JSON(none_as_null=True)),
    # => none_as_null=True: None is sent as SQL NULL
)

engine = sa.create_engine(os.environ["DATABASE_URL"])
with engine.begin() as connection:
    connection.execute(events.insert(), [{"payload": None, "raw": None}])
print("inserted payload=None, raw=None")
