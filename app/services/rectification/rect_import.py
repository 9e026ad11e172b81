"""The township's sheet of findings into the 整改台账: 问题, 措施, 责任人, 时限 columns in any order
(header anywhere in the first 10 rows), checked row by row and written all or nothing, like the
roster import. File checks, sheet choice and header search are xlsx_common's."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from app.services.common.dates import parse_date
from app.services.common.errors import UserError
from app.services.common.xlsx_common import (
    SheetRow,
    best_header,
    cell_text,
    ignored_headers,
    normalize_header,
    open_grid,
    refuse_excel_serial,
    refuse_multi_row_header,
)
from app.services.rectification.rect_types import DEADLINE, ITEM_KINDS, ONGOING, SOURCE_KINDS, ItemData, SourceData
from app.services.rectification.rectification import RectificationService
from app.services.safety.actor import Permission, require
from db.models import RectSource

HEADER_SEARCH_ROWS = 10
MAX_ITEMS = 1_000
PROBLEM, MEASURES, OWNER, DEADLINE_COL, KIND, LEADER, GOAL = (
    "problem", "measures", "owner", "deadline", "kind", "leader", "goal")
LABELS = {PROBLEM: "问题", MEASURES: "措施", OWNER: "责任人", DEADLINE_COL: "时限", KIND: "整改类型",
          LEADER: "责任领导", GOAL: "整改目标"}
_SYNONYMS = {
    PROBLEM: ("问题", "问题内容", "存在问题", "问题描述", "反馈问题", "问题清单"),
    MEASURES: ("措施", "整改措施", "整改举措", "具体措施"),
    OWNER: ("责任人", "具体责任人", "整改责任人"),
    DEADLINE_COL: ("时限", "整改时限", "完成时限", "完成时间", "整改期限"),
    KIND: ("整改类型", "类型", "整改方式"),
    LEADER: ("责任领导", "牵头领导", "分管领导"),
    GOAL: ("整改目标", "目标"),
}
_HEADER_KEYS = {normalize_header(n): k for k, names in _SYNONYMS.items() for n in names}
REQUIRED = (PROBLEM, MEASURES, OWNER, DEADLINE_COL)
# A measures cell often numbers its measures on lines of their own, or after ；.
_MEASURE_SPLIT = re.compile(r"[\n；;]+")
_NUMBERING = re.compile(r"^\s*(?:\d+|[一二三四五六七八九十]+)[.、．)）]\s*")


@dataclass
class ImportRow(SheetRow):
    data: ItemData | None = None
    problem: str = ""


@dataclass
class RectImportPreview:
    path: Path
    source_title: str
    new_source: bool  # the source is created by the import
    rows: list[ImportRow]
    header_row: int
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        return [m for r in self.rows for m in r.messages]

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.problems


def source_kind(title: str) -> str:
    """The kind a new source gets from its name (巡察 …, 自查 when nothing fits)."""
    for word, kind in (("巡察", "巡察"), ("巡视", "巡察"), ("审计", "审计"), ("督查", "上级督查"), ("届中", "届中分析"),
                       ("生活会", "民主生活会 / 组织生活会"), ("群众", "群众反映")):
        if word in title:
            return kind
    return SOURCE_KINDS[-1]


def _mapping(cells: list[object]) -> dict[int, str]:
    found: dict[int, str] = {}
    for col, cell in enumerate(cells):
        key = _HEADER_KEYS.get(normalize_header(cell)) if isinstance(cell, str) else None
        if key and key not in found.values():
            found[col] = key
    return found


def _is_header(mapping: dict[int, str]) -> bool:
    return set(REQUIRED) <= set(mapping.values())


def _find_header(grid: list[list[object]]) -> tuple[int, dict[int, str]]:
    best = best_header(grid, _mapping, _is_header, HEADER_SEARCH_ROWS)
    if best is not None:
        return best
    for index, cells in enumerate(grid[:HEADER_SEARCH_ROWS]):
        keys = set(_mapping(cells).values())
        if len(keys & set(REQUIRED)) >= 2:
            missing = "、".join(f"“{LABELS[k]}”" for k in REQUIRED if k not in keys)
            raise UserError(f"第 {index + 1} 行像是表头，但缺少{missing}列：请补上这一列（或改正列名）后再导入")
    raise UserError(f"没有找到表头：前 {HEADER_SEARCH_ROWS} 行中应有“问题”“措施”“责任人”“时限”四个列名（顺序不限）")


def split_measures(text: str) -> list[str]:
    return [m for m in (_NUMBERING.sub("", part).strip() for part in _MEASURE_SPLIT.split(text)) if m]


class RectImporter:
    def __init__(self, rect: RectificationService):
        self.rect = rect

    def preview(self, path: Path, source_title: str | None = None, sheet: str | None = None) -> RectImportPreview:
        """Read and check every row; nothing is written."""
        path = Path(path)
        ws, grid = open_grid(path, "问题清单一般不超过 1 MB", sheet, "整改问题清单", "清单", MAX_ITEMS, "个问题",
                             "问题清单")
        header, mapping = _find_header(grid)
        refuse_multi_row_header(ws, header + 1)
        title = " ".join((source_title or path.stem).split())
        existing = next((s for s in self.rect.sources() if s.title == title), None)
        people = {name: pid for pid, name in self.rect.people().items()}
        rows = []
        for index in range(header + 1, len(grid)):
            cells = grid[index]
            raw = {key: cells[col] if col < len(cells) else None for col, key in mapping.items()}
            if not any(cell_text(v) for v in raw.values()):
                continue
            rows.append(self._row(index + 1, raw, existing.id if existing else 0, people))
        return RectImportPreview(path, title, existing is None, rows, header + 1,
                                 ignored_headers(grid[header], mapping))

    def _row(self, excel_row: int, raw: dict[str, object], source_id: int, people: dict[str, int]) -> ImportRow:
        row = ImportRow(excel_row)
        errors = row.errors
        problem = cell_text(raw.get(PROBLEM))
        row.problem = problem
        kind = cell_text(raw.get(KIND)) or DEADLINE
        deadline_value = raw.get(DEADLINE_COL)
        deadline_text = re.sub(r"\s+", "", cell_text(deadline_value))
        deadline = None
        if deadline_text in ITEM_KINDS:  # “长期坚持” written in the 时限 column
            kind = deadline_text
        elif kind != ONGOING:
            try:
                refuse_excel_serial(deadline_value)
                deadline = parse_date(deadline_value if deadline_text else None)
            except UserError as exc:
                errors.append(f"时限：{exc.message}")
        if kind not in ITEM_KINDS:
            errors.append(f"整改类型：“{kind}”不认识，请写 " + "、".join(ITEM_KINDS))
        owners = {}
        for key in (OWNER, LEADER):
            name = re.sub(r"\s+", "", cell_text(raw.get(key)))
            if name and name not in people:
                errors.append(f"{LABELS[key]}：“{name}”不在两委成员和党员名单中：请先在名单中添加，或改为名单里的姓名")
            owners[key] = people.get(name)
        data = ItemData(source_id, problem, kind, split_measures(cell_text(raw.get(MEASURES))), owners[OWNER],
                        deadline, owners[LEADER], cell_text(raw.get(GOAL)))
        verdict = self.rect.check_item(data, set(people.values()))
        fields = {"problem": PROBLEM, "measures": MEASURES, "owner_id": OWNER, "deadline": DEADLINE_COL,
                  "leader_id": LEADER, "kind": KIND}
        said = {e.split("：", 1)[0] for e in errors}
        errors += [f"{LABELS[fields[k]]}：{m}" for k, m in verdict.problems.items()
                   if LABELS[fields.get(k, PROBLEM)] not in said]
        row.data = data
        return row

    def apply(self, preview: RectImportPreview, raised_on: dt.date | None = None) -> tuple[int, int]:
        """Write the source (when new) and every item in one transaction; returns (source id,
        items). Refuses a preview with any problem."""
        require(self.rect.db, Permission.EDIT)
        if not preview.ok:
            raise ValueError("preview has problems; nothing may be written")
        with self.rect.db.write() as s:
            existing = s.scalar(select(RectSource).where(RectSource.title == preview.source_title))
            if existing is None:
                now = self.rect.clock.now()
                data = SourceData(source_kind(preview.source_title), preview.source_title,
                                  raised_on or self.rect.clock.today())
                source = RectSource(kind=data.kind, title=data.title, raised_on=data.raised_on, raised_by="",
                                    doc_no="", created_at=now, updated_at=now)
                s.add(source)
                s.flush()
                source_id = source.id
            else:
                source_id = existing.id
            for row in preview.rows:
                row.data.source_id = source_id
                self.rect.write_item(s, row.data)
        return source_id, len(preview.rows)
