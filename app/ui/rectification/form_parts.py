"""Small pieces the 整改台账 dialogs share: reading a date field into a problem, a person chooser."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox

from app.services.common.errors import UserError
from app.services.members.pinyin_search import sort_key
from app.ui.common.date_field import DateField

NOBODY = "（未指定）"


def read_date(field: DateField, key: str, problems: dict[str, str]) -> dt.date | None:
    """The field's date; a problem under ``key`` when its text is not a date."""
    try:
        return field.value()
    except UserError as exc:
        problems[key] = exc.message
        return None


def person_combo(names: dict[int, str], chosen: int | None, optional: bool) -> QComboBox:
    """People of the roster by name (拼音 order); ``optional`` adds （未指定） first."""
    combo = QComboBox()
    combo.setEditable(False)
    if optional or chosen is None:
        combo.addItem(NOBODY, None)
    for pid, name in sorted(names.items(), key=lambda p: sort_key(p[1])):
        combo.addItem(name, pid)
    if chosen is not None:
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
    return combo
