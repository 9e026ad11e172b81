"""The house rules of the source tree, proved by scanning every import.

Layers point one way: ui → services → db; reports are called by services or the command line.
Inside each layer one package per domain, with the same names in every layer (README, 结构).
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ("services", "reports", "ui")
DOMAINS = {"common", "members", "meetings", "notices", "reminders", "workbench", "safety", "bodies",
           "rectification", "team_rules", "township"}
EXTRA = {"ui": {"shell"}}  # the program's frame exists only in the ui layer


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def files(*parts: str) -> list[Path]:
    return sorted(ROOT.joinpath(*parts).rglob("*.py"))


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


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


def test_reports_import_no_ui_and_services_no_ui():
    for path in files("app", "services") + files("app", "reports"):
        bad = [m for m in imported_modules(path) if m.startswith(("app.ui", "app.cli"))]
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_no_module_loose_directly_under_a_layer():
    for layer in LAYERS:
        loose = [p.name for p in ROOT.joinpath("app", layer).glob("*.py") if p.name != "__init__.py"]
        assert not loose, f"app/{layer}/ holds {loose}: each module belongs in a domain package"


def test_every_layer_uses_the_same_domain_names():
    for layer in LAYERS:
        packages = {p.name for p in ROOT.joinpath("app", layer).iterdir() if p.is_dir() and p.name != "__pycache__"}
        allowed = DOMAINS | EXTRA.get(layer, set())
        assert packages <= allowed, f"app/{layer}/ has packages {packages - allowed} outside the domain list"
        for name in packages:
            package = ROOT / "app" / layer / name
            assert (package / "__init__.py").exists(), f"app/{layer}/{name} has no __init__.py"
            assert list(package.glob("*.py")) != [package / "__init__.py"], f"app/{layer}/{name} is empty"
    # A domain with screens has its use cases: every ui domain (but the frame) exists in services.
    ui = {p.name for p in ROOT.joinpath("app", "ui").iterdir() if p.is_dir() and p.name != "__pycache__"}
    services = {p.name for p in ROOT.joinpath("app", "services").iterdir() if p.is_dir()}
    assert ui - EXTRA["ui"] <= services


def test_package_inits_say_what_they_hold_and_re_export_nothing():
    for layer in ("cli", *LAYERS):
        for init in ROOT.joinpath("app", layer).rglob("__init__.py"):
            if layer != "cli" and init.parent == ROOT / "app" / layer:
                continue
            tree = ast.parse(init.read_text(encoding="utf-8"))
            assert ast.get_docstring(tree), f"{init.relative_to(ROOT)} has no sentence saying what it holds"
            assert len(tree.body) == 1, f"{init.relative_to(ROOT)} should hold only its docstring"


def test_only_the_entry_point_imports_the_command_line():
    for path in files("app"):
        if path.parent == ROOT / "app" / "cli" or path == ROOT / "app" / "__main__.py":
            continue
        bad = [m for m in imported_modules(path) if m == "app.cli" or m.startswith("app.cli.")]
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}: only app/__main__.py may"


def test_no_import_circles_between_modules():
    """Every import counts, lazy or for annotations: a circle means two modules know each other."""
    names = {module_name(p): p for p in files("app")}
    graph = {name: {m for m in imported_modules(p) if m in names and m != name} for name, p in names.items()}
    for name, deps in graph.items():  # from x import y where y is a module: the package is not an edge
        graph[name] = {d for d in deps if not names[d].name == "__init__.py"}
    seen, on_path, circles = set(), [], []

    def visit(node: str) -> None:
        on_path.append(node)
        for dep in sorted(graph[node]):
            if dep in on_path:
                circles.append(on_path[on_path.index(dep):] + [dep])
            elif dep not in seen:
                visit(dep)
        on_path.pop()
        seen.add(node)

    for name in sorted(graph):
        if name not in seen:
            visit(name)
    assert not circles, "import circles: " + "; ".join(" → ".join(c) for c in circles)
