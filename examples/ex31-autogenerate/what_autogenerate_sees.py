"""Print what autogenerate finds in this database with no include hooks, one line per operation.

The same comparison `alembic revision --autogenerate` runs (compare_metadata), sorted by name:
Alembic itself lists removed tables in an order that varies from run to run.
"""

import os

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from models import Base

with create_engine(os.environ["DATABASE_URL"]).connect() as connection:
    context = MigrationContext.configure(connection, opts={"compare_server_default": True})
    diffs = compare_metadata(context, Base.metadata)  # => no include_name, no include_object

lines = []
for diff in diffs:
    op = diff[0] if isinstance(diff, tuple) else diff[0][0]  # => modify_* come in lists
    if op in ("add_table", "remove_table", "add_index", "remove_index"):
        lines.append(f"{op:15} {diff[1].name}")
    elif op in ("add_column", "remove_column"):
        lines.append(f"{op:15} {diff[2]}.{diff[3].name}")
    else:
        lines.append(f"{op:15} {diff[0][2]}.{diff[0][3]}")
print("\n".join(sorted(lines)))
