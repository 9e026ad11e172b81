"""村庄信息: asked at first start, editable later from 设置 → 村庄信息."""

from __future__ import annotations

from dataclasses import asdict

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.common.errors import UserError, ValidationFailed
from app.services.common.profile import Profile, ProfileService
from app.services.notices.notice_review import REVIEW_BODIES, NoticeReviewSettings
from app.ui.common.form_helpers import FieldErrors, UnsavedChangesGuard
from app.ui.common.screen_fit import fit_to_screen

FIELDS = (
    ("village_name", "村名", True, "如 红旗村"),
    ("township", "所属乡镇", False, "如 城关镇"),
    ("party_org_name", "党组织名称", False, "不填则为 中共××村支部委员会"),
    ("committee_name", "村委会名称", False, "不填则为 ××村村民委员会"),
    ("supervision_phone", "监督电话", False, "印在公开栏上，如 0731-84561234"),
    ("area_code", "统计用区划代码", False, "12位，如 430124105201（上报乡镇时用）"),
)


class ProfileDialog(UnsavedChangesGuard, QDialog):
    def __init__(self, service: ProfileService, first_start: bool = False, parent: QWidget | None = None,
                 review: NoticeReviewSettings | None = None):
        super().__init__(parent)
        self.service, self.review = service, review
        self.setWindowTitle("村庄信息")
        self.inputs: dict[str, QLineEdit] = {}
        form = QFormLayout()
        self.errors = FieldErrors(form)
        for key, label, required, hint in FIELDS:
            edit = QLineEdit()
            edit.setPlaceholderText(hint)
            edit.setObjectName(key)
            self.inputs[key] = edit
            self.errors.add_row(key, label, edit, required)
        current = service.get()
        if current:
            for key, value in asdict(current).items():
                self.inputs[key].setText(value)
        key = service.key_fingerprint()
        if key:
            shown = QLabel(key)
            shown.setObjectName("key_fingerprint")
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.errors.add_row("key_fingerprint", "上报密钥指纹", shown, False)
        # Who reviews each kind of notice: it prints on the notice (审核意见, where to ask).
        self.review_boxes: dict[str, QComboBox] = {}
        if review is not None:
            for category, body in review.all().items():
                box = QComboBox()
                for short, choice in REVIEW_BODIES.items():
                    box.addItem(f"{short}（{choice.full}）", short)
                box.setCurrentIndex(box.findData(body.short))
                box.setObjectName(f"review_{category}")
                self.review_boxes[category] = box
                self.errors.add_row(f"review_{category}", f"{category}审核", box, False)
        buttons = QDialogButtonBox()
        buttons.addButton("保存", QDialogButtonBox.ButtonRole.AcceptRole).setDefault(True)
        buttons.addButton("退出程序" if first_start else "取消", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if first_start:
            intro = QLabel("欢迎使用村支部台账。请先填写本村的基本信息，它会印在每一份打印材料上，以后可在 设置 → 村庄信息 中修改。")
            intro.setWordWrap(True)
            layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        fit_to_screen(self, 560, 0)
        self.mark_unchanged()

    def save(self) -> None:
        values = {key: edit.text() for key, edit in self.inputs.items()}
        try:
            self.service.save(Profile(**values))
        except ValidationFailed as exc:
            self.errors.show(exc.problems)
            return
        for category, box in self.review_boxes.items():
            try:
                self.review.set_body(category, box.currentData())
            except UserError as exc:
                self.errors.show({f"review_{category}": exc.message})
                return
        self.accept()
