import datetime as dt

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialog

from app.services.meetings.demo import fill_demo_meetings
from app.services.members.demo import fill_demo
from app.services.notices.demo import fill_demo_notices
from app.services.notices.notice_types import POSTED, REVIEWED
from app.services.safety.actor import Actor, Role
from app.ui.common import dialogs
from app.ui.notices.notice_dialog import NoticeDialog
from app.ui.notices.notice_workflow import PostDialog, ReviewDialog
from app.ui.shell.main_window import MainWindow


@pytest.fixture
def window(qtbot, services, clock):
    fill_demo(services.db, clock)
    fill_demo_meetings(services.db, clock, services.data_dir.attachments)
    reviewer = next(r.id for r in services.members.list_rows() if "监委会主任" in r.current_posts)
    fill_demo_notices(services.db, clock, "红旗村", reviewer, "0731-84561234")
    services.act_as(Actor("王文书", Role.ADMIN))
    main = MainWindow(services.data_dir, large=False)
    qtbot.addWidget(main)
    main.attach(services)
    main.tabs.setCurrentWidget(main.notices_tab)  # a tab loads when it is shown
    return main


def test_notices_list_and_what_is_missing(window):
    tab = window.notices_tab
    assert window.tabs.tabText(3) == "三公开"
    assert len(tab.rows) >= 8
    assert any(r.is_correction for r in tab.rows)
    assert "2026年第三季度村务公开未发布" in tab.schedule.text()


def test_draft_review_post_and_correct_through_the_screens(qtbot, window, monkeypatch):
    services = window.services
    dialog = NoticeDialog(services)
    qtbot.addWidget(dialog)
    dialog.category.setCurrentText("村务公开")
    dialog.suggest_title()
    assert dialog.title.text() == "红旗村2026年第四季度村务公开"
    dialog.body.setPlainText("本季度为低保户张某（身份证 440308197503021235，电话 13812341027）发放补助。咨询电话 0731-84561234。")
    assert "将打码：440308********1235（身份证号）" in dialog.mask_preview.text()
    assert "138****1027" in dialog.mask_preview.text()
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    notice_id = dialog.saved_id
    services.notices.submit(notice_id)
    review = ReviewDialog(services, notice_id)
    qtbot.addWidget(review)
    assert review.reviewer.count() >= 1
    review.decide(True)
    assert services.notices.get(notice_id).status == REVIEWED
    post = PostDialog(services, notice_id)
    qtbot.addWidget(post)
    post.submit()
    assert services.notices.get(notice_id).status == POSTED
    window.notices_tab.refresh()
    row = next(i for i, r in enumerate(window.notices_tab.rows) if r.id == notice_id)
    window.notices_tab.table.selectRow(row)
    opened = []
    monkeypatch.setattr(NoticeDialog, "exec", lambda self: opened.append(self) or 0)
    window.notices_tab.edit()  # a posted notice opens read-only
    assert opened[0].windowTitle() == "查看公告（只读）" and opened[0].save_button.isHidden()
    qtbot.addWidget(opened[0])
    monkeypatch.setattr(NoticeDialog, "exec", lambda self: 0)
    window.notices_tab.correct()
    window.notices_tab.refresh()
    assert any(r.is_correction and "关于《红旗村2026年第四季度村务公开》的更正" in r.title
               for r in window.notices_tab.rows)


def test_public_print_masks_and_internal_print_does_not(qtbot, window, monkeypatch, tmp_path):
    from app.services.notices.notice_printing import notice_pdf
    from app.services.notices.notice_types import NoticeData, Period

    services = window.services
    data = NoticeData(category="村务公开", title="测试公告", period=Period("quarter", 2026, 4),
                      body="身份证 440308197503021235，电话 13812341027，监督电话 0731-84561234",
                      post_from=dt.date(2026, 11, 20), post_to=dt.date(2026, 11, 26))
    notice_id = services.notices.save(data, confirmed=True)
    public, internal = tmp_path / "public.pdf", tmp_path / "internal.pdf"
    notice_pdf(services, notice_id, public)
    notice_pdf(services, notice_id, internal, internal=True)
    public_text = "".join(p.extract_text() for p in PdfReader(public).pages).replace(" ", "")
    internal_text = "".join(p.extract_text() for p in PdfReader(internal).pages).replace(" ", "")
    assert "440308197503021235" not in public_text and "13812341027" not in public_text
    assert "0731-84561234" in public_text
    assert "440308197503021235" in internal_text and "内部留存" in internal_text


def test_questions_are_listed_answered_and_flagged_when_late(qtbot, window):
    from app.services.notices.notice_types import QuestionData
    from app.ui.notices.notice_workflow import QuestionDialog, QuestionsDialog

    services = window.services
    notice_id = window.notices_tab.rows[0].id
    services.questions.add_question(QuestionData(dt.date(2026, 11, 10), "水电费为什么这么高？", "周大爷", notice_id=notice_id))
    dialog = QuestionsDialog(services, notice_id)
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 4).text() == "已超过 7 天未答复"
    answer = QuestionDialog(services, notice_id, dialog.questions[0])
    qtbot.addWidget(answer)
    answer.answer.setPlainText("含冬季取暖用电，已在村务栏说明。")
    answer.submit()
    dialog.refresh()
    assert dialog.table.item(0, 4).text() == "已答复（2026-11-27）"
    assert services.questions.overdue_questions() == []


def test_item_import_previews_rows_and_refuses_a_sheet_with_errors(qtbot, window, monkeypatch, tmp_path):
    from openpyxl import Workbook

    from app.ui.notices.items_import_dialog import ItemsImportDialog

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["日期", "项目", "收入", "支出", "经手人"])
    sheet.append(["2026-10-08", "村部办公用品", None, "1,200.00元", "刘玥"])
    sheet.append(["2026-10-09", "修路", None, "一千", "张堃"])
    path = tmp_path / "items.xlsx"
    workbook.save(path)
    dialog = NoticeDialog(window.services)
    qtbot.addWidget(dialog)
    dialog.category.setCurrentText("财务公开")
    seen = []

    def look(self):
        seen.append((self.confirm.isEnabled(), self.table.item(1, 5).text()))
        return 0

    monkeypatch.setattr(ItemsImportDialog, "exec", look)
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a: str(path))
    dialog.import_items()
    assert seen[0][0] is False and "一千" in seen[0][1]
    assert dialog.items.table.rowCount() == 0
    sheet.delete_rows(3)
    workbook.save(path)
    monkeypatch.setattr(ItemsImportDialog, "exec", lambda self: 1)
    dialog.import_items()
    assert dialog.items.table.rowCount() == 1
    assert "本期支出 1,200.00 元" in dialog.totals.text()


def test_a_suggested_title_follows_category_and_period_until_edited(qtbot, window):
    dialog = NoticeDialog(window.services)
    qtbot.addWidget(dialog)
    dialog.category.setCurrentText("财务公开")
    assert dialog.title.text() == "红旗村2026年第四季度财务收支公开"
    assert dialog.issuer.currentText() == "村委会" and dialog.subtype.currentText() == "其他"
    dialog.number.setValue(3)
    assert dialog.title.text() == "红旗村2026年第三季度财务收支公开"
    dialog.title.setText("红旗村2026年第三季度财务收支公开（补）")
    dialog.number.setValue(2)
    assert dialog.title.text() == "红旗村2026年第三季度财务收支公开（补）"


def test_a_posted_notice_opens_read_only_and_prints_from_there(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QPlainTextEdit

    from app.ui.common import print_dialog

    tab = window.notices_tab
    row = next(i for i, r in enumerate(tab.rows) if r.title == "红旗村2026年第三季度财务收支公开")
    tab.table.selectRow(row)
    opened = []
    monkeypatch.setattr(NoticeDialog, "exec", lambda self: opened.append(self) or 0)
    tab.edit()
    dialog = opened[0]
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "查看公告（只读）"
    assert "只能查看和打印，不能修改" in dialog.findChild(QLabel, "read_only_note").text()
    assert dialog.title.text() == "红旗村2026年第三季度财务收支公开" and dialog.items.table.rowCount() > 0
    texts = dialog.content.findChildren(QLineEdit) + dialog.content.findChildren(QPlainTextEdit)
    assert texts and all(w.isReadOnly() for w in texts)
    choices = dialog.content.findChildren(QComboBox) + dialog.content.findChildren(QAbstractButton)
    assert choices and not any(w.isEnabled() for w in choices)
    assert dialog.items.table.editTriggers() == dialog.items.table.EditTrigger.NoEditTriggers
    assert dialog.save_button.isHidden() and not dialog.save_button.isEnabled()
    assert sorted(b.text() for b in dialog.buttons.buttons() if not b.isHidden()) == sorted(["关闭", "打印…"])
    dialog.save()  # Ctrl+S does nothing
    printed = []
    monkeypatch.setattr(print_dialog, "preview_then_delete", lambda path, *_a: printed.append(
        "".join(p.extract_text() for p in PdfReader(path).pages).replace(" ", "").replace("\n", "")))
    monkeypatch.setattr(dialogs, "ask_choice", lambda _p, _t, _x, choices: choices[0])  # 公开版, A4
    dialog.print_button.click()
    assert "红旗村2026年第三季度财务收支公开" in printed[0]
    dialog.reject()  # nothing could change: closes without asking
    assert dialog.result() == QDialog.DialogCode.Rejected
