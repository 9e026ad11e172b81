"""The township's data: its own tables in town.db, and one database file per village under villages/;
or, given a PostgreSQL address (``--db``), the same tables and one schema per village there (db.town_pg).

Why files per village (SQLite): each village's copy has exactly the village program's schema,
made by the same migrations, so the village services and prints run on it unchanged
(read-only); a new package replaces one file in one step, and a refused import touches none.
Packages kept and receipts stay in the town folder on either engine.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.services.common.errors import UserError
from app.services.township.area_code import check_area_code, check_township_code
from app.services.township.village_key import PublicKeyCard
from app.services.township.village_copies import FileCopies, SchemaCopies, VillageCopies
from db.engine import make_engine
from db.models.township import TOWN_SCHEMA_VERSION, TownImportLog, TownInfo, TownPackage, TownVillage
from db.town_schema import TownSchemaTooNew, prepare_town_schema

TOWN_DB = "town.db"
# A village that has not reported for this long is shown as missing its report.
OVERDUE_DAYS = 100


def shown_address(db_url: str) -> str:
    """The address without its password, for messages."""
    head, at, tail = db_url.rpartition("@")
    if not at:
        return db_url
    scheme, sep, user = head.partition("://")
    return f"{scheme}{sep}{user.split(':')[0]}@{tail}"


def _last_taken(code: str | None = None):  # noqa: ANN202 - a Select
    """The package each village's copy holds (the last one taken: highest id), or only ``code``'s."""
    newest = select(func.max(TownPackage.id)).group_by(TownPackage.village_code)
    if code is not None:
        newest = newest.where(TownPackage.village_code == code)
    return select(TownPackage).where(TownPackage.id.in_(newest))


def period_text(first: str, last: str) -> str:
    """A package's period as the township shows and prints it: “2021-05-01 至 2026-11-27”."""
    return f"{first} 至 {last}"


@dataclass(frozen=True)
class VillageRow:
    code: str
    name: str
    fingerprint: str
    sequence: int | None
    created_at: dt.datetime | None
    period_from: str  # ISO dates of the period the package covers; "" before the first
    period_to: str
    counts: dict[str, int]
    package_hash: str  # of the package the copy holds; "" before the first

    @property
    def period(self) -> str:
        """“2021-05-01 至 2026-11-27”, or "" before the first package."""
        return period_text(self.period_from, self.period_to) if self.period_from else ""

    def state(self, today: dt.date) -> str:
        if self.created_at is None:
            return "未上报"
        age = (today - self.created_at.date()).days
        return f"逾期未报（{age}天前）" if age > OVERDUE_DAYS else "正常"


class TownStore:
    """``db_url`` None: town.db in ``root``; else the PostgreSQL database at that address."""

    def __init__(self, root: Path, db_url: str | None = None):
        self.root = Path(root)
        self.path = self.root / TOWN_DB
        self.db_url = db_url
        if db_url is None and not self.path.exists():
            raise UserError(f"{self.root} 里还没有乡镇数据：请先运行 town init --name 镇名")
        self.root.mkdir(parents=True, exist_ok=True)
        self._open()
        if db_url is not None and self.info() is None:
            self.close()
            raise UserError(f"数据库 {shown_address(db_url)} 里还没有乡镇数据：请先运行 town --db 地址 init --name 镇名")

    def _open(self) -> None:
        if os.name == "posix":  # the villages' copies hold ID numbers: the township's files are its own alone
            os.umask(0o077)
            self.root.chmod(0o700)
        if self.db_url is None:
            self.engine = make_engine(self.path)
            self.copies: VillageCopies = FileCopies(self.root / "villages")
        else:
            from db.town_pg import TownDatabaseError, make_town_engine, town_url

            try:
                url = town_url(self.db_url)
                self.engine = make_town_engine(url)
            except TownDatabaseError as exc:
                raise UserError(f"连不上乡镇数据库 {shown_address(self.db_url)}（{exc}）：请核对 --db 地址"
                                "（例如 postgresql://用户名@服务器:5432/库名），或请管理员检查数据库服务器") from None
            self.copies = SchemaCopies(self.engine)
        try:
            prepare_town_schema(self.engine)
        except TownSchemaTooNew as exc:
            self.engine.dispose()
            raise UserError(f"这份乡镇数据由更新版本的村支部台账建立（数据版本 {exc.version}，本程序认识到 "
                            f"{TOWN_SCHEMA_VERSION}），没有打开，也没有改动：请把本程序升级到最新版本后再打开") from None
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @classmethod
    def init(cls, root: Path, name: str, code: str = "", db_url: str | None = None) -> TownStore:
        name = (name or "").strip()
        if not name:
            raise UserError("请写明乡镇名称，例如 town init --name 白沙镇")
        code = check_township_code(code)
        root = Path(root)
        if db_url is None and (root / TOWN_DB).exists():
            raise UserError(f"{root} 里已有乡镇数据，没有重新建立：直接用 town register / town import 即可")
        root.mkdir(parents=True, exist_ok=True)
        store = cls.__new__(cls)
        store.root, store.path, store.db_url = root, root / TOWN_DB, db_url
        store._open()
        if db_url is not None and store.info() is not None:
            store.close()
            raise UserError(f"数据库 {shown_address(db_url)} 里已有乡镇数据，没有重新建立：直接用 town register / town import 即可")
        with store.session() as s, s.begin():
            s.add(TownInfo(id=1, name=name, code=code))
        return store

    def session(self) -> Session:
        return self._sessions()

    def close(self) -> None:
        self.engine.dispose()

    @property
    def villages_dir(self) -> Path:
        return self.root / "villages"

    @property
    def packages_dir(self) -> Path:
        return self.root / "packages"

    def info(self) -> TownInfo:
        with self.session() as s:
            return s.get(TownInfo, 1)

    def register(self, card: PublicKeyCard, now: dt.datetime) -> tuple[TownVillage, bool]:
        """Register (or re-key) a village. Returns the row and whether it replaced another key."""
        code = check_area_code(card.village_code, self.info().code)
        if not code:
            raise UserError("公钥文件里没有村的统计用区划代码：请让村里先在 设置 → 村庄信息 中填写，再导出公钥")
        with self.session() as s, s.begin():
            row = s.get(TownVillage, code)
            replaced = row is not None and row.public_key != card.public_key.hex()
            if row is None:
                row = TownVillage(code=code)
                s.add(row)
            row.name, row.public_key, row.fingerprint = card.village_name, card.public_key.hex(), card.fingerprint
            row.registered_at = now
        return row, replaced

    def village(self, code: str) -> TownVillage | None:
        with self.session() as s:
            return s.get(TownVillage, code)

    def last_package(self, code: str) -> TownPackage | None:
        """The package the village's copy now holds: the last one taken."""
        with self.session() as s:
            return s.scalar(_last_taken(code))

    def package_by_hash(self, package_hash: str) -> TownPackage | None:
        with self.session() as s:
            return s.scalar(select(TownPackage).where(TownPackage.package_hash == package_hash))

    def log(self, now: dt.datetime, file_name: str, code: str, result: str, message: str) -> None:
        with self.session() as s, s.begin():
            s.add(TownImportLog(at=now, file_name=file_name, village_code=code, result=result, message=message))

    def import_log(self) -> list[TownImportLog]:
        with self.session() as s:
            return list(s.scalars(select(TownImportLog).order_by(TownImportLog.id)))

    def villages(self, code: str | None = None) -> list[VillageRow]:
        """Every registered village in code order with the package its copy holds, or only ``code``."""
        chosen = select(TownVillage).order_by(TownVillage.code)
        if code is not None:
            chosen = chosen.where(TownVillage.code == code)
        with self.session() as s:
            taken = {p.village_code: p for p in s.scalars(_last_taken(code))}
            villages = list(s.scalars(chosen))
        rows = []
        for village in villages:
            last = taken.get(village.code)
            rows.append(VillageRow(
                village.code, village.name, village.fingerprint,
                last.sequence if last else None, last.created_at if last else None,
                last.period_from if last else "", last.period_to if last else "",
                json.loads(last.counts) if last else {}, last.package_hash if last else ""))
        return rows
