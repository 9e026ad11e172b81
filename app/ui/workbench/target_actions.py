"""Open the record that settles a 工作台 item, with the same dialog its own tab uses.

Each opener returns True when the dialog saved something; the caller refreshes either way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.services.common.errors import UserError
from app.services.notices.notice_types import DRAFT, PENDING, REVIEWED
from app.services.safety.actor import Permission
from app.services.workbench.workbench_types import Target
from app.ui.common import dialogs

# Targets whose dialog can be opened read-only by the 查阅 role (the member dialog switches to
# read-only, the 办理 dialog disables its buttons); the others would offer saving, so viewers
# cannot open them from the lists.
READ_ONLY_KINDS = frozenset({"member", "reminder"})


def can_open(target: Target, can_edit: bool) -> bool:
    """Whether 去办理 may open ``target`` for a user who may (not) edit."""
    return can_edit or target.kind in READ_ONLY_KINDS


def open_target(services, target: Target, parent: QWidget | None) -> bool:  # noqa: ANN001
    opener = OPENERS.get(target.kind)
    if opener is None:
        dialogs.show_error(parent, "无法打开", f"不认识的事项类型：{target.kind}")
        return False
    try:
        return bool(opener(services, parent, *target.args))
    except UserError as exc:  # e.g. the record was deleted meanwhile
        dialogs.show_error(parent, "无法打开", exc.message)
        return False


def _reminder(services, parent, reminder_id: int, due: str) -> bool:  # noqa: ANN001
    from app.ui.reminders.done_dialog import DoneDialog

    return DoneDialog(services, int(reminder_id), dt.date.fromisoformat(str(due)), parent).exec()


def _new_meeting(services, parent, kind: str, day: str) -> bool:  # noqa: ANN001
    from app.ui.meetings.meeting_dialog import MeetingDialog

    return MeetingDialog(services, None, parent, preset_kind=kind,
                         preset_date=dt.date.fromisoformat(str(day))).exec()


def _matter(services, parent, matter_id: int) -> bool:  # noqa: ANN001
    from app.ui.meetings.matter_dialog import MatterDialog

    return MatterDialog(services, int(matter_id), parent).exec()


def _notice(services, parent, notice_id: int) -> bool:  # noqa: ANN001
    """The next step of the notice's workflow: finish and submit the draft, review it, or post it."""
    from app.ui.notices.notice_dialog import NoticeDialog
    from app.ui.notices.notice_workflow import PostDialog, ReviewDialog

    notice_id = int(notice_id)
    notice = services.notices.get(notice_id)
    if notice.status == PENDING:
        return ReviewDialog(services, notice_id, parent).exec()
    if notice.status == REVIEWED:
        return PostDialog(services, notice_id, parent).exec()
    if notice.status != DRAFT:
        dialogs.show_info(parent, "已经公开", f"“{notice.title}”已经公开，不需要再办理。")
        return False
    if not NoticeDialog(services, notice_id, parent).exec():
        return False
    return _offer_submit(services, parent, notice_id, notice.title)


# Notices of a period not yet posted, most advanced first: the one 去办理 carries on with.
_UNPOSTED_RANK = {REVIEWED: 0, PENDING: 1, DRAFT: 2}


def _unposted_notice(services, category: str, period_kind: str, year: int, number: int) -> int | None:  # noqa: ANN001
    """The notice already started for this category and period (已审核 before 待审核 before
    草稿, the newest of each), or None when there is none."""
    rows = [r for r in services.notices.list_rows(year=int(year), category=category)
            if r.status in _UNPOSTED_RANK and r.period.kind == period_kind and r.period.number == int(number)]
    if not rows:
        return None
    return min(rows, key=lambda r: (_UNPOSTED_RANK[r.status], -r.id)).id


def _new_notice(services, parent, category: str, period_kind: str, year: int, number: int) -> bool:  # noqa: ANN001
    """A period without a posted notice: carry on with the notice already started for it (so
    a second click makes no duplicate), else open a new one for that period."""
    from app.ui.notices.notice_dialog import NoticeDialog

    existing = _unposted_notice(services, category, period_kind, year, number)
    if existing is not None:
        return _notice(services, parent, existing)
    dialog = NoticeDialog(services, None, parent)
    dialog.category.setCurrentText(category)
    dialog.period_kind.setCurrentIndex(max(0, dialog.period_kind.findData(period_kind)))
    dialog.year.setValue(int(year))
    dialog.number.setValue(int(number))
    dialog.suggest_title()
    if not dialog.exec():
        return False
    return _offer_submit(services, parent, dialog.saved_id, dialog.title.text())


def _offer_submit(services, parent, notice_id: int, title: str) -> bool:  # noqa: ANN001
    """A saved draft is not settled until the 监委会 has it: offer to submit it now."""
    if dialogs.ask_yes_no(parent, "提交审核", f"“{title}”已保存为草稿。现在提交监委会审核吗？", "提交审核", "以后再提交"):
        try:
            services.notices.submit(notice_id)
        except UserError as exc:
            dialogs.show_error(parent, "不能提交", exc.message)
    return True


def _question(services, parent, question_id: int) -> bool:  # noqa: ANN001
    from app.ui.notices.notice_workflow import QuestionDialog

    question = next((q for q in services.questions.questions() if q.id == int(question_id)), None)
    if question is None:
        raise UserError("这条群众意见已不存在（可能已被删除）")
    return QuestionDialog(services, question.notice_id, question, parent).exec()


def _member(services, parent, person_id: int) -> bool:  # noqa: ANN001
    from app.ui.members.member_dialog import MemberDialog

    dialog = MemberDialog(services.members, int(person_id), parent, services.photos)
    actor = services.actor
    dialog.set_read_only(actor is not None and not actor.can(Permission.EDIT))
    return dialog.exec()


def _terms(services, parent) -> bool:  # noqa: ANN001
    from app.ui.members.terms_dialog import TermsDialog

    TermsDialog(services.members, parent).exec()
    return True


def _rectification(services, parent, item_id: int) -> bool:  # noqa: ANN001
    from app.ui.rectification.item_dialog import ItemDialog

    dialog = ItemDialog(services, int(item_id), parent)
    return bool(dialog.exec()) or dialog.progress_added


def _team_rules(services, parent, page: str, year: int, record: object) -> bool:  # noqa: ANN001
    """A plan line or a day's 值班记录 opens its dialog; the others are settled on 班子制度."""
    from app.ui.team_rules.team_targets import open_team_target

    return open_team_target(services, parent, page, year, record)


OPENERS: dict[str, Callable[..., object]] = {
    "reminder": _reminder,
    "meeting_new": _new_meeting,
    "matter": _matter,
    "notice": _notice,
    "notice_new": _new_notice,
    "question": _question,
    "member": _member,
    "terms": _terms,
    "rectification": _rectification,
    "team_rules": _team_rules,
}
