"""Whole processes against their bare baselines, in the same run: wall time (median) and peak memory.

Each command runs as a fresh process on the sample village (`demo`); its bare baseline is a short
script doing the same visible work with the library underneath and nothing else:
  --smoke-test   a QMainWindow with 5 tabs of 100-row tables, each tab shown once
  pdf roster     reportlab laying out the same 9 rows with the same embedded font
  due / check    Python + sqlite3 reading the same tables (check: integrity_check, foreign keys,
                 and every audit entry read)
  export members openpyxl writing the same 34 rows
Peak memory is the child's maximum resident set (ru_maxrss from wait4), Linux.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import child_env

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5
FONT = ROOT / "resources" / "fonts" / "NotoSerifCJKsc-Regular.ttf"

BARE_WINDOW = r"""
import sys
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QTableView
app = QApplication(sys.argv[:1])
window = QMainWindow()
tabs = QTabWidget()
for t in range(5):
    model = QStandardItemModel(100, 6)
    for r in range(100):
        for c in range(6):
            model.setItem(r, c, QStandardItem(f"第{r}行第{c}列"))
    view = QTableView()
    view.setModel(model)
    tabs.addTab(view, f"标签{t}")
window.setCentralWidget(tabs)
window.show()
for t in range(5):
    tabs.setCurrentIndex(t)
    app.processEvents()
    print(f"标签{t}：{tabs.widget(t).model().rowCount()} 行")
window.close()
import os
sys.stdout.flush()
os._exit(0)  # PySide6 6.12 on 3.11 over-releases None: thousands of Qt calls abort at exit otherwise
"""

BARE_PDF = r"""
import sys
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table
from reportlab.lib.styles import ParagraphStyle
pdfmetrics.registerFont(TTFont("body", sys.argv[2]))
rows = [["序号", "姓名", "性别", "民族", "出生年月", "政治面貌", "职务", "分工", "联系电话"]]
rows += [[str(i), "李建国", "男", "汉族", "1972.08", "中共党员", "党支部书记、村委会主任", "主持全面工作", "195****5454"]
         for i in range(1, 10)]
table = Table(rows)
table.setStyle([("FONTNAME", (0, 0), (-1, -1), "body"), ("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0))])
title = Paragraph("红旗村两委班子成员花名册", ParagraphStyle("t", fontName="body", fontSize=20))
SimpleDocTemplate(sys.argv[1], pagesize=landscape(A4)).build([title, table])
"""

BARE_DUE = r"""
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
for table in ("meeting", "notice", "reminder", "person", "post"):
    print(table, conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
for row in conn.execute("SELECT date, topic FROM meeting ORDER BY date DESC LIMIT 20"):
    print(*row)
"""

BARE_CHECK = r"""
import hashlib, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
print(conn.execute("PRAGMA integrity_check").fetchone()[0])
print(len(conn.execute("PRAGMA foreign_key_check").fetchall()))
digest = hashlib.sha256()
for row in conn.execute("SELECT * FROM audit_log ORDER BY id"):
    digest.update(repr(row).encode())
print(digest.hexdigest())
"""

BARE_EXPORT = r"""
import sys
from openpyxl import Workbook
wb = Workbook()
ws = wb.active
ws.append(["序号", "姓名", "性别", "民族", "出生年月", "身份证号", "联系电话", "政治面貌", "职务"])
for i in range(1, 35):
    ws.append([i, "李建国", "男", "汉族", "1972.08", "430121197208161014", "19549565454", "中共党员", "党支部书记"])
wb.save(sys.argv[1])
"""


def run(args: list[str]) -> tuple[float, float]:
    """(wall seconds, peak MB) of one process."""
    env = child_env()
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):  # check exits 1 when it finds a problem
        raise RuntimeError(f"{args}: exit {proc.returncode}: {proc.stderr.read().decode()[-500:]}")
    proc.stderr.close()
    return elapsed, usage.ru_maxrss / 1024


def measure(args: list[str]) -> tuple[float, float]:
    run(args)  # warm the file cache
    results = [run(args) for _ in range(RUNS)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def main() -> dict[str, str]:
    py = sys.executable
    out: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        subprocess.run([py, "-m", "app", "--data-dir", str(data), "demo"], cwd=ROOT, check=True,
                       capture_output=True)
        db = next(data.glob("*.db"))
        app = [py, "-m", "app", "--data-dir", str(data)]
        cases = [
            ("--smoke-test（示例村，打开每个标签页）", "空白 QMainWindow，5 个 100 行表格标签页", 3.0,
             app + ["--smoke-test"], [py, "-c", BARE_WINDOW]),
            ("pdf roster", "reportlab 排同样 9 行、嵌入同一字体", 1.5,
             app + ["pdf", "roster", "-o", str(Path(tmp) / "r.pdf")],
             [py, "-c", BARE_PDF, str(Path(tmp) / "bare.pdf"), str(FONT)]),
            ("due", "Python + sqlite3 读同样的表", 1.5, app + ["due"], [py, "-c", BARE_DUE, str(db)]),
            ("check", "Python + sqlite3：integrity_check、外键、读全部操作日志", 1.5, app + ["check"],
             [py, "-c", BARE_CHECK, str(db)]),
            ("export members", "openpyxl 写同样 34 行", 1.5,
             app + ["export", "members", str(Path(tmp) / "m.xlsx")],
             [py, "-c", BARE_EXPORT, str(Path(tmp) / "bare.xlsx")]),
        ]
        for name, bare_name, goal, command, bare in cases:
            t_app, m_app = measure(command)
            t_bare, m_bare = measure(bare)
            ratio = t_app / t_bare
            verdict = "达到" if ratio <= goal else f"未达到，差 {ratio / goal:.1f} 倍"
            out[f"整个进程：{name}（目标 ≤ {goal:g}× 基线）"] = (
                f"{t_app:.2f} s，{m_app:.0f} MB；基线（{bare_name}）{t_bare:.2f} s，{m_bare:.0f} MB；"
                f"{ratio:.1f}×，{verdict}")
            if name.startswith("--smoke-test"):
                out["运行中的程序峰值内存（示例村，--smoke-test；目标 ≤ 130 MB）"] = f"{m_app:.0f} MB"
                source_smoke = t_app, m_app
        # The frozen program (make dist), beside the source run of the same command.
        bundle = Path(os.environ.get("TAIZHANG_BUNDLE", ROOT / "dist" / "CunZhiBuTaiZhang")) / "CunZhiBuTaiZhang"
        key = "打包后的程序（PyInstaller，Linux）：--smoke-test"
        if bundle.is_file():
            t_frozen, m_frozen = measure([str(bundle), "--data-dir", str(data), "--smoke-test"])
            out[key] = (f"{t_frozen:.2f} s，{m_frozen:.0f} MB；同一次运行的源码运行 "
                        f"{source_smoke[0]:.2f} s，{source_smoke[1]:.0f} MB")
        else:
            out[key] = f"没有测：{bundle} 不存在（先运行 make dist）"
    return out


if __name__ == "__main__":
    for key, value in main().items():
        print(f"{key}: {value}")
