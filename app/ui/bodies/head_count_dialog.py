"""到会人数 of a 村民会议: adults and households present against the totals (组织法 art. 22)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from app.services.bodies.villager_meetings import MAX_HEADS
from app.services.meetings.step_counts import HeadCount
from app.ui.common import dialogs
from app.ui.common.form_helpers import FieldErrors, UnsavedChangesGuard, collect_and_save, save_cancel_buttons
from app.ui.common.screen_fit import fit_to_screen


def _pair() -> tuple[QWidget, QSpinBox, QSpinBox]:
    present, total = QSpinBox(), QSpinBox()
    for box in (present, total):
        box.setRange(0, MAX_HEADS)
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in (QLabel("到会"), present, QLabel("共"), total):
        layout.addWidget(widget)
    layout.addStretch(1)
    return row, present, total


class HeadCountDialog(UnsavedChangesGuard, QDialog):
    def __init__(self, services, meeting_id: int, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        from app.services.bodies.villager_meetings import VillagerMeetingCounts

        self.counts = VillagerMeetingCounts(services.db)
        self.meeting_id = meeting_id
        self.setWindowTitle("村民会议到会人数")
        form = QFormLayout()
        self.errors = FieldErrors(form)
        adults_row, self.adults_present, self.adults_total = _pair()
        households_row, self.households_present, self.households_total = _pair()
        self.errors.add_row("adults", "18岁以上村民", adults_row, True)
        self.errors.add_row("households", "户（户代表）", households_row)
        heads = self.counts.get(meeting_id)
        if heads is None:  # start from the village's figures, added up over its 村民小组
            households, adults = services.villager_groups.totals()
            heads = HeadCount(adults, 0, households, 0)
        self.adults_present.setValue(heads.adults_present)
        self.adults_total.setValue(heads.adults_total)
        self.households_present.setValue(heads.households_present)
        self.households_total.setValue(heads.households_total)
        buttons, _save = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("村民会议应有18岁以上村民过半数，或三分之二以上户的代表参加（村民委员会组织法第二十二条）。"))
        layout.addLayout(form)
        layout.addWidget(buttons)
        fit_to_screen(self, 560, 0)
        self.mark_unchanged()

    def collect(self) -> HeadCount:
        return HeadCount(self.adults_total.value(), self.adults_present.value(),
                         self.households_total.value(), self.households_present.value())

    def save(self) -> None:
        def write(heads: HeadCount, _ok: bool) -> int:
            self.counts.save(self.meeting_id, heads)
            return self.meeting_id

        if collect_and_save(self, self.collect, write, self.show_problems) is not None:
            self.saved(self.meeting_id)

    def show_problems(self, problems: dict[str, str]) -> None:
        if unplaced := self.errors.show(problems):
            dialogs.show_error(self, "不能保存", "\n".join(unplaced))
