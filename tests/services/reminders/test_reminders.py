"""纪律提醒 service: checks, status on the fixed clock (2026-11-27), history, done/undo, deletes."""

import datetime as dt

import pytest
from conftest import person
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event, func, select

from app.services.common.errors import NeedsConfirmation, UserError, ValidationFailed
from app.services.members.demo import fill_demo
from app.services.members.member_types import PersonData, PostData
from app.services.reminders.demo import fill_demo_reminders
from app.services.reminders.reminder_rules import RULE_TEXTS
from app.services.reminders.reminder_types import (
    DONE,
    EVENT_KINDS,
    FAMILY_EVENT,
    FUNERAL,
    HOLIDAY_REMINDER,
    HOLIDAYS,
    KINDS,
    OVERDUE,
    TODO,
    WEDDING,
    DoneRecord,
    Recurrence,
    ReminderData,
)
from app.services.reminders.reminders import ReminderService
from app.services.safety.actor import Actor, PermissionDenied, Role
from app.services.safety.audit_log import AuditLogService, AuditQuery
from db.models import Reminder, ReminderTarget

D = dt.date


@pytest.fixture
def reminders(db, clock) -> ReminderService:
    return ReminderService(db, clock)


@pytest.fixture
def secretary(members) -> int:
    return members.save(person("李建国", "党支部书记", "村委会主任"))


def study(**extra) -> ReminderData:
    values = {"anchor": D(2026, 9, 10), "recurrence": Recurrence.MONTHLY, "all_cadres": True, **extra}
    return ReminderData("学习", "两委干部每月集中学习", **values)


def once(person_id: int, day: dt.date, **extra) -> ReminderData:
    return ReminderData("提醒谈话", "提醒谈话：鱼塘承包费收缴", day, person_ids=[person_id], **extra)


def done(day=D(2026, 11, 20), method="会议", by="李建国", note="") -> DoneRecord:
    return DoneRecord(day, method, note, by)


def problems(call) -> dict[str, str]:
    with pytest.raises(ValidationFailed) as exc:
        call()
    return exc.value.problems


def test_an_empty_reminder_names_each_missing_field(reminders):
    assert problems(lambda: reminders.save(ReminderData("", "  ", None))) == {
        "kind": "请选择提醒类型：节前廉政提醒、八项规定提醒、婚丧喜庆事项报告、个人有关事项报告、一岗双责责任清单、"
                "提醒谈话、警示教育、值班、学习、其他",
        "subject": "请填写事由，例如 2027年春节前廉政提醒",
        "person_ids": "请选择提醒对象：选一名或几名成员，或勾选“全体两委干部”",
        "anchor": "请填写到期日期（重复的提醒填第一次到期的日期）",
    }


def test_holiday_until_and_subject_length_checks(reminders):
    data = ReminderData(HOLIDAY_REMINDER, "节" * 201, D(2026, 1, 1), Recurrence.HOLIDAY, all_cadres=True,
                        holiday="重阳", days_before=61, until=D(2025, 12, 31))
    assert problems(lambda: reminders.save(data)) == {
        "subject": "事由太长：最多200个字，现在是201个字",
        "holiday": "请选择节日：元旦、春节、清明、五一、端午、中秋、国庆",
        "days_before": "提前天数应为 0 到 60 天",
        "until": "截止日期不能早于第一次到期的日期：请核对",
    }


def test_a_deleted_person_cannot_be_a_target(reminders, members, secretary):
    gone = members.save(person("赵德胜"))
    members.delete(gone)
    assert problems(lambda: reminders.save(once(gone, D(2026, 12, 1)))) == {
        "person_ids": "所选成员中有人已不存在（可能已被删除）：请重新选择"}


def test_family_event_checks(reminders, members, secretary):
    other = members.save(person("王淑芬", "村委会委员"))
    data = ReminderData(FAMILY_EVENT, "婚事", None, Recurrence.MONTHLY, person_ids=[secretary, other],
                        event_kind="生日", event_date=None)
    assert problems(lambda: reminders.save(data)) == {
        "event_kind": "请选择报告事项：婚嫁、丧事、其他喜庆",
        "event_date": "请填写婚丧喜庆事宜的日期（丧事填办理日期）",
        "recurrence": "婚丧喜庆事项报告只提醒一次：重复方式请选“一次”",
        "person_ids": "婚丧喜庆事项报告针对一名干部：请只选择报告人本人",
    }


def test_wedding_is_due_30_working_days_before_and_funeral_10_after(reminders, secretary):
    wedding = reminders.save(ReminderData(FAMILY_EVENT, "儿子结婚", D(2020, 1, 1), person_ids=[secretary],
                                          event_kind=WEDDING, event_date=D(2026, 12, 31)), confirmed=True)
    assert reminders.get(wedding).anchor == D(2026, 11, 19)  # the typed anchor is replaced
    assert reminders.history(wedding)[0].status == OVERDUE
    funeral = reminders.save(ReminderData(FAMILY_EVENT, "母亲去世", None, person_ids=[secretary],
                                          event_kind=FUNERAL, event_date=D(2026, 9, 28)), confirmed=True)
    assert reminders.get(funeral).anchor == D(2026, 10, 16)  # over the 国庆 week, 10 Oct worked


def test_a_family_event_entered_after_its_report_date_asks_first(reminders, secretary):
    data = ReminderData(FAMILY_EVENT, "儿子结婚", None, person_ids=[secretary], event_kind=WEDDING,
                        event_date=D(2026, 12, 29))
    with pytest.raises(NeedsConfirmation) as exc:
        reminders.save(data)
    assert exc.value.warnings == ["按规定应于2026年11月17日前书面报告，现已过期：仍然保存？"]
    assert reminders.count() == 0
    rid = reminders.save(data, confirmed=True)
    # Saved again with the same report date (a corrected 事由): not asked again.
    reminders.save(ReminderData(FAMILY_EVENT, "儿子结婚（改期前）", None, person_ids=[secretary],
                                event_kind=WEDDING, event_date=D(2026, 12, 29)), rid)
    # Moved to a date whose report is past too: asked again.
    with pytest.raises(NeedsConfirmation, match="按规定应于2026年11月16日前书面报告，现已过期"):
        reminders.save(ReminderData(FAMILY_EVENT, "儿子结婚", None, person_ids=[secretary], event_kind=WEDDING,
                                    event_date=D(2026, 12, 28)), rid)
    # Due today is not late.
    reminders.save(ReminderData(FAMILY_EVENT, "丧事", None, person_ids=[secretary], event_kind=FUNERAL,
                                event_date=D(2026, 11, 13)))


def test_a_late_family_event_in_a_year_without_arrangement_says_both(reminders, secretary):
    data = ReminderData(FAMILY_EVENT, "女儿出嫁", None, person_ids=[secretary], event_kind=WEDDING,
                        event_date=D(2004, 1, 5))
    shift = reminders.family_event_due(WEDDING, D(2004, 1, 5))
    assert shift.fallback_years == (2003,)
    with pytest.raises(NeedsConfirmation) as exc:
        reminders.save(data)
    assert exc.value.warnings == [
        f"按规定应于{shift.day.year}年{shift.day.month}月{shift.day.day}日前书面报告，现已过期；这一期限是推算的："
        "2003年的放假调休安排尚未公布或未收录，按周一至周五（扣除法定节日）推算，请核对。仍然保存？"]


def test_family_event_in_a_year_without_official_arrangement_needs_confirmation(reminders, secretary):
    data = ReminderData(FAMILY_EVENT, "女儿出嫁", None, person_ids=[secretary], event_kind=WEDDING,
                        event_date=D(2027, 3, 1))
    assert reminders.family_event_due(WEDDING, D(2027, 3, 1)).fallback_years == (2027,)
    with pytest.raises(NeedsConfirmation) as exc:
        reminders.save(data)
    assert exc.value.warnings == ["报告期限 2027年1月14日 是推算的：2027年的放假调休安排尚未公布或未收录，"
                                  "按周一至周五（扣除法定节日）推算，请核对"]
    assert reminders.get(reminders.save(data, confirmed=True)).anchor == D(2027, 1, 14)


def test_status_follows_the_clock_and_the_record_done(reminders, secretary):
    today_id = reminders.save(once(secretary, D(2026, 11, 27)))
    late_id = reminders.save(once(secretary, D(2026, 11, 26)))
    assert [o.status for o in reminders.history(today_id)] == [TODO]
    assert [o.status for o in reminders.history(late_id)] == [OVERDUE]
    reminders.mark_done(late_id, D(2026, 11, 26), done(method="谈话", by="周淼", note="已当面提醒"))
    [occurrence] = reminders.history(late_id)
    assert occurrence.status == DONE
    assert occurrence.done == DoneRecord(D(2026, 11, 20), "谈话", "已当面提醒", "周淼")
    reminders.undo_done(late_id, D(2026, 11, 26))
    assert [o.status for o in reminders.history(late_id)] == [OVERDUE]
    with pytest.raises(UserError, match="还没有办理记录"):
        reminders.undo_done(late_id, D(2026, 11, 26))


def test_history_runs_from_the_anchor_to_the_next_after_today(reminders, secretary):
    rid = reminders.save(study())
    reminders.mark_done(rid, D(2026, 9, 10), done(D(2026, 9, 10)))
    history = reminders.history(rid)
    assert [(o.due, o.status) for o in history] == [
        (D(2026, 9, 10), DONE), (D(2026, 10, 10), OVERDUE), (D(2026, 11, 10), OVERDUE), (D(2026, 12, 10), TODO)]
    assert {o.targets for o in history} == {"全体两委干部"}


def test_mark_done_checks_each_field_and_the_due_date(reminders, secretary):
    rid = reminders.save(study())
    bad = DoneRecord(D(2026, 11, 28), "电话", "", "  ")
    assert problems(lambda: reminders.mark_done(rid, D(2026, 11, 11), bad)) == {
        "method": "请选择办理方式：谈话、会议、书面",
        "done_on": "办理日期不能晚于今天（2026年11月27日）",
        "done_by": "请填写办理人，例如 李建国",
        "due": "这一天不是这条提醒的到期日：请刷新后从列表中选择",
    }
    assert all(o.done is None for o in reminders.history(rid))


def test_mark_done_again_corrects_the_record(reminders, secretary):
    rid = reminders.save(study())
    reminders.mark_done(rid, D(2026, 10, 10), done(note="第一次"))
    reminders.mark_done(rid, D(2026, 10, 10), done(D(2026, 10, 12), "书面", by=" 王淑芬 ", note=" 改正 "))
    assert [o.done for o in reminders.history(rid) if o.done] == [
        DoneRecord(D(2026, 10, 12), "书面", "改正", "王淑芬")]


def test_moving_a_schedule_under_a_record_asks_and_keeps_the_record(reminders, secretary):
    rid = reminders.save(study())
    reminders.mark_done(rid, D(2026, 9, 10), done(D(2026, 9, 10)))
    with pytest.raises(NeedsConfirmation, match="已有1条办理记录的日期（2026年9月10日等）不再是这条提醒的到期日"):
        reminders.save(study(anchor=D(2026, 9, 15)), rid)
    reminders.save(study(anchor=D(2026, 9, 15)), rid, confirmed=True)
    assert [(o.due, o.status) for o in reminders.history(rid)][:2] == [(D(2026, 9, 10), DONE), (D(2026, 9, 15), OVERDUE)]


def test_delete_is_refused_once_a_record_exists(reminders, secretary):
    rid = reminders.save(study())
    reminders.mark_done(rid, D(2026, 9, 10), done(D(2026, 9, 10)))
    with pytest.raises(UserError) as exc:
        reminders.delete(rid)
    assert exc.value.message == ("该提醒已有办理记录（1次），删除会丢失这些记录：不能删除。"
                                 "如不再需要提醒，可设置截止日期停止以后的提醒")
    reminders.save(study(until=D(2026, 10, 31)), rid)
    assert [o.due for o in reminders.history(rid)] == [D(2026, 9, 10), D(2026, 10, 10)]
    other = reminders.save(once(secretary, D(2026, 12, 1)))
    assert reminders.delete(other) == "提醒谈话：鱼塘承包费收缴"
    with pytest.raises(UserError, match="这条提醒已不存在"):
        reminders.get(other)


def test_all_cadres_are_those_holding_a_post_on_the_due_date(reminders, members, secretary, profile):
    members.save(PersonData({"name": "王淑芬"}, [PostData("村委会委员", D(2021, 5, 1), D(2026, 4, 30))]))
    members.save(PersonData({"name": "吴𠮷祥"}, [PostData("监委会委员", D(2026, 5, 1))]))
    members.save(person("周建华"))  # an ordinary villager: never a cadre
    rid = reminders.save(study(anchor=D(2026, 3, 10)))
    assert reminders.letter(rid, D(2026, 3, 10)).names == ["李建国", "王淑芬"]
    assert reminders.letter(rid, D(2026, 11, 10)).names == ["李建国", "吴𠮷祥"]
    with pytest.raises(UserError, match="不是这条提醒的到期日"):
        reminders.letter(rid, D(2026, 11, 11))


def test_letter_carries_the_village_the_rules_and_the_oldest_undone_date(reminders, secretary, profile):
    rid = reminders.save(ReminderData(HOLIDAY_REMINDER, "2027年元旦节前廉政提醒", D(2026, 1, 1), Recurrence.HOLIDAY,
                                      all_cadres=True, holiday="元旦", days_before=3))
    letter = reminders.letter(rid)
    assert (letter.village, letter.party_org_name, letter.township) == ("红旗村", "中共红旗村支部委员会", "城关镇")
    assert (letter.due, letter.holiday, letter.names) == (D(2026, 12, 29), "元旦", ["李建国"])
    assert letter.detail == RULE_TEXTS[HOLIDAY_REMINDER] and "中央八项规定及其实施细则精神" in letter.detail
    own = reminders.save(once(secretary, D(2026, 11, 1), detail="不得插手村级工程项目。"))
    assert reminders.letter(own).detail == "不得插手村级工程项目。"


def test_occurrences_in_a_range_with_status_and_names(reminders, members, secretary):
    other = members.save(person("张堃", "组织委员"))
    talk = reminders.save(ReminderData("提醒谈话", "谈话", D(2026, 11, 26), person_ids=[other, secretary]))
    monthly = reminders.save(study())
    reminders.mark_done(monthly, D(2026, 11, 10), done(D(2026, 11, 10)))
    found = [(o.reminder_id, o.due, o.status, o.targets) for o in reminders.occurrences(D(2026, 11, 1), D(2026, 12, 31))]
    assert found == [(monthly, D(2026, 11, 10), DONE, "全体两委干部"), (talk, D(2026, 11, 26), OVERDUE, "李建国、张堃"),
                     (monthly, D(2026, 12, 10), TODO, "全体两委干部")]


def test_occurrences_read_a_fixed_number_of_queries(reminders, secretary, db):
    statements = []
    event.listen(db.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))

    def count() -> int:
        statements.clear()
        reminders.occurrences(D(2020, 1, 1), D(2026, 12, 31))
        return sum(s.lstrip().upper().startswith("SELECT") for s in statements)

    reminders.save(study())
    few = count()
    for n in range(20):
        rid = reminders.save(study(anchor=D(2021, 1, 1 + n)))
        reminders.mark_done(rid, D(2021, 1, 1 + n), done(D(2021, 1, 1 + n)))
    assert count() == few == 3


def test_count_is_the_number_of_reminders(reminders, secretary):
    assert reminders.count() == 0
    reminders.save(study())
    reminders.save(once(secretary, D(2026, 12, 1)))
    assert reminders.count() == 2


def test_current_due_is_the_oldest_undone_within_a_year_else_the_next(reminders, secretary):
    rid = reminders.save(study(anchor=D(2025, 1, 10)))
    # 2025-01-10 … 2025-11-10 are undone but more than LOOKBACK_DAYS ago: the oldest that counts
    # is 2025-12-10 (352 days ago).
    assert reminders.current_due(rid) == D(2025, 12, 10)
    for month in range(1, 13):
        reminders.mark_done(rid, D(2025, month, 10), done(D(2025, month, 10)))
    assert reminders.current_due(rid) == D(2026, 1, 10)
    for month in range(1, 12):
        reminders.mark_done(rid, D(2026, month, 10), done(D(2026, month, 10)))
    assert reminders.current_due(rid) == D(2026, 12, 10)  # all done: the next one
    # A reminder that has ended: its last occurrence, done or not.
    ended = reminders.save(study(anchor=D(2026, 1, 10), until=D(2026, 3, 31)))
    assert reminders.current_due(ended) == D(2026, 1, 10)
    for month in (1, 2, 3):
        reminders.mark_done(ended, D(2026, month, 10), done(D(2026, month, 10)))
    assert reminders.current_due(ended) == D(2026, 3, 10)
    talk = reminders.save(once(secretary, D(2024, 6, 1)))
    assert reminders.current_due(talk) == D(2024, 6, 1)  # a once reminder long past


def test_letter_and_current_due_follow_the_same_rule_for_holidays(reminders, secretary, profile):
    rid = reminders.save(ReminderData(HOLIDAY_REMINDER, "元旦节前廉政提醒", D(2025, 1, 1), Recurrence.HOLIDAY,
                                      all_cadres=True, holiday="元旦", days_before=3))
    assert reminders.current_due(rid) == reminders.letter(rid).due == D(2025, 12, 29)  # overdue, undone
    reminders.mark_done(rid, D(2025, 12, 29), done(D(2025, 12, 29)))
    assert reminders.current_due(rid) == reminders.letter(rid).due == D(2026, 12, 29)  # not last year's


def test_a_member_who_is_a_target_cannot_be_deleted(reminders, members, secretary):
    other = members.save(person("张堃", "组织委员"))
    rid = reminders.save(once(other, D(2026, 12, 1)))
    with pytest.raises(UserError) as exc:
        members.delete(other)
    assert exc.value.message == ("张堃 是 1 条纪律提醒的提醒对象，删除会让这些提醒记录不完整：不能删除。"
                                 "人员离任请在 编辑 中填写离任日期。")
    reminders.save(once(secretary, D(2026, 12, 1)), rid)
    assert members.delete(other) == "张堃"


def test_changes_are_audited_as_discipline_reminders(reminders, db, secretary):
    rid = reminders.save(once(secretary, D(2026, 11, 26)))
    reminders.mark_done(rid, D(2026, 11, 26), done())
    rows = AuditLogService(db).entries(AuditQuery(area="纪律提醒"))
    assert {(r.action, r.label) for r in rows} >= {("新增", "提醒谈话")}
    assert len(rows) == 3  # the reminder, its target and the record done


def test_a_viewer_cannot_save_or_mark_done(reminders, db, secretary):
    rid = reminders.save(once(secretary, D(2026, 11, 26)))
    db.actor = Actor("查阅甲", Role.VIEWER)
    with pytest.raises(PermissionDenied):
        reminders.mark_done(rid, D(2026, 11, 26), done())
    db.actor = Actor("录入甲", Role.CLERK)
    with pytest.raises(PermissionDenied):
        reminders.delete(rid)


def test_demo_reminders_have_something_done_late_and_due(db, clock):
    fill_demo(db, clock)
    assert fill_demo_reminders(db, clock) == 9
    service = ReminderService(db, clock)
    scheduled = service.occurrences(D(2020, 1, 1), D(2028, 12, 31))
    ids = {o.subject: o.reminder_id for o in scheduled}
    assert len(ids) == service.count() == 9

    def current(subject: str) -> tuple[dt.date, str, int]:
        history = service.history(ids[subject])
        due = service.current_due(ids[subject])
        return due, next(o.status for o in history if o.due == due), sum(o.status == DONE for o in history)

    assert current("两委干部每月集中学习") == (D(2026, 11, 10), OVERDUE, 24)
    assert current("春节节前廉政提醒") == (D(2027, 2, 2), TODO, 2)  # 2025-01-25 and 2026-02-12 done
    assert current("陈喆本人结婚，拟在村里办婚宴")[:2] == (D(2026, 11, 20), OVERDUE)
    assert current("群众反映鱼塘承包费收缴不及时，对分管干部提醒谈话")[1] == OVERDUE
    # Every record done is on a real due date of its reminder.
    on_schedule = {(o.reminder_id, o.due) for o in scheduled}
    records = [(o.reminder_id, o.due) for rid in ids.values() for o in service.history(rid) if o.done]
    assert records and set(records) <= on_schedule


# ----- bad input: a problem beside its field, never a crash ---------------------------------------

def test_dates_must_be_plain_dates(reminders, secretary):
    data = study(anchor="2026-09-10", until=dt.datetime(2027, 1, 1, 8, 0))
    assert problems(lambda: reminders.save(data)) == {
        "anchor": "日期看不懂：请写成 2026-11-27 或 2026年11月27日",
        "until": "日期看不懂：请写成 2026-11-27 或 2026年11月27日"}
    # A text until next to a good anchor is refused, not compared.
    assert problems(lambda: reminders.save(study(until="2027-01-01"))) == {
        "until": "日期看不懂：请写成 2026-11-27 或 2026年11月27日"}
    assert problems(lambda: reminders.save(study(anchor=dt.datetime(2026, 9, 10)))) == {
        "anchor": "日期看不懂：请写成 2026-11-27 或 2026年11月27日"}


def test_dates_must_lie_between_1900_and_2099(reminders, secretary):
    assert problems(lambda: reminders.save(study(anchor=D(9999, 12, 31)))) == {"anchor": "日期应在1900年到2099年之间"}
    assert problems(lambda: reminders.save(study(anchor=D(1899, 12, 31)))) == {"anchor": "日期应在1900年到2099年之间"}
    assert problems(lambda: reminders.save(study(until=D(2100, 1, 1)))) == {"until": "日期应在1900年到2099年之间"}
    rid = reminders.save(study(anchor=D(2099, 12, 10)))
    assert [o.due for o in reminders.history(rid)] == [D(2099, 12, 10)]
    assert reminders.letter(rid).due == D(2099, 12, 10)
    assert reminders.current_due(reminders.save(study(anchor=D(1900, 1, 1)))) == D(2025, 12, 1)
    wedding = ReminderData(FAMILY_EVENT, "婚事", None, person_ids=[secretary], event_kind=WEDDING)
    for bad, message in ((D(9999, 12, 31), "日期应在1900年到2099年之间"), (D(1, 1, 1), "日期应在1900年到2099年之间"),
                         ("2026-12-31", "日期看不懂：请写成 2026-11-27 或 2026年11月27日")):
        wedding.event_date = bad
        assert problems(lambda: reminders.save(wedding)) == {"event_date": message}
    assert reminders.count() == 2


def test_family_event_due_raises_only_field_problems():
    assert problems(lambda: ReminderService.family_event_due(FUNERAL, D(9999, 12, 31))) == {
        "event_date": "日期应在1900年到2099年之间"}
    assert problems(lambda: ReminderService.family_event_due(WEDDING, D(1, 1, 1))) == {
        "event_date": "日期应在1900年到2099年之间"}
    assert problems(lambda: ReminderService.family_event_due("生日", "明天")) == {
        "event_kind": "请选择报告事项：婚嫁、丧事、其他喜庆",
        "event_date": "日期看不懂：请写成 2026-11-27 或 2026年11月27日"}
    assert ReminderService.family_event_due(FUNERAL, D(2099, 12, 31)).day.year == 2100
    assert ReminderService.family_event_due(WEDDING, D(1900, 1, 1)).day.year == 1899


@pytest.mark.parametrize("days_before", [-1, 61, 3.0, "3", True, None])
def test_days_before_is_a_whole_number_from_0_to_60(reminders, days_before):
    data = ReminderData(HOLIDAY_REMINDER, "春节前廉政提醒", D(2026, 1, 1), Recurrence.HOLIDAY, all_cadres=True,
                        holiday="春节", days_before=days_before)
    assert problems(lambda: reminders.save(data)) == {"days_before": "提前天数应为 0 到 60 天"}


def test_bad_person_ids_and_due_dates_are_problems_not_crashes(reminders, secretary):
    for ids in ([2 ** 70], ["1"], [True], [0]):
        data = ReminderData("提醒谈话", "谈话", D(2026, 12, 1), person_ids=ids)
        assert problems(lambda: reminders.save(data)) == {
            "person_ids": "所选成员中有人已不存在（可能已被删除）：请重新选择"}
    rid = reminders.save(study())
    for due in (D(9999, 12, 10), dt.datetime(2026, 10, 10), "2026-10-10"):
        assert "due" in problems(lambda: reminders.mark_done(rid, due, done()))
        with pytest.raises(UserError, match="不是这条提醒的到期日"):
            reminders.letter(rid, due)
    assert "done_on" in problems(lambda: reminders.mark_done(rid, D(2026, 10, 10), done(D(1, 1, 1))))


_GOOD_DATE = st.dates(min_value=D(1900, 1, 1), max_value=D(2099, 12, 31))
_BAD_DATE = st.one_of(st.none(), st.dates(), st.datetimes(), st.dates().map(str), st.integers())
# Per field: (a good value, a bad one).
_FIELDS = {
    "kind": (st.sampled_from(KINDS), st.text(max_size=5)),
    "subject": (st.just("两委干部集中学习"), st.text(max_size=210)),
    "anchor": (_GOOD_DATE, _BAD_DATE),
    "until": (st.one_of(st.none(), _GOOD_DATE), _BAD_DATE),
    "event_date": (_GOOD_DATE, _BAD_DATE),
    "recurrence": (st.sampled_from([r.value for r in Recurrence]), st.one_of(st.text(max_size=5), st.none())),
    "holiday": (st.sampled_from(HOLIDAYS), st.text(max_size=3)),
    "days_before": (st.integers(0, 60), st.one_of(st.integers(), st.floats(allow_nan=False), st.none(),
                                                  st.booleans())),
    "event_kind": (st.sampled_from(EVENT_KINDS), st.text(max_size=3)),
    "person_ids": (st.sampled_from([[], [1]]), st.lists(st.integers(), max_size=3)),
    "all_cadres": (st.just(True), st.just(False)),
}


@st.composite
def reminder_data(draw) -> ReminderData:
    """Good values in every field but a few (often none), so that many examples get as far as saving."""
    broken = draw(st.sets(st.sampled_from(sorted(_FIELDS)), max_size=3))
    values = {name: draw(bad if name in broken else good) for name, (good, bad) in _FIELDS.items()}
    return ReminderData(**values)


@settings(deadline=None, max_examples=150, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=reminder_data(), confirmed=st.booleans())
def test_save_never_crashes_and_never_half_saves(reminders, db, secretary, data, confirmed):
    def rows() -> tuple[int, int]:
        with db.read() as s:
            return s.scalar(select(func.count(Reminder.id))), s.scalar(select(func.count(ReminderTarget.id)))

    before = rows()
    try:
        rid = reminders.save(data, confirmed=confirmed)
    except (ValidationFailed, NeedsConfirmation, UserError):
        assert rows() == before
        return
    assert rows()[0] == before[0] + 1
    # What was saved can be read, listed and printed.
    reminders.history(rid)
    assert reminders.letter(rid).due == reminders.current_due(rid)
    reminders.occurrences(D(2026, 1, 1), D(2026, 12, 31))
