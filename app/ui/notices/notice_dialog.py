"""The notice form: category and period, 公开期, body with the numbers that will be masked, items."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services.common.errors import UserError, ValidationFailed
from app.services.notices.notice_types import CATEGORIES, ISSUERS, SUBTYPES, NoticeData, Period
from app.ui.common import dialogs
from app.ui.common.date_field import DateField
from app.ui.common.form_helpers import (
    FieldErrors,
    UnsavedChangesGuard,
    collect_and_save,
    scrolled_form,
    show_as_read_only,
)
from app.ui.common.screen_fit import fit_to_screen
from app.ui.notices.items_editor import ItemsEditor

PERIOD_KINDS = (("quarter", "季度"), ("month", "月"), ("year", "年"))


class NoticeDialog(UnsavedChangesGuard, QDialog):
    def __init__(self, services, notice_id: int | None = None, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.services = services
        self.notices = services.notices
        self.notice_id = notice_id
        self.saved_id: int | None = None
        self.setWindowTitle("新建公告" if notice_id is None else "编辑公告")
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.category, self.subtype, self.issuer = QComboBox(), QComboBox(), QComboBox()
        self.category.addItems(CATEGORIES)
        self.subtype.addItems(SUBTYPES)
        self.issuer.addItems(ISSUERS)
        self.period_kind = QComboBox()
        for key, label in PERIOD_KINDS:
            self.period_kind.addItem(label, key)
        today = services.clock.today()
        self.year, self.number = QSpinBox(), QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.number.setRange(0, 12)
        self.number.setValue((today.month - 1) // 3 + 1)
        period = QWidget()
        period_layout = QHBoxLayout(period)
        period_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.year, QLabel("年"), self.period_kind, QLabel("第"), self.number):
            period_layout.addWidget(widget)
        period_layout.addStretch(1)
        self.title = QLineEdit()
        suggest = QPushButton("按类别和所属期生成标题")
        suggest.clicked.connect(self.suggest_title)
        title_row = QWidget()
        title_layout = QHBoxLayout(title_row)
        title_layout.setContentsMargins(0, 0, 0, 0)
        title_layout.addWidget(self.title, 1)
        title_layout.addWidget(suggest)
        self.post_from, self.post_to = DateField(), DateField()
        posting = QWidget()
        posting_layout = QHBoxLayout(posting)
        posting_layout.setContentsMargins(0, 0, 0, 0)
        posting_layout.addWidget(self.post_from)
        posting_layout.addWidget(QLabel("至"))
        posting_layout.addWidget(self.post_to)
        self.post_from.changed.connect(self.default_posting_end)
        self.matter = QComboBox()
        self.matter.addItem("（无）", None)
        for row in services.matters.list_rows():
            self.matter.addItem(row.name, row.id)
        self.body = QPlainTextEdit()
        self.body.setMinimumHeight(140)
        self.public_numbers = QLineEdit()
        self.public_numbers.setPlaceholderText("村里有意公开、不打码的号码，用顿号隔开（监督电话不用填）")
        self.mask_preview = QLabel()
        self.mask_preview.setWordWrap(True)
        self.mask_preview.setObjectName("mask_preview")
        self.body.textChanged.connect(self.update_mask_preview)
        self.public_numbers.textChanged.connect(self.update_mask_preview)
        for key, label, widget, required in (
            ("category", "类别", self.category, True), ("subtype", "公开事项", self.subtype, True),
            ("period", "所属期", period, True), ("title", "标题", title_row, True),
            ("post_from", "公开期", posting, True), ("issuer", "发布单位", self.issuer, True),
            ("matter_id", "关联四议两公开事项", self.matter, False), ("body", "正文", self.body, False),
            ("public_numbers", "公开号码", self.public_numbers, False),
        ):
            self.errors.add_row(key, label, widget, required)
        form.addRow("打码预览：", self.mask_preview)

        self.items = ItemsEditor()
        self.items.changed.connect(self.update_totals)
        self.items.import_button.clicked.connect(self.import_items)
        self.items.template_button.clicked.connect(self.save_template)
        self.opening = QLineEdit()
        self.opening.setPlaceholderText("有上一期财务公开时自动结转，不用填")
        self.totals = QLabel()
        self.totals.setObjectName("totals")
        self.items_box = QGroupBox("财务收支明细")
        items_layout = QVBoxLayout(self.items_box)
        items_layout.addWidget(self.items)
        opening_form = QFormLayout()
        opening_form.addRow("上期结余（元）：", self.opening)
        items_layout.addLayout(opening_form)
        items_layout.addWidget(self.totals)
        self.category.currentTextChanged.connect(self.category_changed)
        self.opening.textChanged.connect(self.update_totals)
        self._carried: tuple[Period, int | None] | None = None
        for spin in (self.year, self.number):
            spin.valueChanged.connect(self.update_totals)
        self.period_kind.currentIndexChanged.connect(self.update_totals)

        self.content = QWidget()
        body = QVBoxLayout(self.content)
        body.addLayout(form)
        body.addWidget(self.items_box)
        layout, self.buttons, self.save_button = scrolled_form(self, self.content, self.save)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 1000, 760)
        self.load()
        self.mark_unchanged()

    # ----- data in and out ----------------------------------------------------------------
    def load(self) -> None:
        if self.notice_id is None:
            start = self.services.clock.today()
            self.post_from.set_value(start)
            self.subtype.setCurrentText("其他")
            self.category_changed(self.category.currentText())
            self.suggest_title()
            for widget in (self.year, self.number):
                widget.valueChanged.connect(self.follow_title)
            self.period_kind.currentIndexChanged.connect(self.follow_title)
            return
        data = self.notices.get(self.notice_id)
        self.category.setCurrentText(data.category)
        self.subtype.setCurrentText(data.subtype)
        self.issuer.setCurrentText(data.issuer)
        self.period_kind.setCurrentIndex(max(0, self.period_kind.findData(data.period.kind)))
        self.year.setValue(data.period.year)
        self.number.setValue(data.period.number)
        self.title.setText(data.title)
        self.post_from.set_value(data.post_from)
        self.post_to.set_value(data.post_to)
        self.body.setPlainText(data.body)
        self.public_numbers.setText("、".join(data.public_numbers))
        self.matter.setCurrentIndex(max(0, self.matter.findData(data.matter_id)))
        self.items.set_items(data.items)
        if data.opening_balance_fen is not None:
            from app.services.notices.money import format_yuan

            self.opening.setText(format_yuan(data.opening_balance_fen))
        self.category_changed(data.category)

    def period(self) -> Period:
        kind = self.period_kind.currentData()
        return Period(kind, self.year.value(), 0 if kind == "year" else self.number.value())

    def suggest_title(self) -> None:
        profile = self.services.profile.get()
        village = profile.village_name if profile else ""
        self._suggested = self.notices.suggest_title(village, self.category.currentText(), self.period())
        self.title.setText(self._suggested)

    def follow_title(self) -> None:
        """Keep a suggested title in step with category and period until the clerk edits it."""
        if self.title.text() == getattr(self, "_suggested", None):
            self.suggest_title()

    def default_posting_end(self) -> None:
        try:
            start = self.post_from.value()
        except UserError:
            return
        if start is not None:
            self.post_to.set_value(self.notices.default_posting(start)[1])

    def category_changed(self, category: str) -> None:
        self.items_box.setVisible(category == "财务公开")
        if self.notice_id is None:
            self.issuer.setCurrentText("党支部" if category == "党务公开" else "村委会")
            self.follow_title()
        self.update_totals()

    def public_set(self) -> list[str]:
        import re

        return [p for p in re.split(r"[、，,；;\s]+", self.public_numbers.text()) if p]

    def update_mask_preview(self) -> None:
        from app.services.notices.notice_masking import preview_lines

        profile = self.services.profile.get()
        public = set(self.public_set()) | ({profile.supervision_phone} if profile and profile.supervision_phone else set())
        lines = preview_lines(self.body.toPlainText(), public)
        self.mask_preview.setText("\n".join(lines) if lines else "正文里没有需要打码的号码。")

    def carried_opening(self) -> int | None:
        """What the print carries from the previous 财务公开 (read again only when the period changes)."""
        period = self.period()
        if self._carried is None or self._carried[0] != period:
            self._carried = (period, self.notices.carried_opening(period, self.notice_id))
        return self._carried[1]

    def update_totals(self) -> None:
        from app.services.notices.money import format_yuan, parse_yuan

        if self.category.currentText() != "财务公开":
            return
        carried = self.carried_opening()
        # With a previous notice the print carries its balance and ignores what is typed here.
        self.opening.setEnabled(carried is None)
        self.opening.setPlaceholderText("有上一期财务公开时自动结转，不用填" if carried is None
                                        else f"自动结转上一期财务公开的结余 {format_yuan(carried)} 元")
        try:
            items = self.items.items()
            typed = parse_yuan(self.opening.text()) if self.opening.text().strip() else 0
        except UserError as exc:
            self.totals.setText(exc.message)
            return
        opening = typed if carried is None else carried
        income = sum(i.amount_fen for i in items if i.direction == "收入")
        expense = sum(i.amount_fen for i in items if i.direction == "支出")
        self.totals.setText(f"本期收入 {format_yuan(income)} 元，本期支出 {format_yuan(expense)} 元，"
                            f"本期结余（按上期结余 {format_yuan(opening)} 元计）{format_yuan(opening + income - expense)} 元")

    def collect(self) -> NoticeData:
        from app.services.notices.money import parse_yuan

        problems: dict[str, str] = {}
        try:
            post_from, post_to = self.post_from.value(), self.post_to.value()
        except UserError as exc:
            problems["post_from"] = exc.message
            post_from = post_to = None
        items, opening = [], None
        if self.category.currentText() == "财务公开":
            try:
                items = self.items.items()
                opening = parse_yuan(self.opening.text()) if self.opening.text().strip() else None
            except UserError as exc:
                problems["items"] = exc.message
        if problems:
            raise ValidationFailed(problems)
        profile = self.services.profile.get()
        return NoticeData(
            category=self.category.currentText(), title=self.title.text(), period=self.period(),
            subtype=self.subtype.currentText(), post_from=post_from, post_to=post_to,
            body=self.body.toPlainText(), public_numbers=self.public_set(),
            supervision_phone=profile.supervision_phone if profile else "", issuer=self.issuer.currentText(),
            items=items, opening_balance_fen=opening, matter_id=self.matter.currentData(),
        )

    def show_read_only(self, reason: str) -> None:
        """A reviewed or posted notice: every field locked, no 保存, but 打印… (its record stays as posted)."""
        from PySide6.QtWidgets import QDialogButtonBox

        show_as_read_only(self, self.content, self.buttons, self.save_button, "查看公告（只读）", reason)
        self.print_button = self.buttons.addButton("打印…", QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.print_notice)
        self.print_button.setDefault(True)

    def print_notice(self) -> None:
        from app.ui.notices.notice_prints import print_notice

        print_notice(self.services, self.notice_id, self)

    # ----- actions --------------------------------------------------------------------------
    def import_items(self) -> None:
        from app.services.notices.item_excel import read_item_sheet
        from app.ui.notices.items_import_dialog import ItemsImportDialog

        path = dialogs.ask_open_path(self, "选择收支明细 Excel", dialogs.EXCEL_FILTER)
        if not path:
            return
        try:
            sheet = read_item_sheet(Path(path))
        except UserError as exc:
            dialogs.show_error(self, "无法导入", exc.message)
            return
        preview = ItemsImportDialog(sheet, Path(path).name, self)
        if preview.exec():
            self.items.set_items(sheet.items)

    def save_template(self) -> None:
        from app.services.notices.item_excel import write_item_template

        path = dialogs.ask_save_path(self, "保存空白明细模板", "财务收支明细模板.xlsx", dialogs.EXCEL_FILTER)
        if path:
            write_item_template(Path(path))

    def show_problems(self, problems: dict[str, str]) -> None:
        self.items.error.setText(problems.get("items", ""))
        self.errors.show({("post_from" if k == "post_to" else k): v for k, v in problems.items()})

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        saved = collect_and_save(self, self.collect, lambda data, ok: self.notices.save(data, self.notice_id, ok),
                                 self.show_problems)
        if saved is not None:
            self.saved(saved)

