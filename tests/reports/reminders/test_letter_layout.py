"""The 提醒函's faces, type scale and rules by event, read back from the PDF."""

from __future__ import annotations

import datetime as dt

from pdf_layout import decoded_lines, runs_and_rules
from pypdf import PdfReader
from test_reminder_prints import PRINT_DATE, letter, texts

from app.reports.reminders.reminder_letter import build_reminder_letter
from app.services.reminders.reminder_rules import RULE_TEXTS


def test_letter_title_in_the_heavy_serif(tmp_path):
    path = tmp_path / "letter.pdf"
    build_reminder_letter(path, letter=letter(3), print_date=PRINT_DATE)
    assert decoded_lines(PdfReader(path).pages[0], "NotoSerifCJKsc-Black") == ["廉政提醒函"]


def test_a_wedding_letter_recalls_only_the_wedding_rules(tmp_path):
    from app.services.reminders.reminder_types import FUNERAL, WEDDING

    base = dict(kind="婚丧喜庆事项报告", holiday="", subject="陈喆本人结婚", detail=RULE_TEXTS["婚丧喜庆事项报告"],
                due=dt.date(2026, 12, 20), event_date=dt.date(2027, 2, 1))
    path = tmp_path / "wedding.pdf"
    build_reminder_letter(path, letter=letter(1, event_kind=WEDDING, **base), print_date=PRINT_DATE)
    [text] = texts(path)
    assert "婚嫁等喜庆事宜" in text and "丧事从简" not in text
    build_reminder_letter(path, letter=letter(1, event_kind=FUNERAL, **base), print_date=PRINT_DATE)
    [text] = texts(path)
    assert "丧事从简" in text and "婚嫁等喜庆事宜" not in text


def test_one_type_scale_for_letter_and_receipt(tmp_path):
    path = tmp_path / "letter.pdf"
    build_reminder_letter(path, letter=letter(3), print_date=PRINT_DATE)
    runs, _ = runs_and_rules(PdfReader(path).pages[0])
    body_sizes = {round(r.size, 1) for r in runs if "Black" not in r.font and r.size > 9.5}
    assert len(body_sizes) == 1, body_sizes
