"""The application's models: what `alembic check` compares the migrated database against."""

from datetime import datetime

from sqlalchemy import DateTime, MetaData, String, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention={
        "uq": "uq_%(table_name)s_%(column_0_name)s",  # => uq_users_email
        "ix": "ix_%(table_name)s_%(column_0_name)s",  # => ix_users_display_name
    })  # => predictable constraint names, identical in models and migrations


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)  # => INTEGER, SERIAL in the migration
    email: Mapped[str] = mapped_column(String(255), unique=True)  # => NOT NULL (not Optional)
    display_name: Mapped[str | None] = mapped_column(String(100), index=True)  # => nullable
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
