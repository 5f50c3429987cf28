"""What soft delete means for SQLAlchemy ORM code: python orm_delete.py TITLE [--quiet]."""

import os
import sys
import warnings

from sqlalchemy import BigInteger, String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

title = sys.argv[1]
quiet = "--quiet" in sys.argv


class Base(DeclarativeBase):
    pass


class Note(Base):
    __tablename__ = "notes"
    __mapper_args__ = {"confirm_deleted_rows": not quiet}
    # => True (the default): after a DELETE the ORM checks that each row really went
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    title: Mapped[str] = mapped_column(String(100))


engine = create_engine(os.environ["DATABASE_URL"])
with Session(engine) as session, warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    note = session.scalars(select(Note).where(Note.title == title)).one()
    session.delete(note)  # => unchanged application code
    session.commit()  # => DELETE ... WHERE id = ...; the trigger turns it into an UPDATE
    for warning in caught:
        print(f"{warning.category.__name__}: {warning.message}")
        # => Output: SAWarning: DELETE statement on table 'notes' expected to delete 1 row(s); 0 were matched.  Please set confirm_deleted_rows=False within the mapper configuration to prevent this warning.
    print(f"deleted {title!r}, {len(caught)} warning(s)")
engine.dispose()  # => closes the pooled connection; left open, it is garbage at exit and psycopg warns (ResourceWarning)
