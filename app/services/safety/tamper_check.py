"""`check`: is the database whole, its log intact, and does the data match the log?

Each problem is one line of plain Chinese that names the record, so that a clerk can tell
the 镇纪委 which record was changed behind the program's back.
"""

from __future__ import annotations

from pathlib import Path

from app.services.safety.audit_labels import column_label
from db.audit import chain_problems
from db.audit_head import head_problems
from db.audit_replay import MAX_LISTED, RowDifference, differences

RECORD_NAMES = {
    "person": "人员", "post": "任职记录", "term": "届次", "term_duty": "分工和承诺",
    "village_profile": "村庄信息", "user_account": "用户账户", "app_meta": "设置",
    "meeting": "会议记录", "meeting_kind": "会议类型", "attendance": "参会记录",
    "meeting_attachment": "会议附件", "matter": "四议两公开事项", "matter_step": "四议两公开步骤",
    "notice": "公告", "notice_item": "财务公开明细", "villager_question": "群众意见",
    "reminder": "纪律提醒", "reminder_target": "提醒对象", "reminder_occurrence": "提醒办理记录",
    "derived_disposition": "提醒处理标记",
}
def describe(diff: RowDifference) -> str:
    record = f"{RECORD_NAMES.get(diff.table, diff.table)}“{diff.label or diff.record_id}”（编号 {diff.record_id}）"
    if diff.kind == "改动":
        return f"{record}在程序之外被改动：{'、'.join(column_label(diff.table, c) for c in diff.columns)}"
    if diff.kind == "新增":
        return f"{record}不在操作日志中：是在程序之外加进来的"
    return f"{record}被删除了，操作日志中没有这次删除"


def data_problems(db_path: Path) -> list[str]:
    found = differences(db_path)
    lines = [describe(d) for d in found[:MAX_LISTED]]
    if len(found) > MAX_LISTED:
        lines.append(f"……另有 {len(found) - MAX_LISTED} 处不一致")
    return lines


def log_problems(db_path: Path) -> list[str]:
    """The chain, its head beside the file, and the rows against the log."""
    return chain_problems(db_path) + head_problems(db_path) + data_problems(db_path)
