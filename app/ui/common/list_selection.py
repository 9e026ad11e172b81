"""Keep a list's cursor on a record, by its id, across saves, deletes and refreshes."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QAbstractItemView


def select_key(view: QAbstractItemView, keys: Sequence[object], wanted: object | None) -> bool:
    """Make the row whose key (in view order) is ``wanted`` current, selected and scrolled to.

    Without such a row nothing stays current: a row number kept from before a refresh would
    now hold another record, and 编辑 or 打印 would act on it."""
    model = view.model()
    if wanted is not None and wanted in keys:
        index = model.index(list(keys).index(wanted), 0)
        view.setCurrentIndex(index)
        view.scrollTo(index)
        return True
    view.selectionModel().clear()
    return False
