"""Pure rules of the 纪律提醒 tab: the standard texts, the dialog's defaults and the checks (DOMAIN.md §4)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.services.common.errors import Verdict
from app.services.reminders.recurrence import clamped
from app.services.reminders.reminder_types import (
    EVENT_KINDS,
    FAMILY_EVENT,
    HOLIDAY_REMINDER,
    HOLIDAYS,
    KINDS,
    Recurrence,
    ReminderData,
)

MAX_SUBJECT_CHARS = 200
MAX_DETAIL_CHARS = 5000
MAX_DAYS_BEFORE = 60
MAX_DONE_BY_CHARS = 50
# Dates a reminder may carry: far enough either way for any village's records, and safe to compute with.
MIN_DATE, MAX_DATE = dt.date(1900, 1, 1), dt.date(2099, 12, 31)
DATE_RANGE_TEXT = "日期应在1900年到2099年之间"
NOT_A_DATE_TEXT = "日期看不懂：请写成 2026-11-27 或 2026年11月27日"
GONE_PERSON_TEXT = "所选成员中有人已不存在（可能已被删除）：请重新选择"
# Database row ids are signed 64-bit integers.
_MAX_ID = 2 ** 63 - 1


def _numbered(*points: str) -> str:
    numbers = "一二三四五六七八九十"
    return "\n".join(f"{numbers[i]}、{p}" for i, p in enumerate(points))


# The rules a 廉政提醒函 recalls, per kind; printed when the reminder has no text of its own.
RULE_TEXTS: dict[str, str] = {
    HOLIDAY_REMINDER: _numbered(
        "认真学习贯彻中央八项规定及其实施细则精神，严守廉洁自律各项规定，过一个廉洁、文明、祥和的节日。",
        "严禁违规收送礼品礼金、消费卡和有价证券，严禁借节日之机收受管理服务对象的财物。",
        "严禁公款吃喝、违规宴请，严禁用村集体资金购买、发放节礼。",
        "严禁公车私用，严禁借用管理服务对象的车辆办私事。",
        "严禁违规操办婚丧喜庆事宜、借机敛财；严禁参与赌博。",
        "节日期间安排好值班，遇有突发事件及时报告、妥善处置。",
    ),
    "八项规定提醒": _numbered(
        "严格执行中央八项规定及其实施细则精神，持之以恒纠治“四风”。",
        "不得违规收送礼品礼金，不得违规吃请，不得公款吃喝。",
        "不得公车私用，不得违规使用村集体资金、资产、资源。",
        "村级重大事项严格执行“四议两公开”，村级开支严格执行财务审批制度，按时公开账目。",
        "发现违反规定的问题，及时向镇纪委报告。",
    ),
    FAMILY_EVENT: _numbered(
        "村干部本人及子女婚嫁等喜庆事宜，应在事前30个工作日向镇纪委书面报告，并签订廉洁承诺书。",
        "丧事从简，应在事后10个工作日内向镇纪委书面报告。",
        "报告内容包括：事由、时间、地点、宴请范围和桌数、车辆使用等情况。",
        "严禁大操大办、借机敛财，严禁收受管理服务对象的礼金礼品，严禁使用公车或动用村集体资金。",
        "事后如实报告办理情况，接受组织和群众监督。",
    ),
    "个人有关事项报告": _numbered(
        "按规定时间如实报告个人有关事项，在截止日期前完成。",
        "报告内容包括本人婚姻变化，配偶、子女从业情况，房产、投资等有关事项。",
        "如实、完整报告，不得瞒报、漏报、迟报。",
        "有关情况发生重大变化的，及时补充报告。",
    ),
    "一岗双责责任清单": _numbered(
        "落实“一岗双责”，对分管工作的业务和党风廉政建设同部署、同落实、同检查。",
        "年初签订全面从严治党主体责任清单，明确责任事项和完成时限。",
        "对照清单定期自查，年底报告履责情况，接受考核。",
        "对分管领域的苗头性、倾向性问题早发现、早提醒、早纠正。",
    ),
    "提醒谈话": _numbered(
        "谈话对象应如实说明有关情况，正确对待组织提醒。",
        "对谈话指出的问题认真整改，在规定时间内报告整改情况。",
        "谈话情况记录存档。",
    ),
    "警示教育": _numbered(
        "以身边典型案例为镜鉴，深刻汲取教训，做到知敬畏、存戒惧、守底线。",
        "对照案例自查自纠，查找思想、作风和工作上存在的问题。",
        "按时参加，不得无故缺席；警示教育情况记录存档。",
    ),
    "值班": _numbered(
        "严格落实值班制度，按排班表到岗值班，不得擅自离岗、脱岗。",
        "保持通讯畅通，做好值班记录。",
        "遇有突发事件和重要情况，第一时间报告并妥善处置。",
        "确需调班的，提前报告并安排好替班人员。",
    ),
    "学习": _numbered(
        "按学习计划按时参加集中学习，不得无故缺席。",
        "学习党的理论和路线方针政策、党纪法规和上级有关文件精神。",
        "做好学习记录，结合工作撰写学习心得。",
        "因故缺席的，及时补学。",
    ),
    "其他": _numbered(
        "严格遵守党的纪律和各项规章制度。",
        "按要求按时完成有关事项，并及时报告。",
    ),
}


@dataclass(frozen=True)
class KindDefaults:
    """What the reminder dialog fills in when a kind is chosen."""

    recurrence: Recurrence
    all_cadres: bool = False
    holiday: str = ""
    days_before: int = 0
    month: int | None = None  # yearly: the anchor's month and day
    day: int | None = None  # yearly and monthly: the day of the month
    method: str = "谈话"  # how an occurrence is usually done (the 办理 dialog's first choice)


DEFAULTS: dict[str, KindDefaults] = {
    HOLIDAY_REMINDER: KindDefaults(Recurrence.HOLIDAY, all_cadres=True, holiday="春节", days_before=3),
    "八项规定提醒": KindDefaults(Recurrence.ONCE, all_cadres=True),
    FAMILY_EVENT: KindDefaults(Recurrence.ONCE, method="书面"),
    "个人有关事项报告": KindDefaults(Recurrence.YEARLY, all_cadres=True, month=1, day=31, method="书面"),
    "一岗双责责任清单": KindDefaults(Recurrence.YEARLY, all_cadres=True, month=3, day=31, method="书面"),
    "提醒谈话": KindDefaults(Recurrence.ONCE),
    "警示教育": KindDefaults(Recurrence.QUARTERLY, all_cadres=True, method="会议"),
    "值班": KindDefaults(Recurrence.MONTHLY, all_cadres=True, day=1, method="书面"),
    "学习": KindDefaults(Recurrence.MONTHLY, all_cadres=True, day=10, method="会议"),
    "其他": KindDefaults(Recurrence.ONCE),
}


def suggested_anchor(kind: str, today: dt.date) -> dt.date:
    """The first due date the dialog proposes: the kind's next month/day on or after today."""
    defaults = DEFAULTS.get(kind, DEFAULTS["其他"])
    if defaults.month and defaults.day:
        this_year = clamped(today.year, defaults.month, defaults.day)
        return this_year if this_year >= today else clamped(today.year + 1, defaults.month, defaults.day)
    if defaults.recurrence is Recurrence.MONTHLY and defaults.day:
        this_month = clamped(today.year, today.month, defaults.day)
        if this_month >= today:
            return this_month
        return clamped(today.year + today.month // 12, today.month % 12 + 1, defaults.day)
    return today


def date_problem(value: object, missing: str | None) -> str | None:
    """What is wrong with a date field (None if nothing): empty (``missing``; None when it may be
    empty), not a plain date (a datetime or text is refused), or outside 1900 .. 2099."""
    if value is None:
        return missing
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        return NOT_A_DATE_TEXT
    if not MIN_DATE <= value <= MAX_DATE:
        return DATE_RANGE_TEXT
    return None


def is_plain_date(value: object) -> bool:
    """A dt.date (not a datetime) within 1900 .. 2099."""
    return date_problem(value, "") is None


def check_reminder(data: ReminderData) -> Verdict:
    """Check and normalise ``data`` in place. Every date must be a plain dt.date within 1900 .. 2099.
    Whether the people exist, and the 婚丧喜庆 report date (the anchor), are the service's."""
    verdict = Verdict()
    data.subject, data.detail = (data.subject or "").strip(), (data.detail or "").strip()
    data.all_cadres = bool(data.all_cadres)
    ids = data.person_ids if isinstance(data.person_ids, (list, tuple)) else []
    unknown = any(not isinstance(pid, int) or isinstance(pid, bool) or not 0 < pid <= _MAX_ID for pid in ids)
    data.person_ids = [] if unknown else list(dict.fromkeys(ids))
    if data.kind not in KINDS:
        verdict.problem("kind", "请选择提醒类型：" + "、".join(KINDS))
    if not data.subject:
        verdict.problem("subject", "请填写事由，例如 2027年春节前廉政提醒")
    elif len(data.subject) > MAX_SUBJECT_CHARS:
        verdict.problem("subject", f"事由太长：最多{MAX_SUBJECT_CHARS}个字，现在是{len(data.subject)}个字")
    if len(data.detail) > MAX_DETAIL_CHARS:
        verdict.problem("detail", f"提醒内容太长：最多{MAX_DETAIL_CHARS}个字")
    if unknown:
        verdict.problem("person_ids", GONE_PERSON_TEXT)
    elif not data.person_ids and not data.all_cadres:
        verdict.problem("person_ids", "请选择提醒对象：选一名或几名成员，或勾选“全体两委干部”")
    try:
        data.recurrence = Recurrence(data.recurrence)
    except ValueError:
        verdict.problem("recurrence", "请选择重复方式：一次、每月、每季度、每年或节日前")
        return verdict
    if data.kind == FAMILY_EVENT:
        _check_family_event(data, verdict)
    else:
        data.event_kind, data.event_date = "", None
        problem = date_problem(data.anchor, "请填写到期日期（重复的提醒填第一次到期的日期）")
        if problem:
            verdict.problem("anchor", problem)
    if data.recurrence is Recurrence.HOLIDAY:
        if data.holiday not in HOLIDAYS:
            verdict.problem("holiday", "请选择节日：" + "、".join(HOLIDAYS))
        if not isinstance(data.days_before, int) or isinstance(data.days_before, bool) \
                or not 0 <= data.days_before <= MAX_DAYS_BEFORE:
            verdict.problem("days_before", f"提前天数应为 0 到 {MAX_DAYS_BEFORE} 天")
    else:
        data.holiday, data.days_before = "", 0
    problem = date_problem(data.until, None)
    if problem:
        verdict.problem("until", problem)
    elif data.until is not None and is_plain_date(data.anchor) and data.until < data.anchor:
        verdict.problem("until", "截止日期不能早于第一次到期的日期：请核对")
    return verdict


def _check_family_event(data: ReminderData, verdict: Verdict) -> None:
    data.until = None
    if data.event_kind not in EVENT_KINDS:
        verdict.problem("event_kind", "请选择报告事项：" + "、".join(EVENT_KINDS))
    problem = date_problem(data.event_date, "请填写婚丧喜庆事宜的日期（丧事填办理日期）")
    if problem:
        verdict.problem("event_date", problem)
    if data.recurrence is not Recurrence.ONCE:
        verdict.problem("recurrence", "婚丧喜庆事项报告只提醒一次：重复方式请选“一次”")
    if data.all_cadres or len(data.person_ids) != 1:
        verdict.problem("person_ids", "婚丧喜庆事项报告针对一名干部：请只选择报告人本人")
