"""Print choices can be cancelled; saved copies are named from what they hold; the preview zooms."""

import datetime as dt

import pytest
from conftest import person
from PySide6.QtCore import Qt
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QPushButton

from app.services.common.profile import Profile
from app.services.meetings.meeting_types import MeetingData
from app.services.notices.notice_types import NoticeData, Period
from app.services.safety.actor import Actor, Role
from app.ui.common import dialogs
from app.ui.common.print_dialog import print_roster_flow


@pytest.fixture
def village(services):
    services.profile.save(Profile("红旗村", "城关镇", supervision_phone="0731-84561234"))
    services.act_as(Actor("王文书", Role.ADMIN))
    services.members.save(person("张三", "党支部书记"), confirmed=True)
    return services


def answers(monkeypatch, *chosen):
    """Answer the print questions in turn (None = 取消); returns the questions asked."""
    asked, queue = [], list(chosen)

    def choose(_parent, title, _text, choices):
        asked.append((title, list(choices)))
        return queue.pop(0)

    monkeypatch.setattr(dialogs, "ask_choice", choose)
    return asked


def notice(services) -> int:
    return services.notices.save(NoticeData(
        category="财务公开", title="红旗村2026年第三季度财务收支公开", period=Period("quarter", 2026, 3),
        issuer="村委会", post_from=dt.date(2026, 10, 8), post_to=dt.date(2026, 10, 14)), confirmed=True)


def written(services) -> list:
    folder = services.data_dir.prints
    return sorted(folder.iterdir()) if folder.exists() else []


@pytest.mark.parametrize("chosen", [(None,), ("公开版", None)], ids=["kind", "paper"])
def test_cancelling_a_notice_print_writes_nothing(qtbot, village, monkeypatch, chosen):
    from app.ui.notices.notice_prints import print_notice

    asked = answers(monkeypatch, *chosen)
    assert print_notice(village, notice(village), None) is None
    assert asked[0] == ("打印公告", ["公开版", "内部留存版"]) and written(village) == []
    if len(chosen) == 2:
        assert asked[1] == ("纸张大小", ["A4", "A3"])


def test_cancelling_the_roster_print_writes_nothing(qtbot, village, monkeypatch):
    answers(monkeypatch, None)
    assert print_roster_flow(village, None) is None and written(village) == []


def test_saved_copies_are_named_from_their_content(qtbot, village, monkeypatch, tmp_path):
    from app.ui.meetings.meeting_prints import print_meeting_record
    from app.ui.notices.notice_prints import print_notice

    answers(monkeypatch, "公开版", "A4", "内部留存版", "A3", "公开版", "内部留存版")
    notice_id = notice(village)
    previews = [print_notice(village, notice_id, None), print_notice(village, notice_id, None),
                print_roster_flow(village, None), print_roster_flow(village, None)]
    meeting_id = village.meetings.save(MeetingData(kinds=["支部委员会会议"], topic="研究年终工作",
                                                   date=dt.date(2026, 11, 5)), None, True)
    previews.append(print_meeting_record(village, meeting_id, None))
    for preview in previews:
        qtbot.addWidget(preview)
    assert [p.suggested_name for p in previews] == [
        "红旗村2026年第三季度财务收支公开.pdf", "红旗村2026年第三季度财务收支公开（内部留存）（A3）.pdf",
        "红旗村两委班子成员花名册.pdf", "红旗村两委班子成员花名册（内部留存）.pdf", "会议记录-2026-11-05-支委会.pdf"]
    target = tmp_path / "存档"
    target.mkdir()
    saved = []
    monkeypatch.setattr(dialogs, "ask_save_path", lambda _p, _t, suggested, _f: saved.append(suggested) or str(
        target / suggested))
    monkeypatch.setattr(dialogs, "show_info", lambda *_a: None)
    previews[-1].save_as()
    assert saved == ["会议记录-2026-11-05-支委会.pdf"] and (target / saved[0]).exists()


def test_the_preview_zooms_by_buttons_and_keys(qtbot, village, monkeypatch):
    answers(monkeypatch, "公开版")
    preview = print_roster_flow(village, None)
    qtbot.addWidget(preview)
    preview.resize(900, 650)
    with qtbot.waitActive(preview):
        preview.show()
        preview.activateWindow()
    view = preview.view
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth and preview.zoom_label.text() == "适合宽度"
    fitted = preview.zoom()
    buttons = {b.text(): b for b in preview.findChildren(QPushButton)}
    buttons["+"].click()
    assert view.zoomMode() == QPdfView.ZoomMode.Custom and view.zoomFactor() > fitted
    assert preview.zoom_label.text() == f"{round(view.zoomFactor() * 100)}%"
    bigger = view.zoomFactor()
    qtbot.keyClick(preview, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoomFactor() < bigger
    smaller = view.zoomFactor()
    qtbot.keyClick(preview, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.zoomFactor() > smaller
    buttons["整页"].click()
    assert view.zoomMode() == QPdfView.ZoomMode.FitInView and preview.zoom_label.text() == "整页"
    assert preview.zoom() < fitted  # a whole A4 page is smaller than the page fitted to the width
    buttons["适合宽度"].click()
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth
