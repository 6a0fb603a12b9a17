"""The schema is versioned: a database made by the first version migrates without losing a row."""
import sqlite3
from pathlib import Path

import pytest

from backend import create_app
from backend.db import SCHEMA_VERSION, database
from backend.models import (
    Application,
    FollowUp,
    IdempotentRequest,
    Interview,
    Profile,
    Token,
    UserTemplate,
)
from tests.conftest import BASE, TOKEN

V1 = Path(__file__).parent / "fixtures" / "schema_v1.sql"
TABLES = (Interview, FollowUp, Profile, Token, IdempotentRequest, Application, UserTemplate)


def make_v1_database(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.executescript(V1.read_text())


def test_a_first_version_database_migrates_without_losing_a_row(tmp_path):
    path = tmp_path / "old.db"
    make_v1_database(path)
    with sqlite3.connect(path) as connection:
        before = {table: connection.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
                  for table in ("interview", "follow_up", "profile", "token")}
    app = create_app({"DATABASE": str(path), "TOKEN": TOKEN})
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        for table, rows in before.items():
            after = connection.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            # Later steps may add columns (at the end, empty): the old ones are kept as they were.
            width = len(rows[0]) if rows else 0
            assert [row[:width] for row in after] == rows, table
            assert all(value is None for row in after for value in row[width:]), table
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    client = app.test_client()
    answer = client.get("/api/v1/interviews/1", base_url=BASE,
                        headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.json["company"] == "Acme" and answer.json["decision_date"] == "2026-03-06"
    assert client.get("/api/v1/due?on=2026-03-09", base_url=BASE,
                      headers={"Authorization": f"Bearer {TOKEN}"}).json["due"][0]["id"] == 1


def test_migrating_twice_is_harmless(tmp_path):
    path = str(tmp_path / "twice.db")
    create_app({"DATABASE": path})
    create_app({"DATABASE": path})
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_the_migrated_schema_has_every_model_column(tmp_path):
    path = tmp_path / "cols.db"
    make_v1_database(path)
    create_app({"DATABASE": str(path)})
    with sqlite3.connect(path) as connection:
        for model in TABLES:
            table = model._meta.table_name
            columns = {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
            assert {field.column_name for field in model._meta.sorted_fields} <= columns, table


def test_a_newer_database_is_refused_not_damaged(tmp_path):
    path = tmp_path / "future.db"
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(RuntimeError, match="newer"):
        create_app({"DATABASE": str(path)})


def test_wal_and_foreign_keys_are_on(app):
    with database.connection_context():
        assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1


def test_unknown_settings_are_refused(tmp_path):
    with pytest.raises(ValueError, match="DATABSE"):
        create_app({"DATABSE": str(tmp_path / "typo.db")})
