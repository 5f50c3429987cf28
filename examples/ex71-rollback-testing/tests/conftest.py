"""Fixtures: the project's Alembic Config, an engine, and a database emptied around every test."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine

ALEMBIC_INI = Path(__file__).resolve().parent.parent / "alembic.ini"


@pytest.fixture
def alembic_cfg() -> Config:
    return Config(str(ALEMBIC_INI))  # => the same configuration as the CLI


@pytest.fixture
def engine() -> Iterator[Engine]:
    engine = create_engine(os.environ["DATABASE_URL"])  # => the test database, never production
    yield engine
    engine.dispose()  # => close its pooled connections: each test gets a fresh engine


@pytest.fixture(autouse=True)
def empty_database(alembic_cfg: Config) -> Iterator[None]:
    command.downgrade(alembic_cfg, "base")  # => each test starts from an empty schema
    yield
    command.downgrade(alembic_cfg, "base")  # => and leaves one behind
