"""The application's models: the schema as the code wants it. Alembic reads Base.metadata."""

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, MetaData, String, Text, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",  # => index on articles.author_id -> ix_articles_author_id
    "uq": "uq_%(table_name)s_%(column_0_name)s",  # => uq_authors_email
    "ck": "ck_%(table_name)s_%(constraint_name)s",  # => check constraints need a name= part
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    # => fk_articles_author_id_authors
    "pk": "pk_%(table_name)s",  # => pk_authors instead of the server's authors_pkey
}
# => without a convention, unnamed constraints get names chosen by PostgreSQL, which a later
# => migration cannot rely on when it has to drop them


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    # => one MetaData collects every table of every model that inherits from Base


class Author(Base):
    __tablename__ = "authors"  # => registers Table("authors") in Base.metadata
    # => Output: INFO  [alembic.autogenerate.compare.tables] Detected added table 'authors'

    id: Mapped[int] = mapped_column(primary_key=True)  # => int primary key -> `id SERIAL NOT NULL`
    name: Mapped[str] = mapped_column(String(100))
    # => Mapped[str] without Optional -> `name VARCHAR(100) NOT NULL`
    email: Mapped[str] = mapped_column(String(255), unique=True)
    # => `CONSTRAINT uq_authors_email UNIQUE (email)`, named by the convention
    bio: Mapped[str | None] = mapped_column(Text)  # => str | None -> nullable: `bio TEXT`


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("authors.id"), index=True)
    # => `CONSTRAINT fk_articles_author_id_authors FOREIGN KEY(author_id) REFERENCES authors (id)`
    # => index=True -> `CREATE INDEX ix_articles_author_id ON articles (author_id)`
    title: Mapped[str] = mapped_column(String(200))
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # => `published_at TIMESTAMP WITH TIME ZONE`: nullable, an unpublished draft has none
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    # => `created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL`
    # => server_default lives in the DDL, so autogenerate sees it; default= (Python-side) would not
