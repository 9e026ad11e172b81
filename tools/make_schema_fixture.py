"""Write tests/fixtures/schema-<head>.db: a small database at the current schema.

Run once for each schema revision that is released, and commit the file: the tests upgrade
every stored fixture to the newest schema and compare its rows.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import sys
import tempfile
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.clock import FixedClock  # noqa: E402
from app.data_dir import DataDir  # noqa: E402
from app.services.common.context import open_services  # noqa: E402
from app.services.common.profile import Profile  # noqa: E402
from app.services.members.member_types import PersonData, PostData  # noqa: E402
from db.migrate import head_revision  # noqa: E402


def fill_rectification(services) -> None:  # noqa: ANN001
    """A 巡察 with two items, one closed after a progress entry with a linked record."""
    from app.services.rectification.rect_types import ItemData, ProgressData, SourceData

    rect = services.rectification
    owner = next(iter(services.members.names()))
    source = rect.save_source(SourceData("巡察", "2026年县委巡察反馈问题", dt.date(2026, 6, 1), "县委第三巡察组"))
    done = rect.save_item(ItemData(source, "财务公开不及时", "立行立改", ["按季度公开"], owner, dt.date(2026, 7, 1)))
    rect.save_item(ItemData(source, "党员教育管理不够经常", "长期坚持", ["每月主题党日"], owner, None))
    rect.save_progress(ProgressData(done, dt.date(2026, 6, 20), "第二季度财务已公开"))
    rect.close(done, dt.date(2026, 6, 30), "李书记", "同意销号")
    rect.reopen(done, "回头看发现第三季度未公开")


def _team_rules(services) -> None:  # noqa: ANN001
    """A few rows of each table of the team's rules (migration 0010)."""
    from app.services.team_rules.team_types import MONTH, DutyLogData, DutyTaskData, PlanItemData, PledgeData, When

    team = services.team_rules
    secretary = next(r.id for r in services.members.list_rows() if r.name == "张三")
    item = team.plans.save_item(2026, PlanItemData(When(MONTH, 6), "讲党课", secretary, proof_kind="meeting",
                                                   proof_ref="党课"))
    team.plans.save_item(2026, PlanItemData(When(MONTH, 7), "走访困难党员", secretary,
                                            done_on=dt.date(2026, 7, 20), done_note="走访5户"))
    team.plans.delete_item(item)
    team.duties.save_task(2026, DutyTaskData(secretary, "主持党风廉政建设专题会议", dt.date(2026, 6, 30)))
    team.duties.save_pledge(2026, PledgeData(secretary, dt.date(2026, 5, 10), assessment="称职"))
    team.study.add_self_study(secretary, dt.date(2026, 6, 1), "学习党章", 2)
    team.rota.generate(dt.date(2026, 10, 1), dt.date(2026, 10, 7))
    team.rota.save_log(DutyLogData(dt.date(2026, 10, 1), events="无", handover="正常交接"))


def main() -> None:
    clock = FixedClock(dt.datetime(2026, 11, 27, 9))
    target = ROOT / "tests" / "fixtures" / f"schema-{head_revision()}.db"
    with tempfile.TemporaryDirectory() as tmp:
        services = open_services(DataDir(Path(tmp)), clock)
        services.profile.save(Profile("红旗村", "城关镇", area_code="430124105201"))  # the key pair is made on open
        term = services.members.add_term("第十二届", dt.date(2026, 5, 1), dt.date(2031, 4, 30))
        start = dt.date(2026, 5, 1)
        people = [
            ("张三", "440308197503021235", ["党支部书记", "村委会主任"]),
            ("吴𠮷祥", None, ["监委会主任"]),
            ("李䶮", "430102198001015621", []),
        ]
        for name, number, posts in people:
            data = PersonData(
                values={"name": name, "id_number": number},
                posts=[PostData(t, start, None, term) for t in posts],
                duties="全面工作" if posts else "",
                term_id=term,
            )
            services.members.save(data)
        # The village's other bodies: a 村民小组, a 村民代表 in it, a 党小组, a body setting.
        from app.services.bodies.body_types import GroupData, RepresentativeData
        from app.services.members.posts import Body

        group = services.villager_groups.save(GroupData("第一村民小组", None, 48, 131))
        services.representatives.save(RepresentativeData("周秀英", "女", "", group, 12, start, None, term),
                                      confirmed=True)
        services.party_groups.save("第一党小组", None, [])
        services.body_settings.set_kept(Body.UNION, False)
        fill_rectification(services)
        _team_rules(services)
        services.close()
        with closing(sqlite3.connect(Path(tmp) / "taizhang.db")) as conn:
            conn.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            # The signing key is made per install on open; a committed fixture holds no private key.
            if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'village_key'").fetchone():
                conn.execute("DELETE FROM village_key")
                conn.commit()
            conn.execute("VACUUM")
        shutil.copyfile(Path(tmp) / "taizhang.db", target)
    print(target)


if __name__ == "__main__":
    main()
