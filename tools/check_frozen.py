"""Check the frozen bundle the way a new install would be used, headless.

Runs the built programs (not the source): the GUI's --smoke-test, then demo, export, due
and the PDFs (roster, notice, term summary, reminder letter) through the console program,
and reads the PDFs back; checks the F1 help pages are bundled. Any missing data file or
hidden import shows up here as a failed step. Exit code 0 only when every step passed.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.services.members.demo import TEAM  # noqa: E402

EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""


def run(args: list[str], env: dict[str, str]) -> str:
    result = subprocess.run(args, capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)
    if result.returncode != 0:
        raise SystemExit(f"FAILED ({result.returncode}): {' '.join(args)}\n{result.stdout}\n{result.stderr}")
    print(f"ok: {' '.join(Path(a).name if i == 0 else a for i, a in enumerate(args))}")
    return result.stdout


def check_utf8_mode(program: Path) -> None:
    """Each executable must start Python in UTF-8 mode (build.spec's ``X utf8`` option): a frozen
    program ignores PYTHONIOENCODING, so its output would be in the ANSI code page otherwise."""
    from PyInstaller.archive.readers import CArchiveReader

    options = CArchiveReader(str(program)).options
    if "X utf8" not in options:
        raise SystemExit(f"FAILED: {program.name} is not built in UTF-8 mode (options: {options})")
    print(f"ok: {program.name} runs Python in UTF-8 mode")


def embedded_fonts(reader: PdfReader) -> list[tuple[str, bool]]:
    fonts = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            fonts.append((str(font["/BaseFont"]), "/FontFile2" in descriptor))
    return fonts


def check_help(bundle: Path) -> None:
    """Every page and picture of the F1 使用说明 is in the bundle (the window shows it offline)."""
    wanted = sorted(p.name for p in (ROOT / "resources" / "help").iterdir())
    folder = next((p.parent for p in bundle.rglob("index.html") if p.parent.name == "help"), None)
    missing = [name for name in wanted if folder is None or not (folder / name).is_file()]
    if missing:
        raise SystemExit(f"FAILED: help files missing from the bundle: {missing}")
    print(f"ok: help page and {len(wanted) - 1} pictures bundled")


def check_township(cli: Path, data: str, tmp: Path, env: dict[str, str]) -> None:
    """The signing library and the Word writer load their parts at run time: a package goes from
    the village to a township and comes back as a Word analysis."""
    village = [str(cli), "--data-dir", data]
    town = [*village, "town", "--town-dir", str(tmp / "乡镇 数据")]
    run([*village, "profile", "--code", "430124105201"], env)
    run([*village, "export", "key", "-o", str(tmp / "红旗村.pub")], env)
    run([*village, "export", "package", "-o", str(tmp / "红旗村.tzpkg")], env)
    run([*town, "init", "--name", "白沙镇", "--code", "430124105"], env)
    run([*town, "register", str(tmp / "红旗村.pub")], env)
    taken = run([*town, "import", str(tmp / "红旗村.tzpkg")], env)
    if "已导入红旗村第 1 号数据包" not in taken:
        raise SystemExit(f"FAILED: the township did not take the package:\n{taken}")
    docx = tmp / "分析研判.docx"
    run([*town, "export", "analysis", str(dt.date.today().year), str(docx)], env)
    from zipfile import ZipFile

    with ZipFile(docx) as archive:
        if "白沙镇" not in archive.read("word/document.xml").decode("utf-8"):
            raise SystemExit("FAILED: the Word analysis lacks the township's name")
    print("ok: package signed, imported by the township, analysis written as Word")
    shown = run([*village, "--town", str(tmp / "乡镇 数据"), "--smoke-test"], env)
    if "红旗村的台账（只读）：" not in shown or "两委成员 72 行" not in shown:
        raise SystemExit(f"FAILED: the township window did not show the village's ledgers:\n{shown}")
    print("ok: township window opens the village's ledgers read-only")


def check_township_postgresql(cli: Path, tmp: Path, env: dict[str, str]) -> None:
    """psycopg and the libpq it carries load in the bundle: the package goes into a PostgreSQL township
    (a throwaway server, tests/pg_cluster.py). Without the server binaries this step is skipped,
    unless TAIZHANG_REQUIRE_PG=1 (CI) makes that a failure."""
    from tests.pg_cluster import Cluster, missing_reason, server_bin

    found = server_bin()
    if found is None:
        if os.environ.get("TAIZHANG_REQUIRE_PG") == "1":
            raise SystemExit(f"FAILED: {missing_reason()}")
        print(f"skipped: the township on PostgreSQL ({missing_reason()})")
        return
    cluster = Cluster(found).start()
    try:
        town = [str(cli), "--data-dir", str(tmp / "data"), "town", "--town-dir", str(tmp / "乡镇 PG"),
                "--db", cluster.database()]
        run([*town, "init", "--name", "白沙镇", "--code", "430124105"], env)
        run([*town, "register", str(tmp / "红旗村.pub")], env)
        taken = run([*town, "import", str(tmp / "红旗村.tzpkg")], env)
        listed = run([*town, "villages"], env)
        if "已导入红旗村第 1 号数据包" not in taken or "430124105201\t红旗村\t第1号" not in listed:
            raise SystemExit(f"FAILED: the PostgreSQL township did not take the package:\n{taken}\n{listed}")
    finally:
        cluster.stop()
    print("ok: township on PostgreSQL (psycopg and its libpq load in the bundle)")


def main() -> int:
    bundle = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist" / "CunZhiBuTaiZhang"
    gui = bundle / f"CunZhiBuTaiZhang{EXE_SUFFIX}"
    # Windows has a separate console program; elsewhere the one program serves both.
    cli = bundle / f"taizhang-cli{EXE_SUFFIX}" if sys.platform == "win32" else gui
    check_help(bundle)
    for program in {gui, cli}:
        check_utf8_mode(program)
    # The programs print UTF-8 whatever the console's code page; nothing here may depend on
    # the environment asking for it.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONIOENCODING", None)
    env.pop("TAIZHANG_DATA_DIR", None)
    with tempfile.TemporaryDirectory() as tmp:
        data = str(Path(tmp) / "data")
        expected = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
        version = run([str(cli), "--version"], env)
        if version.strip() != f"村支部台账 {expected}":
            raise SystemExit(f"FAILED: version {version!r}, pyproject says {expected}")
        run([str(cli), "--data-dir", data, "demo"], env)
        smoke = run([str(gui), "--data-dir", data, "--smoke-test"], env)
        if "两委成员：72 行" not in smoke or "整改台账：" not in smoke or "班子制度：" not in smoke:
            raise SystemExit(f"FAILED: smoke test output unexpected:\n{smoke}")
        sheet = str(Path(tmp) / "out.xlsx")
        run([str(cli), "--data-dir", data, "export", "members", sheet], env)
        imported = run([str(cli), "--data-dir", data, "import", "members", sheet, "--dry-run"], env)
        if "将新增 0 人，更新 72 人" not in imported:
            raise SystemExit(f"FAILED: re-import of the export unexpected:\n{imported}")
        pdf = Path(tmp) / "roster.pdf"
        run([str(cli), "--data-dir", data, "pdf", "roster", "-o", str(pdf)], env)
        notice = Path(tmp) / "notice.pdf"
        run([str(cli), "--data-dir", data, "pdf", "notice", "1", "-o", str(notice)], env)
        notice_fonts = embedded_fonts(PdfReader(notice))
        if not notice_fonts or not all(embedded for _name, embedded in notice_fonts):
            raise SystemExit("FAILED: notice PDF fonts not embedded")
        if "人民币" not in "".join(page.extract_text() for page in PdfReader(notice).pages):
            raise SystemExit("FAILED: notice PDF lacks the amounts in capitals")
        # The calendar libraries load data by name at run time: the reminders exercise them.
        due = run([str(cli), "--data-dir", data, "due"], env)
        if "已逾期" not in due:
            raise SystemExit(f"FAILED: due lists nothing overdue for the demo village:\n{due}")
        summary = Path(tmp) / "summary.pdf"
        run([str(cli), "--data-dir", data, "pdf", "summary", "term", "-o", str(summary)], env)
        summary_text = "".join(page.extract_text() for page in PdfReader(summary).pages)
        if "工作台账汇总" not in summary_text or "吴𠮷祥" not in summary_text:
            raise SystemExit("FAILED: the term summary lacks its title or the team")
        letter = Path(tmp) / "letter.pdf"
        run([str(cli), "--data-dir", data, "pdf", "reminder", "1", "-o", str(letter)], env)
        if "廉政提醒函" not in "".join(page.extract_text() for page in PdfReader(letter).pages):
            raise SystemExit("FAILED: the reminder letter lacks its title")
        run([str(cli), "--data-dir", data, "check"], env)
        check_township(cli, data, Path(tmp), env)
        check_township_postgresql(cli, Path(tmp), env)
        reader = PdfReader(pdf)
        fonts = embedded_fonts(reader)
        missing = [name for name, embedded in fonts if not embedded]
        if not fonts or missing:
            raise SystemExit(f"FAILED: fonts not embedded: {missing or 'no fonts'}")
        text = "".join(page.extract_text() for page in reader.pages)
        absent = [name for name, *_ in TEAM if name not in text]
        if absent:
            raise SystemExit(f"FAILED: names missing from the PDF text: {absent}")
        print(f"ok: roster PDF has {len(reader.pages)} page(s), fonts embedded, all {len(TEAM)} names")
    size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file() and not f.is_symlink()) / 1024 / 1024
    print(f"bundle size: {size:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
