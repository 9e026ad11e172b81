"""Preview a generated PDF inside the program, print it, or save a copy. No PDF reader needed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.common.errors import UserError
from app.services.common.safe_files import write_file
from app.ui.common import dialogs
from app.ui.common.screen_fit import fit_to_screen

ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)

# Pages go to the printer as images (QtPdf draws them; the spooler never sees the PDF). 300 dpi
# in 8-bit grey keeps the strokes of 8-point 宋体 whole on an office laser and is a quarter of the
# colour image: 8.7 MB an A4 page instead of 34.8 MB (README, 打印).
PRINT_DPI = 300


class PdfPreview(QDialog):
    def __init__(self, pdf_path: Path, suggested_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.pdf_path = pdf_path
        self.suggested_name = suggested_name
        self.setWindowTitle(f"打印预览 — {suggested_name}")
        # Loaded from memory: QPdfDocument keeps a file it loaded open until it is destroyed,
        # and Windows refuses to delete an open file. From memory the file can go at once.
        self.pdf_bytes = pdf_path.read_bytes()
        self.buffer = QBuffer(self)
        self.buffer.setData(QByteArray(self.pdf_bytes))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self.buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages_label = QLabel(f"共 {self.document.pageCount()} 页")
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoom_label")
        zoom_buttons = []
        for text, tip, handler in (("适合宽度", "页面宽度占满窗口", self.fit_width),
                                   ("整页", "整页显示在窗口里", self.fit_page),
                                   ("−", "缩小（Ctrl+-）", self.zoom_out),
                                   ("+", "放大（Ctrl+=）", self.zoom_in)):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.setAutoDefault(False)
            button.clicked.connect(handler)
            zoom_buttons.append(button)
        for keys, handler in (((QKeySequence.StandardKey.ZoomIn, "Ctrl+="), self.zoom_in),
                              ((QKeySequence.StandardKey.ZoomOut, "Ctrl+-"), self.zoom_out)):
            # Ctrl+= is Ctrl++ without Shift; a key bound twice would fire neither (ambiguous).
            for key in {QKeySequence(k).toString(): QKeySequence(k) for k in keys}.values():
                QShortcut(key, self, activated=handler)
        print_button = QPushButton("打印…")
        print_button.setDefault(True)
        print_button.clicked.connect(self.print_document)
        save_button = QPushButton("另存为…")
        save_button.clicked.connect(self.save_as)
        close_button = QPushButton("关闭")
        close_button.clicked.connect(self.reject)
        bar = QHBoxLayout()
        bar.addWidget(self.pages_label)
        for button in zoom_buttons:
            bar.addWidget(button)
        bar.addWidget(self.zoom_label)
        bar.addStretch(1)
        for button in (print_button, save_button, close_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        fit_to_screen(self, 1000, 760)
        self._show_zoom()

    # ----- zoom -------------------------------------------------------------------------------
    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._show_zoom()

    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self._show_zoom()

    def zoom_in(self) -> None:
        current = self.zoom()
        self._set_zoom(next((z for z in ZOOM_STEPS if z > current * 1.01), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        current = self.zoom()
        self._set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < current * 0.99), ZOOM_STEPS[0]))

    def zoom(self) -> float:
        """The scale the page is drawn at now (a fitted page's too), 1.0 being its printed size."""
        mode = self.view.zoomMode()
        if mode == QPdfView.ZoomMode.Custom or self.document.pageCount() == 0:
            return self.view.zoomFactor()
        page = self.document.pagePointSize(0) * (self.view.logicalDpiX() / 72)
        margins = self.view.documentMargins()
        area = self.view.viewport().size()
        width = (area.width() - margins.left() - margins.right()) / page.width()
        if mode == QPdfView.ZoomMode.FitToWidth:
            return width
        return min(width, (area.height() - margins.top() - margins.bottom()) / page.height())

    def _set_zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)
        self._show_zoom()

    def _show_zoom(self) -> None:
        mode = self.view.zoomMode()
        self.zoom_label.setText("适合宽度" if mode == QPdfView.ZoomMode.FitToWidth else
                                "整页" if mode == QPdfView.ZoomMode.FitInView else f"{round(self.zoom() * 100)}%")

    def save_as(self) -> None:
        target = dialogs.ask_save_path(self, "另存为 PDF", self.suggested_name, dialogs.PDF_FILTER)
        if not target:
            return
        try:
            write_file(Path(target), lambda temp: Path(temp).write_bytes(self.pdf_bytes))
        except UserError as exc:
            dialogs.show_error(self, "保存失败", exc.message)
            return
        dialogs.show_info(self, "已保存", f"已保存到：\n{target}")

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.document.pageCount())  # the 页码范围 box offers real pages only
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        progress = QProgressDialog("正在发送到打印机……", "取消", 0, self.document.pageCount(), self)
        progress.setWindowTitle("打印")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(500)  # shown only for a job that takes a while

        def step(done: int, total: int) -> bool:
            progress.setMaximum(total)
            progress.setValue(done)
            QApplication.processEvents()
            return not progress.wasCanceled()

        try:
            render_to_printer(self.document, printer, progress=step)
        finally:
            progress.close()


def print_sequence(printer: QPrinter, page_count: int) -> list[int]:
    """The pages (0-based) to send, in order: the chosen range, and the copies when the
    printer cannot make them itself (collated: 2 3 2 3, or not: 2 2 3 3)."""
    pages = list(range(page_count))
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        last = min(page_count, printer.toPage() or page_count)
        pages = list(range(printer.fromPage() - 1, last))
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    if printer.collateCopies():
        return pages * copies
    return [page for page in pages for _ in range(copies)]


def page_image(document: QPdfDocument, page: int, dpi: int = PRINT_DPI) -> QImage:
    """One page as an 8-bit grey image on white paper."""
    size_pt = document.pagePointSize(page)
    pixels = QSize(round(size_pt.width() / 72 * dpi), round(size_pt.height() / 72 * dpi))
    rendered = document.render(page, pixels)
    paper = QImage(rendered.size(), QImage.Format.Format_Grayscale8)
    paper.fill(Qt.GlobalColor.white)  # the render is transparent where nothing is drawn
    painter = QPainter(paper)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return paper


def render_to_printer(document: QPdfDocument, printer: QPrinter, dpi: int = PRINT_DPI,
                      progress: Callable[[int, int], bool] | None = None) -> int:
    """Send the chosen pages as grey images at ``dpi``; returns the pages sent.

    ``progress(done, total)`` is called after each page; returning False stops the job.
    """
    sequence = print_sequence(printer, document.pageCount())
    painter = QPainter()
    if not painter.begin(printer):
        dialogs.show_error(None, "无法打印", "打印机没有准备好：请检查打印机是否开机、连接正常。")
        return 0
    sent = 0
    try:
        for page in sequence:
            if sent:
                printer.newPage()
            image = page_image(document, page, dpi)
            target = painter.viewport()
            scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(target.x(), target.y(), scaled.width(), scaled.height())
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(target)
            sent += 1
            if progress is not None and not progress(sent, len(sequence)):
                break
        return sent
    finally:
        painter.end()
