"""The 整改台账 (A4 landscape) and the 整改情况报告, read back from the PDF."""

import datetime as dt
import re
from pathlib import Path

import pytest
from pdf_fonts import all_embedded
from pypdf import PdfReader
from rect_data import inspection, item

from app.services.common.errors import UserError
from app.services.rectification import rect_printing
from app.services.rectification.rect_types import ONGOING, ProgressData


def _text(path: Path) -> str:
    return "".join(re.sub(r"\s+", "", page.extract_text()) for page in PdfReader(path).pages)


@pytest.fixture
def ledger(services, profile, tmp_path):
    source, owner, leader = inspection(services)
    rect = services.rectification
    done = rect.save_item(item(source, owner, dt.date(2026, 10, 31), leader_id=leader))
    rect.save_item(item(source, owner, dt.date(2026, 11, 20), problem="村务监督委员会作用发挥不充分"))
    rect.save_item(item(source, owner, None, kind=ONGOING, problem="党员教育管理不够经常"))
    photo = tmp_path / "公开栏照片.jpg"
    photo.write_bytes(b"photo")
    rect.save_progress(ProgressData(done, dt.date(2026, 10, 20), "第三季度财务收支已上墙公开",
                                    [rect.add_attachment(photo)]))
    rect.close(done, dt.date(2026, 10, 25), "王书记", "已整改到位，同意销号")
    return source


def test_the_ledger_lists_every_item_with_its_state(services, ledger, tmp_path):
    path = tmp_path / "台账.pdf"
    pages = rect_printing.print_rect_ledger(services, path)
    reader = PdfReader(path)
    box = reader.pages[0].mediabox
    assert pages == len(reader.pages) == 1 and box.width > box.height  # landscape
    assert all_embedded(path)
    text = _text(path)
    for expected in ("红旗村整改台账", "序号问题措施责任人时限进展状态销号日期",
                     "问题3个：已销号1个，整改中0个，逾期1个，长期坚持1个；整改完成率50%。",
                     "村务监督委员会作用发挥不充分", "2026-11-20", "逾期", "已销号", "2026-10-25",
                     "2026年10月20日：第三季度财务收支已上墙公开", "长期坚持"):
        assert expected in text, expected


def test_the_ledger_of_one_source_and_an_unknown_source(services, ledger, tmp_path):
    path = tmp_path / "one.pdf"
    rect_printing.print_rect_ledger(services, path, ledger)
    assert "2026年县委第三巡察组反馈问题整改台账" in _text(path)
    with pytest.raises(UserError) as err:
        rect_printing.print_rect_ledger(services, path, 99)
    assert err.value.message == "没有编号为 99 的问题来源：编号显示在整改台账来源列表的第一列"


def test_the_report_gives_the_numbers_the_results_the_plan_and_the_signature(services, ledger, tmp_path):
    path = tmp_path / "报告.pdf"
    rect_printing.print_rect_report(services, ledger, path, lists=True)
    assert all_embedded(path)
    text = _text(path)
    for expected in (
        "关于2026年县委第三巡察组反馈问题整改情况的报告",
        "2026年9月1日，县委第三巡察组反馈问题3个。截至2026年11月27日，已完成1个，正在整改1个（其中逾期1个），"
        "长期坚持1个，整改完成率50%。",
        "一、问题整改情况", "整改措施1：每季度首月10日前更新公开栏",
        "整改结果（2026年10月20日）：第三季度财务收支已上墙公开（佐证：公开栏照片.jpg）",
        "2026年10月25日销号，验收人：王书记，验收意见：已整改到位，同意销号",
        "二、尚未完成的问题及下一步计划", "（2）村务监督委员会作用发挥不充分：逾期",
        "（3）党员教育管理不够经常：长期坚持，按季度检查，持续抓好落实。",
        "主要负责人（签字）", "（盖章）", "问题清单", "任务清单", "责任清单",
    ):
        assert expected in text, expected


def test_the_year_summary_gains_the_rectification_figures(services, ledger, tmp_path):
    from app.services.reminders.reminder_printing import print_year_summary

    assert services.workbench.year_figures(2026).rectification == (
        "本期登记整改问题 3 个：已销号 1 个，整改中 0 个，逾期 1 个，长期坚持 1 个；整改完成率 50%。",)
    assert services.workbench.year_figures(2025).rectification == ()
    path = tmp_path / "汇总.pdf"
    print_year_summary(services, 2026, path)
    text = _text(path)
    assert "整改落实情况本期登记整改问题3个：已销号1个，整改中0个，逾期1个，长期坚持1个；整改完成率50%。" in text
