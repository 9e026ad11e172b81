"""对象 of a reminder: tick members in a filterable list, or “全体两委干部”."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.services.members.pinyin_search import matches

ID_ROLE = Qt.ItemDataRole.UserRole
KEYS_ROLE = Qt.ItemDataRole.UserRole + 1


class TargetPicker(QWidget):
    changed = Signal()

    def __init__(self, member_rows, parent: QWidget | None = None):  # noqa: ANN001 - list[MemberRow]
        super().__init__(parent)
        self.all_cadres = QCheckBox("全体两委干部（按应办日期当天在任的两委成员）")
        self.all_cadres.toggled.connect(self._all_toggled)
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText("查找姓名、拼音 zs、职务")
        self.filter.textChanged.connect(self._apply_filter)
        self.list = QListWidget()
        self.list.setMinimumHeight(150)
        # Serving members first, then the rest (left office, ordinary party members), by pinyin.
        for row in sorted(member_rows, key=lambda r: (not r.in_office, r.sort_name)):
            posts = "、".join(row.current_posts) if row.current_posts else ("已离任" if row.has_left else "")
            item = QListWidgetItem(f"{row.name}（{posts}）" if posts else row.name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(ID_ROLE, row.id)
            item.setData(KEYS_ROLE, f"{row.name} {row.search_keys} {posts}".lower())
            self.list.addItem(item)
        self.list.itemChanged.connect(lambda _item: self._count_changed())
        self.count = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.all_cadres)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count)
        self.setFocusProxy(self.filter)
        self._count_changed()

    def items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def person_ids(self) -> list[int]:
        return [item.data(ID_ROLE) for item in self.items() if item.checkState() == Qt.CheckState.Checked]

    def set_targets(self, person_ids: list[int], all_cadres: bool) -> None:
        wanted = set(person_ids)
        for item in self.items():
            item.setCheckState(Qt.CheckState.Checked if item.data(ID_ROLE) in wanted else Qt.CheckState.Unchecked)
        self.all_cadres.setChecked(all_cadres)
        self._all_toggled(all_cadres)

    def check(self, name: str) -> None:
        """Tick the member called ``name`` (as a clerk clicking the box)."""
        for item in self.items():
            if item.text().split("（")[0] == name:
                item.setCheckState(Qt.CheckState.Checked)

    def _all_toggled(self, checked: bool) -> None:
        self.filter.setEnabled(not checked)
        self.list.setEnabled(not checked)
        self._count_changed()

    def _apply_filter(self, text: str) -> None:
        query = text.strip().lower()
        for item in self.items():
            item.setHidden(bool(query) and not matches(query, item.data(KEYS_ROLE)))

    def _count_changed(self) -> None:
        if self.all_cadres.isChecked():
            self.count.setText("对象：全体两委干部")
        else:
            names = [item.text().split("（")[0] for item in self.items() if item.checkState() == Qt.CheckState.Checked]
            self.count.setText(f"已选 {len(names)} 人：{'、'.join(names)}" if names else "还没有选择对象")
        self.count.setWordWrap(True)
        self.changed.emit()
