"""The roster's Excel columns: order, widths and names, shared by reading and writing."""

from __future__ import annotations

from app.services.members.member_fields import DUTIES_COLUMN, PERSON_FIELDS, POST_START_COLUMN, POSTS_COLUMN, Field

SHEET_TITLE = "两委成员"
HELP_SHEET_TITLE = "填写说明"
HEADER_SEARCH_ROWS = 10
TEMPLATE_ROWS = 200
SEQ_KEY = "_seq"  # the 序号 column: known, but its content is ignored

ID_AS_NUMBER = "身份证号被 Excel 存成了数字，后几位已丢失：请把该列设为“文本”格式后重新填写"

# The export holds ID numbers and phones: its title row and every printed page say so.
INTERNAL_MARK = "内部资料"

# Column order of the exported roster and of the template.
EXPORT_KEYS = (
    SEQ_KEY, "name", "gender", "ethnicity", "birth_date", "id_number", "phone", "political_status",
    "party_join_date", "full_member_date", "education", "education_inservice", "posts", "duties",
    "post_start", "party_group", "native_place", "address", "note",
)
TEXT_KEYS = ("id_number", "phone")
COLUMN_WIDTHS = {
    SEQ_KEY: 6, "name": 10, "gender": 6, "ethnicity": 8, "id_number": 22, "phone": 14,
    "political_status": 14, "posts": 24, "duties": 22, "party_group": 12, "native_place": 12,
    "address": 30, "note": 24,
}
DEFAULT_WIDTH = 12

ALL_COLUMNS: tuple[Field, ...] = (
    Field(SEQ_KEY, "序号"), *PERSON_FIELDS, POSTS_COLUMN, DUTIES_COLUMN, POST_START_COLUMN,
)
COLUMNS_BY_KEY = {f.key: f for f in ALL_COLUMNS}
DATE_KEYS = frozenset(f.key for f in ALL_COLUMNS if f.kind == "date")
