"""Villages with keys and packages, and a township to take them in (fixtures imported by the tests here)."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest

from app.clock import FixedClock
from app.data_dir import DataDir
from app.services.common.context import open_services
from app.services.common.profile import Profile
from app.services.members.member_types import PersonData, PostData
from app.services.township import package_format as fmt
from app.services.township.package_export import export_key, export_package
from app.services.township.town_store import TownStore
from app.services.township.village_key import read_card, sign

NOW = dt.datetime(2026, 11, 27, 10, 0)


class Village:
    """One village program on its own data dir, with a few records."""

    def __init__(self, root: Path, name: str, code: str, clock: FixedClock):
        self.root, self.name, self.code, self.clock = root, name, code, clock
        self.services = open_services(DataDir(root / name), clock)
        self.services.profile.save(Profile(name, "白沙镇", area_code=code))
        self.services.members.save(PersonData(
            values={"name": f"{name[0]}书记", "birth_date": dt.date(1970, 3, 2), "gender": "男"},
            posts=[PostData("党支部书记", dt.date(2021, 5, 1), None, None)], duties="全面工作"))
        self.exported = 0

    def key(self) -> Path:
        path = self.root / f"{self.name}.pub"
        export_key(self.services.db, path)
        return path

    def package(self, name: str | None = None) -> Path:
        self.exported += 1
        path = self.root / (name or f"{self.name}-{self.exported}{fmt.SUFFIX}")
        export_package(self.services.db, self.services.data_dir, self.clock, path)
        return path

    def close(self) -> None:
        self.services.close()


@pytest.fixture
def village(tmp_path, clock):
    made = Village(tmp_path, "红旗村", "430124105201", clock)
    yield made
    made.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def town(request, tmp_path):
    """The township's store on each engine."""
    db_url = request.getfixturevalue("pg_url") if request.param == "postgresql" else None
    store = TownStore.init(tmp_path / "town", "白沙镇", "430124105", db_url=db_url)
    yield store
    store.close()


@pytest.fixture
def registered(town, village, clock):
    town.register(read_card(village.key()), clock.now())
    return town


def copy_rows(store: TownStore, code: str) -> dict[str, list[tuple]]:
    """Every table of the township's copy of a village, read through the village's own tables."""
    from sqlalchemy import select

    from db.models import Base

    db = store.copies.open(code)
    try:
        with db.read() as s:
            return {t.name: sorted((tuple(map(str, r)) for r in s.execute(select(t))), key=repr)
                    for t in Base.metadata.sorted_tables}
    finally:
        db.close()


def copy_identity(store: TownStore, code: str) -> object:
    """Changes whenever the copy is replaced: the file's time on SQLite, the schema's oid on PostgreSQL."""
    if store.db_url is None:
        return store.copies.path(code).stat().st_mtime_ns
    with store.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT oid FROM pg_namespace WHERE nspname = %(n)s", {"n": f"v_{code}"}).scalar()


def repack(source: Path, target: Path, change, village: Village | None = None) -> Path:
    """Rewrite a package: ``change(files, manifest)`` edits it; re-signed with ``village``'s key when given."""
    with zipfile.ZipFile(source) as archive:
        files = {n: archive.read(n) for n in archive.namelist()}
    manifest = json.loads(files.pop(fmt.MANIFEST))
    signature = bytes.fromhex(files.pop(fmt.SIGNATURE).decode())
    change(files, manifest)
    if village is not None:
        manifest["files"] = {n: fmt.sha256(d) for n, d in files.items()}
        manifest_data = fmt.manifest_bytes(manifest)
        signature = sign(village.services.db, manifest_data)
    else:
        manifest_data = fmt.manifest_bytes(manifest)
    target.write_bytes(fmt.zip_bytes(manifest_data, signature, files))
    return target
