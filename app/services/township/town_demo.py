"""`town demo`: a sample township of 12 villages made from the sample village, with the usual variations.

Each village gets its own key and its own 统计用区划代码, exports a package and is imported the
way a real one would be. Variations: one whose 支部委员会会议 lapsed for three months, one late
with its 财务公开, one without this year's 党建计划, one whose 整改 items are still open (the others
have put theirs right), one whose people's ID numbers carry a retired county code (an ID keeps
the code of the place that issued it), and one registered but not yet reporting.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import tempfile
from contextlib import closing
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select

from app.clock import Clock
from app.data_dir import DataDir
from app.services.common.context import Services, open_services
from app.services.common.demo_village import fill_sample_village
from app.services.common.errors import UserError
from app.services.safety.actor import command_line_actor
from app.services.township.package_export import export_key, export_package
from app.services.township.package_import import import_package
from app.services.township.town_store import TownStore
from app.services.township.village_key import read_card
from app.services.members.idcard import check_digit
from app.services.rectification.demo import ACCEPTOR
from app.services.rectification.rect_types import ONGOING, ProgressData
from db.models import Notice, Person, TeamPlan

TOWN_CODE = "430124105"
NAMES = ("红旗村", "向阳村", "光明村", "新华村", "东风村", "建设村", "和平村", "胜利村", "团结村", "长岭村", "石桥村",
         "白沙社区")
LAPSED, LATE, NO_PLAN, OPEN_ITEMS, OLD_IDS, SILENT = "向阳村", "光明村", "新华村", "东风村", "建设村", "白沙社区"
RETIRED_COUNTY = "430122"  # 望城县, a 区 (430112) since 2011: IDs issued before keep the old code


def _lapse_branch_meetings(services: Services, year: int) -> None:
    for row in services.meetings.list_rows(year=year, kind="支部委员会会议"):
        if row.date.month in (3, 4, 5):
            try:
                services.meetings.delete(row.id)
            except UserError:  # the record of a 四议两公开 step stays
                pass


def _late_finance_notices(services: Services, year: int) -> None:
    """This year's 财务公开 posted 40 days later than they were: each period's notice comes late."""
    with services.db.write() as s:
        for notice in s.scalars(select(Notice).where(Notice.category == "财务公开", Notice.post_from.is_not(None),
                                                     Notice.post_from >= dt.date(year, 1, 1))):
            for field in ("post_from", "post_to", "posted_date"):
                if getattr(notice, field) is not None:
                    setattr(notice, field, getattr(notice, field) + dt.timedelta(days=40))


def _drop_plan(services: Services, year: int) -> None:
    with services.db.write() as s:
        for plan in s.scalars(select(TeamPlan).where(TeamPlan.year == year)):
            s.delete(plan)  # its lines with it (and its logged changes, by the foreign key)


def _rectify_everything(services: Services) -> None:
    """Every open item (but those kept up for good) put right a few days ago, with its progress."""
    rect, today = services.rectification, services.clock.today()
    for item in rect.items():
        if item.closed_on is not None or item.kind == ONGOING:
            continue
        rect.save_progress(ProgressData(item.id, today - dt.timedelta(days=10), "已按整改措施逐项整改到位，材料已归档"))
        rect.close(item.id, today - dt.timedelta(days=5), ACCEPTOR, "经现场核查，已整改到位，同意销号")


def _retire_id_area(services: Services, _year: int) -> None:
    with services.db.write() as s:
        for person in s.scalars(select(Person).where(Person.id_number.is_not(None))):
            first17 = RETIRED_COUNTY + person.id_number[6:17]
            person.id_number = first17 + check_digit(first17)


# What each varied village shows, as `town demo` tells the user.
SHOWN = {LAPSED: "支委会三个月未开", LATE: "财务公开逾期", NO_PLAN: "没有当年党建计划", OPEN_ITEMS: "整改问题未完成（其余各村已销号）",
         OLD_IDS: "身份证号用已撤销的县级代码", SILENT: "已登记、未上报"}
VARIATIONS = {LAPSED: _lapse_branch_meetings, LATE: _late_finance_notices, NO_PLAN: _drop_plan,
              OLD_IDS: _retire_id_area}


def build_demo_town(root: Path, name: str, clock: Clock, db_url: str | None = None) -> tuple[int, int]:
    """(villages registered, packages imported)."""
    root = Path(root)
    store = TownStore.init(root, name, TOWN_CODE, db_url)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            sample = DataDir(Path(tmp) / "sample")
            services = open_services(sample, clock)
            services.act_as(command_line_actor())
            fill_sample_village(services)
            services.close()
            for number, village in enumerate(NAMES, 1):
                data = DataDir(Path(tmp) / f"v{number}")
                data.root.mkdir()
                shutil.copyfile(sample.database, data.database)
                with closing(sqlite3.connect(data.database)) as conn, conn:
                    conn.execute("DELETE FROM village_key")  # each village makes its own key on open
                services = open_services(data, clock)
                services.act_as(command_line_actor())
                try:
                    profile = services.profile.get()
                    services.profile.save(replace(profile, village_name=village, township=name,
                                                  party_org_name="", committee_name="",
                                                  area_code=f"{TOWN_CODE}{200 + number:03d}"))
                    if village in VARIATIONS:
                        VARIATIONS[village](services, clock.today().year)
                    if village != OPEN_ITEMS:
                        _rectify_everything(services)
                    key = Path(tmp) / f"{number}.pub"
                    export_key(services.db, key)
                    store.register(read_card(key), clock.now())
                    if village != SILENT:
                        package = Path(tmp) / f"{number}.tzpkg"
                        export_package(services.db, data, clock, package)
                        import_package(store, package, clock)
                finally:
                    services.close()
    finally:
        store.close()
    return len(NAMES), sum(1 for n in NAMES if n != SILENT)
