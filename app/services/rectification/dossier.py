"""巡察资料: for a period, every paper an inspection asks for, in numbered folders, with a 目录 PDF
that lists each document and its page count. Attachments are copied beside the PDF they belong
to. Internal copies (内部留存) unless the user chooses the public ones."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.services.common.dates import format_date
from app.services.common.errors import UserError
from app.services.common.file_names import safe_file_name

INDEX_NAME = "00 目录.pdf"
ATTACHMENT = "附件"
_PAGE = re.compile(rb"/Type\s*/Page(?![s\w])")


@dataclass(frozen=True)
class DossierEntry:
    folder: str  # "02 会议记录/2026-03-05 支部委员会会议"
    name: str
    pages: int | None  # None for an attachment (a photo, a scan)

    @property
    def kind(self) -> str:
        return "PDF" if self.pages is not None else ATTACHMENT


def page_count(path: Path) -> int:
    """Pages of a PDF this program wrote (reportlab writes each page object plainly)."""
    return len(_PAGE.findall(path.read_bytes()))


class DossierBuilder:
    def __init__(self, services, first: dt.date, last: dt.date, folder: Path, internal: bool = True,  # noqa: ANN001
                 progress: Callable[[int, int, str], None] | None = None):
        if last < first:
            raise UserError("结束日期早于开始日期：请检查期间")
        folder = Path(folder)
        if folder.exists() and any(folder.iterdir()):
            raise UserError(f"文件夹“{folder}”里已有文件：请选择一个空文件夹（或新文件夹的名称），以免混入旧材料")
        self.services, self.first, self.last, self.root = services, first, last, folder
        self.internal = internal
        self.progress = progress or (lambda _done, _total, _text: None)
        self.entries: list[DossierEntry] = []

    # ----- writing --------------------------------------------------------------------------
    def _pdf(self, folder: str, name: str, write: Callable[[Path], object]) -> None:
        target = self.root / folder
        target.mkdir(parents=True, exist_ok=True)
        path = target / safe_file_name(name)
        write(path)
        self.entries.append(DossierEntry(folder, path.name, page_count(path)))

    def _copy(self, folder: str, source: Path | None, title: str) -> None:
        if source is None:
            return
        target = self.root / folder
        target.mkdir(parents=True, exist_ok=True)
        path = target / safe_file_name(title)
        shutil.copyfile(source, path)
        self.entries.append(DossierEntry(folder, path.name, None))

    def build(self) -> list[DossierEntry]:
        """Write everything, then the 目录; returns what the 目录 lists."""
        jobs = self._jobs()
        for n, (text, job) in enumerate(jobs):
            self.progress(n, len(jobs) + 1, text)
            job()
        self.progress(len(jobs), len(jobs) + 1, "目录")
        from app.reports.rectification.dossier_index import build_dossier_index

        profile = self.services.profile.for_print()
        build_dossier_index(self.root / INDEX_NAME, village=profile.village_name, first=self.first, last=self.last,
                            entries=self.entries, internal=self.internal, print_date=self.services.clock.today())
        self.progress(len(jobs) + 1, len(jobs) + 1, "完成")
        return self.entries

    def _jobs(self) -> list[tuple[str, Callable[[], None]]]:
        s = self.services
        jobs: list[tuple[str, Callable[[], None]]] = [("花名册", self._roster)]
        meetings = [r for year in range(self.first.year, self.last.year + 1) for r in s.meetings.list_rows(year=year)
                    if self.first <= r.date <= self.last]
        jobs += [(f"会议记录 {r.topic}", lambda r=r: self._meeting(r)) for r in sorted(meetings, key=lambda r: r.date)]
        notices = [r for year in range(self.first.year, self.last.year + 1) for r in s.notices.list_rows(year=year)
                   if r.post_from is not None and self.first <= r.post_from <= self.last]
        jobs += [(f"四议两公开 {m.name}", lambda m=m: self._matter(m)) for m in s.matters.list_rows()
                 if m.reached_on is None or self.first <= m.reached_on]
        jobs += [(f"三公开 {n.title}", lambda n=n: self._notice(n)) for n in notices]
        self._matter_notices: dict[int, list] = {}
        for n in notices:
            matter = s.notices.get(n.id).matter_id
            if matter is not None:
                self._matter_notices.setdefault(matter, []).append(n)
        jobs += [("纪律提醒台账", self._reminders), ("整改台账", self._rectification), ("工作台账汇总", self._summaries)]
        return jobs

    # ----- the parts -------------------------------------------------------------------------
    def _roster(self) -> None:
        from app.services.members.roster_printing import print_roster

        try:
            self._pdf("01 两委成员及党员花名册", "两委成员及党员花名册.pdf",
                      lambda p: print_roster(self.services, p, internal=self.internal))
        except UserError:
            pass  # no one in office: the 目录 shows the folder missing rather than failing the dossier

    def _meeting(self, row) -> None:  # noqa: ANN001
        from app.services.meetings.meeting_printing import meeting_record_pdf, sign_in_pdf

        kind = row.kinds[0] if row.kinds else ""
        folder = "02 会议记录/" + safe_file_name(f"{format_date(row.date)} {kind} {row.topic}")
        self._pdf(folder, "会议记录.pdf", lambda p: meeting_record_pdf(self.services, row.id, p))
        self._pdf(folder, "签到表.pdf", lambda p: sign_in_pdf(self.services, row.id, p))
        for a in self.services.meetings.get(row.id).attachments:
            self._copy(folder, self.services.meetings.attachment_path(a.stored_name), a.title)

    def _matter(self, row) -> None:  # noqa: ANN001
        from app.services.meetings.meeting_printing import matter_book_pdf

        from app.services.notices.notice_printing import notice_pdf

        folder = f"03 四议两公开/{safe_file_name(row.name)}"
        self._pdf(folder, "四议两公开记录本.pdf", lambda p: matter_book_pdf(self.services, row.id, p))
        for notice in self._matter_notices.get(row.id, []):  # its 决议公开 / 结果公开 notices beside it
            self._pdf(folder, f"公告-{notice.title}.pdf",
                      lambda p, i=notice.id: notice_pdf(self.services, i, p, internal=self.internal))

    def _notice(self, row) -> None:  # noqa: ANN001
        from app.services.notices.notice_printing import notice_pdf

        folder = f"04 三公开/{safe_file_name(row.title)}"
        self._pdf(folder, "公告.pdf", lambda p: notice_pdf(self.services, row.id, p, internal=self.internal))
        photo = self.services.notices.get(row.id).photo
        if photo:
            found = self.services.photos.path(photo)
            self._copy(folder, found, f"公开栏照片{found.suffix if found else ''}")

    def _reminders(self) -> None:
        from app.services.reminders.reminder_printing import print_reminder_ledger, print_reminder_letter

        for year in range(self.first.year, self.last.year + 1):
            self._pdf("05 纪律提醒", f"{year}年纪律提醒台账.pdf", lambda p, y=year: print_reminder_ledger(self.services, y, p))
        for o in self.services.reminders.occurrences(self.first, self.last):
            if o.done is not None:  # the letters that went out
                self._pdf("05 纪律提醒/提醒函", f"{format_date(o.due)}-{o.subject}.pdf",
                          lambda p, o=o: print_reminder_letter(self.services, o.reminder_id, o.due, p))

    def _rectification(self) -> None:
        from app.services.rectification.rect_printing import print_rect_ledger, print_rect_report

        rect = self.services.rectification
        sources = [src for src in rect.sources() if src.raised_on <= self.last]
        if not sources:
            return
        self._pdf("06 整改台账", "整改台账.pdf", lambda p: print_rect_ledger(self.services, p))
        for src in sources:
            folder = f"06 整改台账/{safe_file_name(src.title)}"
            self._pdf(folder, "整改情况报告.pdf", lambda p, i=src.id: print_rect_report(self.services, i, p, lists=True))
            for row in rect.items(source_id=src.id):
                for entry in rect.item(row.id).progress:
                    for a in entry.attachments:
                        self._copy(f"{folder}/佐证材料", rect.attachment_path(a.stored_name), f"{row.seq}-{a.title}")

    def _summaries(self) -> None:
        from app.services.reminders.reminder_printing import print_year_summary

        for year in range(self.first.year, min(self.last.year, self.services.clock.today().year) + 1):
            self._pdf("07 工作台账汇总", f"{year}年度工作台账汇总.pdf", lambda p, y=year: print_year_summary(self.services, y, p))
