"""The application's models: the partitioned parent only, as an ORM knows it."""

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, Identity, Index, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}  # => the book's naming convention (Example 16)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Event(Base):
    __tablename__ = "events"
    __table_args__ = (
        Index(None, "kind"),  # => ix_events_kind, named by the convention
        {"postgresql_partition_by": "RANGE (occurred_at)"},  # => the parent is partitioned
    )
    # => no class for events_2026_01 & co: the application reads and writes through the parent

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), primary_key=True)
    # => part of the primary key: a unique key on a partitioned table must include the partition key
    kind: Mapped[str] = mapped_column(String(50))
