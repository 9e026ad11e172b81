"""The layout of the data directory. Kept free of heavy imports: the window needs it first."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DB_FILENAME = "taizhang.db"


@dataclass(frozen=True)
class DataDir:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / DB_FILENAME

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def photos(self) -> Path:
        return self.root / "photos"

    @property
    def attachments(self) -> Path:
        return self.root / "attachments"

    @property
    def prints(self) -> Path:
        return self.root / "打印"

    @property
    def settings_file(self) -> Path:
        return self.root / "settings.ini"

    @property
    def lock_file(self) -> Path:
        return self.root / (DB_FILENAME + ".lock")
