"""Rectification deadlines warn on the 工作台 and in ``due`` 20 days before, again at 10 days,
and as 逾期 after; 长期坚持 items come up for their periodic check."""

import datetime as dt

from rect_data import inspection, item

from app.services.rectification.rect_types import ONGOING, ProgressData

SOURCE = "2026年县委第三巡察组反馈问题"


def _titles(services):
    return [(i.status, i.due, i.title) for i in services.workbench.due_items() if i.area == "整改台账"]


def test_deadlines_show_at_20_and_10_days_and_after_as_overdue(services):
    source, owner, _ = inspection(services)
    rect = services.rectification
    rect.save_item(item(source, owner, dt.date(2026, 12, 17), problem="二十天后到期的问题"))
    rect.save_item(item(source, owner, dt.date(2026, 12, 7), problem="十天后到期的问题"))
    rect.save_item(item(source, owner, dt.date(2026, 11, 20), problem="已过时限的问题"))
    rect.save_item(item(source, owner, dt.date(2026, 12, 18), problem="二十一天后到期的问题"))
    assert _titles(services) == [
        ("已逾期", dt.date(2026, 11, 20), f"整改“已过时限的问题”（{SOURCE}）已逾期7天（时限2026年11月20日）"),
        ("待办", dt.date(2026, 12, 7), f"整改“十天后到期的问题”（{SOURCE}）还有10天到期（时限2026年12月7日）"),
        ("待办", dt.date(2026, 12, 17), f"整改“二十天后到期的问题”（{SOURCE}）还有20天到期（时限2026年12月17日）"),
    ]


def test_the_10_day_warning_comes_back_after_the_20_day_one_was_marked(services, clock):
    source, owner, _ = inspection(services)
    services.rectification.save_item(item(source, owner, dt.date(2026, 12, 17)))
    (first,) = [i for i in services.workbench.due_items() if i.area == "整改台账"]
    services.derived.dispose(first, "已处理", "已在支委会上督促")
    assert _titles(services) == []
    clock.moment = dt.datetime(2026, 12, 7, 9)
    assert [t for _, _, t in _titles(services)] == [
        f"整改“三务公开不及时，财务公开栏内容未按季度更新”（{SOURCE}）还有10天到期（时限2026年12月17日）"]


def test_a_closed_item_warns_no_more(services):
    source, owner, _ = inspection(services)
    rect = services.rectification
    item_id = rect.save_item(item(source, owner, dt.date(2026, 11, 20)))
    rect.save_progress(ProgressData(item_id, dt.date(2026, 11, 25), "已整改"))
    rect.close(item_id, dt.date(2026, 11, 26), "王书记", "同意销号")
    assert _titles(services) == []


def test_an_ongoing_item_is_due_a_check_a_quarter_after_its_last_progress(services):
    source, owner, _ = inspection(services, raised_on=dt.date(2026, 6, 1))
    rect = services.rectification
    item_id = rect.save_item(item(source, owner, None, kind=ONGOING, problem="党员教育管理常态化"))
    rect.save_progress(ProgressData(item_id, dt.date(2026, 9, 1), "第三季度检查"))
    (found,) = [i for i in services.workbench.due_items() if i.area == "整改台账"]
    assert (found.due, found.status, found.target.kind, found.target.args) == (
        dt.date(2026, 11, 30), "待办", "rectification", (item_id,))
    assert found.title == f"长期坚持的整改事项到了定期检查的时候：“党员教育管理常态化”（{SOURCE}）"
    rect.save_progress(ProgressData(item_id, dt.date(2026, 11, 27), "第四季度检查"))
    assert _titles(services) == []
