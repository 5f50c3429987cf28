"""The application's models: what autogenerate compares the database against."""

from datetime import datetime

from sqlalchemy import String, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)  # => id SERIAL PRIMARY KEY
    label: Mapped[str] = mapped_column(String(40), unique=True)  # => label VARCHAR(40) UNIQUE
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    # => created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now() NOT NULL
