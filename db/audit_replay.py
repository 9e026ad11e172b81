"""Replaying the audit log: the state of every audited row as the log last recorded it,
compared with the rows the database holds now. A difference means the data was changed
outside the program (or by a path that wrote no log, which is a defect)."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from db.audit import HIDDEN, LABEL_COLUMNS, SECRET_COLUMNS, UNAUDITED_COLUMNS, UNAUDITED_TABLES
from db.engine import read_only_uri
from db.models import Base

# The log's events that are no row change; "基线" carries the rows a database held when its
# log began (see record_baseline).
BASELINE = "基线"
MAX_LISTED = 20


@dataclass
class RowDifference:
    kind: str  # 改动 / 新增 / 缺失
    table: str
    record_id: object
    label: str
    columns: list[str] = field(default_factory=list)


def audited_tables() -> list:
    return [t for t in Base.metadata.sorted_tables if t.name not in UNAUDITED_TABLES]


def _columns(table) -> list[str]:  # noqa: ANN001 - a sqlalchemy Table
    return [c.name for c in table.columns if c.name not in UNAUDITED_COLUMNS]


def _comparable(column: str, value: object) -> object:
    if column in SECRET_COLUMNS:
        return HIDDEN if value else value
    return value


def current_rows(conn: sqlite3.Connection) -> dict[str, dict[object, dict[str, object]]]:
    """Every audited row as the log would record it: {table: {id: {column: value}}}.

    Read raw: the log holds dates as ISO text and flags as true/false, which SQLite's own
    values equal (1 == True), so no per-value conversion is needed.
    """
    found: dict[str, dict[object, dict[str, object]]] = {}
    for table in audited_tables():
        names = _columns(table)
        key = names.index(table.primary_key.columns.values()[0].name)
        secret = [i for i, n in enumerate(names) if n in SECRET_COLUMNS]
        rows = found.setdefault(table.name, {})
        columns = ", ".join(f'"{n}"' for n in names)
        for row in conn.execute(f'SELECT {columns} FROM "{table.name}"'):
            if secret:
                row = tuple(_comparable(names[i], v) for i, v in enumerate(row))
            rows[row[key]] = dict(zip(names, row, strict=True))
    return found


def logged_rows(conn: sqlite3.Connection) -> dict[str, dict[object, dict[str, object]]]:
    """Every audited row as the log last recorded it."""
    state: dict[str, dict[object, dict[str, object]]] = {}
    keys = {t.name: t.primary_key.columns.values()[0].name for t in audited_tables()}
    query = "SELECT action, entity, record_id, before, after FROM audit_log ORDER BY id"
    for action, entity, record_id, before, after in conn.execute(query):
        if entity == "database":
            if action == BASELINE:
                for table, rows in json.loads(after).get("rows", {}).items():
                    state.setdefault(table, {}).update({_key(keys, table, r): r for r in rows})
            continue
        rows = state.setdefault(entity, {})
        new = json.loads(after) if after else {}
        ident = record_id if record_id is not None else new.get(keys.get(entity, "id"))
        if ident is None and before:
            ident = json.loads(before).get(keys.get(entity, "id"))
        if action == "新增":
            rows[ident] = new
        elif action == "修改":
            rows.setdefault(ident, {}).update(new)
        elif action == "删除":
            rows.pop(ident, None)
    return state


def _key(keys: dict[str, str], table: str, row: dict) -> object:
    return row.get(keys.get(table, "id"))


def _label(table: str, values: dict[str, object], people: dict[object, dict[str, object]]) -> str:
    """As the log labels it: “张三”, “张三：党支部书记”, “第2步”."""
    own = next((str(values[k]) for k in LABEL_COLUMNS if values.get(k)), "")
    if table == "matter_step":
        own = f"第{values.get('step')}步"
    name = people.get(values.get("person_id"), {}).get("name") if table != "person" else None
    return (f"{name}：{own}" if own else str(name)) if name else own


def differences(db_path: Path) -> list[RowDifference]:
    """Rows changed, added or missing compared with what the log last recorded."""
    with closing(sqlite3.connect(read_only_uri(db_path), uri=True)) as conn:
        has_log = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='audit_log'").fetchone()
        if not has_log:
            return []
        logged, actual = logged_rows(conn), current_rows(conn)
    found: list[RowDifference] = []
    people = {**logged.get("person", {}), **actual.get("person", {})}
    for table in audited_tables():
        was, now = logged.get(table.name, {}), actual.get(table.name, {})
        own: list[RowDifference] = []
        for ident, new in now.items():
            old = was.get(ident)
            if old is None:
                own.append(RowDifference("新增", table.name, ident, _label(table.name, new, people)))
            elif old != new:
                changed = [c for c in new if c in old and old[c] != new[c]]
                if changed:
                    own.append(RowDifference("改动", table.name, ident, _label(table.name, new, people), changed))
        own += [RowDifference("缺失", table.name, ident, _label(table.name, was[ident], people))
                for ident in was.keys() - now.keys()]
        found += sorted(own, key=lambda d: str(d.record_id))
    return found


def baseline_details(conn: sqlite3.Connection) -> dict[str, object]:
    """The rows a database already held when its log began (a file from before the log)."""
    rows = current_rows(conn)
    return {"rows": {t: list(r.values()) for t, r in rows.items() if r}}
