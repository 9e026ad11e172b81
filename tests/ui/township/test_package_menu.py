"""文件 → 导出上报数据包… and 导出上报公钥… in the village window."""

import zipfile

import pytest

from app.services.common.profile import Profile
from app.services.members.demo import fill_demo
from app.services.safety.actor import Actor, Role
from app.services.township.village_key import read_card
from app.ui.common import dialogs
from app.ui.shell.main_window import MainWindow


@pytest.fixture
def window(qtbot, services, clock):
    fill_demo(services.db, clock)
    services.act_as(Actor("王文书", Role.ADMIN))
    main = MainWindow(services.data_dir, large=False)
    qtbot.addWidget(main)
    main.attach(services)
    return main


@pytest.fixture
def shown(monkeypatch):
    seen = []
    monkeypatch.setattr(dialogs, "show_info", lambda _p, title, text: seen.append(("info", title, text)))
    monkeypatch.setattr(dialogs, "show_error", lambda _p, title, text, _d="": seen.append(("error", title, text)))
    return seen


def test_the_file_menu_exports_a_package_and_the_key(window, shown, monkeypatch, tmp_path):
    asked = []
    monkeypatch.setattr(dialogs, "ask_save_path",
                        lambda _p, title, suggested, _f: asked.append((title, suggested)) or str(tmp_path / suggested))
    window.package_action.trigger()
    assert asked[0] == ("导出上报数据包", "红旗村-上报-20261127.tzpkg")
    assert shown[0][:2] == ("info", "已导出上报数据包") and "第 1 号上报数据包已保存到" in shown[0][2]
    with zipfile.ZipFile(tmp_path / "红旗村-上报-20261127.tzpkg") as archive:
        assert "tables/person.jsonl" in archive.namelist()
    window.key_action.trigger()
    card = read_card(tmp_path / "红旗村.pub")
    assert shown[1][:2] == ("info", "已导出上报公钥") and f"密钥指纹：{card.fingerprint}" in shown[1][2]


def test_without_an_area_code_the_clerk_is_told_where_to_fill_it_in(window, services, shown, monkeypatch, tmp_path):
    services.profile.save(Profile("红旗村", "城关镇"))
    monkeypatch.setattr(dialogs, "ask_save_path", lambda _p, _t, suggested, _f: str(tmp_path / suggested))
    window.package_action.trigger()
    assert shown == [("error", "没有导出", shown[0][2])]
    assert "请先在 设置 → 村庄信息 中填写（12位，例如 430124105201）" in shown[0][2]
    assert list(tmp_path.glob("*.tzpkg")) == []


def test_the_profile_dialog_shows_the_code_and_the_key_fingerprint(qtbot, services):
    from app.ui.common.profile_dialog import ProfileDialog

    services.profile.save(Profile("红旗村", area_code="430124105201"))
    dialog = ProfileDialog(services.profile)
    qtbot.addWidget(dialog)
    assert dialog.inputs["area_code"].text() == "430124105201"
    assert dialog.findChild(type(dialog.errors.widgets["key_fingerprint"]), "key_fingerprint").text() == \
        services.profile.key_fingerprint()
    dialog.inputs["area_code"].setText("1234")
    dialog.save()
    assert "统计用区划代码应是12位数字" in dialog.findChild(type(dialog.errors.labels["area_code"]), "error_area_code").text()
