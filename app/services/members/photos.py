"""Member photos: copied into the data dir so that they travel with backups."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from app.services.common.errors import UserError
from app.services.common.safe_files import write_file

MAX_BYTES = 20 * 1024 * 1024
SUFFIXES = {".jpg", ".jpeg", ".png", ".bmp"}


class PhotoStore:
    def __init__(self, folder: Path):
        self.folder = folder

    def add(self, source: Path) -> str:
        """Copy ``source`` in; return the stored file name (same content: same name)."""
        if source.suffix.lower() not in SUFFIXES:
            raise UserError("照片请用 JPG、PNG 或 BMP 图片文件", "photo")
        try:
            size = source.stat().st_size
        except OSError:
            raise UserError(f"找不到照片文件：{source}", "photo") from None
        if size > MAX_BYTES:
            raise UserError(f"照片文件太大（{size / 1024 / 1024:.0f} MB）：请用 20 MB 以内的图片", "photo")
        digest = hashlib.sha256(source.read_bytes()).hexdigest()[:24]
        name = digest + source.suffix.lower()
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.folder / name
        if not target.exists():
            try:
                write_file(target, lambda temp: shutil.copyfile(source, temp))
            except (OSError, UserError) as exc:  # held by antivirus or a sync program, or no room
                reason = exc.message if isinstance(exc, UserError) else (exc.strerror or str(exc))
                raise UserError(f"照片没有存进来（{reason}）：照片文件可能正被其他程序"
                                "（杀毒软件、网盘同步）占用，请稍后再选一次", "photo") from exc
        return name

    def path(self, name: str) -> Path | None:
        if not name:
            return None
        path = self.folder / name
        return path if path.exists() else None
