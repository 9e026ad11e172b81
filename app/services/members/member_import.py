"""Roster import (all-or-nothing, with a preview) and export, on top of roster_excel."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.services.members.member_fields import FIELDS_BY_KEY
from app.services.members.member_types import PersonData, PostData, TermInfo
from app.services.members.members import MemberService, RosterSnapshot
from app.services.members.roster_excel import ParsedRow, read_roster
from app.services.members.roster_excel_write import write_roster
from app.services.safety.actor import Permission, require

LABELS = {**{k: f.label for k, f in FIELDS_BY_KEY.items()}, "posts": "职务"}


@dataclass
class PreviewRow:
    excel_row: int
    name: str
    action: str  # 新增 / 更新
    where: str  # “第 4 行（李四）”, the prefix of every message about this row
    posts: list[str]
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    data: PersonData | None = None
    person_id: int | None = None


@dataclass
class ImportPreview:
    path: Path
    rows: list[PreviewRow]
    header_row: int
    ignored_columns: list[str]

    @property
    def problems(self) -> list[str]:
        return [p for r in self.rows for p in r.problems]

    @property
    def rows_with_problems(self) -> int:
        return sum(bool(r.problems) for r in self.rows)

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.problems

    @property
    def added(self) -> int:
        return sum(r.action == "新增" for r in self.rows)

    @property
    def updated(self) -> int:
        return sum(r.action == "更新" for r in self.rows)


class MemberImporter:
    def __init__(self, members: MemberService):
        self.members = members

    def preview(self, path: Path) -> ImportPreview:
        """Read and check every row; nothing is written."""
        sheet = read_roster(path)
        rows: list[PreviewRow] = []
        seen_ids: dict[str, int] = {}
        snapshot = self.members.snapshot()
        term = self.members.current_term()
        for parsed in sheet.rows:
            row = self._check_row(parsed, snapshot, term)
            number = row.data.values.get("id_number") if row.data else None
            if number and not row.problems:
                if number in seen_ids:
                    row.problems.append(
                        f"{parsed.where}：身份证号与第 {seen_ids[number]} 行重复：同一人只能出现一次"
                    )
                seen_ids.setdefault(number, parsed.excel_row)
            rows.append(row)
        return ImportPreview(Path(path), rows, sheet.header_row, sheet.ignored_columns)

    def _check_row(self, parsed: ParsedRow, snapshot: RosterSnapshot, term: TermInfo | None) -> PreviewRow:
        name = str(parsed.values.get("name") or "")
        row = PreviewRow(parsed.excel_row, name, "新增", parsed.where, list(parsed.posts))
        number = str(parsed.values.get("id_number") or "").strip().upper()
        holder = snapshot.id_holders.get(number) if number else None
        person_id = holder[0] if holder else None
        if person_id is not None:
            row.action, row.person_id = "更新", person_id
            data = self.members.get(person_id)
            data.values.update(parsed.values)  # only the columns the file has
        else:
            data = PersonData(values=dict(parsed.values))
        held = {p.title for p in data.posts if p.end_date is None}
        for title in parsed.posts:
            if title not in held:
                data.posts.append(PostData(title, parsed.post_start, None, term.id if term else None))
        if parsed.duties:
            data.duties, data.term_id = parsed.duties, data.term_id or (term.id if term else None)
        verdict = self.members.check(data, person_id, snapshot)
        # Parse problems first; then rule problems for fields that did parse, so a clerk
        # sees everything wrong with a row at once.
        unreadable = {k for k, f in LABELS.items() if any(e.startswith(f + "：") for e in parsed.errors)}
        row.problems = list(parsed.messages) + [
            f"{parsed.where}：{LABELS.get(k, k)}：{m}"
            for k, m in verdict.problems.items()
            if k not in unreadable
        ]
        row.warnings = [f"{parsed.where}：{w}" for w in verdict.warnings]
        row.data = data
        return row

    def apply(self, preview: ImportPreview) -> tuple[int, int]:
        """Write every row in one transaction. Refuses a preview that has any problem."""
        require(self.members.db, Permission.EDIT)
        if not preview.ok:
            raise ValueError("preview has problems; nothing may be written")
        with self.members.db.write() as s:
            for row in preview.rows:
                assert row.data is not None
                self._write_row(s, row)
        return preview.added, preview.updated

    def _write_row(self, s, row: PreviewRow) -> None:  # noqa: ANN001 - Session
        """One checked row into the open transaction; no flush: nothing here needs the new ids."""
        self.members.write_person(s, row.data, row.person_id, flush=False)

    def export(self, path: Path, title: str) -> int:
        rows = []
        for row in sorted(self.members.list_rows(), key=lambda r: r.sort_name):
            rows.append(
                {
                    **row.values,
                    "posts": list(row.current_posts),
                    "duties": row.duties,
                    "post_start": row.in_office_since,
                }
            )
        write_roster(path, rows, title)
        return len(rows)
