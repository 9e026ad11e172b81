"""Reading the 操作日志: filters, plain-Chinese change summaries, and the printed list."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.privacy import mask_numbers
from app.services.members.member_fields import FIELDS_BY_KEY
from db.audit import chain_problems, record_event
from db.models import AuditEntry
from db.session import Database

FIELD_LABELS = {
    **{k: f.label for k, f in FIELDS_BY_KEY.items()},
    "title": "职务", "body": "所属班子", "start_date": "开始日期", "end_date": "结束日期",
    "end_reason": "离任原因", "term_id": "届次", "duties": "分工", "commitment": "履职承诺",
    "village_name": "村名", "township": "所属乡镇", "party_org_name": "党组织名称",
    "committee_name": "村委会名称", "supervision_phone": "监督电话", "role": "角色",
    "password_hash": "密码", "recovery_hash": "恢复码", "active": "启用", "photo": "照片",
}
SKIPPED = {"id", "person_id"}


@dataclass(frozen=True)
class AuditQuery:
    actor: str | None = None
    area: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    actor: str
    action: str
    area: str
    label: str
    changes: str


def _value(value: object) -> str:
    if value in (None, ""):
        return "（空）"
    if value is True:
        return "是"
    if value is False:
        return "否"
    return mask_numbers(str(value))


def summarize(action: str, before: str, after: str) -> str:
    """“联系电话：（空）→ 138****1027；备注：…” — ID and phone numbers masked."""
    old = json.loads(before) if before else {}
    new = json.loads(after) if after else {}
    keys = [k for k in (new if action != "删除" else old) if k not in SKIPPED]
    parts = []
    for key in keys:
        label = FIELD_LABELS.get(key, key)
        if action == "修改":
            parts.append(f"{label}：{_value(old.get(key))} → {_value(new.get(key))}")
        elif (new if action == "新增" else old).get(key) not in (None, ""):
            parts.append(f"{label}：{_value((new if action == '新增' else old).get(key))}")
    return "；".join(parts)


class AuditLogService:
    def __init__(self, db: Database):
        self.db = db

    def entries(self, query: AuditQuery = AuditQuery()) -> list[AuditRow]:  # noqa: B008
        stmt = select(AuditEntry).order_by(AuditEntry.id.desc())
        if query.actor:
            stmt = stmt.where(AuditEntry.actor == query.actor)
        if query.area:
            stmt = stmt.where(AuditEntry.area == query.area)
        if query.start:
            stmt = stmt.where(AuditEntry.at >= dt.datetime.combine(query.start, dt.time()))
        if query.end:
            stmt = stmt.where(AuditEntry.at < dt.datetime.combine(query.end + dt.timedelta(days=1), dt.time()))
        with self.db.read() as s:
            return [
                AuditRow(e.id, e.at, e.actor, e.action, e.area, e.record_label,
                         summarize(e.action, e.before, e.after))
                for e in s.scalars(stmt)
            ]

    def choices(self) -> tuple[list[str], list[str]]:
        """The actors and areas that occur, for the filter lists."""
        with self.db.read() as s:
            actors = sorted(s.scalars(select(AuditEntry.actor).distinct()))
            areas = sorted(s.scalars(select(AuditEntry.area).distinct()))
        return actors, areas

    def record_restore(self, source: Path, now: dt.datetime, description: str) -> None:
        """The restored file's own log goes on, with an entry saying where it came from."""
        actor = getattr(self.db.actor, "label", "系统")
        with self.db.write() as s:
            record_event(s, now, actor, "恢复", source.name, {"来源文件": str(source), "内容": description})

    def verify(self) -> list[str]:
        return chain_problems(self.db.path)

    def print_pdf(self, path: Path, rows: list[AuditRow], village: str, today: dt.date, title: str) -> int:
        from app.reports.safety.audit_report import build_audit_report

        return build_audit_report(path, rows=rows, village=village, print_date=today, title=title)
