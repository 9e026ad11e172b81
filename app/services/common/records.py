"""Reading one row for an edit, the row a save writes into, and the stored settings (table meta):
shared by every service."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TypeVar

from sqlalchemy.orm import Session

from app.services.common.errors import UserError
from db.models import Meta

T = TypeVar("T")
GONE = "这条记录已不存在（可能已被删除）：请刷新列表"


def load_or_gone(s: Session, model: type[T], row_id: int, message: str = GONE, options: Sequence = ()) -> T:
    """The row, or a UserError telling the user it was deleted meanwhile."""
    row = s.get(model, row_id, options=list(options))
    if row is None:
        raise UserError(message)
    return row


def row_to_save(s: Session, model: type[T], row_id: int | None, now: dt.datetime,
                load: Callable[[Session, int], T]) -> T:
    """A new row (created now, added to the session) when ``row_id`` is None, else the loaded one."""
    if row_id is None:
        row = model(created_at=now)
        s.add(row)
        return row
    return load(s, row_id)


def meta_value(s: Session, key: str) -> str | None:
    """A stored setting (requirements, cadences, package sequence…), or None when never set."""
    row = s.get(Meta, key)
    return None if row is None else row.value


def set_meta_value(s: Session, key: str, value: str) -> None:
    row = s.get(Meta, key)
    if row is None:
        s.add(Meta(key=key, value=value))
    else:
        row.value = value
