"""Who is acting, and what each role may do. Checked in the services, not only in the UI."""

from __future__ import annotations

import enum
import getpass
from dataclasses import dataclass

from app.services.common.errors import UserError


class Role(str, enum.Enum):
    ADMIN = "管理员"  # everything: users, delete, restore, village profile
    CLERK = "录入员"  # add and edit records, print; no delete, no users, no published notices
    VIEWER = "查阅"  # read and print


class Permission(enum.Enum):
    EDIT = "新增和修改记录"
    DELETE = "删除记录"
    MANAGE_USERS = "管理用户"
    RESTORE = "恢复备份"
    SETTINGS = "修改村庄信息和设置"


ALLOWED: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.CLERK: frozenset({Permission.EDIT}),
    Role.VIEWER: frozenset(),
}


class PermissionDenied(UserError):
    pass


@dataclass(frozen=True)
class Actor:
    name: str
    role: Role
    kind: str = "用户"  # 用户 (logged in) or 命令行 (a headless command run by an OS user)

    @property
    def label(self) -> str:
        """How the audit log names this actor."""
        if self.kind == "用户":
            return self.name
        return self.kind if self.kind == self.name else f"{self.kind}：{self.name}"

    def can(self, permission: Permission) -> bool:
        return permission in ALLOWED[self.role]

    def require(self, permission: Permission) -> None:
        if not self.can(permission):
            raise PermissionDenied(
                f"“{self.role.value}”账户不能{permission.value}：请让管理员登录后操作"
            )


def command_line_actor() -> Actor:
    """Headless commands act as the operating-system user who runs them."""
    try:
        name = getpass.getuser()
    except OSError:
        name = "未知用户"
    return Actor(name, Role.ADMIN, "命令行")


SYSTEM = Actor("系统", Role.ADMIN, "系统")


def require(db: object, permission: Permission) -> None:
    """Refuse the operation unless the actor now using ``db`` holds ``permission``."""
    actor = getattr(db, "actor", None) or SYSTEM
    actor.require(permission)
