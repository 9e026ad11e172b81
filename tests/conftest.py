"""Shared fixtures: offscreen Qt, a fixed clock, a fresh data dir and database per test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.ui.shell.none_refcount import keep_none_alive  # noqa: E402

keep_none_alive()  # the suite makes far more Qt calls than the defect allows (none_refcount.py)

import datetime as dt  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from app.clock import FixedClock  # noqa: E402
from app.data_dir import DataDir  # noqa: E402
from app.services.common.datastore import open_database  # noqa: E402
from app.services.common.profile import Profile, ProfileService  # noqa: E402
from app.services.members.member_types import PersonData, PostData  # noqa: E402
from app.services.members.members import MemberService  # noqa: E402

TODAY = dt.date(2026, 11, 27)

# Genuine-format IDs with correct check digits, made for the tests.
ID_MALE_1975 = "440308197503021235"
ID_FEMALE_1980 = "430102198001015621"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(dt.datetime(2026, 11, 27, 10, 0))


@pytest.fixture
def data_dir(tmp_path: Path) -> DataDir:
    return DataDir(tmp_path / "data")


@pytest.fixture
def db(data_dir, clock):
    database = open_database(data_dir, clock)
    yield database
    database.close()


@pytest.fixture
def members(db, clock) -> MemberService:
    return MemberService(db, clock)


@pytest.fixture
def profile(db) -> Profile:
    return ProfileService(db).save(Profile("红旗村", "城关镇", supervision_phone="0731-84561234"))


def person(name: str, *posts: str, **values) -> PersonData:
    """A PersonData with the given posts, all current and started 2021-05-01."""
    data = {"name": name, **values}
    return PersonData(
        values=data,
        posts=[PostData(title=t, start_date=dt.date(2021, 5, 1)) for t in posts],
    )


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(monkeypatch):
    """A modal box a test did not expect fails that test instead of hanging it."""
    from app.ui.common import dialogs

    def unexpected(name):
        def fail(*args, **kwargs):
            raise AssertionError(f"unexpected dialog {name}: {args[1:3]}")

        return fail

    for name in dir(dialogs):
        if name.startswith(("ask_", "show_")) and callable(getattr(dialogs, name)):
            monkeypatch.setattr(dialogs, name, unexpected(name))


@pytest.fixture
def services(data_dir, clock):
    from app.services.common.context import open_services

    opened = open_services(data_dir, clock)
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def dialog_keys_guard(request):
    """Window tests run with the guard create_application installs (app/ui/common/dialog_keys.py)."""
    if {"qtbot", "qapp"} & set(request.fixturenames):
        from app.ui.common import dialog_keys

        dialog_keys.install(request.getfixturevalue("qapp"))


# The township's PostgreSQL engine: a throwaway server when the Debian binaries are installed
# (tests/pg_cluster.py). TAIZHANG_REQUIRE_PG=1 (set in CI) turns the skip into a failure.
REQUIRE_PG = "TAIZHANG_REQUIRE_PG"


def pytest_report_header(config):  # noqa: ANN001, ARG001 - pytest hook
    from tests.pg_cluster import missing_reason, server_bin

    found = server_bin()
    return f"PostgreSQL: 乡镇库的测试用 {found} 临时建立的服务器" if found else missing_reason()


@pytest.fixture(scope="session")
def pg_cluster():
    from tests.pg_cluster import Cluster, missing_reason, server_bin

    found = server_bin()
    if found is None:
        if os.environ.get(REQUIRE_PG) == "1":
            pytest.fail(f"{missing_reason()}；{REQUIRE_PG}=1 要求两种数据库都测试")
        pytest.skip(missing_reason())
    cluster = Cluster(found)
    try:
        cluster.start()
    except BaseException:
        cluster.stop()
        raise
    yield cluster
    cluster.stop()


@pytest.fixture
def pg_url(pg_cluster):
    """The address of a fresh, empty PostgreSQL database, dropped after the test."""
    url = pg_cluster.database()
    yield url
    pg_cluster.drop(url)
