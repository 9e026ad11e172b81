"""Pure rules of the 三公开 tab: periods, titles, checks, carry-over and schedule (DOMAIN.md §3)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from app.services.common.dates import format_date_cn
from app.services.common.due_rule import period_state
from app.services.common.errors import UserError, Verdict
from app.services.members.phone import validate_phone
from app.services.notices.notice_types import (
    CATEGORIES,
    DEFAULT_POSTING_DAYS,
    EXPENSE,
    NOTICE_DUE_DAYS,
    INCOME,
    ISSUERS,
    MATTER_SUBTYPES,
    SUBTYPES,
    NoticeData,
    Period,
    ScheduledPeriod,
)

MAX_TITLE_CHARS = 200
MAX_BODY_CHARS = 20000
MAX_AMOUNT_FEN = 10**15 - 1
# Longest text kept per item column (the column sizes of the notice_item table).
ITEM_TEXT_CHARS = {"item": ("项目", 200), "source": ("资金来源", 100), "handler": ("经手人", 50),
                   "note": ("备注", 200)}
TITLE_WORDS = {"财务公开": "财务收支公开", "村务公开": "村务公开", "党务公开": "党务公开"}
PERIOD_KINDS = ("month", "quarter", "year")
FINANCE_CADENCES = ("month", "quarter")


def period_bounds(period: Period) -> tuple[dt.date, dt.date]:
    """First and last day of a period."""
    if period.kind == "month":
        first_month, last_month = period.number, period.number
    elif period.kind == "quarter":
        first_month, last_month = 3 * period.number - 2, 3 * period.number
    else:
        first_month, last_month = 1, 12
    start = dt.date(period.year, first_month, 1)
    after = dt.date(period.year + last_month // 12, last_month % 12 + 1, 1)
    return start, after - dt.timedelta(days=1)


def period_problem(period: Period | None) -> str | None:
    """Why ``period`` is not a valid 所属期, or None."""
    if not isinstance(period, Period) or period.kind not in PERIOD_KINDS:
        return "请选择所属期：月度、季度或年度"
    if not isinstance(period.year, int) or not 2000 <= period.year <= 2100:
        return "所属期的年份不对：请填写四位年份，例如 2026"
    if period.kind == "month" and not 1 <= period.number <= 12:
        return "所属期的月份应为 1 到 12：请核对"
    if period.kind == "quarter" and not 1 <= period.number <= 4:
        return "所属期的季度应为 1 到 4：请核对"
    if period.kind == "year" and period.number != 0:
        return "年度所属期不需要填写月份或季度：请核对"
    return None


def periods_of(year: int, kind: str) -> list[Period]:
    if kind == "month":
        return [Period("month", year, m) for m in range(1, 13)]
    return [Period("quarter", year, q) for q in range(1, 5)]


def months_of(period: Period) -> set[tuple[int, int]]:
    start, end = period_bounds(period)
    return {(period.year, m) for m in range(start.month, end.month + 1)}


def notice_due(period: Period) -> dt.date:
    """The last day a notice for ``period`` is on time; after it a missing one is 缺."""
    return period_bounds(period)[1] + dt.timedelta(days=NOTICE_DUE_DAYS)


Cover = dict[tuple[str, tuple[int, int]], dt.date]


def first_posted(posted: Iterable[tuple[str, Period, dt.date | None]]) -> Cover:
    """(category, (year, month)) -> the earliest day a posted notice covering that month went up;
    an unknown day counts as posted, but late (dt.date.max)."""
    cover: Cover = {}
    for category, period, day in posted:
        if period_problem(period) is None:
            for month in months_of(period):
                key = (category, month)
                cover[key] = min(cover.get(key, dt.date.max), day or dt.date.max)
    return cover


def is_covered(category: str, period: Period, cover: Cover, by: dt.date | None = None) -> bool:
    """Every month of ``period`` covered by posted notices of ``category`` (posted by ``by``, if given)."""
    days = [cover.get((category, month)) for month in months_of(period)]
    return all(day is not None and (by is None or day <= by) for day in days)


def schedule(first_year: int, last_year: int, today: dt.date, begin: dt.date, cadence: dict[str, str],
             cover: Cover) -> list[ScheduledPeriod]:
    """Every period of first_year .. last_year a category is published for (category -> month /
    quarter in ``cadence``), in CATEGORIES order, with its state on ``today`` by due_rule's one
    rule; ``cover`` holds only what was posted by ``today``."""
    found = []
    for category in CATEGORIES:
        for year in range(first_year, last_year + 1):
            for period in periods_of(year, cadence[category]):
                due, end = notice_due(period), period_bounds(period)[1]
                state = period_state(satisfied=is_covered(category, period, cover), due=due, end=end, today=today,
                                     begin=begin)
                found.append(ScheduledPeriod(category, period, due, state, is_covered(category, period, cover, by=due)))
    return found


def missing_line(category: str, period: Period) -> str:
    """“2026年第三季度财务公开未发布”."""
    return f"{period.label}{category}未发布"


def due_line(category: str, period: Period) -> str:
    """“2026年第三季度财务公开应于2026年10月10日前发布”: ended, still on time."""
    return f"{period.label}{category}应于{format_date_cn(notice_due(period))}前发布"


def pick_previous(own_id: int | None, start: dt.date,
                  posted: list[tuple[int, Period, dt.date | None, int | None]]) -> int | None:
    """Of posted 财务公开 rows (id, period, posted date, corrects id), the one whose balance
    carries into a notice starting on ``start``: the latest ending before it, skipping
    superseded ones (those a posted 更正 refers to)."""
    skip = {corrects for *_, corrects in posted if corrects is not None} | {own_id}
    best, best_key = None, None
    for notice_id, period, posted_on, _ in posted:
        end = period_bounds(period)[1]
        key = (end, posted_on or dt.date.min, notice_id)
        if notice_id not in skip and end < start and (best_key is None or key > best_key):
            best, best_key = notice_id, key
    return best


def suggest_title(village: str, category: str, period: Period) -> str:
    """“红旗村2026年第三季度财务收支公开”."""
    return f"{village.strip()}{period.label}{TITLE_WORDS.get(category, category)}"


def default_posting(start: dt.date) -> tuple[dt.date, dt.date]:
    """The usual 公开期: seven days counting the first."""
    return start, start + dt.timedelta(days=DEFAULT_POSTING_DAYS - 1)


def correction_title(title: str) -> str:
    return f"关于《{title}》的更正"


def excerpt(title: str, body: str, limit: int = 200) -> str:
    """What a matter's 公开 step records: the title and the start of the body."""
    text = " ".join(body.split())
    if len(text) > limit:
        text = text[:limit] + "…"
    return f"{title}\n{text}" if text else title


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_notice(data: NoticeData) -> Verdict:
    """Check and normalise ``data`` in place (trimmed text). Links are checked by the service."""
    verdict = Verdict()
    data.title, data.body = (data.title or "").strip(), (data.body or "").strip()
    if data.category not in CATEGORIES:
        verdict.problem("category", "请选择公开类别：" + "、".join(CATEGORIES))
    if data.subtype not in SUBTYPES:
        verdict.problem("subtype", "请选择公告类型：" + "、".join(SUBTYPES))
    if data.issuer not in ISSUERS:
        verdict.problem("issuer", "请选择发布单位：" + "或".join(f"“{x}”" for x in ISSUERS))
    if not data.title:
        verdict.problem("title", "请填写标题，例如 红旗村2026年第三季度财务收支公开")
    elif len(data.title) > MAX_TITLE_CHARS:
        verdict.problem("title", f"标题太长：最多{MAX_TITLE_CHARS}个字，现在是{len(data.title)}个字")
    if len(data.body) > MAX_BODY_CHARS:
        verdict.problem("body", f"正文太长：最多{MAX_BODY_CHARS}个字，请分成几份公告")
    problem = period_problem(data.period)
    if problem:
        verdict.problem("period", problem)
    try:
        data.supervision_phone = validate_phone(data.supervision_phone)
    except UserError as exc:
        verdict.problem("supervision_phone", "监督电话" + exc.message)
    _check_posting(data, verdict)
    if data.subtype in MATTER_SUBTYPES and data.matter_id is None and data.corrects_id is None:
        verdict.problem("matter_id", f"“{data.subtype}”要关联对应的四议两公开事项：请选择事项")
    if data.matter_id is not None and data.subtype not in MATTER_SUBTYPES:
        verdict.problem("matter_id", "只有四议两公开的决议公开或实施结果公开才关联事项：请改公告类型，或去掉所选事项")
    if data.opening_balance_fen is not None:
        if data.category != "财务公开":
            verdict.problem("opening_balance_fen", "只有财务公开才填写上期结余：请清空")
        elif not _is_int(data.opening_balance_fen) or abs(data.opening_balance_fen) > MAX_AMOUNT_FEN:
            verdict.problem("opening_balance_fen", "上期结余无法识别：请写成以元为单位的数字，例如 12345.67")
    if data.items and data.category != "财务公开":
        verdict.problem("items", "只有财务公开才有收支明细表：请清空明细，或把类别改为财务公开")
        return verdict
    _check_items(data, verdict)
    return verdict


def _check_posting(data: NoticeData, verdict: Verdict) -> None:
    start, end = data.post_from, data.post_to
    if not isinstance(start, dt.date):
        verdict.problem("post_from", "请填写公开期的开始日期")
    if not isinstance(end, dt.date):
        verdict.problem("post_to", "请填写公开期的结束日期")
    if not (isinstance(start, dt.date) and isinstance(end, dt.date)):
        return
    if end < start:
        verdict.problem("post_to", f"公开期的结束日期（{format_date_cn(end)}）早于开始日期"
                                   f"（{format_date_cn(start)}）：请核对")
        return
    days = (end - start).days + 1
    if days < DEFAULT_POSTING_DAYS:
        verdict.warnings.append(f"公开期只有 {days} 天，一般不少于 {DEFAULT_POSTING_DAYS} 天")


def _check_items(data: NoticeData, verdict: Verdict) -> None:
    bounds = period_bounds(data.period) if period_problem(data.period) is None else None
    for n, item in enumerate(data.items, start=1):
        key = f"items.{n}."
        for name, (label, limit) in ITEM_TEXT_CHARS.items():
            value = (getattr(item, name) or "").strip()
            setattr(item, name, value)
            if len(value) > limit:
                verdict.problem(key + name, f"第{n}行的{label}太长：最多{limit}个字")
        if not item.item:
            verdict.problem(key + "item", f"第{n}行没有填写项目：请填写，或删去这一行")
        if item.direction not in (INCOME, EXPENSE):
            verdict.problem(key + "direction", f"第{n}行请选择“收入”或“支出”")
        amount = item.amount_fen
        if not _is_int(amount):
            verdict.problem(key + "amount_fen", f"第{n}行的金额无法识别：请写成以元为单位的数字，例如 12345.67")
        elif amount <= 0:
            verdict.problem(key + "amount_fen", f"第{n}行的金额应大于零：退款等请记为相反方向的一笔")
        elif amount > MAX_AMOUNT_FEN:
            verdict.problem(key + "amount_fen", f"第{n}行的金额过大：请核对")
        if item.date is not None and not isinstance(item.date, dt.date):
            verdict.problem(key + "date", f"第{n}行的日期无法识别：请核对")
        elif item.date is not None and bounds and not bounds[0] <= item.date <= bounds[1]:
            verdict.warnings.append(f"第{n}行“{item.item}”的日期（{format_date_cn(item.date)}）"
                                    f"不在所属期{data.period.label}内：请核对")


def checked_day(day: dt.date | None, today: dt.date, what: str, key: str = "day") -> dt.date:
    """A required date that cannot be in the future."""
    if not isinstance(day, dt.date):
        raise UserError(f"请填写{what}日期", key)
    if day > today:
        raise UserError(f"{what}日期不能晚于今天（{format_date_cn(today)}）", key)
    return day
