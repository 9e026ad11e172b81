import datetime as dt

import pytest
from conftest import person

from app.clock import FixedClock
from app.services.common.errors import UserError, ValidationFailed
from app.services.common.profile import Profile, ProfileService
from app.services.members.member_import import MemberImporter
from app.services.members.members import MemberService
from app.services.safety.accounts import AccountService
from app.services.safety.actor import Actor, PermissionDenied, Role
from db.models import UserAccount


def test_first_admin_gets_a_recovery_code_and_can_log_in(db, clock):
    accounts = AccountService(db, clock)
    assert not accounts.has_users()
    code = accounts.create_first_admin("王文书", "hongqi2026", "hongqi2026")
    assert len(code) == 23 and code.count("-") == 3
    actor = accounts.login("王文书", "hongqi2026")
    assert actor == Actor("王文书", Role.ADMIN)
    with pytest.raises(UserError) as err:
        accounts.create_first_admin("另一人", "abcdefg", "abcdefg")
    assert err.value.message == "已经有管理员账户了：请用已有账户登录"


def test_passwords_are_stored_only_as_scrypt_hashes(db, clock):
    AccountService(db, clock).create_first_admin("王文书", "hongqi2026", "hongqi2026")
    with db.read() as s:
        stored = s.query(UserAccount).one()
    assert stored.password_hash.startswith("scrypt$16384$8$1$")
    assert "hongqi2026" not in stored.password_hash + stored.recovery_hash
    db_bytes = db.path.read_bytes() + db.path.with_name(db.path.name + "-wal").read_bytes()
    assert b"hongqi2026" not in db_bytes


def test_new_account_rules_are_explained(db, clock):
    accounts = AccountService(db, clock)
    with pytest.raises(ValidationFailed) as err:
        accounts.create_first_admin(" ", "123", "123")
    assert err.value.problems == {"name": "请填写用户名，例如 本人姓名", "password": "密码至少 6 位：请换一个更长的密码"}
    with pytest.raises(ValidationFailed) as err:
        accounts.create_first_admin("王文书", "hongqi2026", "hongqi2025")
    assert err.value.problems == {"repeat": "两次输入的密码不一样：请重新输入"}


def test_five_wrong_passwords_lock_the_account_for_five_minutes(db):
    clock = FixedClock(dt.datetime(2026, 11, 27, 10, 0))
    accounts = AccountService(db, clock)
    accounts.create_first_admin("王文书", "hongqi2026", "hongqi2026")
    messages = []
    for _ in range(5):
        with pytest.raises(UserError) as err:
            accounts.login("王文书", "wrong-password")
        messages.append(err.value.message)
    assert messages[0] == "用户名或密码不对：再错 4 次账户将锁定 5 分钟"
    assert messages[-1] == "密码连续输错 5 次，账户已锁定 5 分钟"
    with pytest.raises(UserError) as err:
        accounts.login("王文书", "hongqi2026")  # even the right password, while locked
    assert err.value.message == "密码连续输错 5 次，账户已锁定：请 5 分钟后再试"
    clock.moment += dt.timedelta(minutes=5, seconds=1)
    assert accounts.login("王文书", "hongqi2026").name == "王文书"


def test_unknown_user_gets_the_same_message_as_a_wrong_password(db, clock):
    accounts = AccountService(db, clock)
    accounts.create_first_admin("王文书", "hongqi2026", "hongqi2026")
    with pytest.raises(UserError) as err:
        accounts.login("张三", "hongqi2026")
    assert err.value.message == "用户名或密码不对：请重新输入"


def test_recovery_code_resets_the_password_once(db, clock):
    accounts = AccountService(db, clock)
    code = accounts.create_first_admin("王文书", "hongqi2026", "hongqi2026")
    new_code = accounts.recover("王文书", code.lower().replace("-", " "), "newpass2026", "newpass2026")
    assert new_code != code
    assert accounts.login("王文书", "newpass2026").role is Role.ADMIN
    with pytest.raises(ValidationFailed) as err:
        accounts.recover("王文书", code, "again2026", "again2026")  # the old code is spent
    assert err.value.problems["code"].startswith("恢复码不对")


@pytest.fixture
def as_role(db, clock):
    def _as(role):
        db.actor = Actor(f"{role.value}甲", role)
        return MemberService(db, clock)

    return _as


def test_clerk_adds_and_edits_but_cannot_delete_or_manage(db, clock, as_role, members):
    pid = members.save(person("张三", "党支部书记"))
    clerk = as_role(Role.CLERK)
    clerk.save(person("李四"))
    data = clerk.get(pid)
    data.values["phone"] = "13812341027"
    clerk.save(data, pid)
    with pytest.raises(PermissionDenied) as err:
        clerk.delete(pid)
    assert err.value.message == "“录入员”账户不能删除记录：请让管理员登录后操作"
    with pytest.raises(PermissionDenied):
        AccountService(db, clock).add_user("赵六", Role.VIEWER, "abcdefg", "abcdefg")
    with pytest.raises(PermissionDenied):
        ProfileService(db).save(Profile("改名村"))
    assert [r.name for r in clerk.list_rows()].count("张三") == 1


def test_viewer_reads_but_changes_nothing(db, clock, as_role, members, tmp_path):
    pid = members.save(person("张三", "党支部书记"))
    viewer = as_role(Role.VIEWER)
    assert [r.name for r in viewer.list_rows()] == ["张三"]
    for attempt in (
        lambda: viewer.save(person("李四")),
        lambda: viewer.save(viewer.get(pid), pid),
        lambda: viewer.delete(pid),
        lambda: viewer.add_term("第十三届", dt.date(2031, 5, 1), None),
    ):
        with pytest.raises(PermissionDenied) as err:
            attempt()
        assert err.value.message.startswith("“查阅”账户不能")
    importer = MemberImporter(viewer)
    from xlsx_helpers import write_sheet

    sheet = write_sheet(tmp_path / "in.xlsx", [["姓名", "性别"], ["王五", "男"]])
    with pytest.raises(PermissionDenied):
        importer.apply(importer.preview(sheet))
    assert [r.name for r in viewer.list_rows()] == ["张三"]


def test_admin_manages_users_but_cannot_disable_the_last_admin(db, clock):
    accounts = AccountService(db, clock)
    accounts.create_first_admin("王文书", "hongqi2026", "hongqi2026")
    db.actor = accounts.login("王文书", "hongqi2026")
    accounts.add_user("李录入", Role.CLERK, "abcdefg", "abcdefg")
    with pytest.raises(ValidationFailed) as err:
        accounts.add_user("李录入", Role.VIEWER, "abcdefg", "abcdefg")
    assert err.value.problems == {"name": "用户名“李录入”已经有了：请换一个"}
    admin_id = next(u.id for u in accounts.list_users() if u.name == "王文书")
    with pytest.raises(UserError) as err:
        accounts.set_active(admin_id, False)
    assert err.value.message == "这是唯一的管理员，不能停用：请先添加另一位管理员"
    clerk_id = next(u.id for u in accounts.list_users() if u.name == "李录入")
    accounts.set_active(clerk_id, False)
    with pytest.raises(UserError):
        accounts.login("李录入", "abcdefg")
