"""Print what Alembic will compare against the database: the tables in Base.metadata."""

from sqlalchemy.dialects import postgresql

from models import Base  # => importing the module runs the class bodies: tables get registered

dialect = postgresql.dialect()  # => render types as PostgreSQL spells them, without connecting

for table in Base.metadata.sorted_tables:  # => dependency order: authors before articles
    print(f"table {table.name}")
    for column in table.columns:
        null = "NULL" if column.nullable else "NOT NULL"
        print(f"  column {column.name}: {column.type.compile(dialect=dialect)} {null}")
    for constraint in sorted(table.constraints, key=lambda c: str(c.name)):
        print(f"  {type(constraint).__name__} {constraint.name}")
        # => names come from NAMING_CONVENTION, resolved before any SQL exists
    for index in sorted(table.indexes, key=lambda i: str(i.name)):
        print(f"  Index {index.name}")
