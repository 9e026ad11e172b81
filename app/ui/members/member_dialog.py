"""The form to add or edit one person: details, posts, and per-term duties and commitment."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.common.errors import UserError, ValidationFailed
from app.services.members.member_fields import EDUCATIONS, FIELDS_BY_KEY, GENDERS, POLITICAL_STATUSES
from app.services.members.member_types import PersonData
from app.services.members.members import MemberService
from app.services.members.photos import PhotoStore
from app.ui.common.date_field import DateField
from app.ui.common.form_helpers import (
    VIEWER_NOTE,
    FieldErrors,
    UnsavedChangesGuard,
    boxed_with_error,
    collect_and_save,
    scrolled_form,
    show_as_read_only,
)
from app.ui.common.screen_fit import fit_to_screen
from app.ui.members.photo_box import PhotoBox
from app.ui.members.posts_editor import PostsEditor

LEFT_KEYS = ("name", "gender", "ethnicity", "birth_date", "id_number", "phone", "native_place", "address")
RIGHT_KEYS = ("political_status", "party_join_date", "full_member_date", "education",
              "education_inservice", "party_group", "note")


class MemberDialog(UnsavedChangesGuard, QDialog):
    def __init__(
        self,
        members: MemberService,
        person_id: int | None = None,
        parent: QWidget | None = None,
        photos: PhotoStore | None = None,
    ):
        super().__init__(parent)
        self.members = members
        self.person_id = person_id
        self.saved_id: int | None = None
        self.setWindowTitle("新增人员" if person_id is None else "编辑人员")
        self.inputs: dict[str, QWidget] = {}
        terms = members.list_terms()

        columns = QHBoxLayout()
        left_form, right_form = QFormLayout(), QFormLayout()
        self.errors_left, self.errors_right = FieldErrors(left_form), FieldErrors(right_form)
        for key in LEFT_KEYS:
            self.errors_left.add_row(key, FIELDS_BY_KEY[key].label, self._make_input(key), key == "name")
        for key in RIGHT_KEYS:
            self.errors_right.add_row(key, FIELDS_BY_KEY[key].label, self._make_input(key))
        self.photo = PhotoBox(photos)
        columns.addLayout(left_form, 1)
        columns.addLayout(right_form, 1)
        columns.addWidget(self.photo)

        self.posts = PostsEditor(terms)
        posts_box, self.posts_error = boxed_with_error("任职记录（离任后填写离任日期，记录会保留在历史中）", self.posts)

        duty_box = QGroupBox("分工与履职承诺")
        duty_form = QFormLayout(duty_box)
        self.term_combo = QComboBox()
        self.term_combo.addItem("（未定届次）", None)
        for info in terms:
            self.term_combo.addItem(info.name, info.id)
        self.duties_edit = QLineEdit()
        self.duties_edit.setPlaceholderText("如 党建、组织工作")
        self.commitment_edit = QPlainTextEdit()
        self.commitment_edit.setPlaceholderText("换届后每位成员公开作出的履职承诺")
        self.commitment_edit.setFixedHeight(80)
        duty_form.addRow("届次：", self.term_combo)
        duty_form.addRow("分工：", self.duties_edit)
        duty_form.addRow("履职承诺：", self.commitment_edit)

        self.content = content = QWidget()
        body = QVBoxLayout(content)
        body.addLayout(columns)
        body.addWidget(posts_box, 1)  # the table grows with the dialog
        body.addWidget(duty_box)
        layout, self.buttons, self.save_button = scrolled_form(self, content, self.save)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 1000, 720)
        self._load()
        self.inputs["id_number"].textChanged.connect(self.fill_from_id)
        self.mark_unchanged()

    def _make_input(self, key: str) -> QWidget:
        spec = FIELDS_BY_KEY[key]
        if spec.kind == "date":
            widget: QWidget = DateField()
        elif key in ("gender", "political_status", "education", "education_inservice"):
            widget = QComboBox()
            choices = {"gender": GENDERS, "political_status": POLITICAL_STATUSES}.get(key, EDUCATIONS)
            widget.addItems(["", *choices])
            widget.setEditable(key in ("education", "education_inservice"))
        else:
            widget = QLineEdit()
            if key == "id_number":
                widget.setPlaceholderText("18位，填写后自动得出性别和出生日期")
                widget.setMaxLength(20)
        widget.setObjectName(key)
        self.inputs[key] = widget
        return widget

    # ----- data in and out ----------------------------------------------------------------
    def _load(self) -> None:
        if self.person_id is None:
            data = PersonData(values={}, term_id=self._current_term_id())
        else:
            data = self.members.get(self.person_id)
        for key, widget in self.inputs.items():
            value = data.values.get(key)
            if isinstance(widget, DateField):
                widget.set_value(value)
            elif isinstance(widget, QComboBox):
                widget.setCurrentText(str(value or ""))
            else:
                widget.setText(str(value or ""))
        self.photo.set_name(str(data.values.get("photo") or ""))
        self.posts.set_posts(data.posts)
        self.term_combo.setCurrentIndex(max(0, self.term_combo.findData(data.term_id)))
        self.duties_edit.setText(data.duties)
        self.commitment_edit.setPlainText(data.commitment)

    def fill_from_id(self, text: str) -> None:
        """Once the 身份证号 is complete and valid, 性别 and 出生日期 follow from it."""
        from app.services.members.idcard import parse_id

        try:
            info = parse_id(text, self.members.clock.today())
        except UserError:
            return  # still being typed, or wrong: the save says what is wrong
        self.inputs["gender"].setCurrentText(info.gender)
        self.inputs["birth_date"].set_value(info.birth_date)

    def _current_term_id(self) -> int | None:
        term = self.members.current_term()
        return term.id if term else None

    def collect(self) -> PersonData:
        """Read the form; date fields that cannot be read raise ValidationFailed."""
        values: dict[str, object] = {}
        problems: dict[str, str] = {}
        for key, widget in self.inputs.items():
            if isinstance(widget, DateField):
                try:
                    values[key] = widget.value()
                except UserError as exc:
                    problems[key] = exc.message
            elif isinstance(widget, QComboBox):
                values[key] = widget.currentText()
            else:
                values[key] = widget.text()
        values["photo"] = self.photo.name
        try:
            posts = self.posts.posts()
        except UserError as exc:
            problems["posts"] = exc.message
            posts = []
        if problems:
            raise ValidationFailed(problems)
        return PersonData(
            values=values,
            posts=posts,
            duties=self.duties_edit.text(),
            commitment=self.commitment_edit.toPlainText(),
            term_id=self.term_combo.currentData(),
        )

    def _state(self) -> str:
        try:
            return repr(self.collect())
        except UserError:
            return "invalid"

    def set_read_only(self, read_only: bool) -> None:
        """For the 查阅 role: the record can be read but not saved."""
        if read_only:
            show_as_read_only(self, self.content, self.buttons, self.save_button, "查看人员（只读）", VIEWER_NOTE)

    # ----- actions ------------------------------------------------------------------------
    def show_problems(self, problems: dict[str, str]) -> None:
        left = {k: v for k, v in problems.items() if k in LEFT_KEYS}
        right = {k: v for k, v in problems.items() if k in RIGHT_KEYS}
        self.errors_right.show(right)
        self.errors_left.show(left)  # last, so that focus lands on the first error on the left
        posts_message = problems.get("posts", "")
        self.posts_error.setText(posts_message)
        self.posts_error.setVisible(bool(posts_message))
        if not left and not right and posts_message:
            self.posts.setFocus()

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        saved = collect_and_save(self, self.collect, lambda data, ok: self.members.save(data, self.person_id, ok),
                                 self.show_problems)
        if saved is not None:
            self.saved(saved)
