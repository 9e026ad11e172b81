"""The meetings use cases: who should attend, check, save, read, list and delete meeting records."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import tempfile
from pathlib import Path

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from app.clock import Clock
from app.services.common.errors import UserError, Verdict
from app.services.common.file_ops import remove_file, replace_file
from app.services.common.records import load_or_gone, row_to_save
from app.services.meetings import meeting_rules
from app.services.meetings.meeting_kinds import EXPECTED, Expected, Kind
from app.services.meetings.meeting_search import Filters, count_query, index_meeting, newest_first, with_driver
from app.services.meetings.meeting_types import (
    ABSENT,
    LEAVE,
    PRESENT,
    STEP_NAMES,
    AttachmentData,
    AttendanceData,
    AttendanceSummary,
    MeetingData,
    MeetingRow,
)
from app.services.members.member_fields import PARTY_STATUSES
from app.services.members.pinyin_search import sort_key
from app.services.members.posts import Body
from app.services.safety.actor import Permission, require
from db.models import Attendance, Matter, MatterStep, Meeting, MeetingAttachment, MeetingKind, Person, Post
from db.session import Database

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
# Files that would run as programs when opened from the list.
BLOCKED_SUFFIXES = frozenset(
    ".exe .com .bat .cmd .scr .pif .msi .lnk .vbs .vbe .js .jse .wsf .ps1 .hta .cpl .reg".split()
)
_SAFE_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,10}")
_STORED_NAME = re.compile(r"[0-9a-f]{24}(\.[A-Za-z0-9]{1,10})?")
_CHUNK = 1024 * 1024
MEETING_FIELDS = (
    "topic", "date", "start_time", "end_time", "place", "host_id", "recorder_id", "party_group",
    "agenda", "minutes", "resolution", "votes_for", "votes_against", "votes_abstain", "observers", "note",
)
_GONE = "这条会议记录已不存在（可能已被删除）：请刷新列表"
# Who sits on the committee-based 应到 lists.
_COMMITTEES = {Expected.PARTY_COMMITTEE: (Body.PARTY,), Expected.BOTH_COMMITTEES: (Body.PARTY, Body.VILLAGERS),
               Expected.ASSEMBLY: (Body.VILLAGERS, Body.REPRESENTATIVES)}


class MeetingService:
    # The matters service checks a 党员大会 linked to 审议 with these.
    quorum_problems = staticmethod(meeting_rules.quorum_problems)
    has_two_thirds = staticmethod(meeting_rules.has_two_thirds)
    summarize = staticmethod(meeting_rules.summarize)

    def __init__(self, db: Database, clock: Clock, attachments_dir: Path):
        self.db = db
        self.clock = clock
        self.attachments_dir = attachments_dir

    # ----- who should attend -------------------------------------------------------------
    def expected_attendees(
        self, kinds: list[str], on: dt.date, party_group: str = ""
    ) -> list[AttendanceData]:
        """应到 for ``kinds`` on the meeting's date: the union of each kind's body, by pinyin."""
        wanted: set[Expected] = set()
        for kind in kinds:
            if kind not in meeting_rules.KIND_VALUES:
                raise UserError(f"不认识的会议类型“{kind}”：请从列表中选择", "kinds")
            wanted.add(EXPECTED[Kind(kind)])
        found: dict[int, AttendanceData] = {}

        def add(person_id: int, name: str, voting: bool) -> None:
            row = found.setdefault(person_id, AttendanceData(person_id, name, voting=voting))
            row.voting = row.voting and voting  # 预备党员 never vote, whatever else they sit for

        with self.db.read() as s:
            if Expected.PARTY_MEMBERS in wanted:
                for pid, name, voting in self._party_members(s, on):
                    add(pid, name, voting)
            if Expected.PARTY_GROUP in wanted and party_group.strip():
                for pid, name, voting in self._party_members(s, on, party_group.strip()):
                    add(pid, name, voting)
            chosen = {b.value for e, bodies in _COMMITTEES.items() if e in wanted for b in bodies}
            if chosen:
                for pid, name in self._post_holders(s, chosen, on):
                    add(pid, name, True)
        return sorted(found.values(), key=lambda a: (sort_key(a.name), a.person_id))

    @staticmethod
    def _party_members(s: Session, on: dt.date, group: str | None = None) -> list[tuple[int, str, bool]]:
        query = select(Person.id, Person.name, Person.political_status, Person.party_join_date,
                       Person.full_member_date).where(Person.political_status.in_(PARTY_STATUSES))
        if group is not None:
            query = query.where(Person.party_group == group)
        members = []
        for pid, name, status, joined, full in s.execute(query):
            if joined is not None and joined > on:
                continue  # not yet a member on that day
            probationary = status == PARTY_STATUSES[1] or (full is not None and full > on)
            members.append((pid, name, not probationary))
        return members

    @staticmethod
    def _post_holders(s: Session, bodies: set[str], on: dt.date) -> list[tuple[int, str]]:
        query = (
            select(Person.id, Person.name).join(Post, Post.person_id == Person.id)
            .where(Post.body.in_(bodies))
            .where(or_(Post.start_date.is_(None), Post.start_date <= on))
            .where(or_(Post.end_date.is_(None), Post.end_date >= on))
            .distinct()
        )
        return [(pid, name) for pid, name in s.execute(query)]

    # ----- checking and saving -----------------------------------------------------------
    def check(self, data: MeetingData, meeting_id: int | None = None) -> Verdict:
        """Every rule; normalises ``data`` (trimmed text, times as HH:MM, attendance names)."""
        ids = {a.person_id for a in data.attendance} | {data.host_id, data.recorder_id}
        ids.discard(None)
        with self.db.read() as s:
            found = s.execute(select(Person.id, Person.name).where(Person.id.in_(ids))) if ids else []
            names = {person_id: name for person_id, name in found}
        verdict = meeting_rules.check_meeting(data, self.clock.today(), names)
        for attachment in data.attachments:
            if self.attachment_path(attachment.stored_name) is None:
                verdict.problem("attachments", f"附件“{attachment.title}”的文件找不到了：请删去后重新添加")
        return verdict

    def save(self, data: MeetingData, meeting_id: int | None = None, confirmed: bool = False) -> int:
        """Create or update a meeting with its kinds, attendance and attachments, all or nothing."""
        require(self.db, Permission.EDIT)
        self.check(data, meeting_id).settle(confirmed)
        now = self.clock.now()
        with self.db.write() as s:
            meeting = row_to_save(s, Meeting, meeting_id, now, self._load)
            for key in MEETING_FIELDS:
                setattr(meeting, key, getattr(data, key))
            meeting.updated_at = now
            _write_children(meeting, data)
            s.flush()
            index_meeting(s, meeting)
            return meeting.id

    @staticmethod
    def _load(s: Session, meeting_id: int) -> Meeting:
        return load_or_gone(s, Meeting, meeting_id, _GONE)

    # ----- reading -----------------------------------------------------------------------
    def get(self, meeting_id: int) -> MeetingData:
        with self.db.read() as s:
            meeting = self._load(s, meeting_id)
            data = MeetingData(kinds=_kinds_in_order(k.kind for k in meeting.kinds), topic=meeting.topic,
                               date=meeting.date)
            for key in MEETING_FIELDS[2:]:
                setattr(data, key, getattr(meeting, key))
            rows = s.execute(
                select(Attendance, Person.name).join(Person, Person.id == Attendance.person_id)
                .where(Attendance.meeting_id == meeting_id)
            )
            data.attendance = sorted(
                (AttendanceData(a.person_id, name, a.status, a.reason, a.voting) for a, name in rows),
                key=lambda a: (sort_key(a.name), a.person_id),
            )
            data.attachments = [AttachmentData(a.title, a.stored_name, a.size, a.id)
                                for a in sorted(meeting.attachments, key=lambda a: a.id)]
            return data

    def summary(self, meeting_id: int) -> AttendanceSummary:
        with self.db.read() as s:
            self._load(s, meeting_id)
            row = s.execute(_counts().where(Attendance.meeting_id == meeting_id)).one()
            return _summary(row)

    def delete(self, meeting_id: int) -> str:
        """Delete a meeting not linked to any 四议两公开 step; return its topic."""
        require(self.db, Permission.DELETE)
        with self.db.write() as s:
            meeting = self._load(s, meeting_id)
            link = s.execute(
                select(Matter.name, MatterStep.step).join(Matter, Matter.id == MatterStep.matter_id)
                .where(MatterStep.meeting_id == meeting_id).order_by(MatterStep.matter_id, MatterStep.step)
            ).first()
            if link is not None:
                name, step = link
                raise UserError(
                    f"这次会议是四议两公开事项“{name}”第{step}步（{STEP_NAMES.get(step, '')}）的会议记录，"
                    "不能删除：请先在该事项中改为关联别的会议，再删除"
                )
            topic = meeting.topic
            s.delete(meeting)
        return topic

    # ----- the list ----------------------------------------------------------------------
    def list_rows(self, year: int | None = None, month: int | None = None, kind: str | None = None,
                  person_id: int | None = None, text: str = "", limit: int | None = None,
                  offset: int = 0) -> list[MeetingRow]:
        """Meetings matching every filter, newest first, filtered and counted in SQL."""
        host = aliased(Person)
        columns = select(Meeting.id, Meeting.date, Meeting.topic, Meeting.place, host.name)
        kinds: dict[int, list[str]] = {}
        counts: dict[int, AttendanceSummary] = {}
        with self.db.read() as s:
            filters = with_driver(s, Filters(year, month, kind, person_id, text))
            query = (newest_first(columns, filters).outerjoin(host, host.id == Meeting.host_id)
                     .limit(limit).offset(offset or None))
            meetings = s.execute(query).all()  # the one scan that filters
            ids = [m[0] for m in meetings]
            for i in range(0, len(ids), _ID_CHUNK):  # then index lookups, grouped per chunk of ids
                chunk = ids[i : i + _ID_CHUNK]
                for mid, k in s.execute(select(MeetingKind.meeting_id, MeetingKind.kind)
                                        .where(MeetingKind.meeting_id.in_(chunk))):
                    kinds.setdefault(mid, []).append(k)
                for row in s.execute(_counts(Attendance.meeting_id).where(Attendance.meeting_id.in_(chunk))
                                     .group_by(Attendance.meeting_id)):
                    counts[row[0]] = _summary(row[1:])
        rows = []
        for mid, date, topic, place, host_name in meetings:
            summary = counts.get(mid, _EMPTY)
            own = tuple(_kinds_in_order(kinds.get(mid, [])))
            warnings = tuple(f"{n}实到未超过半数" for n in meeting_rules.quorum_failures(own, summary))
            rows.append(MeetingRow(mid, date, own, topic, place, host_name or "", summary.expected,
                                   summary.present, warnings))
        return rows

    def count(self, year: int | None = None, month: int | None = None, kind: str | None = None,
              person_id: int | None = None, text: str = "") -> int:
        with self.db.read() as s:
            return s.scalar(count_query(with_driver(s, Filters(year, month, kind, person_id, text)))) or 0

    # ----- attachments -------------------------------------------------------------------
    def add_attachment(self, source: Path) -> AttachmentData:
        """Copy ``source`` into the attachments folder under a content-hash name.

        The record refers to it only once the meeting is saved; the same content is kept once.
        """
        require(self.db, Permission.EDIT)
        suffix = source.suffix.lower()
        if suffix in BLOCKED_SUFFIXES:
            raise UserError(f"附件不能是程序或脚本文件（{suffix}）：请添加照片、文档或表格", "attachments")
        try:
            size = source.stat().st_size
            if not source.is_file():
                raise OSError
        except OSError:
            raise UserError(f"找不到附件文件：{source}，请重新选择", "attachments") from None
        if size > MAX_ATTACHMENT_BYTES:
            raise UserError(
                f"附件太大（{size / 1024 / 1024:.1f} MB）：单个附件不能超过 20 MB，请压缩照片后再添加", "attachments"
            )
        try:
            suffix = suffix if _SAFE_SUFFIX.fullmatch(suffix) else ""
            name, size = _copy_hashed(source, self.attachments_dir, suffix)
        except OSError as exc:
            raise UserError(f"附件没能复制进数据文件夹（{exc.strerror or exc}）：请检查磁盘空间，"
                            "或稍等片刻（文件可能正被杀毒软件、网盘同步占用）后重试",
                            "attachments") from None
        title = source.name if len(source.name) <= 200 else source.stem[:190] + "…" + source.suffix[-9:]
        return AttachmentData(title, name, size)

    def attachment_path(self, stored_name: str) -> Path | None:
        """Where a stored attachment is, or None when the name is not one of ours or it is gone."""
        if not stored_name or not _STORED_NAME.fullmatch(stored_name):
            return None
        path = self.attachments_dir / stored_name
        return path if path.is_file() else None


_EMPTY = AttendanceSummary(0, 0, 0, 0, 0, 0)
_ID_CHUNK = 500  # ids per IN (...) list: well under SQLite's limit on bound parameters
_KIND_ORDER = {k.value: i for i, k in enumerate(Kind)}


def _copy_hashed(source: Path, folder: Path, suffix: str) -> tuple[str, int]:
    """Copy ``source`` into ``folder`` as <sha256 prefix><suffix>, atomically; return (name, size)."""
    folder.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    handle, partial_name = tempfile.mkstemp(suffix=".partial", dir=folder)
    partial = Path(partial_name)
    try:
        with source.open("rb") as src, os.fdopen(handle, "wb") as dst:
            while chunk := src.read(_CHUNK):
                digest.update(chunk)
                dst.write(chunk)
                size += len(chunk)
            dst.flush()
            os.fsync(dst.fileno())  # on disk before its name is: a power cut cannot leave an empty file named
        name = digest.hexdigest()[:24] + suffix
        target = folder / name
        if target.exists():
            remove_file(partial)  # the same content is there already; a leftover is only logged
        else:
            replace_file(partial, target)  # retried: a scanner often holds a file just written
        return name, size
    except BaseException:
        remove_file(partial)
        raise


def _kinds_in_order(kinds) -> list[str]:  # noqa: ANN001 - any iterable of kind values
    return sorted(kinds, key=lambda k: _KIND_ORDER.get(k, 99))


def _counts(*leading):  # noqa: ANN002 - columns to select before the counts
    """应到, 实到, 请假, 缺席, voting 应到, voting 实到, in that order (AttendanceSummary's)."""
    present = Attendance.status == PRESENT
    return select(
        *leading,
        func.count(Attendance.id),
        func.coalesce(func.sum(case((present, 1), else_=0)), 0),
        func.coalesce(func.sum(case((Attendance.status == LEAVE, 1), else_=0)), 0),
        func.coalesce(func.sum(case((Attendance.status == ABSENT, 1), else_=0)), 0),
        func.coalesce(func.sum(case((Attendance.voting, 1), else_=0)), 0),
        func.coalesce(func.sum(case((and_(present, Attendance.voting), 1), else_=0)), 0),
    )


def _summary(row) -> AttendanceSummary:  # noqa: ANN001 - a result row of _counts()
    return AttendanceSummary(*(int(v or 0) for v in row))


def _write_children(meeting: Meeting, data: MeetingData) -> None:
    """Update kinds, attendance and attachments in place, keeping rows that stay (unique keys)."""
    have_kinds = {k.kind: k for k in meeting.kinds}
    meeting.kinds = [have_kinds.get(k) or MeetingKind(kind=k) for k in data.kinds]
    have_people = {a.person_id: a for a in meeting.attendance}
    attendance = []
    for row in data.attendance:
        record = have_people.get(row.person_id) or Attendance(person_id=row.person_id)
        record.status, record.reason, record.voting = row.status, row.reason, row.voting
        attendance.append(record)
    meeting.attendance = attendance
    have_files = {a.id: a for a in meeting.attachments}
    files = []
    for item in data.attachments:
        record = have_files.get(item.id) if item.id is not None else None
        record = record or MeetingAttachment()
        record.title, record.stored_name, record.size = item.title, item.stored_name, item.size
        files.append(record)
    meeting.attachments = files
