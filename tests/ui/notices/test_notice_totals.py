"""The 财务公开 editor shows the balance its print carries from the previous period."""

import datetime as dt

import pytest
from pypdf import PdfReader

from app.services.members.demo import fill_demo
from app.services.notices.demo import fill_demo_notices
from app.services.notices.money import format_yuan
from app.services.notices.notice_printing import notice_pdf
from app.services.notices.notice_types import EXPENSE, ItemData
from app.services.safety.actor import Actor, Role
from app.ui.notices.notice_dialog import NoticeDialog


@pytest.fixture
def village(services, clock):
    fill_demo(services.db, clock)
    reviewer = next(r.id for r in services.members.list_rows() if "监委会主任" in r.current_posts)
    fill_demo_notices(services.db, clock, "红旗村", reviewer, "0731-84561234")
    services.act_as(Actor("王文书", Role.ADMIN))
    return services


def _third_quarter(services) -> int:
    return next(r.id for r in services.notices.list_rows(year=2026, category="财务公开")
                if r.period.label == "2026年第三季度")


def test_editor_totals_carry_the_previous_balance_like_the_print(qtbot, village, tmp_path):
    previous = village.notices.totals(_third_quarter(village)).closing_fen
    assert previous != 0
    dialog = NoticeDialog(village)
    qtbot.addWidget(dialog)
    dialog.category.setCurrentText("财务公开")
    dialog.items.set_items([ItemData("村部办公用品", EXPENSE, 123_450, dt.date(2026, 11, 20), "村级运转经费", "刘玥")])
    closing = previous - 123_450
    assert (f"本期支出 1,234.50 元，本期结余（按上期结余 {format_yuan(previous)} 元计）{format_yuan(closing)} 元"
            in dialog.totals.text())
    assert not dialog.opening.isEnabled()
    assert format_yuan(previous) in dialog.opening.placeholderText()

    dialog.save()
    path = tmp_path / "q4.pdf"
    notice_pdf(village, dialog.saved_id, path)
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert format_yuan(previous) in text and format_yuan(closing) in text


def test_without_a_previous_notice_the_typed_balance_counts(qtbot, village):
    dialog = NoticeDialog(village)
    qtbot.addWidget(dialog)
    dialog.category.setCurrentText("财务公开")
    dialog.year.setValue(2020)
    assert dialog.opening.isEnabled()
    dialog.opening.setText("100")
    dialog.items.set_items([ItemData("村部办公用品", EXPENSE, 123_450, dt.date(2020, 11, 20), "村级运转经费", "刘玥")])
    assert "本期结余（按上期结余 100.00 元计）-1,134.50 元" in dialog.totals.text()
