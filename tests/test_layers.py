"""Layers point one way: ui → services → db. A scan of every import proves it."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def files(*parts: str) -> list[Path]:
    return sorted(ROOT.joinpath(*parts).rglob("*.py"))


def test_db_services_and_reports_import_no_qt():
    for path in files("db") + files("app", "services") + files("app", "reports"):
        qt = [m for m in imported_modules(path) if m.split(".")[0] in ("PySide6", "shiboken6")]
        assert not qt, f"{path.relative_to(ROOT)} imports {qt}"


def test_ui_imports_no_sqlalchemy_and_no_db():
    for path in files("app", "ui"):
        bad = [m for m in imported_modules(path) if m.split(".")[0] in ("sqlalchemy", "db", "alembic")]
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_db_imports_nothing_from_app():
    for path in files("db"):
        bad = [m for m in imported_modules(path) if m.split(".")[0] == "app"]
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"
