"""The sample village's 整改台账: one 巡察 with eight items in every state, and one audit finding
put right by a 财务公开 (linked as its proof). Dated from the clock's today."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from app.services.rectification.rect_types import (
    DEADLINE,
    IMMEDIATE,
    ONGOING,
    ItemData,
    LinkData,
    ProgressData,
    SourceData,
)
from app.services.rectification.rectification import RectificationService
from db.models import Notice

SECRETARY, ORGANISER, DISCIPLINE, PROPAGANDA = "李建国", "张堃", "周淼", "陈喆"
ACCEPTOR = "镇纪委 刘振华"


@dataclass(frozen=True)
class DemoItem:
    problem: str
    kind: str
    measures: tuple[str, ...]
    owner: str
    deadline_days: int | None  # from today; None for 长期坚持
    progress: tuple[tuple[int, str], ...] = ()  # (days ago, text)
    closed_days_ago: int | None = None
    reopen: str = ""


INSPECTION = (
    DemoItem("“三会一课”记录不规范，部分支委会记录缺少议题和表决情况", IMMEDIATE,
             ("统一使用会议记录本，逐项填写议题、表决情况", "纪检委员每月检查记录"), SECRETARY, -90,
             ((100, "已统一启用新的会议记录本，补全近三个月记录"),), 95),
    DemoItem("村级财务公开不及时，第二季度财务收支未按时公开", DEADLINE,
             ("每季度首月10日前公开上季度财务收支", "监委会审核后上墙并拍照留存"), ORGANISER, -30,
             ((60, "第二季度财务收支已补公开"), (40, "建立公开提醒，纳入纪律提醒台账")), 35),
    DemoItem("党员发展程序执行不严格，培养考察材料不齐全", DEADLINE,
             ("对照发展党员工作细则逐项补齐材料", "支委会集体研究后报镇党委审核"), SECRETARY, 60,
             ((20, "已梳理近三年发展对象材料，列出缺项清单"),)),
    DemoItem("村务监督委员会作用发挥不充分，未全程参与工程项目监督", DEADLINE,
             ("监委会全程参与村级工程项目验收", "建立监督台账"), DISCIPLINE, 15,
             ((10, "监委会已参与村道硬化工程中期验收"),)),
    DemoItem("集体资产台账不完整，部分鱼塘承包合同未登记", DEADLINE,
             ("全面清查集体资产资源", "补签、补登承包合同"), ORGANISER, 7),
    DemoItem("惠民补贴发放公示时间不足7天", DEADLINE, ("严格执行公示不少于7天的规定",), PROPAGANDA, -12,
             ((30, "已制定惠民补贴发放公示流程"),)),
    DemoItem("党员教育管理不够经常，流动党员联系不紧密", ONGOING,
             ("每月开展主题党日", "建立流动党员微信群，每季度联系一次"), PROPAGANDA, None,
             ((50, "第三季度已联系全部流动党员"),)),
    DemoItem("廉政风险排查不深入，重点岗位风险点未逐一明确", DEADLINE,
             ("对重点岗位逐一排查风险点", "签订廉政承诺书"), DISCIPLINE, 40,
             ((70, "已完成重点岗位风险排查"),), 65, "回头看发现村报账员岗位风险点未纳入排查"),
)


def fill_demo_rectification(rect: RectificationService) -> int:
    """Add the sample sources and items; returns how many items."""
    today = rect.clock.today()
    ids = {name: pid for pid, name in rect.people().items()}
    anyone = next(iter(ids.values()), None)

    def day(days_ago: int) -> dt.date:
        return today - dt.timedelta(days=days_ago)

    source = rect.save_source(SourceData("巡察", f"{day(120).year}年县委第三巡察组巡察反馈问题", day(120),
                                         "县委第三巡察组", f"县巡反〔{day(120).year}〕3号"))
    for demo in INSPECTION:
        deadline = None if demo.deadline_days is None else today + dt.timedelta(days=demo.deadline_days)
        item_id = rect.save_item(ItemData(source, demo.problem, demo.kind, list(demo.measures),
                                          ids.get(demo.owner, anyone), deadline, ids.get(SECRETARY, anyone)))
        for days_ago, text in demo.progress:
            rect.save_progress(ProgressData(item_id, day(days_ago), text))
        if demo.closed_days_ago is not None:
            rect.close(item_id, day(demo.closed_days_ago), ACCEPTOR, "经现场核查，已整改到位，同意销号")
        if demo.reopen:
            rect.reopen(item_id, demo.reopen)

    audit = rect.save_source(SourceData("审计", f"{day(200).year - 1}年度村级财务收支审计", day(200), "镇经管站",
                                        f"镇审〔{day(200).year}〕12号"))
    item_id = rect.save_item(ItemData(audit, "部分财务支出未经村务监督委员会审核即公开", IMMEDIATE,
                                      ["财务支出先经监委会审核，再按季度公开"], ids.get(ORGANISER, anyone),
                                      day(150), ids.get(SECRETARY, anyone)))
    with rect.db.read() as s:
        notice = s.scalar(select(Notice.id).where(Notice.category == "财务公开").order_by(Notice.id))
    links = [LinkData("notice", notice)] if notice is not None else []
    first = max(day(180), day(200))
    rect.save_progress(ProgressData(item_id, first, "财务公开已经监委会审核后上墙公开", links=links))
    rect.close(item_id, first, ACCEPTOR, "已整改到位，同意销号")
    return len(INSPECTION) + 1
