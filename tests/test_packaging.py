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


def constants(tree: ast.Module) -> dict[str, str]:
    return {n.targets[0].id: n.value.value for n in tree.body if isinstance(n, ast.Assign)
            and isinstance(n.targets[0], ast.Name) and isinstance(n.value, ast.Constant)}


def test_each_executable_names_its_own_file_in_its_version_resource(monkeypatch):
    """The resource is built only on Windows (PyInstaller's versioninfo needs pefile there): run
    the spec's function with a stand-in that records what it is given (PyInstaller itself is
    installed only for `make dist`, so the stand-in takes its module's place too)."""
    import sys
    import types

    tree = spec_tree()
    names = constants(tree)
    recorder = types.SimpleNamespace(
        StringTable=lambda _lang, items: items, StringStruct=lambda key, value: (key, value),
        VSVersionInfo=lambda ffi, kids: kids, FixedFileInfo=lambda **_k: None,
        StringFileInfo=lambda tables: tables, VarFileInfo=lambda items: items, VarStruct=lambda *_a: None,
    )
    for name in ("PyInstaller", "PyInstaller.utils", "PyInstaller.utils.win32"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    sys.modules["PyInstaller.utils.win32"].versioninfo = recorder
    sys.modules["PyInstaller.utils"].win32 = sys.modules["PyInstaller.utils.win32"]
    sys.modules["PyInstaller"].utils = sys.modules["PyInstaller.utils"]
    function = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "version_resource")
    scope = {"sys": types.SimpleNamespace(platform="win32"), "VERSION": "1.2.3", "APP_NAME": names["APP_NAME"]}
    exec(compile(ast.Module([function], []), "build.spec", "exec"), scope)

    def original_filename(exe: str) -> str:
        strings = dict(scope["version_resource"](exe)[0][0])
        return strings["OriginalFilename"]

    for call in exe_calls(tree):
        name = next(k.value.id for k in call.keywords if k.arg == "name")
        version = next(k.value for k in call.keywords if k.arg == "version")
        assert version.func.id == "version_resource" and version.args[0].id == name
    assert original_filename(names["GUI_EXE"]) == "CunZhiBuTaiZhang.exe"
    assert original_filename(names["CLI_EXE"]) == "taizhang-cli.exe"


def test_the_installer_script_has_a_bom_and_clears_the_old_internal_folder():
    raw = (ROOT / "packaging/windows/cunzhibu-taizhang.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Inno Setup before 6.3 reads a file without it as ANSI
    text = raw.decode("utf-8-sig")
    assert "村支部台账" in text
    section = text.split("[InstallDelete]", 1)[1].split("\n[", 1)[0]
    assert 'Type: filesandordirs; Name: "{app}\\_internal"' in section


def test_the_makefile_builds_through_the_one_python_entry():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("dist", "check-dist"):
        recipe = makefile.split(f"\n{target}:", 1)[1].split("\n\n", 1)[0]
        assert f"tools/build.py {target}" in recipe and "rm -rf" not in recipe


def test_the_build_entry_refuses_an_unknown_command(capsys):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, str(ROOT / "tools/build.py"), "nonsense"], capture_output=True,
                            text=True, encoding="utf-8")
    assert result.returncode == 2 and "python tools/build.py dist" in result.stdout
