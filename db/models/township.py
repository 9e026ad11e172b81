"""The village's signing key, and the township's own tables (villages, keys, packages, import log,
the matrix's rows kept).

The village key lives in the village database: it is then in every backup and restored with
it, in a file private to the user (600). It never leaves through a package: the package
export skips it by name. The township's tables are on their own metadata (TownBase): they
belong to the township's file only, never to a village's.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from db.models.base import Base

# The township tables' version (db.town_schema): one more for each change to a table already made.
TOWN_SCHEMA_VERSION = 2

# Tables a package never carries: the private key, and the database's own bookkeeping.
NOT_EXPORTED = frozenset({"village_key", "alembic_version"})


class VillageKey(Base):
    """The village's Ed25519 key pair; one row, made at first start (or on upgrade)."""

    __tablename__ = "village_key"

    id: Mapped[int] = mapped_column(primary_key=True)
    private_key: Mapped[str] = mapped_column(Text)  # raw 32 bytes, hex
    public_key: Mapped[str] = mapped_column(Text)  # raw 32 bytes, hex
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class TownBase(DeclarativeBase):
    pass


class TownInfo(TownBase):
    """The township itself; one row."""

    __tablename__ = "town_info"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    code: Mapped[str] = mapped_column(String(12), default="")  # 9-digit 乡镇 prefix, "" when not given
    schema_version: Mapped[int] = mapped_column(Integer, default=TOWN_SCHEMA_VERSION)


class TownVillage(TownBase):
    """A registered village with its public key."""

    __tablename__ = "town_village"

    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    public_key: Mapped[str] = mapped_column(Text)  # hex
    fingerprint: Mapped[str] = mapped_column(String(64))
    registered_at: Mapped[dt.datetime] = mapped_column(DateTime)


class TownPackage(TownBase):
    """A package taken in; the township keeps each one (file under packages/CODE/). The latest taken
    (highest id) is the one in the village's copy; its number need not be the highest (a confirmed fork)."""

    __tablename__ = "town_package"

    id: Mapped[int] = mapped_column(primary_key=True)
    village_code: Mapped[str] = mapped_column(ForeignKey("town_village.code"), index=True)
    sequence: Mapped[int] = mapped_column(Integer)
    package_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    period_from: Mapped[str] = mapped_column(String(10), default="")
    period_to: Mapped[str] = mapped_column(String(10), default="")
    schema_revision: Mapped[str] = mapped_column(String(20))
    counts: Mapped[str] = mapped_column(Text, default="{}")  # JSON: table -> rows
    stored_as: Mapped[str] = mapped_column(String(200))
    received_at: Mapped[dt.datetime] = mapped_column(DateTime)


class TownImportLog(TownBase):
    """Every import attempt, taken or refused, with what was said to the user."""

    __tablename__ = "town_import_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    file_name: Mapped[str] = mapped_column(String(300))
    village_code: Mapped[str] = mapped_column(String(12), default="")
    result: Mapped[str] = mapped_column(String(10))  # 已导入 / 已拒绝 / 重复
    message: Mapped[str] = mapped_column(Text, default="")


class TownMatrixCells(TownBase):
    """One village's row of the villages × requirements matrix, kept so the window opens at once.

    Worked out from the package ``package_hash`` for ``period`` (a year) counted up to ``day``,
    by ``program`` (a version): a row that differs in any of these is worked out again.
    Nothing is lost by deleting these rows."""

    __tablename__ = "town_matrix_cells"

    village_code: Mapped[str] = mapped_column(ForeignKey("town_village.code"), primary_key=True)
    period: Mapped[str] = mapped_column(String(10), primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date)
    package_hash: Mapped[str] = mapped_column(String(64))
    program: Mapped[str] = mapped_column(String(40))
    cells: Mapped[str] = mapped_column(Text)  # JSON: [[column, text], ...]
