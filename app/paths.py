"""Where user data lives and where bundled resources are, from source and frozen alike."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_DIR_NAME = "CunZhiBuTaiZhang"
DATA_DIR_ENV = "TAIZHANG_DATA_DIR"


def resources_dir() -> Path:
    """The resources/ folder: inside the PyInstaller bundle (_MEIPASS) or the source tree."""
    bundle = getattr(sys, "_MEIPASS", None)
    base = Path(bundle) if bundle else Path(__file__).resolve().parent.parent
    return base / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def default_data_dir() -> Path:
    """%LOCALAPPDATA%\\CunZhiBuTaiZhang on Windows (local disk, never roaming or a share)."""
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False, roaming=False))


def resolve_data_dir(cli_value: str | None) -> Path:
    """--data-dir wins, then the TAIZHANG_DATA_DIR environment variable, then the default."""
    # abspath, not resolve(): on Windows resolve() turns a mapped drive into \\server\share.
    if cli_value:
        return Path(os.path.abspath(Path(cli_value).expanduser()))
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(os.path.abspath(Path(env).expanduser()))
    return default_data_dir()
