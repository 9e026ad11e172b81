"""`import members FILE.xlsx --body 村民代表`: the roster import (same file checks, all-or-nothing
preview, row errors) where every row is a 村民代表, with two more columns read: 村民小组 and
联系户数."""

from __future__ import annotations

from pathlib import Path

from app.services.bodies.representatives import MAX_CONTACT_HOUSEHOLDS, RepresentativeService
from app.services.bodies.villager_groups import GroupService
from app.services.common.xlsx_common import cell_text, normalize_header, open_grid
from app.services.members.member_import import ImportPreview, MemberImporter, PreviewRow
from app.services.members.members import RosterSnapshot
from app.services.members.member_types import TermInfo
from app.services.members.posts import REPRESENTATIVE
from app.services.members.roster_excel import MAX_PEOPLE, ParsedRow

GROUP_HEADERS = {normalize_header(h) for h in ("村民小组", "所在村民小组", "所在小组", "小组", "组别")}
CONTACT_HEADERS = {normalize_header(h) for h in ("联系户数", "联系农户数", "联系户")}


class RepresentativeImporter(MemberImporter):
    def __init__(self, reps: RepresentativeService, groups: GroupService):
        super().__init__(reps.members)
        self.reps = reps
        self.group_ids = {row.name: row.id for row in groups.list_rows()}
        self.details: dict[int, tuple[int | None, int | None]] = {}  # excel row -> (group, 联系户数)

    def preview(self, path: Path) -> ImportPreview:
        preview = super().preview(path)
        _ws, grid = open_grid(Path(path), "花名册文件一般不超过 1 MB", None, "人员名单", "名单", MAX_PEOPLE, "人",
                              "花名册")
        header = grid[preview.header_row - 1]
        group_col = next((i for i, c in enumerate(header) if normalize_header(c) in GROUP_HEADERS), None)
        contact_col = next((i for i, c in enumerate(header) if normalize_header(c) in CONTACT_HEADERS), None)
        preview.ignored_columns = [c for c in preview.ignored_columns
                                   if normalize_header(c) not in GROUP_HEADERS | CONTACT_HEADERS]
        for row in preview.rows:
            cells = grid[row.excel_row - 1]
            self._read_detail(row, cells, group_col, contact_col)
        return preview

    def _check_row(self, parsed: ParsedRow, snapshot: RosterSnapshot, term: TermInfo | None) -> PreviewRow:
        if REPRESENTATIVE not in parsed.posts:
            parsed.posts.append(REPRESENTATIVE)
        return super()._check_row(parsed, snapshot, term)

    def _read_detail(self, row: PreviewRow, cells: list, group_col: int | None, contact_col: int | None) -> None:
        group_text = cell_text(cells[group_col]) if group_col is not None and group_col < len(cells) else ""
        contact_text = cell_text(cells[contact_col]) if contact_col is not None and contact_col < len(cells) else ""
        group_id = None
        if group_text:
            group_id = self.group_ids.get(group_text)
            if group_id is None:
                row.problems.append(f"{row.where}：村民小组“{group_text}”还没有登记：请先在 村民小组 中添加，"
                                    "或改成已有的小组名称")
        contact = None
        if contact_text:
            number = contact_text.removesuffix("户").strip()
            if number.endswith(".0"):
                number = number[:-2]
            if not number.isdigit() or int(number) > MAX_CONTACT_HOUSEHOLDS:
                row.problems.append(f"{row.where}：联系户数“{contact_text}”应是一个整数，例如 12")
            else:
                contact = int(number)
        self.details[row.excel_row] = (group_id, contact)

    def _write_row(self, s, row: PreviewRow) -> None:  # noqa: ANN001 - Session
        """The person and post, then their 村民小组 and 联系户数 (which need the person's id)."""
        pid = self.members.write_person(s, row.data, row.person_id)
        group_id, contact = self.details.get(row.excel_row, (None, None))
        self.reps.write_detail(s, pid, group_id, contact)
