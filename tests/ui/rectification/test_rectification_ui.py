"""The 整改台账 tab: sources with counts and 完成率, filters, Enter registers progress, 销号 only
for a 管理员, the unsaved-changes guard, and 去办理 on the 工作台 opening the item."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from rect_data import inspection, item

from app.services.rectification.rect_types import ProgressData
from app.services.safety.actor import Actor, Role
from app.services.workbench.workbench_types import Target
from app.ui.common import dialogs
from app.ui.rectification.close_dialog import CloseDialog
from app.ui.rectification.item_dialog import ItemDialog
from app.ui.rectification.progress_dialog import ProgressDialog
from app.ui.rectification.rectification_tab import EMPTY, RectificationTab

ADMIN, CLERK = Actor("王管理", Role.ADMIN), Actor("李录入", Role.CLERK)


@pytest.fixture
def ledger(services):
    source, owner, leader = inspection(services)
    rect = services.rectification
    rect.save_item(item(source, owner, dt.date(2026, 12, 17), leader_id=leader))
    rect.save_item(item(source, leader, dt.date(2026, 11, 20), problem="村务监督委员会作用发挥不充分"))
    services.act_as(ADMIN)
    return source


@pytest.fixture
def tab(qtbot, services, ledger):
    widget = RectificationTab(services)
    qtbot.addWidget(widget)
    widget.apply_permissions(services.actor)
    widget.refresh()
    return widget


def cells(table):
    return [tuple(table.item(r, c).text() for c in range(table.columnCount())) for r in range(table.rowCount())]


def error(dialog, key):
    label = dialog.findChild(QLabel, f"error_{key}")
    return label.text() if not label.isHidden() else ""


def test_an_empty_tab_says_what_to_do(qtbot, services):
    widget = RectificationTab(services)
    qtbot.addWidget(widget)
    widget.refresh()
    assert not widget.empty.isHidden() and widget.empty.text() == EMPTY


def test_sources_show_their_counts_and_rate_and_the_filters_narrow_the_items(tab, ledger):
    assert cells(tab.source_table) == [(str(ledger), "巡察", "2026年县委第三巡察组反馈问题", "2026-09-01",
                                        "2", "0", "1", "1", "0", "0%")]
    assert [r[1] for r in cells(tab.item_table)] == ["三务公开不及时，财务公开栏内容未按季度更新",
                                                     "村务监督委员会作用发挥不充分"]
    tab.state_filter.setCurrentText("逾期")
    assert cells(tab.item_table) == [("2", "村务监督委员会作用发挥不充分", "限期整改", "李建国", "2026-11-20", "逾期", "")]
    tab.state_filter.setCurrentIndex(0)
    tab.person_filter.setCurrentText("张堃")
    assert [r[3] for r in cells(tab.item_table)] == ["张堃"]
    assert tab.status_text() == "整改台账：1 个来源，显示 1 个问题"


def test_enter_on_an_item_registers_progress(qtbot, tab, monkeypatch):
    def fill(dialog):
        dialog.date.edit.setText("2026-11-26")
        dialog.text.setPlainText("公开栏已更新并拍照")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(ProgressDialog, "exec", fill)
    with qtbot.waitExposed(tab):
        tab.show()
    tab.activateWindow()
    tab.item_table.selectRow(0)
    tab.item_table.setFocus()
    qtbot.keyClick(tab.item_table, Qt.Key.Key_Return)
    assert cells(tab.item_table)[0][6] == "2026年11月26日：公开栏已更新并拍照"


def test_close_is_for_administrators_and_problems_show_beside_the_fields(qtbot, services, tab):
    services.rectification.save_progress(ProgressData(tab.rows[0].id, dt.date(2026, 11, 1), "已整改"))
    tab.apply_permissions(CLERK)
    assert not tab.buttons["销号"].isEnabled() and not tab.buttons["重新打开"].isEnabled()
    assert tab.buttons["登记进展"].isEnabled()
    dialog = CloseDialog(services, tab.rows[0].id)
    qtbot.addWidget(dialog)
    dialog.accepted_by.setText("")
    dialog.save()
    assert error(dialog, "accepted_by") == "请填写验收人"
    assert error(dialog, "acceptance") == "请填写验收意见，例如 已整改到位，同意销号"
    dialog.accepted_by.setText("王书记")
    dialog.acceptance.setPlainText("同意销号")
    dialog.save()
    assert dialog.result() == 1
    assert services.rectification.item(tab.rows[0].id).row.state == "已销号"


def test_the_item_editor_guards_unsaved_changes_and_fits_the_screen(qtbot, services, tab, monkeypatch):
    from PySide6.QtCore import QRect

    from app.ui.common import screen_fit

    monkeypatch.setattr(screen_fit, "available_geometry", lambda _widget=None: QRect(0, 0, 1366, 728))
    dialog = ItemDialog(services, tab.rows[0].id)
    qtbot.addWidget(dialog)
    assert dialog.height() <= 728 - screen_fit.FRAME_HEIGHT and dialog.width() <= 1366
    assert dialog.findChild(QLabel, "rect_history").text() == "还没有登记整改进展。"
    dialog.problem.setPlainText("改过的问题")
    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *a, **k: asked.append(a[1]) or False)
    dialog.show()
    dialog.reject()
    assert asked == ["放弃修改？"] and dialog.isVisible()  # “继续填写” keeps the form open
    assert services.rectification.item(tab.rows[0].id).row.problem != "改过的问题"


def test_go_to_work_on_the_start_page_opens_the_item(qtbot, services, tab, monkeypatch):
    from app.ui.workbench.target_actions import open_target

    (due,) = [i for i in services.workbench.due_items() if i.area == "整改台账" and i.status == "已逾期"]
    assert due.target == Target("rectification", (tab.rows[1].id,))
    opened = []

    def look(dialog):
        opened.append(dialog.problem.toPlainText())
        return 0

    monkeypatch.setattr(ItemDialog, "exec", look)
    assert open_target(services, due.target, None) is False
    assert opened == ["村务监督委员会作用发挥不充分"]


def test_the_dossier_button_exports_the_year_with_its_index(tab, services, profile, monkeypatch, tmp_path):
    told = []
    monkeypatch.setattr(dialogs, "ask_int", lambda *a, **k: 2026)
    monkeypatch.setattr(dialogs, "ask_choice", lambda _p, _t, _text, choices: choices[0])
    monkeypatch.setattr(dialogs, "ask_folder", lambda *a, **k: str(tmp_path))
    monkeypatch.setattr(dialogs, "show_info", lambda _p, title, text: told.append((title, text)))
    steps = []
    tab.status_changed.connect(steps.append)
    tab.export_dossier()
    folder = tmp_path / "红旗村2026年巡察资料（内部留存）"
    assert (folder / "00 目录.pdf").is_file() and (folder / "06 整改台账" / "整改台账.pdf").is_file()
    assert told and told[0][0] == "已导出" and "目录见“00 目录.pdf”" in told[0][1]
    assert any(s.startswith("正在导出巡察资料") for s in steps)


def test_the_dossier_button_can_export_the_public_copy_with_numbers_masked(tab, services, profile, monkeypatch,
                                                                           tmp_path):
    from pypdf import PdfReader

    from app.ui.rectification.rectification_tab import PUBLIC_COPY

    from conftest import person

    services.members.save(person("周秀英", "村委会委员", phone="13812341027"))
    offered = []

    def choose(_parent, _title, text, choices):
        offered.append((text, list(choices)))
        return PUBLIC_COPY

    monkeypatch.setattr(dialogs, "ask_int", lambda *a, **k: 2026)
    monkeypatch.setattr(dialogs, "ask_choice", choose)
    monkeypatch.setattr(dialogs, "ask_folder", lambda *a, **k: str(tmp_path))
    monkeypatch.setattr(dialogs, "show_info", lambda *a: None)
    tab.export_dossier()
    assert offered and offered[0][1] == ["内部留存版", "公开版"] and "打码" in offered[0][0]
    folder = tmp_path / "红旗村2026年巡察资料（公开版）"
    roster = next(folder.rglob("*花名册*.pdf"))
    text = "".join(page.extract_text() for page in PdfReader(roster).pages)
    assert "138****1027" in text and "13812341027" not in text and "内部留存" not in text
    assert not (tmp_path / "红旗村2026年巡察资料（内部留存）").exists()


def test_cancelling_the_dossier_choice_writes_nothing(tab, monkeypatch, tmp_path):
    monkeypatch.setattr(dialogs, "ask_int", lambda *a, **k: 2026)
    monkeypatch.setattr(dialogs, "ask_choice", lambda *a: None)
    usb = tmp_path / "U盘"
    usb.mkdir()
    monkeypatch.setattr(dialogs, "ask_folder", lambda *a, **k: str(usb))
    tab.export_dossier()
    assert list(usb.iterdir()) == []
