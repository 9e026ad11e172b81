import logging

from conftest import ID_MALE_1975

from app.logging_setup import setup_logging
from app.privacy import mask_numbers
from app.ui.common import dialogs
from app.ui.shell.qt_app import install_crash_hook


def test_masking_keeps_the_shape_readable():
    text = f"身份证 {ID_MALE_1975}，电话 13812341027，监督电话 0731-84561234，编号 20261127"
    assert mask_numbers(text) == "身份证 440308********1235，电话 138****1027，监督电话 0731-84561234，编号 20261127"


def test_log_file_never_holds_full_numbers(tmp_path):
    root = logging.getLogger()
    try:
        path = setup_logging(tmp_path / "logs")
        log = logging.getLogger("test.privacy")
        log.warning("保存失败：%s %s", ID_MALE_1975, "13812341027")
        try:
            raise ValueError(f"bad {ID_MALE_1975}")
        except ValueError:
            log.exception("出错 13812341027")
        for handler in root.handlers:
            handler.flush()
        text = path.read_text(encoding="utf-8")
    finally:
        setup_logging(tmp_path / "elsewhere")  # releases the file
    assert "440308********1235" in text and "138****1027" in text
    assert ID_MALE_1975 not in text and "13812341027" not in text


def test_crash_report_masks_numbers(monkeypatch, tmp_path):
    import sys

    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, _text, details="": shown.append(details))
    original = sys.excepthook
    try:
        install_crash_hook(tmp_path / "x.log")
        try:
            raise RuntimeError(f"号码 {ID_MALE_1975} 13812341027")
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = original
    assert "440308********1235" in shown[0] and "13812341027" not in shown[0]
