"""F1 opens the bundled 使用说明 with its headings and pictures, offline, from the window or any dialog."""

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from app.paths import resource_path
from app.services.common.profile import Profile
from app.services.safety.actor import Actor, Role
from app.ui.shell.main_window import MainWindow

HEADINGS = ("开始使用", "每天的工作", "常用按键", "打印", "备份和恢复", "出了问题怎么办")


def images_of(document: QTextDocument) -> list[str]:
    names = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                names.append(fmt.toImageFormat().name())
            it += 1
        block = block.next()
    return names


def test_f1_opens_the_help_with_its_headings_and_pictures(qtbot, services):
    services.profile.save(Profile("红旗村"))
    services.act_as(Actor("王文书", Role.ADMIN))
    window = MainWindow(services.data_dir, large=False)
    qtbot.addWidget(window)
    window.attach(services)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    qtbot.keyClick(window.tabs, Qt.Key.Key_F1)
    dialog = window.help_dialog
    qtbot.waitUntil(dialog.isVisible)
    text = dialog.browser.toPlainText()
    for heading in HEADINGS:
        assert heading in text, heading
    assert "Ctrl+N" in text and "忘记密码" in text
    # Every tab, the 村民代表 button and each 文件 menu entry for the township are explained.
    for tab in window.all_tabs():
        assert tab.title in text, tab.title
    assert "村民小组、村民代表和党小组" in text and "党小组" in text
    assert window.package_action.text() in text and window.key_action.text() in text
    QApplication.processEvents()
    document = dialog.browser.document()
    pictures = images_of(document)
    assert len(pictures) >= 5
    for name in pictures:
        image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
        assert image is not None and not image.isNull() and image.width() > 300, name
        assert (resource_path("help") / name).is_file()


def test_the_help_pictures_stay_small():
    total = sum(p.stat().st_size for p in resource_path("help").glob("*.png"))
    assert total < 400 * 1024


def test_f1_in_a_dialog_opens_the_help_beside_it(qtbot, services):
    from app.ui.common.help_dialog import HelpDialog
    from app.ui.common.profile_dialog import ProfileDialog

    dialog = ProfileDialog(services.profile)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    dialog.inputs["village_name"].setFocus()
    qtbot.keyClick(dialog.inputs["village_name"], Qt.Key.Key_F1)
    shown = dialog.findChild(HelpDialog)
    assert shown is not None and shown.isVisible()
    assert "出了问题怎么办" in shown.browser.toPlainText()
    assert dialog.isVisible()  # the form stays open with what was typed
