"""The ORM model the script uses; the migration below creates its table."""

from sqlalchemy import Integer, Text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)  # => integer primary key
    title: Mapped[str] = mapped_column(Text)  # => NOT NULL: Mapped[str] is not Optional
    tags: Mapped[list[str]] = mapped_column(ARRAY(Text), server_default="{}")
    # => a Python list <-> PostgreSQL text[]; psycopg adapts lists both ways
    ratings: Mapped[list[int] | None] = mapped_column(ARRAY(Integer))
    # => Optional in the hint, so the column is nullable
