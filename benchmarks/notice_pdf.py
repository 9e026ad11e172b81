"""A one-page notice against bare reportlab setting the same content, and a 300-item notice."""

from __future__ import annotations

import datetime as dt
import io
import time

from common import timed

from app.reports.common.fonts import BODY_FONT, HEADING_FONT, paragraph_style, register_fonts
from app.reports.notices.notice import build_notice
from app.reports.notices.notice_parts import capitals_text, yuan_text
from app.services.notices.notice_types import EXPENSE, INCOME, POSTED, ItemData, NoticeData, Period, Totals

VILLAGE = "红旗村"
PRINT_DATE = dt.date(2026, 10, 8)
BODY = ("现将本村2026年第三季度财务收支情况公开如下。\n"
        "低保户王某（440308197503021235）补贴已发放。")


def notice(count: int) -> tuple[NoticeData, Totals]:
    items = [ItemData(f"第{i + 1}笔日常开支" if i % 3 else f"第{i + 1}笔上级补助", EXPENSE if i % 3 else INCOME,
                      12_345 + 101 * i, dt.date(2026, 7 + i % 3, 1 + i % 28), "村集体", "李䶮",
                      f"电话 1381234{i % 10000:04d}" if i % 5 == 0 else "")
             for i in range(count)]
    income = sum(i.amount_fen for i in items if i.direction == INCOME)
    expense = sum(i.amount_fen for i in items if i.direction == EXPENSE)
    data = NoticeData("财务公开", "红旗村2026年第三季度财务收支公开", Period("quarter", 2026, 3),
                      post_from=dt.date(2026, 10, 8), post_to=dt.date(2026, 10, 14), body=BODY,
                      supervision_phone="0731-84561234", issuer="党支部、村委会", items=items,
                      status=POSTED, review_opinion="经审核，情况属实，同意公开。",
                      review_date=dt.date(2026, 10, 6))
    return data, Totals(500_000, income, expense)


def ours(data: NoticeData, totals: Totals) -> int:
    return build_notice(io.BytesIO(), village=VILLAGE, notice=data, totals=totals, reviewer="赵德明",
                        print_date=PRINT_DATE)


def bare_reportlab(data: NoticeData, totals: Totals) -> None:
    """The same text with SimpleDocTemplate, Paragraphs and a plain Table (no masking, no frame)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

    title = paragraph_style("t", 32, HEADING_FONT, alignment=1)
    meta = paragraph_style("m", 16, HEADING_FONT, alignment=1)
    body = paragraph_style("b", 16, BODY_FONT, firstLineIndent=32)
    story = [Paragraph(data.title, title), Paragraph(f"所属期：{data.period.label}", meta),
             Paragraph("公开期：2026年10月8日至2026年10月14日", meta), Spacer(1, 12)]
    story += [Paragraph(line, body) for line in data.body.splitlines()]
    rows = [["序号", "日期", "项目", "收入（元）", "支出（元）", "资金来源", "经手人", "备注"]]
    rows += [[str(n), f"{i.date.month}月{i.date.day}日", i.item,
              yuan_text(i.amount_fen) if i.direction == INCOME else "",
              yuan_text(i.amount_fen) if i.direction == EXPENSE else "", i.source, i.handler, i.note]
             for n, i in enumerate(data.items, 1)]
    font = [("FONT", (0, 0), (-1, -1), BODY_FONT, 12), ("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0))]
    story.append(Table(rows, repeatRows=1, style=font))
    story.append(Table([[label, yuan_text(fen), capitals_text(fen)] for label, fen in (
        ("上期结余", totals.opening_fen), ("本期收入", totals.income_fen),
        ("本期支出", totals.expense_fen), ("本期结余", totals.closing_fen))], style=font))
    story += [Paragraph("村务监督委员会审核意见：" + data.review_opinion, body),
              Paragraph("审核人（签字）：赵德明　日期：2026年10月6日", body),
              Paragraph("红旗村党支部<br/>红旗村村民委员会<br/>2026年10月8日", meta),
              Paragraph("监督电话：0731-84561234", body),
              Paragraph("如有疑问，请在公开期内向村务监督委员会反映", body)]
    SimpleDocTemplate(io.BytesIO(), pagesize=A4, initialFontName=BODY_FONT).build(story)


def main() -> dict[str, str]:
    start = time.perf_counter()
    register_fonts()
    fonts = time.perf_counter() - start
    small, small_totals = notice(2)
    big, big_totals = notice(300)
    ours(small, small_totals)  # warm up both paths (glyph caches, lazy imports)
    bare_reportlab(small, small_totals)
    t_ours, pages = timed(lambda: ours(small, small_totals), 5)
    t_bare, _ = timed(lambda: bare_reportlab(small, small_totals), 5)
    t_big, big_pages = timed(lambda: ours(big, big_totals), 5)
    return {
        "字体首次载入（含导入 reportlab，每个进程一次）": f"{fonts:.2f} s",
        f"一页公告（2 笔收支，{pages} 页，公开版，中位数/5 次）": f"{t_ours * 1000:.0f} ms",
        "基线：reportlab 原生 SimpleDocTemplate 排同样内容": f"{t_bare * 1000:.0f} ms",
        "倍数（目标 ≤ 1.5）": f"{t_ours / t_bare:.2f}×",
        f"300 笔收支的财务公开（{big_pages} 页，目标 ≤ 3 s）": f"{t_big:.2f} s",
    }


if __name__ == "__main__":
    for key, value in main().items():
        print(f"{key}: {value}")
