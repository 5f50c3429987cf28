"""The application's models: the schema the code expects. Autogenerate diffs this against the DB."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):  # => one registry; Base.metadata collects every table below
    pass


class User(Base):
    __tablename__ = "users"  # => already in the database (revision 0001 created it)

    id: Mapped[int] = mapped_column(primary_key=True)  # => same as the database: no operation
    email: Mapped[str] = mapped_column(String(255), unique=True)  # => same: no operation
    display_name: Mapped[str | None] = mapped_column(String(100))
    # => NEW: missing in the database, so autogenerate writes op.add_column
    # => str | None makes it nullable: `ALTER TABLE users ADD COLUMN display_name VARCHAR(100)`


class Post(Base):
    __tablename__ = "posts"  # => NEW table: autogenerate writes op.create_table('posts', ...)

    id: Mapped[int] = mapped_column(primary_key=True)  # => `id SERIAL NOT NULL`
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    # => plain `int` means NOT NULL: `user_id INTEGER NOT NULL`
    # => ForeignKey gives `FOREIGN KEY(user_id) REFERENCES users (id)`
    # => index=True gives `CREATE INDEX ix_posts_user_id ON posts (user_id)`
    title: Mapped[str] = mapped_column(String(200))  # => `title VARCHAR(200) NOT NULL`
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    # => datetime maps to a naive timestamp, server_default to a DEFAULT clause:
    # => `created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now() NOT NULL`
