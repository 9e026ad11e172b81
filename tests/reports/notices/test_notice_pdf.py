"""The printed notice for the 公开栏, read back from the PDF."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pdf_fonts import all_embedded
from pypdf import PdfReader

from app.reports.common import fonts
from app.reports.common.page import MM
from app.reports.notices.notice import Issuers, _Job, _notice_story, build_notice, build_notices
from app.reports.notices.notice_parts import A3_SCALE, SEAL_HEIGHT, SEAL_WIDTH, _Scale, correction_text
from app.services.notices.notice_review import REVIEW_BODIES
from app.services.notices.notice_types import EXPENSE, INCOME, POSTED, ItemData, NoticeData, Period, Totals

VILLAGE = "红旗村"
PRINT_DATE = dt.date(2026, 10, 8)
SUPERVISION = "0731-84561234"
ID_NUMBER = "440308197503021235"
PHONE = "13812341027"
CARD = "6222021234567890123"
PUBLIC_MOBILE = "13900001111"
TITLE = "红旗村2026年第三季度财务收支公开"


def items() -> list[ItemData]:
    """Income 12,345.67 in total, expenses 3,000.00."""
    return [
        ItemData("上级转移支付", INCOME, 1_000_000, dt.date(2026, 7, 3), "县财政", "吴𠮷祥"),
        ItemData("集体资产发包收入", INCOME, 234_567, dt.date(2026, 8, 12), "村集体", "李䶮",
                 f"承包人电话 {PHONE}"),
        ItemData("道路维修", EXPENSE, 300_000, dt.date(2026, 9, 1), "一事一议", "张堃",
                 f"转入账户 {CARD}"),
    ]


def notice(**changes) -> NoticeData:
    values = dict(
        category="财务公开", title=TITLE, period=Period("quarter", 2026, 3),
        post_from=dt.date(2026, 10, 8), post_to=dt.date(2026, 10, 14),
        body=(f"现将本村2026年第三季度财务收支情况公开如下，请广大村民监督。\n\n"
              f"低保户王某（身份证号 {ID_NUMBER}）的补贴已按时发放。\n"
              f"报账员联系电话：{PUBLIC_MOBILE}。"),
        public_numbers=[PUBLIC_MOBILE], supervision_phone=SUPERVISION, issuer="党支部、村委会",
        items=items(), status=POSTED, review_opinion="经审核，情况属实，同意公开。",
        review_date=dt.date(2026, 10, 6), posted_date=dt.date(2026, 10, 8),
    )
    values.update(changes)
    return NoticeData(**values)


TOTALS = Totals(opening_fen=500_000, income_fen=1_234_567, expense_fen=300_000)


def texts(path: Path) -> list[str]:
    return [re.sub(r"\s+", "", page.extract_text()) for page in PdfReader(path).pages]


def whole(path: Path) -> str:
    return "".join(texts(path))


@pytest.fixture(scope="module", autouse=True)
def registered():
    fonts.register_fonts()


@pytest.fixture(scope="module")
def public_pdf(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("notice") / "public.pdf"
    build_notice(path, village=VILLAGE, notice=notice(), totals=TOTALS, reviewer="赵德明",
                 print_date=PRINT_DATE, issuers=Issuers("中共红旗村支部委员会", "红旗村村民委员会"))
    return path


@pytest.fixture(scope="module")
def internal_pdf(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("notice") / "internal.pdf"
    build_notice(path, village=VILLAGE, notice=notice(), totals=TOTALS, reviewer="赵德明",
                 print_date=PRINT_DATE, internal=True)
    return path


def test_every_font_is_embedded(public_pdf, internal_pdf):
    for path in (public_pdf, internal_pdf):
        assert all_embedded(path)


def test_title_period_and_posting_lines(public_pdf):
    text = whole(public_pdf)
    assert TITLE in text
    assert "所属期：2026年第三季度" in text
    assert "公开期：2026年10月8日至2026年10月14日" in text
    assert "更正" not in text


def test_a4_portrait_one_page_without_report_furniture(public_pdf):
    reader = PdfReader(public_pdf)
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / MM), round(float(box.height) / MM)) == (210, 297)
    assert len(reader.pages) == 1
    text = texts(public_pdf)[0]
    # A notice is not a report: no page number on a single page, no print date, no running header.
    assert "第1页" not in text
    assert "打印日期" not in text
    assert text.startswith(TITLE)


def test_item_table_totals_and_capitals(public_pdf):
    text = whole(public_pdf)
    for heading in ("序号", "日期", "项目", "收入（元）", "支出（元）", "资金来源", "经手人", "备注"):
        assert heading in text
    assert "10,000.00" in text and "2,345.67" in text
    for label, figures, capitals in (
            ("上期结余", "5,000.00", "伍仟元整"),
            ("本期收入", "12,345.67", "壹万贰仟叁佰肆拾伍元陆角柒分"),
            ("本期支出", "3,000.00", "叁仟元整"),
            ("本期结余", "14,345.67", "壹万肆仟叁佰肆拾伍元陆角柒分")):
        assert f"{label}{figures}人民币{capitals}" in text


def test_public_copy_masks_personal_data(public_pdf):
    text = whole(public_pdf)
    for secret in (ID_NUMBER, PHONE, CARD):
        assert secret not in text
    assert "440308********1235" in text
    assert "138****1027" in text
    assert "内部留存" not in text
    assert f"监督电话：{SUPERVISION}" in text
    assert PUBLIC_MOBILE in text


def test_internal_copy_is_whole(internal_pdf):
    text = whole(internal_pdf)
    for number in (ID_NUMBER, PHONE, CARD, SUPERVISION, PUBLIC_MOBILE):
        assert number in text
    assert all("内部留存" in page for page in texts(internal_pdf))


def test_review_issuer_and_contact_lines(public_pdf):
    text = whole(public_pdf)
    assert "村务监督委员会审核意见：经审核，情况属实，同意公开。" in text
    assert "赵德明" in text and "2026年10月6日" in text
    assert "中共红旗村支部委员会红旗村村民委员会" in text
    assert text.count("如有疑问") == 1
    assert "如有疑问，请在公开期内向村务监督委员会反映" in text


def test_unreviewed_notice_leaves_signature_blanks(tmp_path):
    path = tmp_path / "draft.pdf"
    build_notice(path, village=VILLAGE, notice=notice(status="待审核", review_opinion=""),
                 totals=TOTALS, reviewer="", print_date=PRINT_DATE)
    text = whole(path)
    assert "村务监督委员会审核意见：" in text and "审核人（签字）：" in text
    assert "赵德明" not in text


def test_rare_characters_extract(public_pdf):
    text = whole(public_pdf)
    assert "吴𠮷祥" in text
    assert "李䶮" in text


def test_seal_space_is_real_on_a4_and_a3():
    assert SEAL_WIDTH >= 40 * MM and SEAL_HEIGHT >= 30 * MM
    for scale in (_Scale(), _Scale(A3_SCALE, a3=True)):
        job = _Job(notice(), TOTALS, "赵德明", None, REVIEW_BODIES["监委会"])
        story = _notice_story(village=VILLAGE, job=job, issuers=Issuers.of_village(VILLAGE),
                              internal=False, scale=scale)
        closing = story[-1]._content
        blocks = [cell for f in closing if hasattr(f, "_cellvalues")
                  for cell in f._cellvalues[0] if hasattr(cell, "seal_size")]
        assert len(blocks) == 1
        width, height = blocks[0].seal_size
        assert width >= 40 * MM * scale.factor - 0.01 and height >= 30 * MM * scale.factor - 0.01


def test_long_table_spans_pages_with_header_repeated(tmp_path):
    many = [ItemData(f"第{i}笔日常开支", EXPENSE if i % 3 else INCOME, 12_345 + i,
                     dt.date(2026, 7 + i % 3, 1 + i % 28), "村集体", "李䶮", "")
            for i in range(300)]
    path = tmp_path / "long.pdf"
    pages = build_notice(path, village=VILLAGE, notice=notice(items=many), totals=TOTALS,
                         reviewer="赵德明", print_date=PRINT_DATE)
    page_texts = texts(path)
    assert pages == len(page_texts) > 3
    assert f"第1页共{pages}页" in page_texts[0]
    # The totals, review and seal close the notice together on its last page.
    for block in ("收支合计", "审核意见", "（盖章）", "监督电话"):
        assert block in page_texts[-1] and all(block not in t for t in page_texts[:-1])
    table_pages = [t for t in page_texts if "第" in t and "笔日常开支" in t]
    assert len(table_pages) >= 3
    for text in table_pages:
        assert "序号" in text and "收入（元）" in text and "经手人" in text
    assert "第299笔日常开支" in "".join(page_texts)


def test_a3_page_size(tmp_path):
    path = tmp_path / "a3.pdf"
    build_notice(path, village=VILLAGE, notice=notice(), totals=TOTALS, reviewer="赵德明",
                 print_date=PRINT_DATE, a3=True)
    reader = PdfReader(path)
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width) / MM), round(float(box.height) / MM)) == (297, 420)
    assert "壹万贰仟叁佰肆拾伍元陆角柒分" in whole(path)


def test_batch_numbers_pages_per_notice(tmp_path):
    first = notice(items=[ItemData(f"第{i}笔开支", EXPENSE, 10_000, dt.date(2026, 7, 1))
                          for i in range(60)])
    second = notice(category="村务公开", title="红旗村2026年第三季度村务公开", items=[],
                    body="本季度完成村道硬化1.2公里。")
    third = notice(category="党务公开", title="红旗村党支部2026年第三季度党费收缴使用公示",
                   items=[], body="本季度共收缴党费1,280.00元。")
    path = tmp_path / "batch.pdf"
    pages = build_notices(path, village=VILLAGE, print_date=PRINT_DATE, notices=[
        (first, TOTALS, "赵德明", None), (second, None, "赵德明", None),
        (third, None, "赵德明", None)])
    page_texts = texts(path)
    assert pages == len(page_texts) >= 4
    starts = [next(i for i, t in enumerate(page_texts) if title in t)
              for title in (first.title, second.title, third.title)]
    assert starts[0] == 0 and starts[0] < starts[1] < starts[2]
    # Each notice starts on a page of its own, after the previous notice's closing lines.
    assert "监督电话" in page_texts[starts[1] - 1]
    assert "第59笔开支" not in page_texts[starts[1]] and "收支合计" not in page_texts[starts[1]]
    assert "本季度完成" not in page_texts[starts[2]]
    # The long first notice is numbered on its own; the one-page notices carry no number.
    first_pages = starts[1]
    for n in range(first_pages):
        assert f"第{n + 1}页共{first_pages}页" in page_texts[n]
    assert starts[2] == starts[1] + 1 == pages - 1
    assert "页共" not in page_texts[starts[1]] and "页共" not in page_texts[starts[2]]


def test_correction_mark_and_reference(tmp_path):
    path = tmp_path / "correction.pdf"
    original = correction_text(TITLE, dt.date(2026, 10, 8), dt.date(2026, 10, 14))
    build_notice(path, village=VILLAGE, notice=notice(corrects_id=7,
                                                      title=f"关于{TITLE}的更正"),
                 totals=TOTALS, reviewer="赵德明", print_date=PRINT_DATE, correction_of=original)
    text = whole(path)
    assert f"关于{TITLE}的更正" in text
    assert "【更正】" not in text  # the title says 更正 already: once is enough
    assert f"本公告更正{TITLE}（原公开期2026年10月8日至2026年10月14日）" in text
    build_notice(path, village=VILLAGE, notice=notice(corrects_id=7), totals=TOTALS, reviewer="赵德明",
                 print_date=PRINT_DATE, correction_of=original)
    assert whole(path).startswith(f"【更正】{TITLE}")
