"""`town import FILE.tzpkg`: check a village's package, then replace the township's copy of that village.

Every check runs before anything is written; the new copy is built in a temporary file and put
in place in one step. Every attempt, taken or refused, goes to the import log.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from app.clock import Clock
from app.services.township import package_format as fmt
from app.services.township.matrix import keep_village_row
from app.services.township.package_reader import (
    ASK_AGAIN,
    ImportRefused,
    OpenedPackage,
    check_signature_and_hashes,
    open_package,
)
from app.services.township.town_store import TownStore, period_text
from db.migrate import SCHEMA_HEAD, known_revisions
from db.models.township import NOT_EXPORTED, TownPackage
from db.village_copy import CopyRefused, create_at_revision, fill, tables_at

TAKEN, REFUSED, REPEATED = "已导入", "已拒绝", "重复"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImportResult:
    result: str  # TAKEN or REPEATED
    village_code: str
    village_name: str
    sequence: int
    created_at: dt.datetime
    period: tuple[str, str]
    counts: dict[str, int]
    fingerprint: str
    received_at: dt.datetime
    message: str


def import_package(store: TownStore, path: Path, clock: Clock, *, confirm_fork: bool = False,
                   max_bytes: int = fmt.MAX_PACKAGE_BYTES) -> ImportResult:
    now = clock.now().replace(microsecond=0)
    try:
        result = _import(store, Path(path), now, confirm_fork, max_bytes)
    except ImportRefused as exc:
        store.log(now, Path(path).name, exc.village_code, REFUSED, exc.message)
        raise
    store.log(now, Path(path).name, result.village_code, result.result, result.message)
    if result.result == TAKEN:
        try:  # the package is taken whatever happens here: the window works the row out when it opens
            keep_village_row(store, result.village_code, clock)
        except Exception:  # noqa: BLE001 - logged in full; the import has succeeded
            log.exception("the matrix row of %s was not worked out at import", result.village_code)
    return result


def _check_order(store: TownStore, package: OpenedPackage, name: str, confirm_fork: bool) -> None:
    last = store.last_package(package.code)
    if last is None or confirm_fork:
        return
    if package.sequence <= last.sequence:
        raise ImportRefused(
            f"{name}这个数据包是第 {package.sequence} 号，不比已导入的第 {last.sequence} 号新，没有导入："
            "可能拿错了旧文件。确需导入时，由管理员核对后加 --confirm 再导入", package.code)
    if package.manifest.get("previous_hash", "") != last.package_hash:
        raise ImportRefused(
            f"{name}这个数据包不是接着已导入的第 {last.sequence} 号做的（前后对不上，可能是从旧备份恢复后导出的），"
            "没有导入：请向村里核实。确需导入时，由管理员核对后加 --confirm 再导入", package.code)


def _decoded_rows(package: OpenedPackage, revision: str) -> dict[str, list[dict[str, object]]]:
    tables = tables_at(revision)
    raw = package.table_rows()
    counts = package.manifest["counts"]
    decoded: dict[str, list[dict[str, object]]] = {}
    for name, rows in raw.items():
        table = tables.get(name)
        if table is None or name in NOT_EXPORTED:
            raise ImportRefused(f"数据包里有本程序不认识的数据表 {name}，没有导入：{ASK_AGAIN}", package.code)
        if counts.get(name) != len(rows):
            raise ImportRefused(f"数据包里 {name} 有 {len(rows)} 条记录，清单上写的是 {counts.get(name)} 条，没有导入：{ASK_AGAIN}",
                                package.code)
        out = []
        decoders = {column.key: fmt.decoder(column) for column in table.columns}
        for number, row in enumerate(rows, 1):
            unknown = set(row) - decoders.keys()
            if unknown:
                raise ImportRefused(f"数据包里 {name} 第 {number} 条记录有不认识的栏目 {sorted(unknown)[0]}，没有导入：{ASK_AGAIN}",
                                    package.code)
            try:
                out.append({key: decoders[key](value) for key, value in row.items()})
            except (ValueError, TypeError) as exc:
                raise ImportRefused(f"数据包里 {name} 第 {number} 条记录不对（{exc}），没有导入：{ASK_AGAIN}",
                                    package.code) from None
        decoded[name] = out
    missing = set(counts) - set(raw)
    if missing:
        raise ImportRefused(f"数据包缺少数据表 {sorted(missing)[0]}，没有导入：{ASK_AGAIN}", package.code)
    return decoded


def _import(store: TownStore, path: Path, now: dt.datetime, confirm_fork: bool, max_bytes: int) -> ImportResult:
    package = open_package(path, max_bytes)
    village = store.village(package.code)
    if village is None:
        raise ImportRefused(
            f"区划代码 {package.code}（{package.manifest.get('village_name', '')}）的村还没有登记，没有导入："
            "请先让村里导出公钥（export key），用 town register 公钥文件 登记后再导入", package.code)
    check_signature_and_hashes(package, bytes.fromhex(village.public_key), village.name)
    name = village.name
    period = (str(package.manifest["period"]["from"]), str(package.manifest["period"]["to"]))
    counts = {k: int(v) for k, v in package.manifest["counts"].items()}
    summary = dict(village_code=package.code, village_name=name, sequence=package.sequence,
                   created_at=package.created_at, period=period, counts=counts,
                   fingerprint=village.fingerprint, received_at=now)
    if store.package_by_hash(package.package_hash) is not None:
        return ImportResult(REPEATED, **summary,
                            message=f"{name}第 {package.sequence} 号数据包以前已导入，这次没有任何改动")
    revision = str(package.manifest.get("schema_revision", ""))
    if revision != SCHEMA_HEAD and revision not in known_revisions():
        raise ImportRefused(f"{name}的数据包由更新版本的村支部台账做成（版本标记 {revision}），本程序不认识，没有导入："
                            "请先把乡镇的程序升级到最新版本，再导入", package.code)
    _check_order(store, package, name, confirm_fork)
    with tempfile.TemporaryDirectory(dir=store.root, prefix=".import-") as tmp:
        work = Path(tmp) / "village.db"
        create_at_revision(work, revision)
        rows = _decoded_rows(package, revision)
        try:
            fill(work, revision, rows, now)
        except CopyRefused as exc:
            raise ImportRefused(f"{name}的数据包里有对不上的记录（{exc}），没有导入：{ASK_AGAIN}", package.code) from None
        kept = store.packages_dir / package.code / f"{package.sequence:05d}-{package.package_hash[:12]}{fmt.SUFFIX}"
        kept.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, kept)
        try:
            store.copies.replace(package.code, work)
        except CopyRefused as exc:
            kept.unlink(missing_ok=True)
            raise ImportRefused(f"{name}的数据包里有对不上的记录（{exc}），没有导入：{ASK_AGAIN}", package.code) from None
    with store.session() as s, s.begin():
        s.add(TownPackage(village_code=package.code, sequence=package.sequence, package_hash=package.package_hash,
                          created_at=package.created_at, period_from=period[0], period_to=period[1],
                          schema_revision=revision, counts=json.dumps(counts, ensure_ascii=False),
                          stored_as=str(kept.relative_to(store.root)), received_at=now))
    total = sum(counts.values())
    return ImportResult(TAKEN, **summary,
                        message=f"已导入{name}第 {package.sequence} 号数据包（{period_text(*period)}，{total} 条记录）")
