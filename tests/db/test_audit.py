import json
import sqlite3
from contextlib import closing

import pytest
from conftest import ID_MALE_1975, person

from app.services.common.errors import ValidationFailed
from app.services.safety.accounts import AccountService
from app.services.safety.actor import Actor, Role, command_line_actor
from db.audit import chain_problems


def entries(db):
    with closing(sqlite3.connect(db.path)) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute("SELECT * FROM audit_log ORDER BY id")]


def test_create_update_delete_are_logged_with_who_when_and_fields(db, members, clock):
    db.actor = Actor("王文书", Role.ADMIN)
    pid = members.save(person("张三", "党支部书记", id_number=ID_MALE_1975))
    data = members.get(pid)
    data.values["phone"] = "13812341027"
    members.save(data, pid)
    members.delete(pid)
    log = entries(db)
    assert [(e["action"], e["area"], e["record_label"]) for e in log] == [
        ("新增", "两委成员", "张三"),
        ("新增", "两委成员", "张三：党支部书记"),
        ("修改", "两委成员", "张三"),
        ("删除", "两委成员", "张三"),
        ("删除", "两委成员", "张三：党支部书记"),
    ]
    assert {e["actor"] for e in log} == {"王文书"}
    assert log[0]["at"].startswith("2026-11-27 10:00:00")
    assert json.loads(log[0]["after"])["id_number"] == ID_MALE_1975
    assert json.loads(log[2]["before"]) == {"phone": ""}
    assert json.loads(log[2]["after"]) == {"phone": "13812341027"}
    assert json.loads(log[3]["before"])["name"] == "张三" and log[3]["after"] == ""
    assert chain_problems(db.path) == []


def test_refused_change_leaves_no_entry(db, members):
    with pytest.raises(ValidationFailed):
        members.save(person("", "党支部书记"))
    assert entries(db) == []


def test_headless_commands_are_logged_as_command_line_with_the_os_user(db, members):
    db.actor = command_line_actor()
    members.save(person("张三"))
    assert entries(db)[0]["actor"].startswith("命令行：")


def test_passwords_never_reach_the_log(db, clock):
    accounts = AccountService(db, clock)
    accounts.create_first_admin("王文书", "hongqi2026", "hongqi2026")
    db.actor = accounts.login("王文书", "hongqi2026")
    accounts.change_password("王文书", "hongqi2026", "newpass2026", "newpass2026")
    log = entries(db)
    assert [(e["action"], e["area"]) for e in log] == [("新增", "用户"), ("修改", "用户")]
    assert json.loads(log[1]["after"]) == {"password_hash": "（已隐藏）"}
    assert "scrypt" not in json.dumps(log)


@pytest.mark.parametrize(
    ("tamper", "message"),
    [
        ("UPDATE audit_log SET after = replace(after, '张三', '张叁') WHERE id = 1", "操作日志第 1 条的内容被改动过"),
        ("DELETE FROM audit_log WHERE id = 2", "操作日志第 3 条之前的记录被删除或改动过"),
        ("UPDATE audit_log SET actor = '别人' WHERE id = 3", "操作日志第 3 条的内容被改动过"),
    ],
)
def test_an_edit_behind_the_programs_back_breaks_the_chain(db, members, tamper, message):
    pid = members.save(person("张三", "党支部书记"))
    data = members.get(pid)
    data.values["note"] = "备注"
    members.save(data, pid)
    db.close()
    with closing(sqlite3.connect(db.path)) as conn:
        conn.execute(tamper)
        conn.commit()
    assert chain_problems(db.path) == [message]
