"""One entry for building on any machine, plain `cmd` on Windows included (no make, no shell):

    python tools/build.py test        the test suite (Qt offscreen)
    python tools/build.py dist        the frozen program in dist/CunZhiBuTaiZhang, from scratch
    python tools/build.py check-dist  run the frozen program headless and read its PDFs back

Creates .venv on first use and installs the project into it (with the build extras for dist);
the Makefile's dist and check-dist call this too. Extra arguments go to pytest.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BUNDLE = ROOT / "dist" / "CunZhiBuTaiZhang"
# The same stamps the Makefile uses: install again only when pyproject.toml changed.
STAMPS = {"test": ".installed", "dist": ".installed-dist"}


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")


def run(*args: str | Path, env: dict[str, str] | None = None) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    code = subprocess.call([str(a) for a in args], cwd=ROOT, env=env)
    if code:
        raise SystemExit(code)


def ensure_venv(kind: str) -> Path:
    python = venv_python()
    if not python.exists():
        venv.create(VENV, with_pip=True)
        run(python, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    stamp = VENV / STAMPS[kind]
    if not stamp.exists() or stamp.stat().st_mtime < (ROOT / "pyproject.toml").stat().st_mtime:
        extras = "test,dist" if kind == "dist" else "test"
        run(python, "-m", "pip", "install", "--quiet", "-e", f".[{extras}]")
        stamp.touch()
    return python


def remove_tree(path: Path) -> None:
    def writable_then_retry(function, name, _exc) -> None:  # noqa: ANN001 - shutil's callback
        os.chmod(name, stat.S_IWRITE)  # Windows will not delete read-only files
        function(name)

    if not path.exists():
        return
    if sys.version_info >= (3, 12):
        shutil.rmtree(path, onexc=writable_then_retry)
    else:
        shutil.rmtree(path, onerror=writable_then_retry)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("test", "dist", "check-dist"):
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "test":
        python = ensure_venv("test")
        run(python, "-m", "pytest", *rest, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    elif command == "dist":
        python = ensure_venv("dist")
        remove_tree(ROOT / "build" / "pyinstaller")
        remove_tree(BUNDLE)
        run(python, "-m", "PyInstaller", "--noconfirm", "--clean", "--workpath", Path("build/pyinstaller"),
            "--distpath", "dist", "build.spec")
    else:
        python = ensure_venv("dist")
        run(python, Path("tools/check_frozen.py"), BUNDLE)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
