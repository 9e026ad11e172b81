"""The build and installer files, read as Windows' tools would read them."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def spec_tree() -> ast.Module:
    return ast.parse((ROOT / "build.spec").read_text(encoding="utf-8"))


def exe_calls(tree: ast.Module) -> list[ast.Call]:
    return [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "EXE"]


def test_both_executables_run_python_in_utf8_mode():
    tree = spec_tree()
    options = next(ast.literal_eval(n.value) for n in tree.body
                   if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "PYTHON_OPTIONS")
    assert ("X utf8", None, "OPTION") in options
    calls = exe_calls(tree)
    assert len(calls) == 2  # the windowed program and, on Windows, the console program
    for call in calls:
        assert isinstance(call.args[2], ast.Name) and call.args[2].id == "PYTHON_OPTIONS"
