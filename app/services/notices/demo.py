"""A year of the sample village's notices: all three kinds, one 更正, and one missing quarter."""

from __future__ import annotations

import datetime as dt

from app.clock import Clock
from app.services.notices.notice_types import EXPENSE, INCOME, ItemData, NoticeData, Period
from app.services.notices.notices import NoticeService
from db.session import Database

FINANCE_ITEMS = [
    ("上级转移支付（村级运转经费）", INCOME, 4_500_000, "县财政", "王淑芬"),
    ("村集体鱼塘承包费", INCOME, 1_200_000, "承包户 周建华", "张堃"),
    ("村干部误工补贴", EXPENSE, 1_860_000, "村级运转经费", "王淑芬"),
    ("村部水电费", EXPENSE, 123_456, "村级运转经费", "刘玥"),
    ("人居环境整治保洁员工资", EXPENSE, 960_000, "上级补助", "张堃"),
]


def _quarter_end(year: int, quarter: int) -> dt.date:
    month = quarter * 3
    next_first = dt.date(year + (month == 12), month % 12 + 1, 1)
    return next_first - dt.timedelta(days=1)


def fill_demo_notices(db: Database, clock: Clock, village: str, reviewer_id: int | None, phone: str,
                      count: int = 4) -> int:
    """Quarterly notices for the last ``count`` ended quarters, except 村务 in the latest one."""
    notices = NoticeService(db, clock)
    today = clock.today()
    quarters = []
    year, quarter = today.year, (today.month - 1) // 3 + 1
    for _ in range(count):
        quarter -= 1
        if quarter == 0:
            year, quarter = year - 1, 4
        quarters.append((year, quarter))
    made = 0
    for n, (year, quarter) in enumerate(reversed(quarters)):
        period = Period("quarter", year, quarter)
        posted_on = min(_quarter_end(year, quarter) + dt.timedelta(days=8), today)
        first_month = quarter * 3 - 2
        kinds = [("财务公开", "其他", "本季度村集体财务收支情况如下，如有疑问请在公开期内向村务监督委员会反映。"),
                 ("党务公开", "党费收缴使用公示", "本季度应缴党费党员 33 名，实缴 33 名，党费已全额上缴镇党委。"),
                 ("村务公开", "惠民补贴", "本季度发放高龄补贴 12 人、困难群众临时救助 3 户，名单已核实。")]
        if n == len(quarters) - 1:
            kinds = kinds[:2]  # the latest 村务公开 was not posted: the schedule lists it
        for category, subtype, body in kinds:
            items = []
            if category == "财务公开":
                items = [ItemData(name, direction, amount, dt.date(year, first_month + i % 3, 10 + i), source, handler)
                         for i, (name, direction, amount, source, handler) in enumerate(FINANCE_ITEMS)]
            data = NoticeData(category=category, title=notices.suggest_title(village, category, period), period=period,
                              subtype=subtype, body=body, supervision_phone=phone, items=items,
                              issuer="党支部" if category == "党务公开" else "村委会",
                              opening_balance_fen=8_000_000 if (category == "财务公开" and n == 0) else None)
            data.post_from, data.post_to = notices.default_posting(posted_on)
            notice_id = notices.save(data, confirmed=True)
            notices.submit(notice_id)
            signer = _reviewer(notices, category, posted_on, reviewer_id)
            if signer is not None:
                notices.review(notice_id, signer, "内容真实，程序合规，同意公开。", posted_on, True)
                notices.post(notice_id, posted_on)
            made += 1
            if category == "财务公开" and n == count - 3 and reviewer_id is not None:  # a recent one corrected
                made += _correction(notices, notice_id, reviewer_id, posted_on + dt.timedelta(days=3), today)
    return made


def _reviewer(notices: NoticeService, category: str, day: dt.date, supervision_id: int | None) -> int | None:
    """The 监委会 member given, or the first member of the body that reviews ``category``."""
    if supervision_id is None:
        return None
    choices = [person_id for person_id, _ in notices.reviewers(day, category)]
    return supervision_id if supervision_id in choices else next(iter(choices), None)


def _correction(notices: NoticeService, original: int, reviewer_id: int, day: dt.date, today: dt.date) -> int:
    """The 水电费 line was mistyped: a 更正 notice fixes it."""
    day = min(day, today)
    new_id = notices.correct(original)
    data = notices.get(new_id)
    for item in data.items:
        if item.item == "村部水电费":
            item.amount_fen = 132_456
    data.body = "原公告中“村部水电费”金额有误，应为 1,324.56 元，特此更正。"
    data.post_from, data.post_to = notices.default_posting(day)
    notices.save(data, new_id, confirmed=True)
    notices.submit(new_id)
    notices.review(new_id, reviewer_id, "已核对原始凭证，同意更正。", day, True)
    notices.post(new_id, day)
    return 1
