"""A 1,000-person roster PDF against bare reportlab drawing the same text in a plain table."""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path

from common import sample_people, timed

from app.reports.common.fonts import BODY_FONT, register_fonts
from app.reports.members.roster import build_roster
from app.services.common.profile import Profile
from app.services.members.member_types import MemberRow

ROWS = 1000
PRINT_DATE = dt.date(2026, 11, 27)


def rows() -> list[MemberRow]:
    result = []
    for i, p in enumerate(sample_people(ROWS)):
        values = {"name": p["name"], "gender": p["gender"], "ethnicity": "汉族", "birth_date": p["birth"],
                  "political_status": "中共党员", "party_join_date": dt.date(2000, 7, 1), "education": "高中",
                  "education_inservice": "", "phone": p["phone"], "id_number": p["id"]}
        result.append(MemberRow(i, values, ("村委会委员",), (), "民政、社保和便民服务", dt.date(2021, 5, 1), None, "", ""))
    return result


def bare_reportlab(path: Path, data: list[MemberRow]) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import SimpleDocTemplate, Table

    table = Table([["姓名", "性别", "出生年月", "职务", "分工", "联系电话"]] +
                  [[r.name, r.values["gender"], str(r.values["birth_date"]), "村委会委员", r.duties, r.values["phone"]]
                   for r in data], repeatRows=1, style=[("FONT", (0, 0), (-1, -1), BODY_FONT, 10.5)])
    SimpleDocTemplate(str(path), pagesize=landscape(A4), initialFontName=BODY_FONT).build([table])


def main() -> dict[str, str]:
    start = time.perf_counter()
    register_fonts()
    fonts = time.perf_counter() - start
    data = rows()
    profile = Profile("红旗村", "城关镇")
    with tempfile.TemporaryDirectory() as tmp:
        public, internal, bare = (Path(tmp) / n for n in ("public.pdf", "internal.pdf", "bare.pdf"))
        t_public, pages = timed(lambda: build_roster(public, profile=profile, rows=data, print_date=PRINT_DATE), 3)
        t_internal, _ = timed(lambda: build_roster(internal, profile=profile, rows=data, print_date=PRINT_DATE,
                                                   internal=True), 3)
        t_bare, _ = timed(lambda: bare_reportlab(bare, data), 3)
        sizes = [p.stat().st_size / 1024 for p in (public, internal, bare)]
    return {
        "字体首次载入（含导入 reportlab，每个进程一次）": f"{fonts:.2f} s",
        f"1,000 人花名册 PDF，公开版（{pages} 页）": f"{t_public:.2f} s，{sizes[0]:.0f} KB",
        "1,000 人花名册 PDF，内部留存版": f"{t_internal:.2f} s，{sizes[1]:.0f} KB",
        "基线：reportlab 原生 Table 排同样 6 列文字": f"{t_bare:.2f} s，{sizes[2]:.0f} KB",
    }


if __name__ == "__main__":
    for key, value in main().items():
        print(f"{key}: {value}")
