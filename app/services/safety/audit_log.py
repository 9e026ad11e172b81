"""Reading the 操作日志: filters, plain-Chinese change summaries, and the printed list."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.privacy import mask_numbers
from app.services.common.dates import format_date_cn
from app.services.notices.money import format_yuan
from app.services.safety.audit_labels import CODES, EVENT_TABLE, MONEY_COLUMNS, REFERENCES, column_label
from db.audit import chain_problems, record_event
from db.models import AuditEntry, Matter, Meeting, Notice, Person, Reminder, Term, VillagerGroup
from db.session import Database

SKIPPED = {"id"}


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


class Names:
    """The names of the records the entries point at, read once for a whole list."""

    def __init__(self, found: dict[tuple[str, int], str] | None = None):
        self.found = found or {}

    @classmethod
    def read(cls, s: Session, wanted: dict[str, set[int]]) -> Names:
        found: dict[tuple[str, int], str] = {}
        for table, ids in wanted.items():
            model, *columns = NAME_COLUMNS[table]
            for chunk in _chunks(sorted(ids)):
                for row in s.execute(select(model.id, *columns).where(model.id.in_(chunk))):
                    found[(table, row[0])] = _record_name(table, row[1:])
        return cls(found)

    def name(self, table: str, record_id: object) -> str:
        return self.found.get((table, record_id)) or f"（编号 {record_id}，已删除）"


NAME_COLUMNS = {"person": (Person, Person.name), "meeting": (Meeting, Meeting.date, Meeting.topic),
                "matter": (Matter, Matter.name), "notice": (Notice, Notice.title), "term": (Term, Term.name),
                "reminder": (Reminder, Reminder.subject), "villager_group": (VillagerGroup, VillagerGroup.name)}


def _record_name(table: str, values: tuple) -> str:
    if table == "meeting":
        day, topic = values
        return f"{format_date_cn(day)}“{topic}”"
    return str(values[0])


def _chunks(ids: list[int], size: int = 500):  # noqa: ANN202 - SQLite limits the parameters of one query
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def _value(table: str, key: str, value: object, names: Names) -> str:
    if value in (None, ""):
        return "（空）"
    if value is True:
        return "是"
    if value is False:
        return "否"
    if key in MONEY_COLUMNS and isinstance(value, int):
        return f"{format_yuan(value)} 元"
    if key in REFERENCES and table != EVENT_TABLE:
        return names.name(REFERENCES[key], value)
    words = CODES.get((table, key), {}).get(str(value))
    return words or mask_numbers(str(value))


def summarize(action: str, before: str, after: str, table: str = "", names: Names | None = None) -> str:
    """“联系电话：（空）→ 138****1027；备注：…” — labels of ``table``'s columns, money in 元, records
    by name, ID and phone numbers masked."""
    names = names or Names()
    old = json.loads(before) if before else {}
    new = json.loads(after) if after else {}
    keys = [k for k in (new if action != "删除" else old) if k not in SKIPPED]
    parts = []
    for key in keys:
        label = column_label(table, key)
        if action == "修改":
            parts.append(f"{label}：{_value(table, key, old.get(key), names)} → {_value(table, key, new.get(key), names)}")
        elif (new if action == "新增" else old).get(key) not in (None, ""):
            parts.append(f"{label}：{_value(table, key, (new if action == '新增' else old).get(key), names)}")
    return "；".join(parts)


def _wanted(entries: list[AuditEntry]) -> dict[str, set[int]]:
    """The records each entry's values point at, by table."""
    wanted: dict[str, set[int]] = {}
    for e in entries:
        if e.entity == EVENT_TABLE:
            continue
        for text in (e.before, e.after):
            for key, value in (json.loads(text) if text else {}).items():
                if key in REFERENCES and isinstance(value, int):
                    wanted.setdefault(REFERENCES[key], set()).add(value)
    return wanted


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
            entries = list(s.scalars(stmt))
            names = Names.read(s, _wanted(entries))
            return [
                AuditRow(e.id, e.at, e.actor, e.action, e.area, e.record_label,
                         summarize(e.action, e.before, e.after, e.entity, names))
                for e in entries
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
