"""Table model and filter for the members list (tested without a window)."""

from __future__ import annotations

import datetime as dt
import enum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from app.services.common.dates import format_date, format_month_cn
from app.services.members.member_fields import PARTY_STATUSES
from app.services.members.member_types import MemberRow
from app.services.members.pinyin_search import matches

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class View(enum.Enum):
    TEAM = "现任两委班子"
    PARTY = "党员花名册"
    LEFT = "离任人员"
    ALL = "全部人员"


def _status(row: MemberRow) -> str:
    if row.in_office:
        return "在任"
    if row.has_left:
        return "离任"
    return "党员" if row.values.get("political_status") in PARTY_STATUSES else "—"


def _date_key(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


# (header, display function, sort-key function)
COLUMNS = (
    ("姓名", lambda r: r.name, lambda r: r.sort_name),
    ("性别", lambda r: r.values.get("gender") or "", None),
    ("出生年月", lambda r: format_month_cn(r.values.get("birth_date")), lambda r: _date_key(r.values.get("birth_date"))),
    ("政治面貌", lambda r: r.values.get("political_status") or "", None),
    ("入党日期", lambda r: format_date(r.values.get("party_join_date")), None),
    ("学历", lambda r: r.values.get("education") or "", None),
    ("现任职务", lambda r: "、".join(r.current_posts), None),
    ("分工", lambda r: r.duties, None),
    ("任职时间", lambda r: format_date(r.in_office_since), None),
    ("联系电话", lambda r: r.values.get("phone") or "", None),
    ("状态", lambda r: _status(r) + (f"（{format_date(r.left_on)}）" if r.has_left else ""), None),
)


class MembersTableModel(QAbstractTableModel):
    def __init__(self, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self._rows: list[MemberRow] = []

    def set_rows(self, rows: list[MemberRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> MemberRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        _header, display, sort_key = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return display(row)
        if role == SORT_ROLE:
            return (sort_key or display)(row)
        if role == ID_ROLE:
            return row.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201, N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section][0]
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None


class MembersFilter(QSortFilterProxyModel):
    """Filters by view (team, party roster, left, all) and by the search box."""

    def __init__(self, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self._view = View.TEAM
        self._query = ""
        self.setSortRole(SORT_ROLE)

    def set_view(self, view: View) -> None:
        self.beginFilterChange()
        self._view = view
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_query(self, text: str) -> None:
        self.beginFilterChange()
        self._query = text.strip().lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        row = self.sourceModel().row_at(source_row)
        if self._view is View.TEAM and not row.in_office:
            return False
        if self._view is View.PARTY and row.values.get("political_status") not in PARTY_STATUSES:
            return False
        if self._view is View.LEFT and not row.has_left:
            return False
        return matches(self._query, row.search_keys) if self._query else True
