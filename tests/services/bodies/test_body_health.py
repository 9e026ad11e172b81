"""Each body's 健全 state and its last activity, for the township's 届中 review."""

import datetime as dt

from app.services.bodies.body_health import BodyHealthService
from app.services.bodies.body_types import RepresentativeData
from app.services.meetings.meeting_types import MeetingData
from app.services.members.posts import Body
from conftest import person


def health(services):
    return {h.name: h for h in BodyHealthService(services.db, services.clock).on()}


def test_a_body_with_its_leading_posts_held_is_sound_and_shows_its_last_activity(services):
    services.members.save(person("王淑芬", "妇联主席"))
    services.meetings.save(MeetingData(kinds=["其他"], topic="妇联执委会：三八节活动安排", date=dt.date(2026, 3, 2)),
                           None, True)
    services.meetings.save(MeetingData(kinds=["其他"], topic="妇联走访留守儿童", date=dt.date(2026, 6, 1)), None, True)
    women = health(services)["妇联"]
    assert women.sound and women.officers == ("妇联主席 王淑芬",)
    assert women.line() == "妇联：健全；最近一次活动 2026年6月1日“妇联走访留守儿童”"


def test_a_missing_leading_post_makes_a_body_unsound(services):
    services.members.save(person("韩志强", "民兵连长"))
    militia = health(services)["民兵"]
    assert not militia.sound and militia.missing == ("民兵连指导员",)
    assert militia.line() == "民兵：不健全（民兵连指导员空缺）；会议记录中没有找到活动"


def test_representatives_short_of_four_fifths_are_not_sound_art_26(services):
    """组织法第二十六条: 2 村委会 members and 1 村民代表 is short of 4/5."""
    services.members.save(person("甲", "村委会主任"))
    services.members.save(person("乙", "村委会委员"))
    services.representatives.save(RepresentativeData("丙", "女", start_date=dt.date(2026, 5, 1)), confirmed=True)
    services.meetings.save(MeetingData(kinds=["村民代表会议"], topic="第三季度村民代表会议",
                                       date=dt.date(2026, 9, 20)), None, True)
    reps = health(services)["村民代表"]
    assert not reps.sound and reps.officers == ("村民代表 1 人",)
    assert "不足五分之四" in reps.line() and "2026年9月20日“第三季度村民代表会议”" in reps.line()


def test_a_body_the_village_does_not_have_is_not_listed(services):
    services.body_settings.set_kept(Body.UNION, False)
    assert "工会" not in health(services)
    assert list(health(services)) == ["村民代表", "团支部", "妇联", "民兵", "集体经济组织"]
