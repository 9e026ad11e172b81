import datetime as dt

import pytest
from conftest import person

from app.services.common.errors import NeedsConfirmation, UserError, ValidationFailed
from app.services.notices.notice_types import (
    DRAFT,
    EXPENSE,
    EXPIRED,
    INCOME,
    PENDING,
    POSTED,
    REVIEWED,
    ItemData,
    NoticeData,
    Period,
    QuestionData,
)
from app.services.notices.notice_review import NoticeReviewSettings
from app.services.notices.notices import NoticeService
from app.services.safety.actor import Actor, PermissionDenied, Role
from db.models import Matter, MatterStep

Q2, Q3, Q4 = (Period("quarter", 2026, q) for q in (2, 3, 4))
DAY = dt.date(2026, 10, 10)


@pytest.fixture
def notices(db, clock) -> NoticeService:
    return NoticeService(db, clock)


@pytest.fixture
def reviewer(members) -> int:
    return members.save(person("李监督", "监委会委员"))


def finance(period=Q3, items=(), title="", **extra) -> NoticeData:
    start, end = NoticeService.default_posting(DAY)
    extra = {"post_from": start, "post_to": end, **extra}
    return NoticeData(category="财务公开", title=title or f"红旗村{period.label}财务收支公开", period=period,
                      items=list(items), **extra)


def item(amount_fen, direction=INCOME, day=dt.date(2026, 8, 3), name="上级转移支付") -> ItemData:
    return ItemData(name, direction, amount_fen, day, "镇财政", "王会计")


def publish(notices, reviewer, notice_id, day=DAY) -> None:
    notices.submit(notice_id)
    notices.review(notice_id, reviewer, "同意公开", day, approve=True)
    notices.post(notice_id, day)


def test_title_and_default_posting():
    assert NoticeService.suggest_title("红旗村", "财务公开", Q3) == "红旗村2026年第三季度财务收支公开"
    assert NoticeService.suggest_title("红旗村", "党务公开", Period("month", 2026, 7)) == "红旗村2026年7月党务公开"
    assert NoticeService.suggest_title("红旗村", "村务公开", Period("year", 2026)) == "红旗村2026年村务公开"
    assert NoticeService.default_posting(dt.date(2026, 10, 1)) == (dt.date(2026, 10, 1), dt.date(2026, 10, 7))


def test_save_get_roundtrip_fills_supervision_phone(notices, profile):
    nid = notices.save(finance(items=[item(1234567), item(50000, EXPENSE)], opening_balance_fen=100))
    data = notices.get(nid)
    assert data.status == DRAFT and data.supervision_phone == "0731-84561234"
    assert [(i.direction, i.amount_fen) for i in data.items] == [(INCOME, 1234567), (EXPENSE, 50000)]
    t = notices.totals(nid)
    assert (t.opening_fen, t.income_fen, t.expense_fen, t.closing_fen) == (100, 1234567, 50000, 1184667)


def test_validation_messages_keyed_by_field(notices):
    bad = finance(period=Period("quarter", 2026, 5), title=" ", items=[ItemData("", "进账", 0)])
    bad.issuer, bad.post_to = "镇政府", DAY - dt.timedelta(days=1)
    with pytest.raises(ValidationFailed) as exc:
        notices.save(bad)
    p = exc.value.problems
    assert p["issuer"] == "请选择发布单位：“党支部”或“村委会”或“党支部、村委会”"
    assert p["title"].startswith("请填写标题")
    assert p["period"] == "所属期的季度应为 1 到 4：请核对"
    assert "早于开始日期" in p["post_to"]
    assert p["items.1.item"] == "第1行没有填写项目：请填写，或删去这一行"
    assert p["items.1.direction"] == "第1行请选择“收入”或“支出”"
    assert p["items.1.amount_fen"].startswith("第1行的金额应大于零")
    with pytest.raises(ValidationFailed) as exc:
        notices.save(finance(items=[item(1.5)]))  # never a float
    assert "无法识别" in exc.value.problems["items.1.amount_fen"]
    village = finance(items=[item(100)])
    village.category = "村务公开"
    with pytest.raises(ValidationFailed) as exc:
        notices.save(village)
    assert exc.value.problems["items"].startswith("只有财务公开才有收支明细表")
    village.category = "财务公示"
    with pytest.raises(ValidationFailed) as exc:
        notices.save(village)
    assert exc.value.problems["category"] == "请选择公开类别：党务公开、村务公开、财务公开"


def test_short_posting_and_item_outside_period_need_confirmation(notices):
    data = finance(items=[item(100, day=dt.date(2026, 10, 2))])
    data.post_to = DAY + dt.timedelta(days=2)
    with pytest.raises(NeedsConfirmation) as exc:
        notices.save(data)
    assert exc.value.warnings[0] == "公开期只有 3 天，一般不少于 7 天"
    assert "不在所属期2026年第三季度内" in exc.value.warnings[1]
    assert notices.save(data, confirmed=True)


def test_whole_workflow_with_exact_messages(notices, reviewer, members):
    outsider = members.save(person("张群众"))
    day = dt.date(2026, 11, 25)  # posted 11-25..12-01: still on the board on 11-27
    nid = notices.save(finance(items=[item(10000)], post_from=day, post_to=day + dt.timedelta(days=6)))
    with pytest.raises(UserError) as exc:
        notices.post(nid, DAY)
    assert exc.value.message == "只有审核通过的公告才能公开：请先提交监委会审核"
    with pytest.raises(UserError, match="只有待审核的公告才能审核"):
        notices.review(nid, reviewer, "", DAY, approve=True)
    notices.submit(nid)
    assert notices.get(nid).status == PENDING
    with pytest.raises(UserError) as exc:
        notices.review(nid, outsider, "同意", DAY, approve=True)
    assert exc.value.message == "审核人必须是村务监督委员会成员：请从监委会成员中选择"
    assert exc.value.field == "reviewer_id"
    with pytest.raises(UserError, match="退回时请填写审核意见"):
        notices.review(nid, reviewer, "", DAY, approve=False)
    notices.review(nid, reviewer, "第2项缺经手人", DAY, approve=False)
    back = notices.get(nid)
    assert (back.status, back.review_opinion, back.reviewer_id) == (DRAFT, "第2项缺经手人", reviewer)
    notices.save(back, nid)
    notices.submit(nid)
    notices.review(nid, reviewer, "", DAY, approve=True)
    assert notices.get(nid).status == REVIEWED
    with pytest.raises(UserError) as exc:
        notices.save(notices.get(nid), nid)
    assert exc.value.message == "已审核的公告不能直接修改：请先撤回审核"
    notices.withdraw_review(nid)
    assert notices.get(nid).status == DRAFT
    notices.submit(nid)
    notices.review(nid, reviewer, "同意公开", day, approve=True)
    with pytest.raises(UserError, match="公开日期不能早于审核日期"):
        notices.post(nid, DAY)
    notices.post(nid, day)
    posted = notices.get(nid)
    assert (posted.status, posted.posted_date) == (POSTED, day)
    assert [r.status for r in notices.list_rows(year=2026, category="财务公开")] == [POSTED]


def test_posted_notice_refuses_changes_in_the_service(notices, reviewer, db):
    nid = notices.save(finance(items=[item(10000)]))
    publish(notices, reviewer, nid)
    with pytest.raises(UserError) as exc:
        notices.save(finance(items=[item(99999)]), nid)
    assert exc.value.message == "这份公告已经公开，不能修改：如有错误，请新建一份更正公告"
    with pytest.raises(UserError, match="已经公开，不能删除"):
        notices.delete(nid)
    with pytest.raises(UserError, match="已经公开，不能撤回审核"):
        notices.withdraw_review(nid)
    notices.attach_photo(nid, "board.jpg")  # the one change allowed
    assert notices.get(nid).photo == "board.jpg"
    assert notices.get(nid).items[0].amount_fen == 10000
    # After the 公开期 (10-10..10-16) the clock (11-27) shows it as expired, still locked.
    assert notices.list_rows(status=EXPIRED)[0].id == nid
    db.actor = Actor("小王", Role.CLERK)
    with pytest.raises(UserError, match="不能修改"):
        notices.save(finance(), nid)


def test_delete_drafts_only_and_permissions(notices, db):
    nid = notices.save(finance())
    db.actor = Actor("小王", Role.CLERK)
    with pytest.raises(PermissionDenied):
        notices.delete(nid)
    with pytest.raises(PermissionDenied):
        notices.set_finance_cadence("month")
    db.actor = Actor("管理员", Role.ADMIN)
    notices.submit(nid)
    with pytest.raises(UserError, match="只有草稿可以删除"):
        notices.delete(nid)
    draft = notices.save(finance())
    assert notices.delete(draft) == "红旗村2026年第三季度财务收支公开"
    db.actor = Actor("看看", Role.VIEWER)
    with pytest.raises(PermissionDenied):
        notices.save(finance())


def test_correction_and_carry_over_across_quarters(notices, reviewer):
    q2 = notices.save(finance(Q2, [item(500000, day=dt.date(2026, 5, 1))], opening_balance_fen=100000))
    publish(notices, reviewer, q2, dt.date(2026, 7, 5))
    q3 = notices.save(finance(Q3, [item(300000), item(120050, EXPENSE)]))
    assert notices.totals(q3).opening_fen == 600000
    with pytest.raises(UserError, match="只有已公开的公告才能更正"):
        notices.correct(q3)
    fix = notices.correct(q2)
    data = notices.get(fix)
    assert data.title == "关于《红旗村2026年第二季度财务收支公开》的更正"
    assert (data.status, data.corrects_id, data.period) == (DRAFT, q2, Q2)
    assert [i.amount_fen for i in data.items] == [500000]
    assert notices.totals(q3).opening_fen == 600000  # a draft 更正 supersedes nothing yet
    data.items[0].amount_fen = 450000
    notices.save(data, fix)
    publish(notices, reviewer, fix, dt.date(2026, 10, 20))
    assert notices.totals(q3).opening_fen == 550000  # carried through the 更正
    t = notices.totals(q3)
    assert (t.income_fen, t.expense_fen, t.closing_fen) == (300000, 120050, 729950)
    rows = {r.id: r for r in notices.list_rows()}
    assert rows[fix].is_correction and not rows[q2].is_correction


def test_missing_notices_and_pending_lines(notices, reviewer, members):
    party = NoticeData(category="党务公开", title="红旗村2026年第三季度党务公开", period=Q3, issuer="党支部",
                       post_from=DAY, post_to=DAY + dt.timedelta(days=6))
    publish(notices, members.save(person("王支委", "党支部委员")), notices.save(party))
    for q in (1, 2):
        done = notices.save(finance(Period("quarter", 2026, q), title=f"财务{q}"))
        publish(notices, reviewer, done, dt.date(2026, 7, 5))
    waiting = notices.save(finance(Q3, title="红旗村2026年第三季度财务收支公开"))
    notices.submit(waiting)
    lines = notices.missing(2026)
    assert "2026年第三季度财务公开未发布" in lines
    assert "2026年第三季度党务公开未发布" not in lines
    assert "2026年第一季度党务公开未发布" in lines
    assert "2026年第四季度村务公开未发布" not in lines  # Q4 has not ended on 11-27
    assert [x for x in lines if "村务公开" in x] == [f"2026年第{c}季度村务公开未发布" for c in "一二三"]
    assert lines[-1] == "待审核：红旗村2026年第三季度财务收支公开"
    notices.set_finance_cadence("month")
    monthly = [x for x in notices.missing(2026) if "财务" in x]
    assert monthly[:1] == ["2026年7月财务公开未发布"] and "2026年10月财务公开未发布" in monthly
    assert "2026年11月财务公开未发布" not in monthly
    assert "2026年6月财务公开未发布" not in monthly  # covered by the quarter notice


def test_four_two_notice_fills_matter_step_5(notices, reviewer, db):
    now = dt.datetime(2026, 9, 1, 8, 0)
    with db.write() as s:
        matter = Matter(name="修建村道", category="村级公益事业", source="党支部", created_at=now)
        matter.steps = [MatterStep(step=n, date=dt.date(2026, 9, n), outcome="通过") for n in (1, 2, 3, 4)]
        s.add(matter)
        s.flush()
        matter_id = matter.id
    data = NoticeData(category="村务公开", subtype="四议两公开决议公开", title="关于修建村道的决议公开",
                      period=Q4, body="经村民代表会议表决通过。", post_from=DAY, post_to=DAY + dt.timedelta(days=6))
    with pytest.raises(ValidationFailed) as exc:
        notices.save(data)
    assert exc.value.problems["matter_id"] == "“四议两公开决议公开”要关联对应的四议两公开事项：请选择事项"
    data.matter_id = matter_id
    nid = notices.save(data)
    publish(notices, reviewer, nid)
    with db.read() as s:
        step = s.query(MatterStep).filter_by(matter_id=matter_id, step=5).one()
        assert (step.date, step.place) == (DAY, "村务公开栏")
        assert step.posted_text == "关于修建村道的决议公开\n经村民代表会议表决通过。"
    # A 实施结果 notice for a matter whose step 5 is missing is refused with the matter's message.
    with db.write() as s:
        for step in s.query(MatterStep).filter(MatterStep.matter_id == matter_id, MatterStep.step >= 4):
            s.delete(step)
    data.subtype, data.title = "四议两公开实施结果公开", "修建村道实施结果公开"
    later = notices.save(data)
    notices.submit(later)
    notices.review(later, reviewer, "同意", DAY, approve=True)
    with pytest.raises(UserError) as exc:
        notices.post(later, DAY)
    assert exc.value.message.startswith("关联的四议两公开事项还不能登记公开：还没有登记“决议”")
    assert notices.get(later).status == REVIEWED


def test_questions_overdue_after_seven_days(notices, db, clock):
    from app.services.notices.villager_questions import QuestionService

    questions = QuestionService(db, clock)
    nid = notices.save(finance())
    old = questions.add_question(QuestionData(dt.date(2026, 11, 19), "第3项修路费用为何这么高？", "村民甲", notice_id=nid))
    questions.add_question(QuestionData(dt.date(2026, 11, 20), "补贴何时发放？"))
    with pytest.raises(ValidationFailed) as exc:
        questions.add_question(QuestionData(dt.date(2026, 11, 28), " "))
    assert set(exc.value.problems) == {"question", "asked_on"}
    assert [q.id for q in questions.overdue_questions()] == [old]
    assert notices.list_rows()[0].open_questions == 1
    with pytest.raises(UserError, match="答复日期不能早于提出日期"):
        questions.answer(old, "按合同价结算", dt.date(2026, 11, 18))
    questions.answer(old, "按合同价结算", dt.date(2026, 11, 26))
    assert questions.overdue_questions() == []
    assert questions.questions(nid)[0].answer == "按合同价结算"
    assert len(questions.questions()) == 2



def test_party_notices_are_reviewed_by_the_branch_unless_the_settings_say_otherwise(notices, reviewer, members, db):
    branch = members.save(person("王支委", "党支部委员"))
    party = NoticeData(category="党务公开", title="红旗村2026年第三季度党务公开", period=Q3, issuer="党支部",
                       post_from=DAY, post_to=DAY + dt.timedelta(days=6))
    first = notices.save(party)
    notices.submit(first)
    assert [name for _, name in notices.reviewers(DAY, "党务公开")] == ["王支委"]
    assert [name for _, name in notices.reviewers(DAY, "财务公开")] == ["李监督"]
    with pytest.raises(UserError) as exc:
        notices.review(first, reviewer, "同意公开", DAY, approve=True)
    assert exc.value.message == "审核人必须是党支部委员会成员：请从支委会成员中选择"
    notices.review(first, branch, "同意公开", DAY, approve=True)

    settings = NoticeReviewSettings(db)
    assert settings.body_for("党务公开").full == "党支部委员会"
    assert settings.body_for("村务公开").full == settings.body_for("财务公开").full == "村务监督委员会"
    settings.set_body("党务公开", "监委会")
    assert NoticeReviewSettings(db).body_for("党务公开").questions_line == "如有疑问，请在公开期内向村务监督委员会反映"
    second = notices.save(party)
    notices.submit(second)
    notices.review(second, reviewer, "同意公开", DAY, approve=True)
    with pytest.raises(UserError):
        settings.set_body("党务公开", "村委会")
