"""Print jobs of the 三公开 tab: one notice, or every notice of a period for posting day."""

from __future__ import annotations

from pathlib import Path

from app.services.common.errors import UserError
from app.services.notices.notice_types import Period


def _parts(services, notice_id: int, names: dict[int, str]):  # noqa: ANN001, ANN202
    notices = services.notices
    notice = notices.get(notice_id)
    totals = notices.totals(notice_id) if notice.category == "财务公开" else None
    original = None
    if notice.corrects_id:
        from app.reports.notices.notice_parts import correction_text

        old = notices.get(notice.corrects_id)
        original = correction_text(old.title, old.post_from, old.post_to)
    return notice, totals, names.get(notice.reviewer_id, ""), original


def _village(services):  # noqa: ANN001, ANN202
    """The village's name and its issuing bodies as the profile names them."""
    from app.reports.notices.notice import Issuers

    profile = services.profile.for_print()
    return profile.village_name, Issuers(profile.party_org, profile.committee)


def notice_pdf(services, notice_id: int, path: Path, *, internal: bool = False, a3: bool = False) -> int:  # noqa: ANN001
    from app.reports.notices.notice import build_notice

    village, issuers = _village(services)
    notice, totals, reviewer, original = _parts(services, notice_id, services.members.names())
    return build_notice(path, village=village, notice=notice, totals=totals, reviewer=reviewer,
                        print_date=services.clock.today(), internal=internal, a3=a3, correction_of=original,
                        issuers=issuers, review=services.notice_review.body_for(notice.category))


def period_ids(services, period: Period) -> list[int]:  # noqa: ANN001
    rows = services.notices.list_rows(year=period.year)
    return [r.id for r in rows if r.period == period]


def period_pdf(services, period: Period, path: Path, *, internal: bool = False, a3: bool = False) -> int:  # noqa: ANN001
    from app.reports.notices.notice import build_notices

    ids = period_ids(services, period)
    if not ids:
        raise UserError(f"{period.label}还没有公告：请先新建公告")
    names = services.members.names()  # once for the whole batch
    notices = [_parts(services, notice_id, names) for notice_id in sorted(ids)]
    village, issuers = _village(services)
    return build_notices(path, village=village, notices=notices, print_date=services.clock.today(),
                         internal=internal, a3=a3, issuers=issuers, reviews=services.notice_review.all())


def parse_period(text: str) -> Period:
    """“2026Q3”, “2026-07” or “2026” as typed on the command line."""
    import re

    text = text.strip().upper()
    if match := re.fullmatch(r"(\d{4})Q([1-4])", text):
        return Period("quarter", int(match[1]), int(match[2]))
    if match := re.fullmatch(r"(\d{4})-(\d{1,2})", text):
        month = int(match[2])
        if 1 <= month <= 12:
            return Period("month", int(match[1]), month)
    if re.fullmatch(r"\d{4}", text):
        return Period("year", int(text), 0)
    raise UserError(f"所属期“{text}”看不懂：请写成 2026Q3（季度）、2026-07（月）或 2026（年）")
