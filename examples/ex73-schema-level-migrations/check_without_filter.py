"""What `alembic check` would see with include_schemas=True and no include_name filter."""

import os

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from models import Base

engine = create_engine(os.environ["DATABASE_URL"])
with engine.connect() as conn:
    ctx = MigrationContext.configure(
        conn, opts={"include_schemas": True, "version_table_schema": "meta"}
    )  # => env.py's options minus include_name
    for diff in compare_metadata(ctx, Base.metadata):  # => the diffs `alembic check` reports
        print(diff[0], diff[1].fullname)
        # => Output: remove_table reporting.daily_sales
