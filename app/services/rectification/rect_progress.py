"""Working an item off: dated progress with 佐证材料 and linked records, 销号 and reopening.

Only a 管理员 closes (销号) or reopens an item; a reopening keeps what the 销号 said and why it
was taken back. 长期坚持 items never close: they get a periodic check (rect_warnings).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.services.common.dates import format_date_cn
from app.services.common.errors import UserError, Verdict
from app.services.common.records import load_or_gone
from app.services.meetings.meeting_types import AttachmentData
from app.services.rectification.rect_types import LINK_KINDS, ONGOING, LinkData, ProgressData, Reopening
from app.services.safety.actor import SYSTEM, PermissionDenied, Role
from db.models import (
    Matter,
    Meeting,
    Notice,
    RectAttachment,
    RectItem,
    RectLink,
    RectProgress,
    RectReopening,
    RectSource,
    Reminder,
    ReminderOccurrence,
)
from db.session import Database

MAX_TEXT_CHARS = 2000
LINK_YEARS = 3  # records offered for linking: those of the last three years
ITEM_GONE = "这个整改问题已不存在（可能已被删除）：请刷新列表"
_MODELS = {"meeting": Meeting, "notice": Notice, "matter": Matter, "reminder": Reminder}


def progress_data(p: RectProgress) -> ProgressData:
    return ProgressData(p.item_id, p.date, p.text,
                        [AttachmentData(a.title, a.stored_name, a.size, a.id) for a in p.attachments],
                        [LinkData(k.kind, k.ref_id, k.ref_date, k.label) for k in p.links], p.id)


def reopening_data(r: RectReopening) -> Reopening:
    return Reopening(r.date, r.reason, r.decided_by, r.closed_on, r.accepted_by)


def _label(row: object, kind: str, ref_date: dt.date | None) -> str:
    if kind == "meeting":
        return f"{format_date_cn(row.date)} {row.topic}"
    if kind == "notice":
        return row.title
    if kind == "matter":
        return row.name
    return f"{row.subject}（{format_date_cn(ref_date)}）" if ref_date else row.subject


def linkable(db: Database, kind: str, today: dt.date) -> list[LinkData]:
    """Records of ``kind`` from the last LINK_YEARS years, newest first, ready to link."""
    since = dt.date(today.year - LINK_YEARS, 1, 1)
    model = _MODELS.get(kind)
    if model is None:
        raise UserError("请选择要关联的记录类型：" + "、".join(LINK_KINDS.values()))
    with db.read() as s:
        if kind == "meeting":
            rows = s.scalars(select(Meeting).where(Meeting.date >= since).order_by(Meeting.date.desc()))
        elif kind == "notice":
            rows = s.scalars(select(Notice).where(Notice.period_year >= since.year).order_by(Notice.id.desc()))
        elif kind == "matter":
            rows = s.scalars(select(Matter).order_by(Matter.id.desc()))
        else:  # a 纪律提醒 occurrence that was done: the proof is its 办理 record
            done = (select(Reminder, ReminderOccurrence.due_date)
                    .join(ReminderOccurrence, ReminderOccurrence.reminder_id == Reminder.id)
                    .where(ReminderOccurrence.due_date >= since).order_by(ReminderOccurrence.due_date.desc()))
            return [LinkData(kind, r.id, due, _label(r, kind, due)) for r, due in s.execute(done)]
        return [LinkData(kind, r.id, None, _label(r, kind, None)) for r in rows]


def _check(s: Session, data: ProgressData, today: dt.date, attachment_path: Callable[[str], Path | None]) -> Verdict:
    verdict = Verdict()
    item = s.get(RectItem, data.item_id)
    if item is None:
        raise UserError(ITEM_GONE)
    text = (data.text or "").strip()
    if not text:
        verdict.problem("text", "请填写整改进展：做了什么、结果如何")
    elif len(text) > MAX_TEXT_CHARS:
        verdict.problem("text", f"整改进展太长：最多{MAX_TEXT_CHARS}个字，现在是{len(text)}个字")
    if data.date is None:
        verdict.problem("date", "请填写进展日期")
    elif data.date > today:
        verdict.problem("date", "进展日期不能晚于今天")
    else:
        raised = s.get(RectSource, item.source_id).raised_on
        if data.date < raised:
            verdict.problem("date", f"进展日期早于问题提出的日期（{format_date_cn(raised)}）：请核对")
    for attachment in data.attachments:
        if attachment_path(attachment.stored_name) is None:
            verdict.problem("attachments", f"佐证材料“{attachment.title}”的文件找不到了：请删去后重新添加")
    for link in data.links:
        model = _MODELS.get(link.kind)
        gone = model is None or s.get(model, link.ref_id) is None
        if not gone and link.kind == "reminder" and link.ref_date is not None:
            gone = s.scalar(select(ReminderOccurrence.id).where(ReminderOccurrence.reminder_id == link.ref_id,
                                                                ReminderOccurrence.due_date == link.ref_date)) is None
        if gone:
            verdict.problem("links", f"关联的{LINK_KINDS.get(link.kind, '记录')}已不存在（可能已被删除）：请删去这条关联")
    return verdict


def save_progress(db: Database, clock: Clock, data: ProgressData,
                  attachment_path: Callable[[str], Path | None]) -> int:
    """Add or correct a progress entry with its files and links, all or nothing."""
    with db.write() as s:
        _check(s, data, clock.today(), attachment_path).settle(True)
        if data.id is None:
            row = RectProgress(item_id=data.item_id, created_at=clock.now())
            s.add(row)
        else:
            row = load_or_gone(s, RectProgress, data.id, "这条整改进展已不存在：请刷新")
        row.date, row.text = data.date, data.text.strip()
        have = {a.id: a for a in row.attachments}
        row.attachments = [have.get(a.id) or RectAttachment(title=a.title, stored_name=a.stored_name, size=a.size)
                           for a in data.attachments]
        row.links = [RectLink(kind=k.kind, ref_id=k.ref_id, ref_date=k.ref_date,
                              label=_label(s.get(_MODELS[k.kind], k.ref_id), k.kind, k.ref_date)[:200])
                     for k in data.links]
        item = s.get(RectItem, data.item_id)
        item.updated_at = clock.now()
        s.flush()
        return row.id


def _admin(db: Database, what: str) -> str:
    actor = getattr(db, "actor", None) or SYSTEM
    if actor.role != Role.ADMIN:
        raise PermissionDenied(f"“{actor.role.value}”账户不能{what}：只有管理员可以{what}，请让管理员登录后操作")
    return actor.name


def close_item(db: Database, clock: Clock, item_id: int, closed_on: dt.date | None, accepted_by: str,
               acceptance: str) -> None:
    """销号: the date, who accepted the work (验收人) and the 验收意见."""
    _admin(db, "销号")
    verdict = Verdict()
    accepted_by, acceptance = (accepted_by or "").strip(), (acceptance or "").strip()
    with db.write() as s:
        item = load_or_gone(s, RectItem, item_id, ITEM_GONE)
        if item.kind == ONGOING:
            raise UserError(f"“{ONGOING}”的问题不销号：请定期登记检查情况（整改进展）")
        if item.closed_on is not None:
            raise UserError(f"这个问题已于{format_date_cn(item.closed_on)}销号")
        if not item.progress:
            raise UserError("还没有登记整改进展：请先登记整改情况和佐证材料，再销号")
        if closed_on is None:
            verdict.problem("closed_on", "请填写销号日期")
        elif closed_on > clock.today():
            verdict.problem("closed_on", "销号日期不能晚于今天")
        elif closed_on < item.progress[0].date:
            verdict.problem("closed_on", "销号日期早于第一条整改进展：请核对")
        if not accepted_by:
            verdict.problem("accepted_by", "请填写验收人")
        elif len(accepted_by) > 50:
            verdict.problem("accepted_by", "验收人太长：最多50个字")
        if not acceptance:
            verdict.problem("acceptance", "请填写验收意见，例如 已整改到位，同意销号")
        verdict.settle(True)
        item.closed_on, item.accepted_by, item.acceptance = closed_on, accepted_by, acceptance
        item.updated_at = clock.now()


def reopen_item(db: Database, clock: Clock, item_id: int, reason: str) -> None:
    """Take a 销号 back; the reason and what the 销号 said are kept."""
    name = _admin(db, "重新打开已销号的问题")
    reason = (reason or "").strip()
    with db.write() as s:
        item = load_or_gone(s, RectItem, item_id, ITEM_GONE)
        if item.closed_on is None:
            raise UserError("这个问题还没有销号，不需要重新打开")
        if not reason:
            raise UserError("请填写重新打开的理由，例如 回头看发现问题反弹", "reason")
        s.add(RectReopening(item_id=item.id, date=clock.today(), reason=reason[:MAX_TEXT_CHARS],
                            decided_by=name[:60], closed_on=item.closed_on, accepted_by=item.accepted_by))
        item.closed_on, item.accepted_by, item.acceptance = None, "", ""
        item.updated_at = clock.now()
