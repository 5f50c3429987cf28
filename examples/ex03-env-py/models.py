"""The application's models: the schema the migrations are meant to produce."""

from sqlalchemy import String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """Declarative base; Base.metadata collects every table defined below."""


class Author(Base):
    __tablename__ = "authors"  # => table authors in Base.metadata

    id: Mapped[int] = mapped_column(primary_key=True)  # => INTEGER primary key
    name: Mapped[str] = mapped_column(String(100))  # => VARCHAR(100), NOT NULL (not Optional)
    bio: Mapped[str | None] = mapped_column(Text)  # => TEXT, nullable (Optional in the hint)
