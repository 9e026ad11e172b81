"""How the 操作日志 names what changed: each audited column of each table in Chinese, money in 元,
stored codes (once, month, party …) in words, and which columns point at another record (shown
by that record's name, not its number)."""

from __future__ import annotations

from app.services.members.member_fields import FIELDS_BY_KEY
from app.services.members.posts import BODY_LABELS
from app.services.rectification.rect_types import LINK_KINDS
from app.services.reminders.reminder_types import RECURRENCE_LABELS
from app.services.team_rules.team_types import PROOF_LABELS

_PERSON = {k: f.label for k, f in FIELDS_BY_KEY.items()}
_TEXT = {"note": "备注", "place": "地点", "date": "日期"}

# table -> column -> label; every column the audit writer keeps (db/audit.py) has one here.
COLUMN_LABELS: dict[str, dict[str, str]] = {
    "village_profile": {"village_name": "村名", "township": "所属乡镇", "party_org_name": "党组织名称",
                        "committee_name": "村委会名称", "supervision_phone": "监督电话",
                        "area_code": "统计用区划代码"},
    "term": {"name": "届次名称", "start_date": "开始日期", "end_date": "结束日期"},
    "person": {**_PERSON, "photo": "照片"},
    "post": {"person_id": "人员", "body": "所属班子", "title": "职务", "term_id": "届次",
             "start_date": "任职开始日期", "end_date": "任职结束日期", "end_reason": "离任原因"},
    "term_duty": {"person_id": "人员", "term_id": "届次", "duties": "分工", "commitment": "履职承诺"},
    "app_meta": {"key": "设置项", "value": "设置值"},
    "user_account": {"name": "用户名", "role": "角色", "password_hash": "密码", "recovery_hash": "恢复码",
                     "active": "启用"},
    "meeting": {"topic": "会议主题", "date": "会议日期", "start_time": "开始时间", "end_time": "结束时间",
                "place": "地点", "host_id": "主持人", "recorder_id": "记录人", "party_group": "党小组",
                "agenda": "议程", "minutes": "会议内容", "resolution": "决议", "votes_for": "赞成票",
                "votes_against": "反对票", "votes_abstain": "弃权票", "observers": "列席人员", "note": "备注"},
    "meeting_kind": {"meeting_id": "会议", "kind": "会议类型"},
    "attendance": {"meeting_id": "会议", "person_id": "人员", "status": "出席情况", "reason": "请假原因",
                   "voting": "有表决权"},
    "meeting_attachment": {"meeting_id": "会议", "title": "附件名称", "stored_name": "存储文件",
                           "size": "文件大小（字节）"},
    "matter": {"name": "事项名称", "category": "事项类别", "source": "事项来源", "description": "事项说明",
               "amount_fen": "涉及金额"},
    "matter_step": {"matter_id": "事项", "step": "步骤", "date": "日期", "meeting_id": "会议",
                    "outcome": "结果", "place": "公开地点", "posted_text": "公开内容", "note": "备注"},
    "notice": {"category": "类别", "subtype": "公开事项", "title": "标题", "period_kind": "所属期类型",
               "period_year": "所属期年份", "period_no": "所属期（月或季度）", "post_from": "公开开始日期",
               "post_to": "公开结束日期", "body": "正文", "public_numbers": "公开号码",
               "supervision_phone": "监督电话", "issuer": "发布单位", "status": "状态",
               "reviewer_id": "审核人", "review_opinion": "审核意见", "review_date": "审核日期",
               "posted_date": "公开日期", "photo": "公开栏照片", "opening_balance_fen": "上期结余",
               "corrects_id": "更正的公告", "matter_id": "关联四议两公开事项", "matter_step": "关联步骤"},
    "notice_item": {"notice_id": "公告", "seq": "序号", "date": "日期", "item": "项目", "direction": "收支",
                    "amount_fen": "金额", "source": "资金来源", "handler": "经手人", "note": "备注"},
    "villager_question": {"notice_id": "公告", "asked_on": "提出日期", "asker": "提出人", "question": "意见内容",
                          "answer": "答复", "answered_on": "答复日期"},
    "reminder": {"kind": "提醒类型", "subject": "事由", "detail": "具体内容", "all_cadres": "全体两委干部",
                 "recurrence": "重复", "anchor": "到期日", "holiday": "节日", "days_before": "提前天数",
                 "until": "截止日期", "event_kind": "事项类型", "event_date": "事项日期"},
    "reminder_target": {"reminder_id": "提醒", "person_id": "提醒对象"},
    "reminder_occurrence": {"reminder_id": "提醒", "due_date": "应办日期", "done_on": "办理日期",
                            "method": "办理方式", "note": "办理情况", "done_by": "办理人"},
    "derived_disposition": {"key": "事项代码", "title": "事项", "area": "方面", "status": "标记",
                            "reason": "理由", "decided_on": "标记日期", "decided_by": "标记人"},
    "villager_group": {"name": "村民小组", "leader_id": "组长", "households": "户数", "adults": "18岁以上人数",
                       "position": "排列顺序"},
    "representative_detail": {"person_id": "村民代表", "group_id": "所在村民小组", "contact_households": "联系户数"},
    "party_group": {"name": "党小组", "leader_id": "党小组组长"},
    "village_body": {"body": "组织", "kept": "本村设有"},
    "villager_meeting_count": {"meeting_id": "会议", "group_id": "村民小组", "adults_total": "应到18岁以上村民",
                               "adults_present": "到会18岁以上村民", "households_total": "应到户数",
                               "households_present": "到会户代表"},
    "rect_source": {"kind": "问题来源", "title": "名称", "raised_on": "日期", "raised_by": "提出单位",
                    "doc_no": "文号"},
    "rect_item": {"source_id": "问题来源", "seq": "序号", "problem": "问题内容", "kind": "整改类型",
                  "goal": "整改目标", "leader_id": "责任领导", "owner_id": "责任人", "deadline": "整改时限",
                  "closed_on": "销号日期", "accepted_by": "验收人", "acceptance": "验收意见"},
    "rect_measure": {"item_id": "整改问题", "seq": "序号", "text": "整改措施"},
    "rect_progress": {"item_id": "整改问题", "date": "日期", "text": "整改进展"},
    "rect_attachment": {"progress_id": "整改进展", "title": "佐证材料名称", "stored_name": "存储文件",
                        "size": "文件大小（字节）"},
    "rect_link": {"progress_id": "整改进展", "kind": "关联记录类型", "ref_id": "关联记录编号",
                  "ref_date": "关联日期", "label": "关联记录"},
    "rect_reopening": {"item_id": "整改问题", "date": "重新打开日期", "reason": "重新打开理由",
                       "decided_by": "操作人", "closed_on": "原销号日期", "accepted_by": "原验收人"},
    "team_plan": {"year": "年度", "adopted_meeting_id": "通过计划的会议", "note": "备注"},
    "team_plan_item": {"plan_id": "年度党建计划", "seq": "序号", "span_kind": "时间类型", "span_no": "时间（月或季度）",
                       "content": "工作内容", "owner_id": "责任人", "standard": "完成标准", "proof_kind": "完成依据类型",
                       "proof_ref": "完成依据", "done_on": "完成日期", "done_note": "完成情况"},
    "team_plan_change": {"plan_id": "年度党建计划", "changed_on": "调整日期", "what": "调整内容", "reason": "调整原因"},
    "team_duty_item": {"year": "年度", "person_id": "责任人", "task": "责任任务", "deadline": "时限",
                       "done_on": "完成日期", "note": "备注"},
    "team_pledge": {"year": "年度", "person_id": "签订人", "signed_on": "签订日期", "scan_title": "扫描件名称",
                    "scan_stored": "扫描件存储文件", "report_meeting_id": "述责述廉会议", "report_text": "述责述廉内容",
                    "assessment": "考核结果", "assessment_note": "考核说明"},
    "team_study_session": {"meeting_id": "集中学习会议", "hours_tenths": "学时", "materials": "学习篇目"},
    "team_self_study": {"person_id": "学习人", "date": "日期", "content": "学习内容", "hours_tenths": "学时"},
    "team_rota_slot": {"day": "值班日期", "role": "值班角色", "person_id": "值班人"},
    "team_rota_swap": {"day": "值班日期", "role": "值班角色", "from_person_id": "原值班人", "to_person_id": "换班人",
                       "reason": "换班原因", "logged_on": "登记日期"},
    "team_duty_log": {"day": "值班日期", "person_id": "值班人", "calls": "来电", "visits": "来访", "events": "事件",
                      "handling": "处理情况", "handover": "交接"},
}
# Event entries (恢复 …) carry their own Chinese keys.
EVENT_TABLE = "database"

MONEY_COLUMNS = frozenset({"amount_fen", "opening_balance_fen"})

# column -> the table whose record it names (shown by that record's name)
REFERENCES = {"person_id": "person", "host_id": "person", "recorder_id": "person", "reviewer_id": "person",
              "meeting_id": "meeting", "matter_id": "matter", "notice_id": "notice", "corrects_id": "notice",
              "term_id": "term", "reminder_id": "reminder", "leader_id": "person", "group_id": "villager_group",
              "owner_id": "person", "from_person_id": "person", "to_person_id": "person",
              "adopted_meeting_id": "meeting", "report_meeting_id": "meeting"}

# (table, column) -> stored value -> words
CODES: dict[tuple[str, str], dict[str, str]] = {
    ("reminder", "recurrence"): {r.value: label for r, label in RECURRENCE_LABELS.items()},
    ("notice", "period_kind"): {"month": "月度", "quarter": "季度", "year": "年度"},
    ("post", "body"): {b.value: label for b, label in BODY_LABELS.items()},
    ("village_body", "body"): {b.value: label for b, label in BODY_LABELS.items()},
    ("team_plan_item", "span_kind"): {"month": "月度", "quarter": "季度", "year": "全年"},
    ("team_plan_item", "proof_kind"): PROOF_LABELS,
    ("rect_link", "kind"): LINK_KINDS,
}


def column_label(table: str, column: str) -> str:
    """The Chinese label of ``column``; an unknown one (a newer database) shows as it is."""
    return COLUMN_LABELS.get(table, {}).get(column, column)
