"""Every SQLite URI comes from one helper: network shares, mapped drives, # % ? and spaces."""

import sqlite3
from contextlib import closing
from pathlib import Path, PureWindowsPath

import pytest
from sqlalchemy import text

from db.audit import chain_problems
from db.backup import integrity_problems, read_only_uri
from db.engine import make_engine
from db.migrate import current_revision
from db.sqlite_uri import sqlite_uri


def test_a_network_share_keeps_its_server_in_the_path_not_the_authority():
    share = PureWindowsPath(r"\\NAS\台账备份\村 #1\taizhang.db")
    assert sqlite_uri(share, read_only=True) == "file:////NAS/台账备份/村%20%231/taizhang.db?mode=ro"
    # What Path.resolve().as_uri() gave for the same file, and SQLite's answer to it.
    assert share.as_uri().startswith("file://NAS/")
    with pytest.raises(sqlite3.OperationalError, match="authority"):
        sqlite3.connect(share.as_uri(), uri=True)


def test_a_mapped_drive_stays_a_drive():
    assert sqlite_uri(PureWindowsPath(r"Z:\备份 100%\a?b.db")) == "file:///Z:/备份%20100%25/a%3Fb.db"
    # Backup verification and restore's checks build their URI the same way (no resolve()).
    assert read_only_uri(PureWindowsPath(r"Z:\备份\taizhang.db")) == "file:///Z:/备份/taizhang.db?mode=ro"


@pytest.fixture
def awkward_db(tmp_path) -> Path:
    folder = tmp_path / "红旗村 #2 台账 100%"
    folder.mkdir()
    path = folder / "台账 备份.db"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num TEXT)")
        conn.execute("INSERT INTO alembic_version VALUES ('0006')")
        conn.commit()
    return path


def test_read_only_opens_the_very_file_and_cannot_write(awkward_db):
    with closing(sqlite3.connect(sqlite_uri(awkward_db, read_only=True), uri=True)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0006",)]
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            conn.execute("INSERT INTO alembic_version VALUES ('x')")
    assert sorted(p.name for p in awkward_db.parent.iterdir()) == ["台账 备份.db"]  # nothing made beside it


def test_the_unc_form_is_what_sqlite_reads_as_a_plain_path(awkward_db):
    # On Windows //server/share/… is the share; here //tmp/… is /tmp/…: the same parsing.
    uri = "file:///" + sqlite_uri(awkward_db, read_only=True).removeprefix("file://")
    with closing(sqlite3.connect(uri, uri=True)) as conn:
        assert conn.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)


def test_the_checks_read_a_database_in_a_folder_with_hash_and_spaces(awkward_db):
    assert current_revision(awkward_db) == "0006"
    assert integrity_problems(awkward_db) == []
    assert chain_problems(awkward_db) == []


def test_the_engine_opens_a_file_whose_folder_has_a_hash_or_question_mark(tmp_path):
    folder = tmp_path / "村#3?备份"
    folder.mkdir()
    engine = make_engine(folder / "taizhang.db")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (x INTEGER)"))
    engine.dispose()
    assert (folder / "taizhang.db").is_file()
