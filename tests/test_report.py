"""The execution report (ext/abe/report.py) from small recorded outcomes: the summary reads as
sentences, the versions are said once, a column with one value in every row becomes a sentence,
one that varies stays, every kept column has a legend entry, and long texts go to the notes."""

from __future__ import annotations

from importlib import metadata
from types import SimpleNamespace
from typing import Any

from abe import report
from docutils import nodes


def info(number: int, **changes: Any) -> dict[str, Any]:
    base = {"number": number, "status": "passed", "cache": "hit", "seconds": 1.5,
            "server": "PostgreSQL 18.6", "provider": "embedded", "reason": "", "failure": "",
            "steps": 4, "claims": 3, "lock_claims": 0, "rewrites": 0, "squawk_findings": 2,
            "databases": 1, "sqlite": "", "substitution": "",
            "verification": {"roundtrip": "passed", "check": "no models"},
            "majors": {"18": "passed (shown)"}}
    return {**base, **changes}


def pages(*infos: dict[str, Any]) -> dict[str, dict[str, dict[str, Any]]]:
    return {f"book/ex{i['number']:02d}": {f"ex{i['number']:02d}-slug": i} for i in infos}


APP = SimpleNamespace(builder=SimpleNamespace(get_relative_uri=lambda a, b: f"{b}.html"))


def rendered(recorded: dict[str, dict[str, dict[str, Any]]]) -> tuple[str, list[str]]:
    """The report's text and its table's headers."""
    out = report.report_nodes(APP, "book/appendix/execution-report", recorded)  # type: ignore[arg-type]
    text = "\n".join(n.astext() for n in out if not isinstance(n, nodes.raw))
    tables = [t for n in out for t in n.findall(nodes.table)]
    headers = [e.astext() for t in tables for e in t.findall(nodes.entry)
               if isinstance(e.parent.parent, nodes.thead)]
    return text, headers


def test_columns_with_one_value_in_every_row_become_sentences() -> None:
    text, headers = rendered(pages(info(1), info(2, steps=7)))
    assert headers == ["Example", "Steps"]
    assert "Every example used 1 database." in text
    assert "No example used a substitution." in text
    assert "Every result was taken from the results cache" in text
    assert "PostgreSQL 18" not in text.split("They ran against PostgreSQL 18.6 (embedded)")[1]
    assert "Every example's round trip: passed." in text


def test_a_column_that_varies_stays_with_its_legend_entry() -> None:
    text, headers = rendered(pages(info(1), info(2, databases=2, cache="miss",
                                                 lock_claims=3, sqlite="3.40.1")))
    assert headers == ["Example", "DBs", "Lock claims", "Cache"]
    assert "1 + SQLite" not in text  # it sent PostgreSQL SQL too: "2 + SQLite"
    assert "2 + SQLite" in text
    legend = text.split("Legend", 1)[1]
    for header in headers:
        assert f"{header}\n" in legend, header
    assert "hit: the stored result was reused" in legend
    assert "Every result was taken" not in text


def test_summary_is_sentences_without_the_console_prefix() -> None:
    recorded = pages(info(1), info(2, claims=5, rewrites=2))
    summary = report.summary(recorded)
    assert not summary.startswith("abe:") and "abe:" not in rendered(recorded)[0]
    assert summary.startswith("All 2 examples passed: none failed and none was left unexecuted.")
    assert "checked 8 annotation claims" in summary and "saw 2 table rewrites" in summary
    assert summary.endswith(".")
    line = report.console_line(recorded, executed=["ex02-slug"])
    assert line.startswith("abe: All 2 examples passed")
    assert "1 executed in this build, 1 from cache" in line


def test_summary_counts_failed_and_not_executed() -> None:
    recorded = pages(info(1), info(2, status="failed", failure="step 3 exited 1\nmore"),
                     info(3, status="skipped", reason="needs PostGIS"))
    assert report.summary(recorded).startswith(
        "Of the 3 examples, 1 passed, 1 failed and 1 was not executed.")


def test_versions_are_stated_once() -> None:
    text, _ = rendered(pages(info(1), info(2, sqlite="3.40.1", steps=5)))
    for name, label in (("alembic", "Alembic"), ("sqlalchemy", "SQLAlchemy"),
                        ("psycopg", "psycopg"), ("sphinx", "Sphinx")):
        assert f"{label} {metadata.version(name)}" in text
        assert text.count(f"{label} {metadata.version(name)}") == 1
    assert "They ran against PostgreSQL 18.6 (embedded); Example 2 also on SQLite 3.40.1." in text
    assert text.count("PostgreSQL 18.6 (embedded)") == 1


def test_reasons_and_long_verification_texts_are_notes_below_the_table() -> None:
    long_trip = "passed (schema; data not restored: downgrade() cannot bring the values back)"
    text, headers = rendered(pages(
        info(1, status="skipped", reason="needs a server with PostGIS"),
        info(2, status="failed", failure="step 3 exited 1\nTraceback ..."),
        info(3, substitution="A psql step stands in for a killed run.",
             verification={"roundtrip": long_trip, "check": "no models"})))
    assert "Status" in headers and "Round trip" in headers and "Subst." in headers
    table, after = text.split("Legend", 1)
    assert "needs a server with PostGIS" not in table and long_trip not in table
    assert "not executed" in table and "passed *" in table and "yes *" in table
    notes = after.split("Notes", 1)[1]
    assert "ex01-slug: Status: not executed: needs a server with PostGIS" in notes
    assert "ex02-slug: Status: failed: step 3 exited 1\n" in notes + "\n"
    assert "Traceback" not in notes
    assert f"ex03-slug: Round trip: {long_trip}" in notes
    assert "ex03-slug: Substitution: A psql step stands in for a killed run." in notes


def test_a_skipped_example_s_reason_is_a_note_even_when_every_example_was_skipped() -> None:
    text, headers = rendered(pages(info(1, status="skipped", reason="no server")))
    assert "Status" not in headers
    assert "ex01-slug: Status: not executed: no server" in text


def test_latex_columns_are_as_wide_as_their_widest_word() -> None:
    rows = [("ex01-slug", info(1)), ("ex65-zero-downtime-rename-table", info(2, steps=12))]
    columns, _ = report.split_columns([i for _s, i in rows])
    assert [c.header for c in columns] == ["Steps"]
    assert report.latex_widths(rows, columns) == [31 + 2, 5 + 2]
    spec = report.latex_spec([33, 7])
    assert spec.count(r"\raggedright") == 2 and spec.count("|") == 3
    assert r"\X{33}{40}" in spec and r"\X{7}{40}" in spec


def test_a_major_whose_output_differs_is_a_compact_column_and_the_shown_one_is_not() -> None:
    text, headers = rendered(pages(
        info(1, majors={"17": "passed, output differs in step 3", "18": "passed (shown)"}),
        info(2, majors={"17": "passed, same output", "18": "passed (shown)"})))
    assert headers == ["Example", "PG 17"]
    table = text.split("Legend", 1)[0]
    assert "differs: 3" in table and "same" in table
    assert "passed, output differs" not in table


def test_a_round_trip_with_a_caveat_counts_as_passed_and_says_so() -> None:
    caveat = "passed (schema; data not restored: the old values are lost)"
    summary = report.summary(pages(info(1), info(2, verification={"roundtrip": caveat})))
    assert "2 examples passed the round trip (1 of them with a caveat in the notes)" in summary


def test_a_build_that_recorded_no_example_says_so_instead_of_failing() -> None:
    out = report.report_nodes(APP, "book/appendix/report", {})  # type: ignore[arg-type]
    text = " ".join(node.astext() for node in out)
    assert text.startswith("No example was recorded in this build."), text
    assert "They ran against no server." in text
    assert report.servers_phrase([]) == "server: none"
