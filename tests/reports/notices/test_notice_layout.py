"""The notice's page: how many items fit, margins, title breaks, columns and faces, read back."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pdf_layout import decoded_lines, runs_and_rules
from pypdf import PdfReader
from test_notice_pdf import PRINT_DATE, TITLE, TOTALS, VILLAGE, notice

from app.reports.common.body_paragraph import body_paragraph, last_line_chars
from app.reports.common.fonts import BODY_FONT, paragraph_style
from app.reports.common.page import MM, margins_for
from app.reports.notices.notice import Issuers, build_notice
from app.reports.notices.notice_parts import A3_SIZE
from app.services.notices.notice_review import REVIEW_BODIES
from app.services.notices.notice_types import EXPENSE, INCOME, ItemData

SOURCES = ("村级运转经费", "上级补助", "县财政", "一事一议")


def many_items(count: int) -> list[ItemData]:
    # Entered out of date order on purpose: the print sorts them.
    return [ItemData(f"第{i + 1}笔{'村道养护' if i % 2 else '办公用品采购'}", EXPENSE if i % 3 else INCOME,
                     123_456 + i * 1000, dt.date(2026, 7 + (count - i) % 3, 1 + (i * 7) % 28),
                     SOURCES[i % 4], "王淑芬", "")
            for i in range(count)]


def build(path: Path, count: int, *, a3: bool = False, **changes) -> int:
    data = notice(items=many_items(count), **changes)
    return build_notice(path, village=changes.pop("village", VILLAGE), notice=data, totals=TOTALS,
                        reviewer="赵德明", print_date=PRINT_DATE, a3=a3)


def page_text(path: Path) -> list[str]:
    return [re.sub(r"\s+", "", p.extract_text()) for p in PdfReader(path).pages]


@pytest.mark.parametrize(("count", "a3"), [(5, False), (12, False), (25, True)])
def test_short_notice_fits_one_page_with_review_and_seal(tmp_path, count, a3):
    path = tmp_path / "n.pdf"
    assert build(path, count, a3=a3) == 1
    text = page_text(path)[0]
    for part in (f"第{count}笔", "收支合计", "村务监督委员会审核意见", "赵德明", "（盖章）", "监督电话"):
        assert part in text


def test_longer_notice_breaks_between_items_and_closes_on_the_last_page(tmp_path):
    path = tmp_path / "n.pdf"
    pages = build(path, 30)
    texts = page_text(path)
    assert pages == len(texts) >= 2
    for n, text in enumerate(texts, 1):
        assert f"第{n}页共{pages}页" in text
    for part in ("收支合计", "审核意见", "（盖章）", "监督电话"):
        assert part in texts[-1] and all(part not in t for t in texts[:-1])
    assert "序号" in texts[1]  # the table's header repeats
    assert "第30笔" in "".join(texts)


def test_a3_is_set_larger_than_a4(tmp_path):
    sizes = {}
    for a3 in (False, True):
        path = tmp_path / f"{a3}.pdf"
        build(path, 5, a3=a3)
        page = PdfReader(path).pages[0]
        runs, _ = runs_and_rules(page)
        sizes[a3] = max(r.size for r in runs if "Regular" in r.font)
    assert sizes[True] >= sizes[False] * 1.2


@pytest.mark.parametrize(("count", "a3"), [(12, False), (30, False), (25, True)])
def test_no_text_outside_the_margins(tmp_path, count, a3):
    path = tmp_path / "n.pdf"
    build(path, count, a3=a3)
    margins = margins_for(notice=True, size=A3_SIZE if a3 else (210 * MM, 297 * MM))
    for page in PdfReader(path).pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        runs, _ = runs_and_rules(page)
        assert runs
        for run in runs:
            assert margins.left - 0.5 <= run.x0 and run.x1 <= width - margins.right + 0.5, run
            # Page numbers sit in the bottom margin; everything else inside the frame.
            assert run.y <= height - margins.top + 0.5, run
            assert run.y >= margins.bottom - run.size or run.x0 > width / 3, run


def test_title_breaks_only_between_village_period_and_kind(tmp_path):
    village = "城关镇东风街道红旗社区股份经济合作社"
    title = f"{village}2026年第三季度财务收支公开"
    path = tmp_path / "n.pdf"
    build_notice(path, village=village, notice=notice(title=title, items=many_items(3)), totals=TOTALS,
                 reviewer="赵德明", print_date=PRINT_DATE)
    lines = decoded_lines(PdfReader(path).pages[0], "Black")
    assert "".join(lines) == title
    assert lines in ([village, "2026年第三季度财务收支公开"], [f"{village}2026年第三季度", "财务收支公开"]), lines


def test_a4_title_fits_one_line(tmp_path):
    path = tmp_path / "n.pdf"
    build(path, 5)
    assert decoded_lines(PdfReader(path).pages[0], "Black") == [TITLE]


def test_items_in_date_order_and_sources_on_one_line(tmp_path):
    path = tmp_path / "n.pdf"
    build(path, 12)
    lines = decoded_lines(PdfReader(path).pages[0], "Serif")
    dates = [tuple(map(int, m)) for line in lines for m in re.findall(r"(\d+)月(\d+)日\s*(?=第)", line)]
    assert len(dates) == 12 and dates == sorted(dates)
    # 资金来源 is wide enough for 村级运转经费: it never wraps (the whole word on a row's line).
    assert sum("村级运转经费" in line for line in lines) == 3


def test_masked_id_never_splits(tmp_path):
    items = [ItemData("低保补贴", EXPENSE, 50_000, dt.date(2026, 7, 1), "县财政", "王淑芬",
                      "收款人身份证 440308197503021235 银行卡 6222021234567890123")]
    path = tmp_path / "n.pdf"
    build_notice(path, village=VILLAGE, notice=notice(items=items), totals=TOTALS, reviewer="赵德明",
                 print_date=PRINT_DATE)
    lines = decoded_lines(PdfReader(path).pages[0])
    assert any("440308********1235" in line for line in lines)
    assert any("6222***********0123" in line for line in lines)


def test_faces_by_role(tmp_path):
    path = tmp_path / "n.pdf"
    build(path, 5)
    page = PdfReader(path).pages[0]
    assert decoded_lines(page, "NotoSerifCJKsc-Black") == [TITLE]
    assert "收支明细" in decoded_lines(page, "NotoSansCJKsc-Bold")
    assert any("赵德明" in line for line in decoded_lines(page, "LXGWWenKai"))
    body = "".join(decoded_lines(page, "NotoSerifCJKsc-Regular"))
    assert "公开期" in body and "赵德明" not in body


def test_party_notice_reviewed_by_the_branch(tmp_path):
    path = tmp_path / "n.pdf"
    party = notice(category="党务公开", title="红旗村2026年第三季度党务公开", items=[], issuer="党支部",
                   body="本季度应缴党费党员 33 名，实缴 33 名，党费已全额上缴镇党委。")
    build_notice(path, village=VILLAGE, notice=party, totals=None, reviewer="李建国",
                 print_date=PRINT_DATE, issuers=Issuers("中共红旗村支部委员会", "红旗村村民委员会"),
                 review=REVIEW_BODIES["支委会"])
    text = page_text(path)[0]
    assert "党支部委员会审核意见：" in text and "村务监督委员会" not in text
    assert "如有疑问，请在公开期内向党支部委员会反映。" in text
    assert text.count("中共红旗村支部委员会") == 1


def test_body_never_ends_on_a_lone_character():
    style = paragraph_style("t", 16, BODY_FONT, 24, firstLineIndent=32)
    width = 300.0
    per_line = int(width // 16)
    # A paragraph one character longer than two full lines (after the indent).
    text = "村" * (per_line - 2 + per_line + 1)
    plain = __import__("reportlab.platypus", fromlist=["Paragraph"]).Paragraph(text, style)
    plain.wrap(width, 1000)
    assert last_line_chars(plain) == 1  # what reportlab alone would print
    kept = body_paragraph(text, style)
    kept.wrap(width, 1000)
    assert last_line_chars(kept) >= 2
