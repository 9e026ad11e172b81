"""The person fields shared by the form, the Excel import/export and the printed roster."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: str = "text"  # text | date | choice
    synonyms: tuple[str, ...] = ()


PERSON_FIELDS: tuple[Field, ...] = (
    Field("name", "姓名", synonyms=("姓 名", "名字")),
    Field("gender", "性别", "choice"),
    Field("ethnicity", "民族"),
    Field("birth_date", "出生日期", "date", ("出生年月", "出生年月日", "出生时间")),
    Field("native_place", "籍贯"),
    Field("id_number", "身份证号", synonyms=("身份证号码", "公民身份号码", "身份证", "证件号码")),
    Field("phone", "联系电话", synonyms=("手机号", "手机号码", "电话", "手机", "联系方式", "电话号码")),
    Field("address", "家庭住址", synonyms=("住址", "地址", "现住址")),
    Field("political_status", "政治面貌", "choice"),
    Field("party_join_date", "入党日期", "date", ("入党时间", "入党年月")),
    Field("full_member_date", "转正日期", "date", ("转正时间", "转正年月")),
    Field("education", "学历", synonyms=("文化程度", "全日制学历", "全日制教育", "最高学历")),
    Field("education_inservice", "在职学历", synonyms=("在职教育",)),
    Field("party_group", "党小组", synonyms=("所在党小组",)),
    Field("note", "备注", synonyms=("说明",)),
)

# Columns that belong to posts rather than to the person.
POSTS_COLUMN = Field("posts", "职务", synonyms=("现任职务", "担任职务", "职 务"))
DUTIES_COLUMN = Field("duties", "分工", synonyms=("分管工作", "工作分工", "分管"))
POST_START_COLUMN = Field(
    "post_start", "任职时间", "date", ("任职日期", "任职起始", "任职开始时间", "任现职时间", "任职年月")
)

FIELDS_BY_KEY = {f.key: f for f in PERSON_FIELDS}

GENDERS = ("男", "女")
POLITICAL_STATUSES = ("中共党员", "中共预备党员", "共青团员", "民主党派", "无党派人士", "群众")
POLITICAL_SYNONYMS = {
    "党员": "中共党员",
    "正式党员": "中共党员",
    "预备党员": "中共预备党员",
    "团员": "共青团员",
    "无党派": "无党派人士",
    "共产党员": "中共党员",
    "中国共产党党员": "中共党员",
    "中共正式党员": "中共党员",
    "中国共产党预备党员": "中共预备党员",
    "中国共产主义青年团团员": "共青团员",
}
PARTY_STATUSES = ("中共党员", "中共预备党员")
EDUCATIONS = ("研究生", "大学本科", "大学专科", "中专", "高中", "初中", "小学", "其他")
