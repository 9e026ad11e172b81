"""The 操作日志 speaks Chinese: every audited column has its label per table, money in 元,
records by name, stored codes in words."""

import datetime as dt

from conftest import person
from pypdf import PdfReader

from app.services.meetings.meeting_kinds import Kind
from app.services.meetings.meeting_types import AttendanceData, MeetingData
from app.services.notices.notice_types import EXPENSE, ItemData, NoticeData, Period
from app.services.reminders.reminder_types import Recurrence, ReminderData
from app.services.safety.audit_labels import COLUMN_LABELS
from app.services.safety.audit_log import AuditLogService
from db.audit import UNAUDITED_COLUMNS, UNAUDITED_TABLES
from db.models import Base


def test_every_audited_column_of_every_table_has_a_chinese_label():
    missing = []
    for table in Base.metadata.sorted_tables:
        if table.name in UNAUDITED_TABLES:
            continue
        labels = COLUMN_LABELS.get(table.name, {})
        for column in table.columns:
            if column.name in UNAUDITED_COLUMNS or column.name == "id":
                continue
            label = labels.get(column.name, "")
            if not label or label.isascii():
                missing.append(f"{table.name}.{column.name}")
    assert not missing, "no Chinese label in audit_labels.COLUMN_LABELS: " + ", ".join(missing)


def _changes(services, label_part: str) -> list[str]:
    return [r.changes for r in AuditLogService(services.db).entries() if label_part in r.label]


def test_notice_fields_money_and_reviewer_read_as_a_clerk_would(services, profile):
    reviewer = services.members.save(person("赵监督", "监委会主任"))
    data = NoticeData(category="财务公开", title="红旗村2026年第三季度财务收支公开", period=Period("quarter", 2026, 3),
                      body="本季度收支如下。", post_from=dt.date(2026, 10, 8), post_to=dt.date(2026, 10, 14),
                      opening_balance_fen=8_000_000,
                      items=[ItemData("村部水电费", EXPENSE, 123_450, dt.date(2026, 9, 10), "村级运转经费", "刘玥")])
    notice_id = services.notices.save(data, confirmed=True)
    services.notices.submit(notice_id)
    services.notices.review(notice_id, reviewer, "同意公开", dt.date(2026, 10, 8), approve=True)
    new, *_ = [c for c in _changes(services, "财务收支公开") if "标题" in c]
    assert "标题：红旗村2026年第三季度财务收支公开" in new and "正文：本季度收支如下。" in new
    assert "所属期类型：季度" in new and "上期结余：80,000.00 元" in new
    assert "所属班子" not in new and "职务" not in new and "_" not in new
    item = next(c for c in _changes(services, "") if "村部水电费" in c)
    assert "金额：1,234.50 元" in item and "公告：红旗村2026年第三季度财务收支公开" in item
    assert "amount_fen" not in item and "123450" not in item
    assert any("审核人：（空） → 赵监督" in c for c in _changes(services, "财务收支公开"))


def test_meeting_people_and_reminder_codes_are_named(services, profile, tmp_path):
    host = services.members.save(person("张书记", "党支部书记"))
    meeting = MeetingData(kinds=[Kind.BRANCH_COMMITTEE.value], topic="研究秋收工作", date=dt.date(2026, 9, 3),
                          host_id=host, recorder_id=host, attendance=[AttendanceData(host)])
    services.meetings.save(meeting, confirmed=True)
    services.reminders.save(ReminderData(kind="节前廉政提醒", subject="国庆节前廉政提醒", anchor=dt.date(2026, 9, 28),
                                         recurrence=Recurrence.ONCE, person_ids=[host]), confirmed=True)
    rows = AuditLogService(services.db).entries()
    text = "\n".join(r.changes for r in rows)
    assert "主持人：张书记" in text and "记录人：张书记" in text
    assert "会议：2026年9月3日“研究秋收工作”" in text and "会议类型：支部委员会会议" in text
    assert "重复：一次" in text and "提醒对象：张书记" in text
    assert "host_id" not in text and "recurrence" not in text and "once" not in text
    path = tmp_path / "log.pdf"
    AuditLogService(services.db).print_pdf(path, rows, "红旗村", dt.date(2026, 11, 27), "操作日志")
    printed = "".join(p.extract_text() for p in PdfReader(path).pages).replace("\n", "").replace(" ", "")
    assert "主持人：张书记" in printed and "重复：一次" in printed


def test_rectification_rows_are_named_by_their_problem_and_links_by_kind_in_words(services, profile):
    from app.services.rectification.rect_types import ItemData, LinkData, ProgressData, SourceData

    owner = services.members.save(person("张书记", "党支部书记"))
    meeting = services.meetings.save(MeetingData(kinds=[Kind.BRANCH_COMMITTEE.value], topic="研究整改",
                                                 date=dt.date(2026, 6, 10), host_id=owner, recorder_id=owner,
                                                 attendance=[AttendanceData(owner)]), confirmed=True)
    rect = services.rectification
    source = rect.save_source(SourceData("巡察", "2026年县委巡察反馈问题", dt.date(2026, 6, 1), "县委第三巡察组"))
    problem = "部分财务支出未经村务监督委员会审核即公开，群众反映较多，需要逐笔补办审核手续"
    item = rect.save_item(ItemData(source, problem, "限期整改", ["逐笔补审"], owner, dt.date(2026, 7, 1)))
    rect.save_progress(ProgressData(item, dt.date(2026, 6, 20), "已逐笔补办审核",
                                    links=[LinkData("meeting", meeting, dt.date(2026, 6, 10), "研究整改")]))
    rows = AuditLogService(services.db).entries()
    labels = {r.label for r in rows if r.area == "整改台账"}
    assert problem[:29] + "…" in labels  # the item by its problem's first words, not by its kind
    assert "已逐笔补办审核" in labels and "2026年6月10日 研究整改" in labels
    link = next(r.changes for r in rows if "关联记录类型" in r.changes)
    assert "关联记录类型：会议记录" in link and "meeting" not in link


def test_the_printed_log_holds_fourteen_rows_a_page_when_each_change_takes_two_lines(tmp_path):
    from app.reports.safety.audit_report import build_audit_report
    from app.services.safety.audit_log import AuditRow

    change = "联系电话：（空） → 138****1027；备注：" + "村民代表会议推选产生，负责联系第三村民小组和第四村民小组的全部农户"
    rows = [AuditRow(i, dt.datetime(2026, 11, 27, 9), "王文书", "修改", "两委成员", f"张三{i}", change)
            for i in range(100)]
    path = tmp_path / "log.pdf"
    pages = build_audit_report(path, rows=rows, village="红旗村", print_date=dt.date(2026, 11, 27), title="操作日志")
    assert pages <= 7  # 9-point type and a wide 改动内容 column: 13 pages at the form's 10.5 points
    first = PdfReader(path).pages[0].extract_text().replace("\n", "").replace(" ", "")
    assert "张三0" in first and "张三12" in first
