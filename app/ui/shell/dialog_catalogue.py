"""Every dialog of the program, each opened on the records at hand (the sample village fills
them all): the walk in tools/walk.py photographs them, and the tests check each one fits the
screen and lets Enter press only its main button. A new dialog belongs in this list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget


@dataclass(frozen=True)
class Entry:
    name: str  # also the screenshot's file name
    open: Callable[[object, QWidget | None, Path], QDialog]  # (services, parent, scratch folder)


def _first(rows, what: str):  # noqa: ANN001, ANN202
    if not rows:
        raise LookupError(f"no {what} to open: fill the sample village first")
    return rows[0]


def _meeting_id(services) -> int:  # noqa: ANN001
    return _first(services.meetings.list_rows(limit=1), "meeting").id


def _matter_id(services) -> int:  # noqa: ANN001
    return _first(services.matters.list_rows(), "matter").id


def _notice_id(services, *statuses: str) -> int:  # noqa: ANN001
    rows = [r for r in services.notices.list_rows() if not statuses or r.status in statuses]
    return _first(rows, "notice").id


def _occurrence(services):  # noqa: ANN001, ANN202
    today = services.clock.today()
    return _first(services.reminders.occurrences(dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)),
                  "reminder")


def _member_import(services, parent, scratch: Path) -> QDialog:  # noqa: ANN001
    from app.services.members.member_import import MemberImporter
    from app.ui.members.import_dialog import ImportDialog

    path = scratch / "花名册.xlsx"
    MemberImporter(services.members).export(path, "花名册")
    dialog = ImportDialog(services.members, path, parent)
    dialog.load()
    return dialog


def _items_import(services, parent, scratch: Path) -> QDialog:  # noqa: ANN001
    from app.services.notices.item_excel import ItemRow, ItemSheet
    from app.ui.notices.items_import_dialog import ItemsImportDialog

    notices = (services.notices.get(row.id) for row in services.notices.list_rows())
    items = next((n.items for n in notices if n.items), [])
    rows = [ItemRow(excel_row=i + 3, item=item, errors=[]) for i, item in enumerate(items)]
    return ItemsImportDialog(ItemSheet(rows=rows, header_row=2, columns=[], ignored_columns=[]), "明细.xlsx", parent)


def _preview(services, parent, scratch: Path) -> QDialog:  # noqa: ANN001
    from app.services.members.roster_printing import print_roster
    from app.ui.common.pdf_preview import PdfPreview

    path = scratch / "花名册.pdf"
    print_roster(services, path, internal=False)
    return PdfPreview(path, path.name, parent)


def _dispose(services, parent, scratch: Path) -> QDialog:  # noqa: ANN001
    from app.ui.reminders.dispose_dialog import DisposeDialog

    return DisposeDialog(services, _first(services.derived.items(), "derived reminder"), parent)


def _rect_item(services) -> int:  # noqa: ANN001
    return _first([r for r in services.rectification.items() if r.state == "已销号"], "closed rectification item").id


def _rect_open_item(services) -> int:  # noqa: ANN001
    return _first([r for r in services.rectification.items() if r.state in ("整改中", "逾期")],
                  "open rectification item").id


def _rect_entries() -> list[Entry]:
    from app.ui.rectification.close_dialog import CloseDialog, ReopenDialog
    from app.ui.rectification.item_dialog import ItemDialog
    from app.ui.rectification.progress_dialog import ProgressDialog
    from app.ui.rectification.source_dialog import SourceDialog

    return [
        Entry("整改-来源", lambda s, p, _d: SourceDialog(s, _first(s.rectification.sources(), "source").id, p)),
        Entry("整改-问题", lambda s, p, _d: ItemDialog(s, _rect_item(s), p)),
        Entry("整改-新增问题", lambda s, p, _d: ItemDialog(s, None, p, _first(s.rectification.sources(), "source").id)),
        Entry("整改-进展", lambda s, p, _d: ProgressDialog(s, _rect_open_item(s), p)),
        Entry("整改-销号", lambda s, p, _d: CloseDialog(s, _rect_open_item(s), p)),
        Entry("整改-重新打开", lambda s, p, _d: ReopenDialog(s, _rect_item(s), p)),
    ]


def entries() -> list[Entry]:
    from app.ui.common.help_dialog import HelpDialog
    from app.ui.common.profile_dialog import ProfileDialog
    from app.ui.meetings.matter_dialog import MatterDialog
    from app.ui.meetings.meeting_dialog import MeetingDialog
    from app.ui.meetings.requirements_dialog import RequirementsDialog
    from app.ui.meetings.step_dialog import StepDialog
    from app.ui.members.member_dialog import MemberDialog
    from app.ui.members.terms_dialog import TermsDialog
    from app.ui.bodies.bodies_dialog import BodiesDialog
    from app.ui.bodies.body_editors import GroupDialog, RepresentativeDialog
    from app.ui.bodies.head_count_dialog import HeadCountDialog
    from app.ui.notices.notice_dialog import NoticeDialog
    from app.ui.notices.notice_workflow import PostDialog, QuestionDialog, QuestionsDialog, ReviewDialog
    from app.ui.reminders.done_dialog import DoneDialog
    from app.ui.reminders.reminder_dialog import ReminderDialog
    from app.ui.reminders.reminder_history import HistoryDialog
    from app.ui.safety.account_dialogs import FirstAdminDialog, LoginDialog, RecoveryDialog
    from app.ui.safety.audit_view import AuditLogDialog
    from app.ui.safety.users_dialog import UsersDialog
    from app.ui.team_rules.plan_page import PlanItemDialog

    def member(s):  # noqa: ANN001, ANN202
        return _first(s.members.list_rows(), "person").id

    return [
        Entry("登录", lambda s, p, _d: LoginDialog(s.accounts, p)),
        Entry("锁定", lambda s, p, _d: LoginDialog(s.accounts, p, locked_user=s.actor.name, note="程序已锁定。")),
        Entry("忘记密码", lambda s, p, _d: RecoveryDialog(s.accounts, s.actor.name, p)),
        Entry("设置管理员", lambda s, p, _d: FirstAdminDialog(s.accounts, p)),
        Entry("村庄信息", lambda s, p, _d: ProfileDialog(s.profile, parent=p)),
        Entry("成员-新增", lambda s, p, _d: MemberDialog(s.members, None, p, s.photos)),
        Entry("成员-编辑", lambda s, p, _d: MemberDialog(s.members, member(s), p, s.photos)),
        Entry("届次", lambda s, p, _d: TermsDialog(s.members, p)),
        Entry("村民小组、村民代表和党小组", lambda s, p, _d: BodiesDialog(s, p)),
        Entry("村民代表-编辑", lambda s, p, _d: RepresentativeDialog(s, _first(s.representatives.list_rows(), "representative").person_id, p)),
        Entry("村民会议到会人数", lambda s, p, _d: HeadCountDialog(s, _meeting_id(s), p)),
        Entry("村民小组-编辑", lambda s, p, _d: GroupDialog(s, _first(s.villager_groups.list_rows(), "group").id, p)),
        Entry("花名册导入预览", _member_import),
        Entry("会议-新增", lambda s, p, _d: MeetingDialog(s, None, p)),
        Entry("会议-编辑", lambda s, p, _d: MeetingDialog(s, _meeting_id(s), p)),
        Entry("四议两公开-事项", lambda s, p, _d: MatterDialog(s, _matter_id(s), p)),
        Entry("四议两公开-步骤", lambda s, p, _d: StepDialog(s, _matter_id(s), 1, p)),
        Entry("会议频次要求", lambda s, p, _d: RequirementsDialog(s, p)),
        Entry("公告-新建", lambda s, p, _d: NoticeDialog(s, None, p)),
        Entry("公告-编辑", lambda s, p, _d: NoticeDialog(s, _notice_id(s), p)),
        Entry("公告-审核", lambda s, p, _d: ReviewDialog(s, _notice_id(s), p)),
        Entry("公告-公开", lambda s, p, _d: PostDialog(s, _notice_id(s), p)),
        Entry("群众意见-登记", lambda s, p, _d: QuestionDialog(s, _notice_id(s), None, p)),
        Entry("群众意见", lambda s, p, _d: QuestionsDialog(s, _notice_id(s), p)),
        Entry("明细导入预览", _items_import),
        Entry("提醒-新增", lambda s, p, _d: ReminderDialog(s, None, p)),
        Entry("提醒-编辑", lambda s, p, _d: ReminderDialog(s, _occurrence(s).reminder_id, p)),
        Entry("提醒-办理", lambda s, p, _d: DoneDialog(s, _occurrence(s).reminder_id, _occurrence(s).due, p)),
        Entry("提醒-历史", lambda s, p, _d: HistoryDialog(s, _occurrence(s).reminder_id, p)),
        Entry("标记已处理", _dispose),
        Entry("用户管理", lambda s, p, _d: UsersDialog(s, p)),
        Entry("操作日志", lambda s, p, _d: AuditLogDialog(s, p)),
        Entry("党建计划-项目", lambda s, p, _d: PlanItemDialog(
            s, s.clock.today().year, _first(s.team_rules.plans.view(s.clock.today().year).items, "plan item"), p)),
        Entry("打印预览", _preview),
        Entry("使用说明", lambda _s, p, _d: HelpDialog(p)),
        *_rect_entries(),
    ]
