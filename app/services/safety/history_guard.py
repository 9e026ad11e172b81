"""Deleting history rows is a 管理员 action, whatever path the deletion takes.

Posts held, meeting attendance, the steps of a 四议两公开 matter and the lines of a notice that
has left the draft stage are the village's history: a 录入员 may correct them (every correction
is logged) but not remove them. Checked on every flush, so a list edited in a dialog, a
cascade or a future code path cannot get round it.
"""

from __future__ import annotations

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from app.services.safety.actor import SYSTEM, Permission, PermissionDenied
from db.audit import record_label
from db.models import Notice
from db.session import ChangeSet, Database

HISTORY = {"post": "任职记录", "attendance": "参会记录", "matter_step": "四议两公开步骤", "notice_item": "公告明细",
           "rect_progress": "整改进展", "rect_reopening": "整改重新打开记录"}
DRAFT = "草稿"


def _is_history(session: Session, obj: object) -> bool:
    table = obj.__table__.name
    if table == "notice_item":  # a draft's lines are still being written
        notice = session.get(Notice, inspect(obj).dict.get("notice_id"))
        return notice is None or notice.status != DRAFT
    return table in HISTORY


class HistoryGuard:
    """A change listener that refuses the deletion of history rows to non-administrators."""

    def __init__(self, db: Database):
        self.db = db

    def __call__(self, session: Session, changes: ChangeSet) -> None:
        actor = self.db.actor or SYSTEM
        if actor.can(Permission.DELETE):
            return
        gone = [o for o in changes.deleted if _is_history(session, o)]
        if not gone:
            return
        kinds = "、".join(dict.fromkeys(HISTORY[o.__table__.name] for o in gone))
        labels = "、".join(dict.fromkeys(record_label(o) for o in gone[:5]))
        more = f"等 {len(gone)} 条" if len(gone) > 5 else ""
        raise PermissionDenied(
            f"“{actor.role.value}”账户不能删除已登记的{kinds}（{labels}{more}）：这些是历史记录，"
            "只有管理员可以删除；登记有误时请直接修改。没有保存任何改动"
        )
