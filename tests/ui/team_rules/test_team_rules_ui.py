"""班子制度 tab on the sample village: each page lists the year, dialogs save with Enter, ask
before dropping what was typed, and put errors beside their field."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from app.services.common.demo_village import fill_sample_village
from app.services.safety.actor import Actor, Role
from app.ui.common import dialogs
from app.ui.shell.main_window import MainWindow
from app.ui.team_rules.plan_page import PlanItemDialog
from app.ui.team_rules.record_dialog import RecordDialog


@pytest.fixture
def tab(qtbot, services):
    services.act_as(Actor("王文书", Role.ADMIN))
    fill_sample_village(services)
    window = MainWindow(services.data_dir, large=False)
    qtbot.addWidget(window)
    window.attach(services)
    window.tabs.setCurrentWidget(window.team_rules_tab)
    return window.team_rules_tab


def column(page, col):
    return [page.table.item(r, col).text() for r in range(page.table.rowCount())]


def test_pages_show_the_plan_duties_study_and_rota(tab):
    assert tab.plan.table.rowCount() == 49
    assert tab.plan.summary.text().startswith("2026年共49项：已完成40项，逾期完成1项，未完成1项，未到期7项。")
    assert "2026年1月5日“1月支委会：研究本月工作”通过" in tab.plan.summary.text()
    assert column(tab.study, 0)[-1] == "刘玥" and column(tab.study, 5)[-1] == "差22学时"
    assert column(tab.duties, 0)[0] == "李建国" and "第一责任人" in column(tab.duties, 1)[0]
    assert column(tab.rota, 5).count("未登记") == 1
    assert "未登记值班记录：1天" in tab.rota.summary.text()


def test_a_new_plan_line_saves_with_enter_and_errors_sit_beside_the_field(qtbot, tab):
    dialog = PlanItemDialog(tab.services, 2026, None, tab)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.content, Qt.Key.Key_Return)
    assert dialog.errors.message("content") == "请填写工作内容，例如 3月讲一次党课"
    assert dialog.result() == 0
    dialog.content.setText("走访慰问困难党员")
    dialog.reason.setText("镇党委部署")
    qtbot.keyClick(dialog.content, Qt.Key.Key_Return)
    assert dialog.result() == 1
    view = tab.services.team_rules.plans.view(2026)
    assert view.changes[-1][1:] == ("新增：11月 走访慰问困难党员", "镇党委部署")


def test_closing_with_unsaved_text_asks_first(qtbot, tab, monkeypatch):
    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *a, **k: asked.append(a[2]) or False)
    dialog = PlanItemDialog(tab.services, 2026, None, tab)
    qtbot.addWidget(dialog)
    dialog.content.setText("半截内容")
    dialog.show()
    dialog.reject()
    assert asked == ["填写的内容还没有保存，关闭后将丢失。"]
    assert dialog.isVisible()  # 继续填写: the dialog stays open with what was typed


def test_a_duty_log_for_the_missing_day_clears_it(qtbot, tab, monkeypatch):
    page = tab.rota
    missing = next(r for r in range(page.table.rowCount()) if page.table.item(r, 5).text() == "未登记")
    page.table.selectRow(missing)
    opened = []

    def fake_exec(dialog):
        opened.append(dialog.windowTitle())
        dialog.errors.widgets["events"].setPlainText("无")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(RecordDialog, "exec", fake_exec)
    page.open_current()
    assert opened == ["2026-11-24 值班记录"]
    assert "未登记" not in column(page, 5)
    assert not [i for i in tab.services.workbench.due_items() if i.area == "值班制度"]
    assert dt.date(2026, 11, 24) in {log.day for log, _n in tab.services.team_rules.rota.logs(
        dt.date(2026, 11, 24), dt.date(2026, 11, 24))}


def test_editing_a_line_keeps_its_proof_link(qtbot, tab):
    plans = tab.services.team_rules.plans
    row = plans.view(2026).items[0]
    dialog = PlanItemDialog(tab.services, 2026, row, tab)
    qtbot.addWidget(dialog)
    assert dialog.proof.currentText() == "会议记录：支部委员会会议"
    dialog.standard.setText("每月5日前召开")
    dialog.save()
    saved = plans.view(2026).items[0]
    assert (saved.data.proof_kind, saved.data.proof_ref, saved.data.standard) == ("meeting", "支部委员会会议", "每月5日前召开")
    assert saved.state == "已完成"


def test_a_pledge_gets_its_signed_day_scan_and_result(qtbot, tab, monkeypatch, tmp_path):
    scan = tmp_path / "张堃责任书.pdf"
    scan.write_bytes(b"%PDF-1.4 signed")
    page = tab.duties
    row = column(page, 0).index("张堃")
    page.table.selectRow(row)
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a: str(scan))

    def fake_exec(dialog):
        dialog.errors.widgets["signed_on"].set_value(dt.date(2026, 2, 12))
        qtbot.mouseClick(dialog.errors.widgets["scan"], Qt.MouseButton.LeftButton)
        dialog.errors.widgets["assessment"].setCurrentText("优秀")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(RecordDialog, "exec", fake_exec)
    page.edit_pledge()
    duties = tab.services.team_rules.duties
    pledge = next(m for m in duties.year(2026) if m.name == "张堃").pledge
    assert (pledge.signed_on, pledge.scan_title, pledge.assessment) == (dt.date(2026, 2, 12), "张堃责任书.pdf", "优秀")
    assert duties.scan_path(pledge.scan_stored).read_bytes() == b"%PDF-1.4 signed"
    assert column(page, 5)[row] == "2026-02-12"


def test_study_hours_of_a_session_and_the_yearly_requirement(qtbot, tab, monkeypatch):
    page = tab.study
    sessions = tab.services.team_rules.study.sessions(2026)
    monkeypatch.setattr(dialogs, "ask_choice", lambda *a: f"{sessions[0].date.isoformat()} {sessions[0].topic}")
    answers = iter([{"hours": 4.0}, {"hours": 10.0}])

    def fake_exec(dialog):
        for key, value in next(answers).items():
            dialog.errors.widgets[key].setValue(value)
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(RecordDialog, "exec", fake_exec)
    page.edit_session()  # the January session: 3 -> 4 学时
    assert column(page, 1)[0] == "34"
    page.edit_requirement()
    assert column(page, 4) == ["10"] * page.table.rowCount()
    assert column(page, 5)[-1] == "已达标"  # 刘玥: 6 + 4 学时 reach the lower requirement
