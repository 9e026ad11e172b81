"""The member photo in the form: a thumbnail with 选择照片 / 去掉照片."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.common.errors import UserError
from app.services.members.photos import PhotoStore
from app.ui.common import dialogs

IMAGE_FILTER = "图片 (*.jpg *.jpeg *.png *.bmp)"
SIZE = (120, 160)  # a one-inch ID photo's proportions


class PhotoBox(QWidget):
    def __init__(self, store: PhotoStore | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.name = ""
        self.image = QLabel("无照片")
        self.image.setObjectName("photo_image")
        self.image.setFixedSize(*SIZE)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setStyleSheet("border: 1px solid #888;")
        self.choose = QPushButton("选择照片…")
        self.choose.clicked.connect(self.pick)
        self.clear_button = QPushButton("去掉照片")
        self.clear_button.clicked.connect(lambda: self.set_name(""))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.image)
        layout.addWidget(self.choose)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        self.setEnabled(store is not None)

    def form_value(self) -> str:
        """What the unsaved-changes check compares (form_helpers.form_state)."""
        return self.name

    def set_name(self, name: str) -> None:
        self.name = name or ""
        path = self.store.path(self.name) if self.store else None
        pixmap = QPixmap(str(path)) if path else QPixmap()
        if pixmap.isNull():
            self.image.setPixmap(QPixmap())
            self.image.setText("无照片" if not self.name else "照片文件缺失")
        else:
            scaled = pixmap.scaled(*SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
            self.image.setPixmap(scaled)
        self.clear_button.setEnabled(bool(self.name))

    def pick(self) -> None:
        path = dialogs.ask_open_path(self, "选择照片", IMAGE_FILTER)
        if not path or self.store is None:
            return
        try:
            self.set_name(self.store.add(Path(path)))
        except UserError as exc:
            dialogs.show_error(self, "无法使用这张照片", exc.message)
