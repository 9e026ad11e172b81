"""A 巡察 with items for the rectification tests, made through the services."""

from __future__ import annotations

import datetime as dt

from conftest import person

from app.services.rectification.rect_types import DEADLINE, ItemData, SourceData


def inspection(services, raised_on: dt.date = dt.date(2026, 9, 1)) -> tuple[int, int, int]:
    """(source id, 责任人 id, 责任领导 id) of a fresh 巡察."""
    owner = services.members.save(person("张堃", "村委会委员"))
    leader = services.members.save(person("李建国", "党支部书记"))
    source = services.rectification.save_source(
        SourceData("巡察", "2026年县委第三巡察组反馈问题", raised_on, "县委第三巡察组", "县巡反〔2026〕3号"))
    return source, owner, leader


def item(source: int, owner: int, deadline: dt.date | None = dt.date(2026, 12, 17), kind: str = DEADLINE,
         problem: str = "三务公开不及时，财务公开栏内容未按季度更新", **more) -> ItemData:
    return ItemData(source, problem, kind, ["每季度首月10日前更新公开栏", "监委会逐项审核"], owner, deadline, **more)
