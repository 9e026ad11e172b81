"""The audit log (操作日志): every change, who made it and the fields before and after.

Entries are written by a listener on the one place all changes pass through
(Database.write), inside the same transaction as the change, with plain SQL on the
session's connection. Each entry's hash covers its content and the previous entry's hash,
so an edit or deletion made behind the program's back breaks the chain.
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import hashlib
import json
import logging
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import event, func, insert, inspect, select
from sqlalchemy.orm import Session

from db.audit_head import ChainHead, write_head
from db.models import UNAUDITED_TABLES, AuditEntry, Base, Person
from db.session import ChangeSet
from db.sqlite_uri import sqlite_uri

log = logging.getLogger(__name__)

GENESIS = "0" * 64
HIDDEN = "（已隐藏）"
SECRET_COLUMNS = frozenset({"password_hash", "recovery_hash"})
# Bookkeeping that says nothing about the records themselves.
UNAUDITED_COLUMNS = frozenset({"failed_attempts", "locked_until", "updated_at", "created_at"})

AREAS = {
    "person": "两委成员",
    "post": "两委成员",
    "term_duty": "两委成员",
    "term": "届次",
    "village_profile": "村庄信息",
    "user_account": "用户",
    "database": "数据库",
    "app_meta": "设置",
    "meeting": "会议记录",
    "meeting_kind": "会议记录",
    "attendance": "会议记录",
    "meeting_attachment": "会议记录",
    "matter": "四议两公开",
    "matter_step": "四议两公开",
    "notice": "三公开",
    "notice_item": "三公开",
    "villager_question": "三公开",
    "reminder": "纪律提醒",
    "reminder_target": "纪律提醒",
    "reminder_occurrence": "纪律提醒",
    "derived_disposition": "纪律提醒",
    **{t: "整改台账" for t in ("rect_source", "rect_item", "rect_measure", "rect_progress", "rect_attachment",
                              "rect_link", "rect_reopening")},
    "team_plan": "党建计划", "team_plan_item": "党建计划", "team_plan_change": "党建计划",
    "team_duty_item": "主体责任", "team_pledge": "主体责任",
    "team_study_session": "学习制度", "team_self_study": "学习制度",
    "team_rota_slot": "值班制度", "team_rota_swap": "值班制度", "team_duty_log": "值班制度",
}
LABEL_COLUMNS = ("name", "title", "village_name", "topic", "problem", "label", "content", "task", "text", "kind", "key",
                 "item")
# Long texts (a 整改 problem, a plan line) name their record by their first words.
LONG_LABEL_COLUMNS = {"problem", "content", "task", "text"}
LONG_LABEL_CHARS = 30


def _plain(value: object) -> object:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    return value


@functools.cache
def _columns(model: type) -> tuple[str, ...]:
    return tuple(c.key for c in inspect(model).column_attrs if c.key not in UNAUDITED_COLUMNS)


def _snapshot(obj: Base, *, before: bool) -> dict[str, object]:
    state = inspect(obj)
    values: dict[str, object] = {}
    for key in _columns(type(obj)):
        if not before:  # the values as written: no history needed (a thousand-row import pays for it)
            values[key] = _plain(state.dict.get(key) if state.deleted else getattr(obj, key))
            continue
        history = state.attrs[key].history
        if before and history.deleted:
            value = history.deleted[0]
        elif before and history.added and not history.deleted:
            value = None  # was unset before this change
        elif state.deleted:
            value = state.dict.get(key)  # the row is gone: nothing left to load
        else:
            value = getattr(obj, key)
        values[key] = _plain(value)
    return values


def _hide_secrets(values: dict[str, object]) -> dict[str, object]:
    return {k: (HIDDEN if k in SECRET_COLUMNS and v else v) for k, v in values.items()}


def record_label(obj: Base) -> str:
    """What a reader recognises: “张三”, “张三：党支部书记”, “第十二届”."""
    key, own = next(((k, str(v)) for k in LABEL_COLUMNS if (v := getattr(obj, k, None))), ("", ""))
    if key in LONG_LABEL_COLUMNS and len(own) > LONG_LABEL_CHARS:
        own = own[:LONG_LABEL_CHARS - 1] + "…"
    if obj.__table__.name == "matter_step":
        own = f"第{obj.step}步"
    person = None
    if (person_id := inspect(obj).dict.get("person_id")) is not None and obj.__table__.name != "person":
        # Read by id: a post just removed from its person's list no longer points back to it.
        person = inspect(obj).session.get(Person, person_id)
    if person is not None and getattr(person, "name", ""):
        return f"{person.name}：{own}" if own else person.name
    return own


def entry_hash(prev: str, at: str, actor: str, action: str, entity: str, record_id: object,
               label: str, before: str, after: str) -> str:
    payload = json.dumps([prev, at, actor, action, entity, record_id, label, before, after],
                         ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


_LAST_HASH = select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
_COUNT = select(func.count()).select_from(AuditEntry)
_INSERT = insert(AuditEntry)
_HEAD = "audit_chain_head"


def _write_head_after_commit(session: Session) -> None:
    head = session.info.pop(_HEAD, None)
    if head is None:
        return
    try:
        write_head(Path(session.get_bind().url.database), head)
    except OSError:  # the data is committed; `check` will say the file is behind
        log.exception("could not record the audit chain head")


def _append(session: Session, at: dt.datetime, actor: str, rows: list) -> None:
    """Insert ``rows`` (action, table, record id, label, before, after) after the last entry."""
    connection = session.connection()
    prev = connection.execute(_LAST_HASH).scalar() or GENESIS
    params = []
    for action, table, record_id, label, before, after in rows:
        before_text = json.dumps(before, ensure_ascii=False, sort_keys=True) if before else ""
        after_text = json.dumps(after, ensure_ascii=False, sort_keys=True) if after else ""
        digest = entry_hash(prev, at.isoformat(), actor, action, table, record_id, label,
                            before_text, after_text)
        params.append(dict(
            at=at, actor=actor, action=action, area=AREAS.get(table, table), entity=table,
            record_id=record_id, record_label=label[:100], before=before_text,
            after=after_text, prev_hash=prev, hash=digest,
        ))
        prev = digest
    connection.execute(_INSERT, params)  # one executemany per flush
    if not event.contains(session, "after_commit", _write_head_after_commit):
        event.listen(session, "after_commit", _write_head_after_commit)
    session.info[_HEAD] = ChainHead(connection.execute(_COUNT).scalar(), prev)


def log_head(connection: Session) -> ChainHead:
    """The log's entry count and last hash as they stand now, through any engine (a village file,
    or a village's copy in the township's PostgreSQL database); a Session or a Connection."""
    return ChainHead(connection.execute(_COUNT).scalar() or 0, connection.execute(_LAST_HASH).scalar() or "")


def record_event(session: Session, at: dt.datetime, actor: str, action: str, label: str,
                 details: dict[str, object]) -> None:
    """An entry for something that is not a row change, e.g. 恢复 from a backup file."""
    _append(session, at, actor, [(action, "database", None, label, {}, details)])


@dataclass
class AuditWriter:
    """Registered as a change listener; ``actor_label`` and ``now`` are read at each change."""

    actor_label: object  # callable -> str
    now: object  # callable -> datetime

    def __call__(self, session: Session, changes: ChangeSet) -> None:
        # Runs after the flush: new rows have their ids; history still holds old values.
        rows = []
        for action, objects in (("新增", changes.new), ("修改", changes.dirty), ("删除", changes.deleted)):
            # Sessions keep these in sets: sort so that the log reads the same every time.
            for obj in sorted(objects, key=lambda o: (o.__table__.name, inspect(o).identity or ())):
                table = obj.__table__.name
                if table in UNAUDITED_TABLES:
                    continue
                before = {} if action == "新增" else _snapshot(obj, before=True)
                after = {} if action == "删除" else _snapshot(obj, before=False)
                if action == "修改":
                    changed = {k for k in after if before.get(k) != after.get(k)}
                    if not changed:
                        continue
                    before = {k: before[k] for k in sorted(changed)}
                    after = {k: after[k] for k in sorted(changed)}
                record_id = inspect(obj).identity[0] if inspect(obj).identity else None
                rows.append((action, table, record_id, record_label(obj), _hide_secrets(before), _hide_secrets(after)))
        if rows:
            _append(session, self.now(), self.actor_label(), rows)


def chain_problems(db_path: Path) -> list[str]:
    """Where the hash chain is broken (empty when every entry is intact and in order)."""
    with closing(sqlite3.connect(sqlite_uri(db_path, read_only=True), uri=True)) as conn:
        has_table = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='audit_log'"
        ).fetchone()
        if not has_table:
            return []
        rows = conn.execute(
            "SELECT id, at, actor, action, entity, record_id, record_label, before, after,"
            " prev_hash, hash FROM audit_log ORDER BY id"
        ).fetchall()
    prev = GENESIS
    for row_id, at, actor, action, entity, record_id, label, before, after, prev_hash, digest in rows:
        at_iso = dt.datetime.fromisoformat(at).isoformat()
        expected = entry_hash(prev, at_iso, actor, action, entity, record_id, label, before, after)
        if prev_hash != prev:
            return [f"操作日志第 {row_id} 条之前的记录被删除或改动过"]
        if digest != expected:
            return [f"操作日志第 {row_id} 条的内容被改动过"]
        prev = digest
    return []
