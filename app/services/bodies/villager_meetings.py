"""A 村民会议's attendance as numbers (组织法 art. 22): the adults and households present against
the village's (or one 村民小组's) totals, kept beside the meeting record."""

from __future__ import annotations

from app.services.common.errors import UserError, Verdict
from app.services.meetings.step_counts import HeadCount
from app.services.safety.actor import Permission, require
from db.models import Meeting, VillagerMeetingCount
from db.session import Database

MAX_HEADS = 1_000_000


def check_heads(heads: HeadCount) -> Verdict:
    verdict = Verdict()
    pairs = (("adults", "18岁以上村民", heads.adults_present, heads.adults_total),
             ("households", "户", heads.households_present, heads.households_total))
    for key, label, present, total in pairs:
        if min(present, total) < 0 or max(present, total) > MAX_HEADS:
            verdict.problem(key, f"{label}的人数请填写不小于 0 的整数")
        elif present > total:
            verdict.problem(key, f"到会{label} {present} 超过了总数 {total}：请核对")
    if not heads.adults_total and not heads.households_total:
        verdict.problem("adults", "请填写本村（或本组）18岁以上村民总数或总户数，才能核对到会是否过半")
    return verdict


class VillagerMeetingCounts:
    def __init__(self, db: Database):
        self.db = db

    def get(self, meeting_id: int) -> HeadCount | None:
        with self.db.read() as s:
            row = s.get(VillagerMeetingCount, meeting_id)
            if row is None:
                return None
            return HeadCount(row.adults_total, row.adults_present, row.households_total, row.households_present)

    def save(self, meeting_id: int, heads: HeadCount) -> None:
        require(self.db, Permission.EDIT)
        check_heads(heads).settle(confirmed=True)
        with self.db.write() as s:
            if s.get(Meeting, meeting_id) is None:
                raise UserError("这条会议记录已不存在（可能已被删除）：请刷新列表")
            row = s.get(VillagerMeetingCount, meeting_id) or VillagerMeetingCount(meeting_id=meeting_id)
            row.adults_total, row.adults_present = heads.adults_total, heads.adults_present
            row.households_total, row.households_present = heads.households_total, heads.households_present
            s.add(row)
