"""Opening a .tzpkg at the township: every check that needs only the file and the village's key.

Each refusal is an ImportRefused (a UserError) saying what is wrong and what to do. Nothing
here writes anything.
"""

from __future__ import annotations

import datetime as dt
import json
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from app.services.common.errors import UserError
from app.services.township import package_format as fmt
from app.services.township.village_key import verify

ASK_AGAIN = "请让村里重新导出数据包（文件 → 导出上报数据包…），用新的文件导入"


class ImportRefused(UserError):
    def __init__(self, message: str, village_code: str = ""):
        super().__init__(message)
        self.village_code = village_code


@dataclass(frozen=True)
class OpenedPackage:
    manifest: dict
    manifest_bytes: bytes
    signature: bytes
    files: dict[str, bytes]

    @property
    def code(self) -> str:
        return str(self.manifest.get("village_code", ""))

    @property
    def package_hash(self) -> str:
        return fmt.sha256(self.manifest_bytes)

    @property
    def sequence(self) -> int:
        return int(self.manifest["sequence"])

    @property
    def created_at(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.manifest["created_at"])

    def table_rows(self) -> dict[str, list[dict[str, object]]]:
        """Raw rows per table file (not yet checked against a schema); ImportRefused when malformed."""
        rows = {}
        for name, data in self.files.items():
            if not name.startswith(fmt.TABLES_DIR):
                continue
            table = name[len(fmt.TABLES_DIR):].removesuffix(".jsonl")
            try:
                rows[table] = list(fmt.jsonl_rows(data))
            except (ValueError, UnicodeDecodeError) as exc:
                raise ImportRefused(f"数据包里 {table} 的记录格式不对（{exc}），没有导入：{ASK_AGAIN}", self.code) from None
        return rows


def _safe_name(name: str) -> bool:
    path = PurePosixPath(name)
    return (not path.is_absolute() and ".." not in path.parts and "\\" not in name and ":" not in name
            and (name in (fmt.MANIFEST, fmt.SIGNATURE) or name.startswith((fmt.TABLES_DIR, fmt.ATTACHMENTS_DIR))))


def open_package(path: Path, max_bytes: int = fmt.MAX_PACKAGE_BYTES) -> OpenedPackage:
    """Read the file and check its form and size (not yet its signature)."""
    path = Path(path)
    if not path.is_file():
        raise ImportRefused(f"找不到数据包文件：{path}")
    size = path.stat().st_size
    limit = f"{max_bytes / 1048576:.0f} MB" if max_bytes >= 1048576 else f"{max_bytes} 字节"
    if size > max_bytes:
        raise ImportRefused(f"数据包 {path.name} 有 {size / 1048576:.1f} MB，超过上限 {limit}，没有导入："
                            "请让村里不带附件重新导出")
    not_ours = f"“{path.name}”不是村支部台账的上报数据包（或已损坏），没有导入：{ASK_AGAIN}"
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            bad = [i.filename for i in infos if not _safe_name(i.filename)]
            if bad:
                raise ImportRefused(f"数据包里有不该有的文件路径“{bad[0]}”（指向数据包以外），没有导入：这个文件可能被改动过，{ASK_AGAIN}")
            if sum(i.file_size for i in infos) > max_bytes:
                raise ImportRefused(f"数据包 {path.name} 解开后超过上限 {limit}，没有导入：{ASK_AGAIN}")
            names = [i.filename for i in infos]
            if len(names) != len(set(names)) or fmt.MANIFEST not in names or fmt.SIGNATURE not in names:
                raise ImportRefused(not_ours)
            files = {i.filename: archive.read(i) for i in infos if not i.is_dir()}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError,
            zlib.error) as exc:
        if isinstance(exc, ImportRefused):
            raise
        raise ImportRefused(not_ours) from None
    manifest_data = files.pop(fmt.MANIFEST)
    try:
        manifest = json.loads(manifest_data.decode("utf-8"))
        signature = bytes.fromhex(files.pop(fmt.SIGNATURE).decode("ascii"))
        if not isinstance(manifest, dict) or manifest.get("format") != fmt.FORMAT:
            raise ValueError("format")
        int(manifest["sequence"])
        dt.datetime.fromisoformat(manifest["created_at"])
        if not isinstance(manifest["files"], dict) or not isinstance(manifest["counts"], dict):
            raise ValueError("files")
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise ImportRefused(not_ours) from None
    if fmt.zip_bytes(manifest_data, signature, files) != path.read_bytes():
        raise ImportRefused(f"数据包 {path.name} 的文件结构被改动过（与村里导出的原样不同），没有导入：{ASK_AGAIN}",
                            str(manifest.get("village_code", "")))
    return OpenedPackage(manifest, manifest_data, signature, files)


def check_signature_and_hashes(package: OpenedPackage, public_key: bytes, village_name: str) -> None:
    if not verify(public_key, package.signature, package.manifest_bytes):
        raise ImportRefused(f"数据包的签名与{village_name}登记的密钥不符，没有导入：文件可能被改动过，或不是{village_name}"
                            f"导出的。请核对后让村里重新导出；村里换过电脑时，请先用 town register 登记新的公钥", package.code)
    listed = package.manifest["files"]
    for name in sorted(set(listed) | set(package.files)):
        data = package.files.get(name)
        if data is None or name not in listed or fmt.sha256(data) != listed[name]:
            raise ImportRefused(f"数据包里的文件 {name} 与清单不符，没有导入：文件在拷贝中损坏或被改动过，{ASK_AGAIN}",
                                package.code)
