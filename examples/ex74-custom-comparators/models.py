"""The application's models: what autogenerate compares the database against."""

from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = {"info": {"row_level_security": True}}
    # => Table.info is a free-form dict SQLAlchemy never reads; our comparator does
    # => built-in autogenerate knows nothing about row-level security

    id: Mapped[int] = mapped_column(primary_key=True)  # => id SERIAL PRIMARY KEY
    owner: Mapped[str] = mapped_column(String(50))  # => owner VARCHAR(50) NOT NULL
    body: Mapped[str | None]  # => body VARCHAR, nullable because the annotation allows None
