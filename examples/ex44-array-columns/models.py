"""The ORM model the script uses; the migrations below create its table and index."""

import sqlalchemy as sa
from sqlalchemy import Index, Integer, MetaData, Text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}  # => the book's convention (Example 16)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Article(Base):
    __tablename__ = "articles"
    __table_args__ = (Index("ix_articles_tags", "tags", postgresql_using="gin"),)
    # => the GIN index of revision 0002, declared so `alembic check` finds it in both places

    id: Mapped[int] = mapped_column(sa.BigInteger, sa.Identity(), primary_key=True)
    title: Mapped[str] = mapped_column(Text)  # => NOT NULL: Mapped[str] is not Optional
    tags: Mapped[list[str]] = mapped_column(ARRAY(Text), server_default=sa.text("'{}'"))
    # => a Python list <-> PostgreSQL text[]; psycopg adapts lists both ways
    # => the same spelling as the migration; a plain "{}" would store the same default
    ratings: Mapped[list[int] | None] = mapped_column(ARRAY(Integer))
    # => Optional in the hint, so the column is nullable
