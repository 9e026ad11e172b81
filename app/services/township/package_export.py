"""`export package` / `export key`: the village's signed snapshot for the township, and its public key."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Date, func, select

from app import __version__
from app.clock import Clock
from app.data_dir import DataDir
from app.services.common.errors import UserError
from app.services.common.profile import ProfileService
from app.services.common.records import meta_value, set_meta_value
from app.services.common.safe_files import write_file
from app.services.township import package_format as fmt
from app.services.township.village_key import PublicKeyCard, fingerprint, public_key, sign
from db.audit_head import chain_head
from db.migrate import SCHEMA_HEAD
from db.session import Database

SEQUENCE_KEY, LAST_HASH_KEY = "package.sequence", "package.last_hash"
# Dates that say when something happened in the village's work (not birthdays): the period starts at the first.
_PERIOD_SKIPS = {"person", "post", "term_duty", "audit_log", "meeting_gram"}


@dataclass(frozen=True)
class ExportedPackage:
    path: Path
    sequence: int
    package_hash: str
    counts: dict[str, int]
    size: int


def _profile_for_package(db: Database):  # noqa: ANN202 - Profile
    profile = ProfileService(db).for_print()
    if not profile.area_code:
        raise UserError("还没有填写本村的统计用区划代码：请先在 设置 → 村庄信息 中填写（12位，例如 430124105201），"
                        "或用 profile --code 430124105201")
    return profile


def export_key(db: Database, target: Path) -> PublicKeyCard:
    profile = _profile_for_package(db)
    card = PublicKeyCard(profile.area_code, profile.village_name, public_key(db))
    write_file(Path(target), lambda temp: temp.write_text(card.to_json(), encoding="utf-8"))
    return card


def key_sheet_pdf(db: Database, clock: Clock, target: Path) -> str:
    """Print the 上报密钥登记表; returns the fingerprint printed on it."""
    from app.reports.township.key_sheet import build_key_sheet

    profile = ProfileService(db).for_print()
    shown = fingerprint(public_key(db))
    write_file(Path(target), lambda temp: build_key_sheet(
        temp, village=profile.village_name, township=profile.township, code=profile.area_code,
        fingerprint=shown, print_date=clock.today()))
    return shown


def _attachments(data_dir: DataDir) -> list[tuple[str, Path]]:
    found = []
    for folder in (data_dir.photos, data_dir.attachments):
        if folder.is_dir():
            found += [(f"{fmt.ATTACHMENTS_DIR}{folder.name}/{p.relative_to(folder).as_posix()}", p)
                      for p in sorted(folder.rglob("*")) if p.is_file()]
    return found


def export_package(db: Database, data_dir: DataDir, clock: Clock, target: Path,
                   with_attachments: bool = False) -> ExportedPackage:
    """Write the whole village as one signed package; remember its number and hash for the next."""
    profile = _profile_for_package(db)
    now = clock.now().replace(microsecond=0)
    files: dict[str, bytes] = {}
    counts: dict[str, int] = {}
    period_from: dt.date | None = None
    with db.read() as s:
        sequence = int(meta_value(s, SEQUENCE_KEY) or 0) + 1
        previous = meta_value(s, LAST_HASH_KEY) or ""
        for table in fmt.exported_tables():
            rows = [dict(r._mapping) for r in s.execute(select(table).order_by(*table.primary_key.columns))]
            files[f"{fmt.TABLES_DIR}{table.name}.jsonl"] = fmt.rows_to_jsonl(rows)
            counts[table.name] = len(rows)
            if table.name in _PERIOD_SKIPS:
                continue
            for column in table.columns:
                if isinstance(column.type, Date):
                    first = s.scalar(select(func.min(column)))
                    if first is not None and (period_from is None or first < period_from):
                        period_from = first
    if with_attachments:
        attached = _attachments(data_dir)
        total = sum(p.stat().st_size for _, p in attached)
        if total > fmt.MAX_ATTACHMENT_BYTES:
            raise UserError(f"附件（照片和扫描件）共 {total / 1048576:.0f} MB，超过上报数据包的上限 "
                            f"{fmt.MAX_ATTACHMENT_BYTES // 1048576} MB：请不带附件导出，附件另行报送")
        files.update({name: path.read_bytes() for name, path in attached})
    head = chain_head(db.path)
    manifest = {
        "format": fmt.FORMAT,
        "program_version": __version__,
        "schema_revision": SCHEMA_HEAD,
        "village_code": profile.area_code,
        "village_name": profile.village_name,
        "created_at": now.isoformat(),
        "period": {"from": period_from.isoformat() if period_from else now.date().isoformat(),
                   "to": now.date().isoformat()},
        "counts": counts,
        "audit_head": {"entries": head.entries, "last_hash": head.last_hash},
        "previous_hash": previous,
        "sequence": sequence,
        "key_fingerprint": fingerprint(public_key(db)),
        "files": {name: fmt.sha256(data) for name, data in sorted(files.items())},
    }
    manifest_data = fmt.manifest_bytes(manifest)
    signature = sign(db, manifest_data)
    payload = fmt.zip_bytes(manifest_data, signature, files)
    write_file(Path(target), lambda temp: temp.write_bytes(payload))
    package_hash = fmt.sha256(manifest_data)
    with db.write() as s:
        set_meta_value(s, SEQUENCE_KEY, str(sequence))
        set_meta_value(s, LAST_HASH_KEY, package_hash)
    return ExportedPackage(Path(target), sequence, package_hash, counts, len(payload))
