"""User accounts on the shared PC: first administrator, login with lock-out, roles, recovery."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from sqlalchemy import func, select

from app.clock import Clock
from app.services.common.errors import UserError, ValidationFailed
from app.services.safety.actor import Actor, Permission, Role, require
from app.services.safety.passwords import hash_secret, new_recovery_code, normalize_recovery_code, verify_secret
from db.models import UserAccount
from db.session import Database

MAX_FAILURES = 5
LOCK_MINUTES = 5
MIN_PASSWORD = 6


@dataclass(frozen=True)
class UserInfo:
    id: int
    name: str
    role: Role
    active: bool


def _check_new(name: str, password: str, repeat: str | None) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not name.strip():
        problems["name"] = "请填写用户名，例如 本人姓名"
    elif len(name.strip()) > 30:
        problems["name"] = "用户名太长：最多30个字"
    if len(password) < MIN_PASSWORD:
        problems["password"] = f"密码至少 {MIN_PASSWORD} 位：请换一个更长的密码"
    elif repeat is not None and password != repeat:
        problems["repeat"] = "两次输入的密码不一样：请重新输入"
    return problems


class AccountService:
    def __init__(self, db: Database, clock: Clock):
        self.db = db
        self.clock = clock

    def has_users(self) -> bool:
        with self.db.read() as s:
            return bool(s.scalar(select(func.count(UserAccount.id))))

    def list_users(self) -> list[UserInfo]:
        with self.db.read() as s:
            rows = s.scalars(select(UserAccount).order_by(UserAccount.id)).all()
            return [UserInfo(u.id, u.name, Role(u.role), u.active) for u in rows]

    def create_first_admin(self, name: str, password: str, repeat: str) -> str:
        """The first account, made at first start. Returns the one-time recovery code."""
        problems = _check_new(name, password, repeat)
        if problems:
            raise ValidationFailed(problems)
        code = new_recovery_code()
        with self.db.write() as s:
            if s.scalar(select(func.count(UserAccount.id))):
                raise UserError("已经有管理员账户了：请用已有账户登录")
            s.add(self._new(name.strip(), Role.ADMIN, password, recovery=code))
        return code

    def add_user(self, name: str, role: Role, password: str, repeat: str) -> None:
        require(self.db, Permission.MANAGE_USERS)
        problems = _check_new(name, password, repeat)
        if problems:
            raise ValidationFailed(problems)
        with self.db.write() as s:
            if s.scalar(select(UserAccount).where(UserAccount.name == name.strip())):
                raise ValidationFailed({"name": f"用户名“{name.strip()}”已经有了：请换一个"})
            s.add(self._new(name.strip(), role, password))

    def _new(self, name: str, role: Role, password: str, recovery: str = "") -> UserAccount:
        return UserAccount(
            name=name,
            role=role.value,
            password_hash=hash_secret(password),
            recovery_hash=hash_secret(recovery) if recovery else "",
            failed_attempts=0,
            active=True,
            created_at=self.clock.now(),
        )

    def set_active(self, user_id: int, active: bool) -> None:
        require(self.db, Permission.MANAGE_USERS)
        with self.db.write() as s:
            user = s.get(UserAccount, user_id)
            if user is None:
                raise UserError("这个用户已不存在：请刷新")
            if not active and user.role == Role.ADMIN.value and self._other_active_admins(s, user.id) == 0:
                raise UserError("这是唯一的管理员，不能停用：请先添加另一位管理员")
            user.active = active

    @staticmethod
    def _other_active_admins(s, user_id: int) -> int:  # noqa: ANN001
        return s.scalar(
            select(func.count(UserAccount.id)).where(
                UserAccount.role == Role.ADMIN.value, UserAccount.active, UserAccount.id != user_id
            )
        ) or 0

    def login(self, name: str, password: str) -> Actor:
        """Check the password; 5 wrong in a row lock the account for 5 minutes."""
        now = self.clock.now()
        with self.db.write() as s:
            user = s.scalar(select(UserAccount).where(UserAccount.name == name.strip()))
            if user is None or not user.active:
                raise UserError("用户名或密码不对：请重新输入", "password")
            if user.locked_until and user.locked_until > now:
                minutes = max(1, math.ceil((user.locked_until - now).total_seconds() / 60))
                raise UserError(f"密码连续输错 {MAX_FAILURES} 次，账户已锁定：请 {minutes} 分钟后再试", "password")
            if not verify_secret(password, user.password_hash):
                user.failed_attempts += 1
                if user.failed_attempts >= MAX_FAILURES:
                    user.failed_attempts = 0
                    user.locked_until = now + dt.timedelta(minutes=LOCK_MINUTES)
                    message = f"密码连续输错 {MAX_FAILURES} 次，账户已锁定 {LOCK_MINUTES} 分钟"
                else:
                    left = MAX_FAILURES - user.failed_attempts
                    message = f"用户名或密码不对：再错 {left} 次账户将锁定 {LOCK_MINUTES} 分钟"
                failure = UserError(message, "password")
            else:
                user.failed_attempts = 0
                user.locked_until = None
                return Actor(user.name, Role(user.role))
        raise failure  # raised after the commit, so the failure count is kept

    def change_password(self, name: str, old: str, new: str, repeat: str) -> None:
        self.login(name, old)
        problems = _check_new(name, new, repeat)
        if problems:
            raise ValidationFailed(problems)
        with self.db.write() as s:
            user = s.scalar(select(UserAccount).where(UserAccount.name == name.strip()))
            user.password_hash = hash_secret(new)

    def recover(self, name: str, code: str, new: str, repeat: str) -> str:
        """Reset an administrator's password with the recovery code; returns a new code."""
        problems = _check_new(name, new, repeat)
        if problems:
            raise ValidationFailed(problems)
        fresh = new_recovery_code()
        with self.db.write() as s:
            user = s.scalar(select(UserAccount).where(UserAccount.name == name.strip()))
            if user is None or not user.recovery_hash or not verify_secret(
                normalize_recovery_code(code), user.recovery_hash
            ):
                raise ValidationFailed({"code": "恢复码不对：请对照保存在保险柜里的恢复码页，逐个字符核对"})
            user.password_hash = hash_secret(new)
            user.recovery_hash = hash_secret(fresh)
            user.failed_attempts = 0
            user.locked_until = None
        return fresh

    def renew_recovery_code(self) -> str:
        """A fresh recovery code for the administrator now logged in; the old one stops working."""
        require(self.db, Permission.MANAGE_USERS)
        name = getattr(self.db.actor, "name", "")
        code = new_recovery_code()
        with self.db.write() as s:
            user = s.scalar(select(UserAccount).where(UserAccount.name == name))
            if user is None:
                raise UserError("只有登录的管理员可以生成恢复码")
            user.recovery_hash = hash_secret(code)
        return code
